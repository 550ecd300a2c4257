/**
 * Imports from other one-stop software: the unit's procedure catalogue, and its register of
 * dossiers. Both are all or nothing with a row-by-row Vietnamese report; the register import has a
 * preview (nothing saved) and a commit (re-validated, saved in one transaction in batches). The
 * rows are read by `core/register-import`; the use cases here do the I/O around it.
 */
import type { Q } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { ImportProgressStore } from '../../lib/import-progress.js';
import { callerUserId } from '../auth/roles.js';
import type { Caller } from '../auth/roles.js';
import type { CalendarService } from '../calendar/service.js';
import { sharedImportProgress } from '../runtime/progress.js';
import { sheetOf, unitForImport } from './access.js';
import type { ImportSource } from './access.js';
import { analyse } from './analyse.js';
import { saveAnalysis } from './commit.js';
import type { ProgressCallback } from './commit.js';
import type { ReadLimits } from './file.js';
import { previewOf } from './preview.js';
import { importProcedures } from './procedures.js';
import type { ColumnMapping, ImportProgress, RegisterCounts, RegisterPreview } from './schema.js';

export { isFiller } from '../../core/register-import/index.js';
export type { ImportSource } from './access.js';
export type { ProgressCallback } from './commit.js';

export interface DossierImportDeps {
  db: Q;
  clock: Clock;
  calendar: CalendarService;
  /** Files larger than this are refused (the app's upload limit). */
  uploadMaxBytes: number;
  /** Limits of the file read (ZIP declared sizes, rows); defaults when absent. */
  readLimits?: ReadLimits;
  /**
   * Write each batch's progress to the database for other processes (PostgreSQL; on SQLite the
   * import's transaction holds the only writer, and one process serves, so only the start and the
   * end are written there).
   */
  shareProgress?: boolean | undefined;
}

export interface CommitOptions {
  mapping?: ColumnMapping | undefined;
  onProgress?: ProgressCallback | undefined;
  /** A client-chosen id under which `progress(id)` reports this commit (per process). */
  importId?: string | undefined;
  requestId?: string | undefined;
}

export function dossierImportService(deps: DossierImportDeps) {
  const { db, clock, uploadMaxBytes, readLimits, shareProgress } = deps;
  const progressStore = new ImportProgressStore(shareProgress ? sharedImportProgress(db, clock) : null);

  /** Reads and checks a register file; saves nothing. */
  async function preview(
    caller: Caller,
    unitId: number,
    src: ImportSource,
    mapping?: ColumnMapping,
  ): Promise<RegisterPreview> {
    const unit = await unitForImport(db, caller, unitId);
    const sheet = await sheetOf(src, uploadMaxBytes, readLimits);
    return previewOf(await analyse(deps, unit, src, sheet, mapping));
  }

  /** Checks the file again and saves every dossier in one transaction, or none. */
  async function commit(
    caller: Caller,
    unitId: number,
    src: ImportSource,
    opts: CommitOptions = {},
  ): Promise<{ imported: number; counts: RegisterCounts; importId: string | null }> {
    const unit = await unitForImport(db, caller, unitId);
    const entry = await progressStore.track(opts.importId, callerUserId(caller), unit.id);
    return progressStore.follow(entry, async () => {
      const sheet = await sheetOf(src, uploadMaxBytes, readLimits);
      const a = await analyse(deps, unit, src, sheet, opts.mapping);
      const saved = await saveAnalysis(db, a, {
        caller,
        unit,
        src,
        now: clock.now().toISOString(),
        requestId: opts.requestId,
        onProgress: opts.onProgress,
        entry,
        publish: (e) => progressStore.publish(e),
      });
      return { ...saved, importId: opts.importId ?? null };
    });
  }

  return {
    importProcedures: (
      caller: Caller,
      unitId: number,
      src: ImportSource,
      opts?: { dryRun?: boolean | undefined; requestId?: string | undefined },
    ) => importProcedures(deps, caller, unitId, src, opts),
    preview,
    commit,
    /** A running or recent commit's progress, by its secret id (ADR 008: from any process). */
    progress: (id: string): Promise<ImportProgress> => progressStore.view(id),
  };
}

export type DossierImportService = ReturnType<typeof dossierImportService>;
