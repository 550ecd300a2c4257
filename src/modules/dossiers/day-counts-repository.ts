/**
 * The register's per-unit per-day and per-month counters (ADR 005, ADR 006): kept in step by every
 * dossier writer in its transaction, rebuilt and recounted by the repair.
 */
import type { DossierDayCountTable, DossierRow } from '../../db/tables.js';
import { sql } from 'kysely';
import type { DossierSummary } from '../../core/metrics/index.js';
import { DAY_COUNT_KEYS, DAY_OPEN_KEYS, dossierDayCounts } from '../../core/metrics/day-counts.js';
import type { DayCountKey } from '../../core/metrics/day-counts.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

// ---------------------------------------------------------------------------------------------
// Period figures (ADR 005, ADR 006): per-unit per-day counters kept in step by every writer, plus
// the dossiers open at the period's end and the partial days at its edges counted live.

/** The dossier columns the figures read. */
export const FIGURE_COLUMNS = [
  'unit_id',
  'received_at',
  'channel',
  'appointment_at',
  'ended_at',
  'end_kind',
  'late',
  'late_since',
  'awaiting_supplement_since',
  'supplement_requests',
  'fee_bearing',
  'paid_online',
  'digitised',
  'electronic_result',
  'rating',
  'complaint',
] as const;
export type FigureRow = Pick<DossierRow, (typeof FIGURE_COLUMNS)[number]>;

export const DAY_COLUMN: Record<DayCountKey, keyof DossierDayCountTable> = {
  received: 'received',
  online: 'online',
  direct: 'direct',
  postal: 'postal',
  feeBearing: 'fee_bearing',
  paidOnline: 'paid_online',
  componentsDigitised: 'components_digitised',
  fullyDigitised: 'fully_digitised',
  early: 'early',
  onTime: 'on_time',
  lateFinished: 'late_finished',
  resolved: 'resolved',
  returned: 'returned',
  refused: 'refused',
  withdrawn: 'withdrawn',
  withResult: 'with_result',
  electronic: 'electronic',
  verySatisfied: 'very_satisfied',
  satisfied: 'satisfied',
  notSatisfied: 'not_satisfied',
  complaintsFinished: 'complaints_finished',
  openOnTime: 'open_on_time',
  openLate: 'open_late',
  complaintsOpen: 'complaints_open',
};

export const msOf = (s: string) => Date.parse(s);
const msOrNull = (s: string | null | undefined) => (s === null || s === undefined ? null : Date.parse(s));

/** The core's summary of a row (the same reading as the SQL counters). */
export function figureSummaryOfRow(r: FigureRow): DossierSummary {
  return {
    receivedAt: msOf(r.received_at),
    channel: r.channel as DossierSummary['channel'],
    appointment: msOf(r.appointment_at),
    endedAt: msOrNull(r.ended_at),
    endKind: r.end_kind as DossierSummary['endKind'],
    late: r.late === 1,
    lateSince: msOrNull(r.late_since),
    awaitingSupplementSince: msOrNull(r.awaiting_supplement_since),
    supplementRequests: r.supplement_requests,
    feeBearing: r.fee_bearing === 1,
    paidOnline: r.paid_online === 1,
    digitised: r.digitised === 1,
    electronicResult: r.electronic_result === 1,
    rating: r.rating as DossierSummary['rating'],
    complaint: r.complaint === 1,
  };
}

type DayDeltas = Map<string, { unitId: number; day: string; c: Record<DayCountKey, number> }>;

function addRow(acc: DayDeltas, r: FigureRow, sign: 1 | -1): void {
  dossierDayCounts(figureSummaryOfRow(r), (day, key) => {
    const k = `${r.unit_id}|${day}`;
    let e = acc.get(k);
    if (!e) {
      e = {
        unitId: r.unit_id,
        day,
        c: Object.fromEntries(DAY_COUNT_KEYS.map((x) => [x, 0])) as Record<DayCountKey, number>,
      };
      acc.set(k, e);
    }
    e.c[key] += sign;
  });
}

/** The received and finished counters also add up per month (the open-at-day-end ones do not). */
const MONTH_KEYS = DAY_COUNT_KEYS.filter((k) => !(DAY_OPEN_KEYS as readonly string[]).includes(k));

async function writeCountRows(
  db: Q,
  table: 'dossier_day_count' | 'dossier_month_count',
  keyColumn: 'day' | 'month',
  entries: { unitId: number; key: string; c: Record<DayCountKey, number> }[],
  keys: readonly DayCountKey[],
  upsert: boolean,
): Promise<void> {
  const cols = keys.map((k) => DAY_COLUMN[k]);
  // Always in (unit, day) order: two transactions upserting overlapping rows then lock them in the
  // same order and queue instead of deadlocking.
  const rows = [...entries]
    .sort((a, b) => a.unitId - b.unitId || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .filter((e) => keys.some((k) => e.c[k] !== 0))
    .map((e) => {
      const v: Record<string, number | string> = { unit_id: e.unitId, [keyColumn]: e.key };
      for (const k of keys) v[DAY_COLUMN[k]] = e.c[k];
      return v;
    });
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const q = db.insertInto(table).values(chunk as never);
    if (!upsert) await q.execute();
    else
      await q
        .onConflict((oc) =>
          oc
            .columns(['unit_id', keyColumn] as never)
            .doUpdateSet(
              Object.fromEntries(
                cols.map((c) => [c, sql<number>`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`]),
              ),
            ),
        )
        .execute();
  }
}

