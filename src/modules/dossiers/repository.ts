import type { Insertable } from 'kysely';
import type { DossierEventRow, DossierRow, DossierTable, ProcedureRow, ProcedureTable } from '../../db/tables.js';
import { sql } from 'kysely';
import { DOSSIER_COUNTER_KEYS as COUNTER_KEYS } from '../../core/metrics/index.js';
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

export async function findProcedureByCode(db: Q, unitId: number, code: string): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedure').selectAll().where('unit_id', '=', unitId).where('code', '=', code).executeTakeFirst();
}

export async function insertProcedure(db: Q, v: Insertable<ProcedureTable>): Promise<ProcedureRow> {
  return db.insertInto('procedure').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateProcedure(db: Q, id: number, v: Partial<Insertable<ProcedureTable>>): Promise<void> {
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
        eb.and([eb('dossier.ended_at', 'is', null), eb('dossier.awaiting_supplement_since', 'is', null), eb('dossier.appointment_at', '<', now)]),
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

export async function nextDossierSeq(db: Q, unitId: number, dayStart: string, dayEnd: string): Promise<number> {
  const r = await db
    .selectFrom('dossier')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('unit_id', '=', unitId)
    .where('received_at', '>=', dayStart)
    .where('received_at', '<', dayEnd)
    .executeTakeFirstOrThrow();
  return Number(r.n) + 1;
}

export async function nextRegisterNo(db: Q, unitId: number, yearStart: string, yearEnd: string): Promise<number> {
  const r = await db
    .selectFrom('dossier')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('unit_id', '=', unitId)
    .where('received_at', '>=', yearStart)
    .where('received_at', '<', yearEnd)
    .executeTakeFirstOrThrow();
  return Number(r.n) + 1;
}

export async function insertDossier(db: Q, v: Insertable<DossierTable>): Promise<DossierRow> {
  return db.insertInto('dossier').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateDossier(db: Q, id: number, v: Partial<Insertable<DossierTable>>): Promise<void> {
  await db.updateTable('dossier').set(v).where('id', '=', id).execute();
}

export async function insertDossierEvent(db: Q, v: Omit<DossierEventRow, 'id'>): Promise<void> {
  await db.insertInto('dossier_event').values(v).execute();
}

export async function listDossierEvents(db: Q, dossierId: number): Promise<(DossierEventRow & { actor_name: string | null })[]> {
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
  v: { userId: number; unitId: number; dossierId: number | null; kind: 'view' | 'export'; detail: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('personal_data_access')
    .values({ user_id: v.userId, unit_id: v.unitId, dossier_id: v.dossierId, kind: v.kind, detail: v.detail, at: v.at })
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

/**
 * The period's counters (core/metrics `DossierCounters`) computed by the database, with the same
 * rules as `dossierFigures` (a test runs both on the same rows). Two index range scans: dossiers
 * still open, and dossiers ended on or after the period start; both received by its end.
 */
export async function dossierCountersSql(
  db: Q,
  scope: { path: string; unitId?: number | undefined },
  from: string,
  to: string,
): Promise<Record<(typeof COUNTER_KEYS)[number], number>> {
  const one = (cond: ReturnType<typeof sql<boolean>>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
  const fin = sql<boolean>`d.ended_at is not null and d.ended_at <= ${to}`;
  const lateCond = sql<boolean>`(d.late = 1 or d.supplement_requests > 1 or d.ended_at > d.appointment_at)`;
  const rec = sql<boolean>`d.received_at >= ${from}`;
  const hasResult = sql<boolean>`d.end_kind in ('resolved', 'returned')`;
  const openLate = sql<boolean>`((d.late_since is not null and d.late_since <= ${to}) or (${to} > d.appointment_at and (d.awaiting_supplement_since is null or d.awaiting_supplement_since > ${to})))`;
  const exprs: Record<(typeof COUNTER_KEYS)[number], ReturnType<typeof sql<number>>> = {
    received: one(rec),
    online: one(sql`${rec} and d.channel = 'online'`),
    direct: one(sql`${rec} and d.channel = 'direct'`),
    postal: one(sql`${rec} and d.channel not in ('online', 'direct')`),
    feeBearing: one(sql`${rec} and d.fee_bearing = 1`),
    paidOnline: one(sql`${rec} and d.fee_bearing = 1 and d.paid_online = 1`),
    componentsDigitised: one(sql`${rec} and d.digitised = 1`),
    fullyDigitised: one(sql`${rec} and d.digitised = 1 and (not (${hasResult}) or d.end_kind is null or d.electronic_result = 1)`),
    early: one(sql`${fin} and not ${lateCond} and d.ended_at < d.appointment_day_start`),
    onTime: one(sql`${fin} and not ${lateCond} and d.ended_at >= d.appointment_day_start`),
    lateFinished: one(sql`${fin} and ${lateCond}`),
    resolved: one(sql`${fin} and d.end_kind = 'resolved'`),
    returned: one(sql`${fin} and d.end_kind = 'returned'`),
    refused: one(sql`${fin} and d.end_kind = 'refused'`),
    withdrawn: one(sql`${fin} and d.end_kind = 'withdrawn'`),
    withResult: one(sql`${fin} and ${hasResult}`),
    electronic: one(sql`${fin} and ${hasResult} and d.electronic_result = 1`),
    openOnTime: one(sql`not (${fin}) and not ${openLate}`),
    openLate: one(sql`not (${fin}) and ${openLate}`),
    verySatisfied: one(sql`${fin} and d.rating = 'very_satisfied'`),
    satisfied: one(sql`${fin} and d.rating = 'satisfied'`),
    notSatisfied: one(sql`${fin} and d.rating = 'not_satisfied'`),
    complaints: one(sql`(d.complaint = 1 or d.rating = 'not_satisfied')`),
  };
  const selectList = sql.join(COUNTER_KEYS.map((k) => sql`${exprs[k]} as ${sql.ref(k)}`));
  const unitFilter =
    scope.unitId !== undefined
      ? sql`d.unit_id = ${scope.unitId}`
      : sql`d.unit_id in (select id from unit where path like ${`${scope.path}%`})`;
  const part = async (extra: ReturnType<typeof sql<boolean>>) => {
    const r = await sql<Record<string, string | number | null>>`select ${selectList} from dossier d where ${unitFilter} and d.received_at <= ${to} and ${extra}`.execute(db);
    return r.rows[0] ?? {};
  };
  const [open, ended] = await Promise.all([part(sql`d.ended_at is null`), part(sql`d.ended_at >= ${from}`)]);
  const out = {} as Record<(typeof COUNTER_KEYS)[number], number>;
  for (const k of COUNTER_KEYS) out[k] = num(open[k]) + num(ended[k]);
  return out;
}
