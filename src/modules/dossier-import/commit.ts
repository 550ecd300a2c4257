/**
 * Use case: check a register file again and save every dossier in one transaction, or none; the
 * register numbers and our codes are taken from the counters inside it (ADR 008).
 */
import { dateOfMoment } from '../../core/calendar/index.js';
import { dossierCode, normaliseUnitCode, parseDossierCode } from '../../core/dossier/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { DossierEventTable, DossierTable, UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { ImportProgressEntry } from '../../lib/import-progress.js';
import { insertAudit } from '../audit/repository.js';
import { callerUserId } from '../auth/roles.js';
import type { Caller } from '../auth/roles.js';
import { counterScope, raiseCounter, takeNumbers } from '../counters/repository.js';
import { dossierSummaryColumns } from '../dossiers/summary.js';
import type { Insertable } from 'kysely';
import type { ImportSource } from './access.js';
import type { Analysis, Planned } from './analyse.js';
import { BATCH, insertDossierBatch, insertEventBatch } from './repository.js';
import type { RegisterCounts } from './schema.js';

export type ProgressCallback = (done: number, total: number) => void;

const iso = (ms: number) => new Date(ms).toISOString();

/** Groups in order, pushing (a copy per row made 200,000 rows quadratic inside the transaction). */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Register book (the receipt year) and its numbering continue the unit's own, and our codes the
 * day's sequence; codes of our shape given in the file move the day's counter past them.
 */
async function numberInTransaction(
  tx: Q,
  unit: UnitRow,
  ordered: readonly Planned[],
): Promise<Map<Planned, { book: string; no: number }>> {
  const registerNo = new Map<Planned, { book: string; no: number }>();
  for (const [year, list] of groupBy(ordered, (p) => dateOfMoment(p.received).slice(0, 4))) {
    const last = await takeNumbers(tx, counterScope.registerNo(unit.id, year), list.length);
    list.forEach((p, i) => registerNo.set(p, { book: year, no: last - list.length + 1 + i }));
  }
  const given = new Map<string, number>();
  let prefix: string | null = null;
  try {
    prefix = normaliseUnitCode(unit.code);
  } catch {
    prefix = null;
  }
  for (const p of ordered) {
    const parsed = p.codeGenerated || prefix === null ? null : parseDossierCode(p.code);
    if (parsed && parsed.unitCode === prefix)
      given.set(parsed.date, Math.max(given.get(parsed.date) ?? 0, parsed.seq));
  }
  for (const [day, seq] of given) await raiseCounter(tx, counterScope.dossierCode(unit.code, day), seq);
  const generated = ordered.filter((x) => x.codeGenerated);
  for (const [day, list] of groupBy(generated, (p) => dateOfMoment(p.received))) {
    const last = await takeNumbers(tx, counterScope.dossierCode(unit.code, day), list.length);
    list.forEach((p, i) => (p.code = dossierCode(unit.code, p.received, last - list.length + 1 + i)));
  }
  return registerNo;
}

interface RowsOf {
  unit: UnitRow;
  userId: number | null;
  now: string;
}

function dossierRow(
  { unit, userId, now }: RowsOf,
  p: Planned,
  reg: { book: string; no: number },
): Insertable<DossierTable> {
  return {
    unit_id: unit.id,
    procedure_id: p.procedure.id,
    code: p.code,
    channel: p.channel,
    applicant_name: p.applicant.name,
    applicant_id_number: p.applicant.idNumber,
    applicant_address: p.applicant.address,
    applicant_phone: p.applicant.phone,
    applicant_email: p.applicant.email,
    request: p.procedure.name,
    documents_json: '[]',
    register_book: reg.book,
    register_no: reg.no,
    received_at: iso(p.received),
    ...dossierSummaryColumns(p.state),
    fee_bearing: p.procedure.fee_bearing,
    paid_online: p.paidOnline ? 1 : 0,
    digitised: p.digitised ? 1 : 0,
    electronic_result: p.electronicResult ? 1 : 0,
    signed_result: 0,
    rating: null,
    rating_criteria_json: null,
    rating_comment: null,
    rated_at: null,
    rating_token_hash: null,
    complaint: 0,
    created_by: userId,
    created_at: now,
    updated_at: now,
  };
}

function eventRows({ userId, now }: RowsOf, p: Planned, dossierId: number): Insertable<DossierEventTable>[] {
  return p.events.map((e) => {
    const { kind, at, ...data } = e;
    return {
      dossier_id: dossierId,
      kind,
      at: iso(at),
      data_json: JSON.stringify(data),
      actor_id: userId,
      created_at: now,
    };
  });
}

export interface SaveRequest {
  caller: Caller;
  unit: UnitRow;
  src: ImportSource;
  now: string;
  requestId?: string | undefined;
  onProgress?: ProgressCallback | undefined;
  entry: ImportProgressEntry | null;
  /** Makes a batch's progress visible to other processes (through the pool). */
  publish: (entry: ImportProgressEntry) => Promise<void>;
}

/** Saves an analysed file (refused when it has errors or no dossier) in one transaction. */
export async function saveAnalysis(
  db: Q,
  a: Analysis,
  req: SaveRequest,
): Promise<{ imported: number; counts: RegisterCounts }> {
  if (a.errors.length > 0) {
    const rows = new Set(a.errors.map((e) => e.row)).size;
    throw new AppError('VALIDATION', `Tệp có ${rows} dòng lỗi: chưa lưu hồ sơ nào.`, {
      errors: a.errors,
      counts: a.counts,
    });
  }
  if (a.planned.length === 0) throw new AppError('FILE_EMPTY', 'Tệp không có hồ sơ nào để nhập.');
  const { unit, entry, now } = req;
  const total = a.planned.length;
  if (entry) Object.assign(entry, { state: 'saving', total });
  const ordered = [...a.planned].sort((x, y) => x.received - y.received || x.row - y.row);
  const rows: RowsOf = { unit, userId: callerUserId(req.caller), now };
  try {
    await db.transaction().execute(async (tx) => {
      const registerNo = await numberInTransaction(tx, unit, ordered);
      let done = 0;
      for (let i = 0; i < ordered.length; i += BATCH) {
        const batch = ordered.slice(i, i + BATCH);
        const ids = await insertDossierBatch(
          tx,
          batch.map((p) => dossierRow(rows, p, registerNo.get(p)!)),
        );
        await insertEventBatch(
          tx,
          batch.flatMap((p) => eventRows(rows, p, ids.get(p.code)!)),
        );
        done += batch.length;
        if (entry) {
          entry.done = done;
          // Through the pool, outside this transaction: other processes see it at once.
          await req.publish(entry);
        }
        req.onProgress?.(done, total);
        // Let the event loop turn between batches: better-sqlite3 answers synchronously, so without
        // this a commit would hold the process until it ends and no progress could be read.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await insertAudit(tx, {
        unitId: unit.id,
        userId: rows.userId,
        entity: 'dossier',
        entityId: null,
        action: 'import',
        after: {
          filename: req.src.filename,
          sha256: a.sha256,
          imported: total,
          generatedCodes: a.counts.generatedCodes,
          computedAppointments: a.counts.computedAppointments,
          open: a.counts.open,
          ended: a.counts.ended,
          late: a.counts.late,
          skipped: a.counts.skipped,
        },
        at: now,
        requestId: req.requestId,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError(
        'CONFLICT',
        'Một số mã hồ sơ vừa được lưu bởi thao tác khác: chưa lưu gì, hãy đọc thử lại tệp.',
      );
    throw e;
  }
  return { imported: total, counts: a.counts };
}
