import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import {
  expectedNumberCounters,
  listCounters,
  setCounters,
  unitCounterPrefixes,
} from '../counters/repository.js';
import {
  lockDossierWrites,
  recountUnitDayCounts,
  rewriteUnitDayCounts,
  storedUnitDayCounts,
  unitsWithDossierCounts,
} from '../dossiers/repository.js';
import type { StoredCounts } from '../dossiers/repository.js';
import { findUnitByCode, findUnitById } from '../units/repository.js';
import { reportSubmissionDrift, setReportSubmissionCount } from './repository.js';

/** One stored counter that differs from a recount of the rows it counts. */
export interface FigureDifference {
  /** `dossier_day_count`, `dossier_month_count`, `number_counter`, `report.submission_count`. */
  table: string;
  unitId: number | null;
  unitCode: string | null;
  /** The row: a day, a month, a counter's scope, a report's period. */
  key: string;
  column: string;
  stored: number;
  expected: number;
}

export interface VerifyReport {
  checkedUnits: number;
  differences: FigureDifference[];
  repaired: boolean;
}

function compare(
  table: string,
  unit: { id: number; code: string },
  stored: StoredCounts,
  expected: StoredCounts,
  out: FigureDifference[],
): void {
  for (const key of [...new Set([...stored.keys(), ...expected.keys()])].sort()) {
    const s = stored.get(key) ?? {};
    const e = expected.get(key) ?? {};
    for (const column of [...new Set([...Object.keys(s), ...Object.keys(e)])].sort()) {
      const a = s[column] ?? 0;
      const b = e[column] ?? 0;
      if (a !== b)
        out.push({ table, unitId: unit.id, unitCode: unit.code, key, column, stored: a, expected: b });
    }
  }
}

/**
 * `cchc figures verify` (ADR 008): recounts every stored counter from the rows it counts — the
 * dossier figures' day and month counters (per unit), the number counters (codes, register
 * numbers), the reports' submission counts — and lists each difference. Read in a snapshot (a
 * read-only repeatable-read transaction per unit), so writers running meanwhile show no false
 * drift. With `repair`, each drifting unit's counters are rewritten from the rows while dossier
 * writers wait.
 */
export async function verifyFigures(
  db: Db,
  opts: { unitCode?: string | undefined; repair?: boolean | undefined } = {},
): Promise<VerifyReport> {
  const q = db.kysely;
  let only: { id: number; code: string } | undefined;
  if (opts.unitCode) {
    const u = await findUnitByCode(q, opts.unitCode.trim().toUpperCase());
    if (!u) throw new AppError('NOT_FOUND', `Không có đơn vị mã ${opts.unitCode}.`);
    only = { id: u.id, code: u.code };
  }
  const snapshot = () => q.transaction().setIsolationLevel('repeatable read').setAccessMode('read only');
  const unitIds = only ? [only.id] : await unitsWithDossierCounts(q);
  const differences: FigureDifference[] = [];
  const drifting = new Set<number>();
  for (const id of unitIds) {
    const unit = only ?? (await findUnitById(q, id));
    if (!unit) continue;
    const found: FigureDifference[] = [];
    await snapshot().execute(async (tx) => {
      const [stored, expected] = [await storedUnitDayCounts(tx, id), await recountUnitDayCounts(tx, id)];
      compare('dossier_day_count', unit, stored.days, expected.days, found);
      compare('dossier_month_count', unit, stored.months, expected.months, found);
    });
    if (found.length > 0) drifting.add(id);
    differences.push(...found);
  }
  const counters = await snapshot().execute(async (tx) => ({
    stored: await listCounters(
      tx,
      only ? unitCounterPrefixes(only) : ['dossier_code:', 'feedback_code:', 'register_no:'],
    ),
    expected: await expectedNumberCounters(tx, only?.id),
    reports: await reportSubmissionDrift(tx, only?.id),
  }));
  const counterFix = new Map<string, number>();
  for (const scope of [...new Set([...counters.stored.keys(), ...counters.expected.keys()])].sort()) {
    const a = counters.stored.get(scope) ?? 0;
    const b = counters.expected.get(scope) ?? 0;
    if (a === b) continue;
    counterFix.set(scope, b);
    differences.push({
      table: 'number_counter',
      unitId: only?.id ?? null,
      unitCode: only?.code ?? null,
      key: scope,
      column: 'value',
      stored: a,
      expected: b,
    });
  }
  for (const r of counters.reports)
    differences.push({
      table: 'report',
      unitId: r.unitId,
      unitCode: null,
      key: r.period,
      column: 'submission_count',
      stored: r.stored,
      expected: r.expected,
    });

  if (opts.repair && differences.length > 0) {
    await q.transaction().execute(async (tx) => {
      await lockDossierWrites(tx, db.dialect);
      for (const id of drifting) await rewriteUnitDayCounts(tx, id);
      // Recounted under the lock: a number issued since the snapshot is kept.
      const now = await expectedNumberCounters(tx, only?.id);
      await setCounters(tx, new Map([...counterFix.keys()].map((k) => [k, now.get(k) ?? 0])));
      for (const r of counters.reports) await setReportSubmissionCount(tx, r.id, r.expected);
    });
  }
  return {
    checkedUnits: unitIds.length,
    differences,
    repaired: opts.repair === true && differences.length > 0,
  };
}

/** The administrators' side of `verifyFigures` (the web app's screen and its endpoint). */
export function figuresService({ db }: { db: Db }) {
  return {
    async verify(
      actor: Actor,
      input: { unitId?: number | undefined; repair?: boolean | undefined },
    ): Promise<VerifyReport> {
      const unit = input.unitId === undefined ? null : await findUnitById(db.kysely, input.unitId);
      if (input.unitId !== undefined && (!unit || !policy.readUnit(actor, unit.path)))
        throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
      if (!policy.verifyFigures(actor, unit?.path ?? null))
        throw new AppError(
          'FORBIDDEN',
          'Chỉ quản trị viên mới kiểm tra được số liệu; toàn hệ thống: quản trị viên đơn vị cấp cao nhất.',
        );
      return verifyFigures(db, { unitCode: unit?.code, repair: input.repair });
    },
  };
}
