import type { Insertable } from 'kysely';
import type {
  DossierEventRow,
  DossierRow,
  DossierTable,
  ProcedureRow,
  ProcedureTable,
} from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

import { applyDossierDayCounts, FIGURE_COLUMNS } from './day-counts-repository.js';
import type { FigureRow } from './day-counts-repository.js';

export {
  figureSummaryOfRow,
  applyDossierDayCounts,
  rebuildDossierDayCounts,
  recountUnitDayCounts,
  storedUnitDayCounts,
  unitsWithDossierCounts,
  rewriteUnitDayCounts,
  lockDossierWrites,
} from './day-counts-repository.js';
export type { FigureRow, StoredCounts } from './day-counts-repository.js';
export { dossierCountersSql, dossierCountersByUnitSql } from './period-repository.js';
export type { DossierCounterValues } from './period-repository.js';
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
