import type { Insertable, Updateable } from 'kysely';
import type {
  RegulationReviewRow,
  RegulationReviewTable,
  RegulationRow,
  RegulationTable,
} from '../../db/tables.js';
import type { Q } from '../../db/types.js';

export type RegulationWithUnit = RegulationRow & { unit_path: string; unit_code: string; unit_name: string };

const withUnit = (db: Q) =>
  db
    .selectFrom('regulation')
    .innerJoin('unit', 'unit.id', 'regulation.unit_id')
    .selectAll('regulation')
    .select(['unit.path as unit_path', 'unit.code as unit_code', 'unit.name as unit_name']);

export async function findRegulation(db: Q, id: number): Promise<RegulationWithUnit | undefined> {
  return withUnit(db).where('regulation.id', '=', id).executeTakeFirst();
}

/** A unit's regulations (or its subtree's), those in force first by next review. */
export async function listRegulations(
  db: Q,
  scope: { path: string; unitId?: number | undefined },
): Promise<RegulationWithUnit[]> {
  let q = withUnit(db).where('unit.path', 'like', `${scope.path}%`);
  if (scope.unitId !== undefined) q = q.where('regulation.unit_id', '=', scope.unitId);
  return q
    .orderBy('regulation.status', 'asc')
    .orderBy('regulation.next_review_on', 'asc')
    .orderBy('regulation.id')
    .execute();
}

export async function insertRegulation(db: Q, v: Insertable<RegulationTable>): Promise<RegulationRow> {
  return db.insertInto('regulation').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateRegulation(db: Q, id: number, v: Updateable<RegulationTable>): Promise<void> {
  await db.updateTable('regulation').set(v).where('id', '=', id).execute();
}

export async function insertReview(
  db: Q,
  v: Insertable<RegulationReviewTable>,
): Promise<RegulationReviewRow> {
  return db.insertInto('regulation_review').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function listReviews(
  db: Q,
  regulationId: number,
): Promise<(RegulationReviewRow & { user_name: string | null; document_number: string | null })[]> {
  return db
    .selectFrom('regulation_review')
    .leftJoin('app_user', 'app_user.id', 'regulation_review.created_by')
    .leftJoin('document', 'document.id', 'regulation_review.document_id')
    .selectAll('regulation_review')
    .select(['app_user.full_name as user_name', 'document.number_text as document_number'])
    .where('regulation_review.regulation_id', '=', regulationId)
    .orderBy('regulation_review.reviewed_on', 'desc')
    .orderBy('regulation_review.id', 'desc')
    .execute();
}

/** Regulations in force whose review falls on or before `until` (a reminder source). */
export async function regulationsDueBy(
  db: Q,
  until: string,
): Promise<{ id: number; unit_id: number; unit_name: string; title: string; next_review_on: string }[]> {
  return db
    .selectFrom('regulation')
    .innerJoin('unit', 'unit.id', 'regulation.unit_id')
    .select([
      'regulation.id',
      'regulation.unit_id',
      'unit.name as unit_name',
      'regulation.title',
      'regulation.next_review_on',
    ])
    .where('regulation.status', '=', 'in_force')
    .where('regulation.next_review_on', '<=', until)
    .orderBy('regulation.next_review_on')
    .execute();
}
