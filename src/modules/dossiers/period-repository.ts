/**
 * A period's counters of the register (ADR 005, ADR 006): the day and month counters, plus the
 * dossiers open at the period's end and the partial days at its edges counted live.
 */
import { sql } from 'kysely';
import { DOSSIER_COUNTER_KEYS as COUNTER_KEYS } from '../../core/metrics/index.js';
import { fromDayNumber, toDayNumber } from '../../core/calendar/index.js';
import {
  DAY_RECEIVED_KEYS,
  vietnamDayEndMs,
  vietnamDayNumber,
  vietnamDayStartMs,
} from '../../core/metrics/day-counts.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

import { DAY_COLUMN, msOf } from './day-counts-repository.js';
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
