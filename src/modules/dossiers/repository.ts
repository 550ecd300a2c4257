import type { Insertable } from 'kysely';
import type {
  DossierDayCountTable,
  DossierEventRow,
  DossierRow,
  DossierTable,
  ProcedureRow,
  ProcedureTable,
} from '../../db/tables.js';
import { sql } from 'kysely';
import { DOSSIER_COUNTER_KEYS as COUNTER_KEYS } from '../../core/metrics/index.js';
import type { DossierSummary } from '../../core/metrics/index.js';
import { fromDayNumber, toDayNumber } from '../../core/calendar/index.js';
import {
  DAY_COUNT_KEYS,
  DAY_OPEN_KEYS,
  DAY_RECEIVED_KEYS,
  dossierDayCounts,
  vietnamDayEndMs,
  vietnamDayNumber,
  vietnamDayStartMs,
} from '../../core/metrics/day-counts.js';
import type { DayCountKey } from '../../core/metrics/day-counts.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

export type DossierWithScope = DossierRow & {
  unit_path: string;
  unit_code: string;
  unit_name: string;
  procedure_code: string;
  procedure_name: string;
  limit_unit: string;
  limit_amount: number;
};

export async function listProcedures(db: Q, unitId: number): Promise<ProcedureRow[]> {
  return db.selectFrom('procedure').selectAll().where('unit_id', '=', unitId).orderBy('code').execute();
}

