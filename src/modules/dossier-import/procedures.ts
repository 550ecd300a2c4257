/** Use case: import the unit's procedure catalogue (all or nothing, updated by code). */
import {
  detectColumns,
  missingProcedureColumns,
  PROCEDURE_SYNONYMS,
  readCatalogue,
} from '../../core/register-import/index.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { sha256 } from '../../lib/hash.js';
import { insertAudit } from '../audit/repository.js';
import { callerUserId } from '../auth/roles.js';
import type { Caller } from '../auth/roles.js';
import { sheetOf, unitForImport } from './access.js';
import type { ImportSource } from './access.js';
import type { ReadLimits } from './file.js';
import { insertProcedures, listUnitProcedures, updateProcedureRow } from './repository.js';
import type { ProcedureImportReport } from './schema.js';

export interface ProcedureImportDeps {
  db: Q;
  clock: Clock;
  uploadMaxBytes: number;
  readLimits?: ReadLimits | undefined;
}

export async function importProcedures(
  { db, clock, uploadMaxBytes, readLimits }: ProcedureImportDeps,
  caller: Caller,
  unitId: number,
  src: ImportSource,
  opts: { dryRun?: boolean | undefined; requestId?: string | undefined } = {},
): Promise<ProcedureImportReport> {
  const unit = await unitForImport(db, caller, unitId);
  const sheet = await sheetOf(src, uploadMaxBytes, readLimits);
  const detected = detectColumns(
    sheet.rows.map((r) => r.cells),
    PROCEDURE_SYNONYMS,
  );
  const headerRow = detected.headerIndex >= 0 ? sheet.rows[detected.headerIndex]!.row : 1;
  const base = { dryRun: opts.dryRun === true, headerRow };
  const missing = missingProcedureColumns(detected.mapping, headerRow);
  if (missing.length > 0)
    throw new AppError('VALIDATION', 'Tệp danh mục thiếu cột bắt buộc: chưa lưu gì.', {
      ...base,
      created: 0,
      updated: 0,
      unchanged: 0,
      rows: [],
      errors: missing,
    } satisfies ProcedureImportReport);

  const held = new Map((await listUnitProcedures(db, unit.id)).map((p) => [p.code, p]));
  const { toSave, ...read } = readCatalogue(
    sheet.rows.slice(detected.headerIndex + 1),
    detected.mapping,
    held,
  );
  const report: ProcedureImportReport = {
    ...base,
    created: read.created,
    updated: read.updated,
    unchanged: read.unchanged,
    rows: read.rows,
    errors: read.errors,
  };
  if (report.errors.length > 0) {
    const rows = new Set(report.errors.map((e) => e.row)).size;
    throw new AppError('VALIDATION', `Tệp danh mục có ${rows} dòng lỗi: chưa lưu thủ tục nào.`, report);
  }
  if (report.rows.length === 0) throw new AppError('FILE_EMPTY', 'Tệp danh mục không có thủ tục nào.');
  if (report.dryRun) return report;

  const now = clock.now().toISOString();
  await db.transaction().execute(async (tx) => {
    await insertProcedures(
      tx,
      toSave
        .filter((s) => s.old === undefined)
        .map((s) => ({ ...s.values, unit_id: unit.id, active: 1, created_at: now, updated_at: now })),
    );
    for (const s of toSave)
      if (s.old) await updateProcedureRow(tx, s.old.id, { ...s.values, updated_at: now });
    await insertAudit(tx, {
      unitId: unit.id,
      userId: callerUserId(caller),
      entity: 'procedure',
      entityId: null,
      action: 'import',
      after: {
        filename: src.filename,
        sha256: sha256(src.bytes),
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
      },
      at: now,
      requestId: opts.requestId,
    });
  });
  return report;
}
