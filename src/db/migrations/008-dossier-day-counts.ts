import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { MigrationContext } from './context.js';

const COUNTER_COLUMNS = [
  'received',
  'online',
  'direct',
  'postal',
  'fee_bearing',
  'paid_online',
  'components_digitised',
  'fully_digitised',
  'early',
  'on_time',
  'late_finished',
  'resolved',
  'returned',
  'refused',
  'withdrawn',
  'with_result',
  'electronic',
  'very_satisfied',
  'satisfied',
  'not_satisfied',
  'complaints_finished',
  'open_on_time',
  'open_late',
  'complaints_open',
] as const;

/**
 * Per-unit per-day and per-month counters of the dossier figures (ADR 006), filled from the existing register.
 * The dossier writers keep them in step from now on.
 */
export function dossierDayCounts(ctx: MigrationContext) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let t = db.schema
        .createTable('dossier_day_count')
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('day', 'varchar(10)', (c) => c.notNull());
      for (const col of COUNTER_COLUMNS) t = t.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
      t = t.addPrimaryKeyConstraint('dossier_day_count_pk', ['unit_id', 'day']);
      // SQLite: the rows live in the primary key's b-tree, so a range of days is one index scan.
      if (ctx.dialect === 'sqlite') t = t.modifyEnd(sql`without rowid`);
      await t.execute();
      // The same received and finished counters per month, so that a year reads 12 rows per unit.
      let m = db.schema
        .createTable('dossier_month_count')
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
        .addColumn('month', 'varchar(7)', (c) => c.notNull());
      for (const col of COUNTER_COLUMNS.filter((c) => !c.startsWith('open_') && c !== 'complaints_open'))
        m = m.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
      m = m.addPrimaryKeyConstraint('dossier_month_count_pk', ['unit_id', 'month']);
      if (ctx.dialect === 'sqlite') m = m.modifyEnd(sql`without rowid`);
      await m.execute();
      if (ctx.dialect === 'postgres') {
        // PostgreSQL keeps rows apart from the primary key: an index carrying every counter lets a
        // range of days or months be read from the index alone (SQLite: "without rowid" above).
        const monthCols = COUNTER_COLUMNS.filter((c) => !c.startsWith('open_') && c !== 'complaints_open');
        await sql`create index dossier_day_count_cover_idx on dossier_day_count (unit_id, day) include (${sql.join(COUNTER_COLUMNS.map((c) => sql.ref(c)))})`.execute(
          db,
        );
        await sql`create index dossier_month_count_cover_idx on dossier_month_count (unit_id, month) include (${sql.join(monthCols.map((c) => sql.ref(c)))})`.execute(
          db,
        );
      }
      // Open dossiers by appointment: the dashboards' "late, still open" list reads the first few.
      await db.schema
        .createIndex('dossier_open_appointment_idx')
        .on('dossier')
        .columns(['appointment_at', 'id'])
        .where(sql.ref('ended_at'), 'is', null)
        .execute();
      await fillDayCounts(db);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The first fill, frozen as it was when this migration shipped (the dossier repository's
// `rebuildDossierDayCounts` with the core's `dossierDayCounts` rules of ADR 006): a migration never
// imports application code, so it stays what it was when the code changes. A test compares it
// with the live recount.

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** The counters that also add up per month (not the open-at-day-end ones). */
const MONTH_COLUMNS = COUNTER_COLUMNS.filter((c) => !c.startsWith('open_') && c !== 'complaints_open');
type Column = (typeof COUNTER_COLUMNS)[number];

interface FrozenDossierRow {
  unit_id: number;
  received_at: string;
  channel: string;
  appointment_at: string;
  ended_at: string | null;
  end_kind: string | null;
  late: number;
  late_since: string | null;
  awaiting_supplement_since: string | null;
  supplement_requests: number;
  fee_bearing: number;
  paid_online: number;
  digitised: number;
  electronic_result: number;
  rating: string | null;
  complaint: number;
}

const FROZEN_COLUMNS = [
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

const dayNo = (ms: number) => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const msOrNull = (s: string | null) => (s === null ? null : Date.parse(s));

/** Calls `add(day, column)` for every per-day counter one dossier adds to. */
function countDossier(r: FrozenDossierRow, add: (day: number, col: Column) => void): void {
  const received = Date.parse(r.received_at);
  const appointment = Date.parse(r.appointment_at);
  const rDay = dayNo(received);
  const hasResult = r.end_kind === 'resolved' || r.end_kind === 'returned';
  add(rDay, 'received');
  add(rDay, r.channel === 'online' ? 'online' : r.channel === 'direct' ? 'direct' : 'postal');
  if (r.fee_bearing === 1) {
    add(rDay, 'fee_bearing');
    if (r.paid_online === 1) add(rDay, 'paid_online');
  }
  if (r.digitised === 1) {
    add(rDay, 'components_digitised');
    if (!hasResult || r.electronic_result === 1) add(rDay, 'fully_digitised');
  }
  const ended = msOrNull(r.ended_at);
  if (ended === null) return;
  const late = r.late === 1;
  const complaint = r.complaint === 1 || r.rating === 'not_satisfied';
  const eDay = dayNo(ended);
  if (late || r.supplement_requests > 1 || ended > appointment) add(eDay, 'late_finished');
  else add(eDay, eDay < dayNo(appointment) ? 'early' : 'on_time');
  if (
    r.end_kind === 'resolved' ||
    r.end_kind === 'returned' ||
    r.end_kind === 'refused' ||
    r.end_kind === 'withdrawn'
  )
    add(eDay, r.end_kind);
  if (hasResult) {
    add(eDay, 'with_result');
    if (r.electronic_result === 1) add(eDay, 'electronic');
  }
  if (r.rating === 'very_satisfied' || r.rating === 'satisfied' || r.rating === 'not_satisfied')
    add(eDay, r.rating);
  if (complaint) add(eDay, 'complaints_finished');
  const lateSince = msOrNull(r.late_since);
  const paused = msOrNull(r.awaiting_supplement_since);
  for (let d = rDay; d < eDay; d++) {
    const to = (d + 1) * DAY_MS - VN_OFFSET_MS - 1;
    let lateThen = lateSince !== null && lateSince <= to;
    if (!lateThen && to > appointment) lateThen = paused === null || paused > to;
    add(d, lateThen ? 'open_late' : 'open_on_time');
    if (complaint) add(d, 'complaints_open');
  }
}

async function insertCountRows(
  db: Kysely<unknown>,
  table: 'dossier_day_count' | 'dossier_month_count',
  keyColumn: 'day' | 'month',
  counts: Map<string, { unit: number; key: string; c: Record<Column, number> }>,
  cols: readonly Column[],
): Promise<void> {
  const rows = [...counts.values()]
    .sort((a, b) => a.unit - b.unit || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .filter((e) => cols.some((k) => e.c[k] !== 0))
    .map((e) => ({
      unit_id: e.unit,
      [keyColumn]: e.key,
      ...Object.fromEntries(cols.map((k) => [k, e.c[k]])),
    }));
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto(table as never)
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** Counts every dossier into the day and month counters (read in batches of 20,000). */
export async function fillDayCounts(db: Kysely<unknown>): Promise<void> {
  const days = new Map<string, { unit: number; key: string; c: Record<Column, number> }>();
  const months = new Map<string, { unit: number; key: string; c: Record<Column, number> }>();
  const entry = (map: typeof days, unit: number, key: string) => {
    let e = map.get(`${unit}|${key}`);
    if (!e)
      map.set(
        `${unit}|${key}`,
        (e = {
          unit,
          key,
          c: Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, 0])) as Record<Column, number>,
        }),
      );
    return e;
  };
  const kdb = db as unknown as Kysely<{ dossier: FrozenDossierRow & { id: number } }>;
  let lastId = 0;
  for (;;) {
    const rows = await kdb
      .selectFrom('dossier')
      .select(['id', ...FROZEN_COLUMNS])
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(20_000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows)
      countDossier(r, (d, col) => {
        const day = dayText(d);
        entry(days, r.unit_id, day).c[col] += 1;
        if ((MONTH_COLUMNS as readonly string[]).includes(col))
          entry(months, r.unit_id, day.slice(0, 7)).c[col] += 1;
      });
    lastId = rows[rows.length - 1]!.id;
  }
  await insertCountRows(db, 'dossier_day_count', 'day', days, COUNTER_COLUMNS);
  await insertCountRows(db, 'dossier_month_count', 'month', months, MONTH_COLUMNS);
}