export async function findProcedure(db: Q, id: number): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedure').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProcedureByCode(
  db: Q,
  unitId: number,
  code: string,
): Promise<ProcedureRow | undefined> {
  return db
    .selectFrom('procedure')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertProcedure(db: Q, v: Insertable<ProcedureTable>): Promise<ProcedureRow> {
  return db.insertInto('procedure').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateProcedure(
  db: Q,
  id: number,
  v: Partial<Insertable<ProcedureTable>>,
): Promise<void> {
  await db.updateTable('procedure').set(v).where('id', '=', id).execute();
}

const withScope = (db: Q) =>
  db
    .selectFrom('dossier')
    .innerJoin('unit', 'unit.id', 'dossier.unit_id')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id')
    .selectAll('dossier')
    .select([
      'unit.path as unit_path',
      'unit.code as unit_code',
      'unit.name as unit_name',
      'procedure.code as procedure_code',
      'procedure.name as procedure_name',
      'procedure.limit_unit as limit_unit',
      'procedure.limit_amount as limit_amount',
    ]);

export async function findDossier(db: Q, id: number): Promise<DossierWithScope | undefined> {
  return withScope(db).where('dossier.id', '=', id).executeTakeFirst();
}

export async function findDossierByCode(db: Q, code: string): Promise<DossierWithScope | undefined> {
  return withScope(db).where('dossier.code', '=', code).executeTakeFirst();
}

export async function findDossierByRatingToken(db: Q, hash: string): Promise<DossierWithScope | undefined> {
  return withScope(db).where('dossier.rating_token_hash', '=', hash).executeTakeFirst();
}

export interface DossierFilter {
  path: string;
  unitId?: number | undefined;
  status?: 'open' | 'ended' | 'due_soon' | 'late' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
  /** Now, for open dossiers that have passed their appointment since they were last written. */
  now?: string | undefined;
}

/** The register lines a filter selects (without order and page), for the list and its count. */
function filtered(db: Q, f: Omit<DossierFilter, 'limit' | 'offset'>) {
  let q = withScope(db).where('unit.path', 'like', `${f.path}%`);
  if (f.unitId !== undefined) q = q.where('dossier.unit_id', '=', f.unitId);
  if (f.status === 'open' || f.status === 'due_soon') q = q.where('dossier.ended_at', 'is', null);
  if (f.status === 'ended') q = q.where('dossier.ended_at', 'is not', null);
  if (f.status === 'late') {
    const now = f.now ?? new Date().toISOString();
    q = q.where((eb) =>
      eb.or([
        eb('dossier.late', '=', 1),
        eb.and([
          eb('dossier.ended_at', 'is', null),
          eb('dossier.awaiting_supplement_since', 'is', null),
          eb('dossier.appointment_at', '<', now),
        ]),
      ]),
    );
  }
  if (f.from) q = q.where('dossier.received_at', '>=', f.from);
  if (f.to) q = q.where('dossier.received_at', '<=', f.to);
  if (f.search) {
    const s = `%${f.search}%`;
    q = q.where((eb) => eb.or([eb('dossier.code', 'like', s), eb('procedure.name', 'like', s)]));
  }
  return q;
}

export async function listDossiers(db: Q, f: DossierFilter): Promise<DossierWithScope[]> {
  const q = filtered(db, f);
  const order = f.status === 'due_soon' ? 'dossier.appointment_at' : 'dossier.received_at';
  return q
    .orderBy(order, f.status === 'due_soon' ? 'asc' : 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

/** How many register lines a filter selects, over all pages. */
export async function countDossiers(db: Q, f: Omit<DossierFilter, 'limit' | 'offset'>): Promise<number> {
  const row = await filtered(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return num(row.n);
}

/** Dossiers handled in a period (received by its end, not ended before its start), for the figures. */
export async function dossiersForFigures(db: Q, path: string, from: string, to: string, unitId?: number) {
  let q = db
    .selectFrom('dossier')
    .innerJoin('unit', 'unit.id', 'dossier.unit_id')
    .select([
      'dossier.received_at',
      'dossier.channel',
      'dossier.appointment_at',
      'dossier.ended_at',
      'dossier.end_kind',
      'dossier.late',
      'dossier.late_since',
      'dossier.awaiting_supplement_since',
      'dossier.supplement_requests',
      'dossier.paid_online',
      'dossier.fee_bearing',
      'dossier.digitised',
      'dossier.electronic_result',
      'dossier.rating',
      'dossier.complaint',
    ])
    .where('unit.path', 'like', `${path}%`)
    .where('dossier.received_at', '<=', to)
    .where((eb) => eb.or([eb('dossier.ended_at', 'is', null), eb('dossier.ended_at', '>=', from)]));
  if (unitId !== undefined) q = q.where('dossier.unit_id', '=', unitId);
  return q.execute();
}

/**
 * The dossier row read under a row lock (PostgreSQL `FOR UPDATE`; SQLite holds its one write lock
 * from `BEGIN IMMEDIATE`): the read of a read-modify-write inside the writing transaction.
 */
export async function lockDossier(db: Q, id: number): Promise<DossierRow | undefined> {
  return db.selectFrom('dossier').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Records that a rating link was used. The primary key (token) and the unique dossier make "rate
 * once" a constraint: false when the link (or the dossier) was used already.
 */
export async function claimRatingLink(
  db: Q,
  tokenHash: string,
  dossierId: number,
  at: string,
): Promise<boolean> {
  const r = await db
    .insertInto('rating_use')
    .values({ token_hash: tokenHash, dossier_id: dossierId, used_at: at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function insertDossier(db: Q, v: Insertable<DossierTable>): Promise<DossierRow> {
  const row = await db.insertInto('dossier').values(v).returningAll().executeTakeFirstOrThrow();
  await applyDossierDayCounts(db, [], [row]);
  return row;
}

/**
 * Updates a dossier and its day/month counters by what the row counted before and counts now. The
 * "before" is read under the row lock, so two writers of one dossier never subtract the same state
 * twice (ADR 008).
 */
export async function updateDossier(db: Q, id: number, v: Partial<Insertable<DossierTable>>): Promise<void> {
  const before = await db
    .selectFrom('dossier')
    .select(FIGURE_COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  await db.updateTable('dossier').set(v).where('id', '=', id).execute();
  if (!before) return;
  const after: Record<string, unknown> = { ...before };
  for (const c of FIGURE_COLUMNS) if (v[c] !== undefined) after[c] = v[c];
  await applyDossierDayCounts(db, [before], [after as FigureRow]);
}

export async function insertDossierEvent(db: Q, v: Omit<DossierEventRow, 'id'>): Promise<void> {
  await db.insertInto('dossier_event').values(v).execute();
}

export async function listDossierEvents(
  db: Q,
  dossierId: number,
): Promise<(DossierEventRow & { actor_name: string | null })[]> {
  return db
    .selectFrom('dossier_event')
    .leftJoin('app_user', 'app_user.id', 'dossier_event.actor_id')
    .selectAll('dossier_event')
    .select('app_user.full_name as actor_name')
    .where('dossier_id', '=', dossierId)
    .orderBy('at')
    .orderBy('dossier_event.id')
    .execute();
}

export async function logPersonalDataAccess(
  db: Q,
  v: {
    userId: number;
    unitId: number;
    dossierId: number | null;
    kind: 'view' | 'export';
    detail: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('personal_data_access')
    .values({
      user_id: v.userId,
      unit_id: v.unitId,
      dossier_id: v.dossierId,
      kind: v.kind,
      detail: v.detail,
      at: v.at,
    })
    .execute();
}

export async function listPersonalDataAccess(db: Q, unitId: number, dossierId?: number) {
  let q = db
    .selectFrom('personal_data_access')
    .innerJoin('app_user', 'app_user.id', 'personal_data_access.user_id')
    .selectAll('personal_data_access')
    .select('app_user.full_name as user_name')
    .where('personal_data_access.unit_id', '=', unitId);
  if (dossierId !== undefined) q = q.where('dossier_id', '=', dossierId);
  return q.orderBy('personal_data_access.id', 'desc').limit(500).execute();
}

// ---------------------------------------------------------------------------------------------
// Period figures (ADR 005, ADR 006): per-unit per-day counters kept in step by every writer, plus
// the dossiers open at the period's end and the partial days at its edges counted live.

/** The dossier columns the figures read. */
const FIGURE_COLUMNS = [
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

const DAY_COLUMN: Record<DayCountKey, keyof DossierDayCountTable> = {
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

const msOf = (s: string) => Date.parse(s);
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

type CounterKey = (typeof COUNTER_KEYS)[number];
export type DossierCounterValues = Record<CounterKey, number>;

const RECEIVED_KEYS = DAY_RECEIVED_KEYS satisfies readonly CounterKey[];
const FINISHED_KEYS = [
  'early',
  'onTime',
  'lateFinished',
  'resolved',
  'returned',
  'refused',
  'withdrawn',
  'withResult',
  'electronic',
  'verySatisfied',
  'satisfied',
  'notSatisfied',
] as const satisfies readonly CounterKey[];

const zeroCounters = (): DossierCounterValues =>
  Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as DossierCounterValues;

/**
 * The period's counters (core/metrics `DossierCounters`) per unit, with the rules of
 * `dossierFigures` (a test runs both on the same rows):
 *  - received and finished counters of the period's whole Vietnam-time days are summed from
 *    `dossier_day_count`; those of the partial days at its edges (a period "up to now") are counted
 *    live from the dossier rows;
 *  - dossiers in progress at the period's end: the ones still open are counted live (index range
 *    on `ended_at is null`); the ones that have ended since come from the day's counters when the
 *    period ends at the end of a day, live otherwise (for a period up to now, none).
 * `groupByUnit` false: one entry, under key 0, for the whole scope.
 */
async function periodCounters(
  db: Q,
  scope: { path: string; unitId?: number | undefined },
  from: string,
  to: string,
  groupByUnit: boolean,
): Promise<Map<number, DossierCounterValues>> {
  const fromMs = msOf(from);
  const toMs = msOf(to);
  const fromDayNo = vietnamDayNumber(fromMs);
  const toDayNo = vietnamDayNumber(toMs);
  const firstWhole = fromMs === vietnamDayStartMs(fromDayNo) ? fromDayNo : fromDayNo + 1;
  const endsAtDayEnd = toMs === vietnamDayEndMs(toDayNo);
  const lastWhole = endsAtDayEnd ? toDayNo : toDayNo - 1;
  const whole = firstWhole <= lastWhole;
  const iso = (m: number) => new Date(m).toISOString();
  // Live ranges of the received and finished moments: the partial days at the edges.
  const edges: [string, string][] = whole
    ? [
        ...(fromMs < vietnamDayStartMs(firstWhole)
          ? [[from, iso(vietnamDayStartMs(firstWhole) - 1)] as [string, string]]
          : []),
        ...(vietnamDayStartMs(lastWhole + 1) <= toMs
          ? [[iso(vietnamDayStartMs(lastWhole + 1)), to] as [string, string]]
          : []),
      ]
    : [[from, to]];

  const one = (cond: ReturnType<typeof sql<boolean>>) =>
    sql<number>`sum(case when ${cond} then 1 else 0 end)`;
  const lateCond = sql<boolean>`(d.late = 1 or d.supplement_requests > 1 or d.ended_at > d.appointment_at)`;
  const hasResult = sql<boolean>`d.end_kind in ('resolved', 'returned')`;
  const complaint = sql<boolean>`(d.complaint = 1 or d.rating = 'not_satisfied')`;
  const openLate = sql<boolean>`((d.late_since is not null and d.late_since <= ${to}) or (${to} > d.appointment_at and (d.awaiting_supplement_since is null or d.awaiting_supplement_since > ${to})))`;
  const receivedExprs: Record<(typeof RECEIVED_KEYS)[number], ReturnType<typeof sql<number>>> = {
    received: sql<number>`count(*)`,
    online: one(sql`d.channel = 'online'`),
    direct: one(sql`d.channel = 'direct'`),
    postal: one(sql`d.channel not in ('online', 'direct')`),
    feeBearing: one(sql`d.fee_bearing = 1`),
    paidOnline: one(sql`d.fee_bearing = 1 and d.paid_online = 1`),
    componentsDigitised: one(sql`d.digitised = 1`),
    fullyDigitised: one(
      sql`d.digitised = 1 and (not (${hasResult}) or d.end_kind is null or d.electronic_result = 1)`,
    ),
  };
  const finishedExprs: Record<
    (typeof FINISHED_KEYS)[number] | 'complaints',
    ReturnType<typeof sql<number>>
  > = {
    early: one(sql`not ${lateCond} and d.ended_at < d.appointment_day_start`),
    onTime: one(sql`not ${lateCond} and d.ended_at >= d.appointment_day_start`),
    lateFinished: one(lateCond),
    resolved: one(sql`d.end_kind = 'resolved'`),
    returned: one(sql`d.end_kind = 'returned'`),
    refused: one(sql`d.end_kind = 'refused'`),
    withdrawn: one(sql`d.end_kind = 'withdrawn'`),
    withResult: one(hasResult),
    electronic: one(sql`${hasResult} and d.electronic_result = 1`),
    verySatisfied: one(sql`d.rating = 'very_satisfied'`),
    satisfied: one(sql`d.rating = 'satisfied'`),
    notSatisfied: one(sql`d.rating = 'not_satisfied'`),
    complaints: one(complaint),
  };
  const openExprs = {
    openOnTime: one(sql`not ${openLate}`),
    openLate: one(openLate),
    complaints: one(complaint),
  };

  const unitFilter = (alias: string) =>
    scope.unitId !== undefined
      ? sql`${sql.ref(`${alias}.unit_id`)} = ${scope.unitId}`
      : sql`${sql.ref(`${alias}.unit_id`)} in (select id from unit where path like ${`${scope.path}%`})`;
  const out = new Map<number, DossierCounterValues>();
  const add = (rows: Record<string, string | number | null>[], keys: Record<string, CounterKey>) => {
    for (const r of rows) {
      const unitId = groupByUnit ? num(r.unit_id) : 0;
      let c = out.get(unitId);
      if (!c) out.set(unitId, (c = zeroCounters()));
      for (const [col, key] of Object.entries(keys)) c[key] += num(r[col]);
    }
  };
  const live = async (
    exprs: Record<string, ReturnType<typeof sql<number>>>,
    where: ReturnType<typeof sql<boolean>>,
  ) => {
    const list = sql.join(Object.entries(exprs).map(([k, e]) => sql`${e} as ${sql.ref(k)}`));
    const r = groupByUnit
      ? await sql<
          Record<string, string | number | null>
        >`select d.unit_id as unit_id, ${list} from dossier d where ${unitFilter('d')} and ${where} group by d.unit_id`.execute(
          db,
        )
      : await sql<
          Record<string, string | number | null>
        >`select ${list} from dossier d where ${unitFilter('d')} and ${where}`.execute(db);
    add(r.rows, Object.fromEntries(Object.keys(exprs).map((k) => [k, k as CounterKey])));
  };
  const fromTable = async (
    keys: Record<string, CounterKey>,
    cond: ReturnType<typeof sql<boolean>>,
    table: 'dossier_day_count' | 'dossier_month_count' = 'dossier_day_count',
  ) => {
    const list = sql.join(
      Object.keys(keys).map((col) => sql`sum(${sql.ref(`t.${col}`)}) as ${sql.ref(col)}`),
    );
    const r = groupByUnit
      ? await sql<
          Record<string, string | number | null>
        >`select t.unit_id as unit_id, ${list} from ${sql.table(table)} t where ${unitFilter('t')} and ${cond} group by t.unit_id`.execute(
          db,
        )
      : await sql<
          Record<string, string | number | null>
        >`select ${list} from ${sql.table(table)} t where ${unitFilter('t')} and ${cond}`.execute(db);
    add(r.rows, keys);
  };

  if (whole) {
    const keys: Record<string, CounterKey> = {};
    for (const k of [...RECEIVED_KEYS, ...FINISHED_KEYS]) keys[DAY_COLUMN[k]] = k;
    keys.complaints_finished = 'complaints';
    // Whole months from the monthly counters, the days around them from the daily ones.
    const first = fromDayNumber(firstWhole);
    const last = fromDayNumber(lastWhole);
    const m1 = first.endsWith('-01')
      ? first.slice(0, 7)
      : fromDayNumber(toDayNumber(`${first.slice(0, 7)}-28`) + 4).slice(0, 7);
    const m2 = fromDayNumber(lastWhole + 1).endsWith('-01')
      ? last.slice(0, 7)
      : fromDayNumber(toDayNumber(`${last.slice(0, 7)}-01`) - 1).slice(0, 7);
    if (m1 <= m2) {
      await fromTable(keys, sql`t.month >= ${m1} and t.month <= ${m2}`, 'dossier_month_count');
      const beforeEnd = fromDayNumber(toDayNumber(`${m1}-01`) - 1);
      const afterStart = fromDayNumber(toDayNumber(`${m2}-28`) + 4).slice(0, 7) + '-01';
      if (first <= beforeEnd) await fromTable(keys, sql`t.day >= ${first} and t.day <= ${beforeEnd}`);
      if (afterStart <= last) await fromTable(keys, sql`t.day >= ${afterStart} and t.day <= ${last}`);
    } else await fromTable(keys, sql`t.day >= ${first} and t.day <= ${last}`);
  }
  for (const [a, b] of edges) {
    await live(receivedExprs, sql`d.received_at >= ${a} and d.received_at <= ${b}`);
    await live(finishedExprs, sql`d.ended_at >= ${a} and d.ended_at <= ${b}`);
  }
  await live(openExprs, sql`d.ended_at is null and d.received_at <= ${to}`);
  if (endsAtDayEnd)
    await fromTable(
      { open_on_time: 'openOnTime', open_late: 'openLate', complaints_open: 'complaints' },
      sql`t.day = ${fromDayNumber(toDayNo)}`,
    );
  else await live(openExprs, sql`d.ended_at > ${to} and d.received_at <= ${to}`);
  if (!groupByUnit && !out.has(0)) out.set(0, zeroCounters());
  return out;
}

/** The period's counters over one unit (`unitId`) or a subtree (`path`). */
export async function dossierCountersSql(
  db: Q,
  scope: { path: string; unitId?: number | undefined },
  from: string,
  to: string,
): Promise<DossierCounterValues> {
  return (await periodCounters(db, scope, from, to, false)).get(0)!;
}

/** The period's counters of every unit of a subtree with dossiers, one grouped query per family. */
export async function dossierCountersByUnitSql(
  db: Q,
  path: string,
  from: string,
  to: string,
): Promise<Map<number, DossierCounterValues>> {
  return periodCounters(db, { path }, from, to, true);
}
