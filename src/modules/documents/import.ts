/**
 * Imports a document register from e-office software (.xlsx/.csv): columns by meaning (as the
 * dossier register import does, src/modules/dossier-import), a row-by-row Vietnamese report, all
 * or nothing, progress, and a row cap. Outgoing entries keep their printed numbers (the book's
 * counter is raised past them); incoming entries keep their "Số đến" or, without one, are numbered
 * after the book's last number, in arrival order. Reading: import-analyse.ts; saving: import-save.ts.
 */
import type { Direction } from '../../core/documents/index.js';
import type { UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { ImportProgressStore } from '../../lib/import-progress.js';
import type { ImportProgressView } from '../../lib/import-progress.js';
import { sharedImportProgress } from '../runtime/progress.js';
import { policy } from '../auth/policy.js';
import { callerUserId, isSystem } from '../auth/roles.js';
import type { Caller } from '../auth/roles.js';
import type { ReadLimits } from '../dossier-import/file.js';
import { findUnitById } from '../units/repository.js';
import { analyseRegister } from './import-analyse.js';
import type { Planned } from './import-cells.js';
import type { DocumentImportReport, UnderstoodDocument } from './import-schema.js';
import { saveRegister } from './import-save.js';

export interface DocumentImportDeps {
  db: Q;
  clock: Clock;
  uploadMaxBytes: number;
  /** Limits of the file read (ZIP declared sizes, rows); defaults when absent. */
  readLimits?: ReadLimits;
  /** Data rows one import may hold (default 20,000): a year's register, not a whole archive. */
  maxRows?: number;
  onChange?: (() => void | Promise<void>) | undefined;
  /** Write progress to the database so that every server process answers it (PostgreSQL, ADR 008). */
  shareProgress?: boolean | undefined;
}

export interface DocumentImportOptions {
  dryRun?: boolean | undefined;
  /** The book when the file has no "đi/đến" column and its headers do not tell. */
  direction?: Direction | undefined;
  importId?: string | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  requestId?: string | undefined;
}

export const DEFAULT_MAX_ROWS = 20_000;
const SAMPLE = 20;

export function documentImportService({
  db,
  clock,
  uploadMaxBytes,
  readLimits,
  maxRows,
  onChange,
  shareProgress,
}: DocumentImportDeps) {
  const progressStore = new ImportProgressStore(shareProgress ? sharedImportProgress(db, clock) : null);
  const cap = maxRows ?? DEFAULT_MAX_ROWS;

  async function unitForImport(caller: Caller, unitId: number): Promise<UnitRow> {
    const unit = await findUnitById(db, unitId);
    if (!unit || (!isSystem(caller) && !policy.readUnit(caller, unit.path)))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    if (!isSystem(caller) && !policy.manageDocuments(caller, unit.id))
      throw new AppError(
        'FORBIDDEN',
        'Chỉ văn thư, cán bộ của chính đơn vị mới nhập được sổ văn bản của đơn vị.',
      );
    return unit;
  }

  const understood = (p: Planned): UnderstoodDocument => ({
    row: p.row,
    direction: p.direction,
    book: p.book,
    year: p.year,
    number: p.number,
    numberText: p.numberText,
    docType: p.docType,
    documentDate: p.documentDate,
    receivedOn: p.receivedOn,
    summary: p.summary,
    form: p.form,
    signed: p.signed,
    confidential: p.confidential,
    channel: p.channel,
  });

  /**
   * Reads and checks a file; unless `dryRun`, saves every entry in one transaction. Row errors come
   * back as a VALIDATION error whose details are the report; nothing is saved then.
   */
  async function run(
    caller: Caller,
    unitId: number,
    src: { bytes: Uint8Array; filename: string | null },
    opts: DocumentImportOptions = {},
  ): Promise<DocumentImportReport> {
    const unit = await unitForImport(caller, unitId);
    const entry = opts.dryRun
      ? null
      : await progressStore.track(opts.importId, callerUserId(caller), unit.id);
    return progressStore.follow(entry, async () => {
      const a = await analyseRegister(
        {
          db,
          unitId: unit.id,
          today: vietnamToday(clock),
          uploadMaxBytes,
          readLimits,
          maxRows: cap,
          direction: opts.direction,
        },
        src,
      );
      const report: DocumentImportReport = {
        dryRun: opts.dryRun === true,
        fileKind: a.fileKind,
        headerRow: a.headerRow,
        columns: a.columns,
        mapping: a.mapping,
        counts: a.counts,
        sample: a.planned.slice(0, SAMPLE).map(understood),
        errors: a.errors,
        imported: 0,
        importId: opts.importId ?? null,
      };
      if (a.errors.length > 0) {
        const rows = a.counts.invalid;
        throw new AppError(
          'VALIDATION',
          rows > 0
            ? `Tệp có ${rows} dòng lỗi: chưa lưu văn bản nào.`
            : 'Tệp không nhập được: chưa lưu văn bản nào.',
          report,
        );
      }
      if (a.planned.length === 0) throw new AppError('FILE_EMPTY', 'Tệp không có văn bản nào để nhập.');
      if (opts.dryRun) return report;
      report.imported = await saveRegister(db, {
        unitId: unit.id,
        userId: callerUserId(caller),
        now: clock.now().toISOString(),
        src,
        planned: a.planned,
        counts: a.counts,
        requestId: opts.requestId,
        onProgress: opts.onProgress,
        entry,
        progressStore,
      });
      await onChange?.();
      return report;
    });
  }

  function progress(id: string): Promise<ImportProgressView> {
    return progressStore.view(id);
  }

  return { run, progress };
}

export type DocumentImportService = ReturnType<typeof documentImportService>;