async function writeDayDeltas(db: Q, acc: DayDeltas, upsert: boolean): Promise<void> {
  const days = [...acc.values()].map((e) => ({ unitId: e.unitId, key: e.day, c: e.c }));
  const months = new Map<string, { unitId: number; key: string; c: Record<DayCountKey, number> }>();
  for (const e of acc.values()) {
    const key = e.day.slice(0, 7);
    const k = `${e.unitId}|${key}`;
    let m = months.get(k);
    if (!m)
      months.set(
        k,
        (m = {
          unitId: e.unitId,
          key,
          c: Object.fromEntries(DAY_COUNT_KEYS.map((x) => [x, 0])) as Record<DayCountKey, number>,
        }),
      );
    for (const x of MONTH_KEYS) m.c[x] += e.c[x];
  }
  await writeCountRows(db, 'dossier_day_count', 'day', days, DAY_COUNT_KEYS, upsert);
  await writeCountRows(db, 'dossier_month_count', 'month', [...months.values()], MONTH_KEYS, upsert);
}

/**
 * Keeps `dossier_day_count` in step with a write: takes out what the rows counted before and adds
 * what they count now. Every dossier writer calls it in the same transaction as its write.
 */
export async function applyDossierDayCounts(
  db: Q,
  before: readonly FigureRow[],
  after: readonly FigureRow[],
): Promise<void> {
  const acc: DayDeltas = new Map();
  for (const r of before) addRow(acc, r, -1);
  for (const r of after) addRow(acc, r, 1);
  await writeDayDeltas(db, acc, true);
}

/** Recounts `dossier_day_count` from the dossier rows (the migration, bulk loads, a repair). */
export async function rebuildDossierDayCounts(db: Q): Promise<void> {
  await db.deleteFrom('dossier_day_count').execute();
  await db.deleteFrom('dossier_month_count').execute();
  await writeDayDeltas(db, await recountDeltas(db), false);
}

/** A unit's day or month counter row: its key (`YYYY-MM-DD` or `YYYY-MM`) and counter columns. */
export type StoredCounts = Map<string, Record<string, number>>;

/** What the dossier rows (of one unit, or all) add to the day counters, read in batches. */
async function recountDeltas(db: Q, unitId?: number): Promise<DayDeltas> {
  const acc: DayDeltas = new Map();
  let lastId = 0;
  for (;;) {
    let q = db.selectFrom('dossier').select(['id', ...FIGURE_COLUMNS]);
    if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
    const rows = await q.where('id', '>', lastId).orderBy('id').limit(20_000).execute();
    if (rows.length === 0) break;
    for (const r of rows) addRow(acc, r, 1);
    lastId = rows[rows.length - 1]!.id;
  }
  return acc;
}

/**
 * What a unit's `dossier_day_count` and `dossier_month_count` rows should hold, recounted from its
 * dossier rows with the writers' own rule (`dossierDayCounts`), zero rows left out.
 */
export async function recountUnitDayCounts(
  db: Q,
  unitId: number,
): Promise<{ days: StoredCounts; months: StoredCounts }> {
  const acc = await recountDeltas(db, unitId);
  const days: StoredCounts = new Map();
  const months: StoredCounts = new Map();
  for (const e of acc.values()) {
    const d: Record<string, number> = {};
    for (const k of DAY_COUNT_KEYS) if (e.c[k] !== 0) d[DAY_COLUMN[k]] = e.c[k];
    if (Object.keys(d).length > 0) days.set(e.day, d);
    const mk = e.day.slice(0, 7);
    const m = months.get(mk) ?? {};
    for (const k of MONTH_KEYS) if (e.c[k] !== 0) m[DAY_COLUMN[k]] = (m[DAY_COLUMN[k]] ?? 0) + e.c[k];
    months.set(mk, m);
  }
  for (const [k, m] of months) if (Object.values(m).every((v) => v === 0)) months.delete(k);
  return { days, months };
}

/** A unit's stored day and month counters (zero columns left out). */
export async function storedUnitDayCounts(
  db: Q,
  unitId: number,
): Promise<{ days: StoredCounts; months: StoredCounts }> {
  const read = async (table: 'dossier_day_count' | 'dossier_month_count', keyColumn: 'day' | 'month') => {
    const rows = (await db.selectFrom(table).selectAll().where('unit_id', '=', unitId).execute()) as Record<
      string,
      unknown
    >[];
    const out: StoredCounts = new Map();
    for (const r of rows) {
      const c: Record<string, number> = {};
      for (const [k, v] of Object.entries(r))
        if (k !== 'unit_id' && k !== keyColumn && num(v as number) !== 0) c[k] = num(v as number);
      if (Object.keys(c).length > 0) out.set(String(r[keyColumn]), c);
    }
    return out;
  };
  return { days: await read('dossier_day_count', 'day'), months: await read('dossier_month_count', 'month') };
}

/** Units that have dossiers or stored counters. */
export async function unitsWithDossierCounts(db: Q): Promise<number[]> {
  const r = await sql<{
    unit_id: number;
  }>`select unit_id from dossier union select unit_id from dossier_day_count union select unit_id from dossier_month_count`.execute(
    db,
  );
  return r.rows.map((x) => Number(x.unit_id)).sort((a, b) => a - b);
}

/** Replaces a unit's day and month counters by a recount (a repair, under the caller's lock). */
export async function rewriteUnitDayCounts(db: Q, unitId: number): Promise<void> {
  await db.deleteFrom('dossier_day_count').where('unit_id', '=', unitId).execute();
  await db.deleteFrom('dossier_month_count').where('unit_id', '=', unitId).execute();
  await writeDayDeltas(db, await recountDeltas(db, unitId), false);
}

/** Keeps every dossier writer out while a repair recounts (PostgreSQL; SQLite's write lock does it). */
export async function lockDossierWrites(db: Q, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await sql`lock table dossier in share row exclusive mode`.execute(db);
}
