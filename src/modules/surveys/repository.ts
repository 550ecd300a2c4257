import type { Insertable, Updateable } from 'kysely';
import type { SurveyResponseTable, SurveyRow, SurveyTable } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

export type SurveyWithScope = SurveyRow & { unit_path: string; unit_code: string; unit_name: string };

const withScope = (db: Q) =>
  db
    .selectFrom('survey')
    .innerJoin('unit', 'unit.id', 'survey.unit_id')
    .selectAll('survey')
    .select(['unit.path as unit_path', 'unit.code as unit_code', 'unit.name as unit_name']);

export async function findSurvey(db: Q, id: number): Promise<SurveyWithScope | undefined> {
  return withScope(db).where('survey.id', '=', id).executeTakeFirst();
}

export async function findSurveyBySlug(db: Q, slug: string): Promise<SurveyWithScope | undefined> {
  return withScope(db)
    .where('survey.slug', '=', slug)
    .where('survey.removed_at', 'is', null)
    .executeTakeFirst();
}

export async function listSurveys(db: Q, unitId: number): Promise<(SurveyRow & { responses: number })[]> {
  const rows = await db
    .selectFrom('survey')
    .select((eb) => [
      eb
        .selectFrom('survey_response')
        .select(eb.fn.countAll().as('n'))
        .whereRef('survey_response.survey_id', '=', 'survey.id')
        .as('responses'),
    ])
    .selectAll('survey')
    .where('survey.unit_id', '=', unitId)
    .where('survey.removed_at', 'is', null)
    .orderBy('survey.created_at', 'desc')
    .orderBy('survey.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, responses: num(r.responses as number | string | null) }));
}

export async function insertSurvey(db: Q, v: Insertable<SurveyTable>): Promise<SurveyRow> {
  return db.insertInto('survey').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateSurvey(db: Q, id: number, v: Updateable<SurveyTable>): Promise<void> {
  await db.updateTable('survey').set(v).where('id', '=', id).execute();
}

/**
 * The survey's questions and state under a row lock: `share` for an answer (answers do not wait for
 * each other), `update` for an edit (which then waits for answers in flight, and they for it).
 */
export async function lockSurvey(db: Q, id: number, mode: 'share' | 'update') {
  const q = db
    .selectFrom('survey')
    .select(['questions_json', 'anonymous', 'published', 'opens_on', 'closes_on', 'removed_at'])
    .where('id', '=', id);
  return (mode === 'share' ? q.forShare() : q.forUpdate()).executeTakeFirst();
}

export async function countResponses(db: Q, surveyId: number): Promise<number> {
  const r = await db
    .selectFrom('survey_response')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return num(r.n);
}

export async function listResponses(db: Q, surveyId: number) {
  return db
    .selectFrom('survey_response')
    .select([
      'id',
      'answers_json',
      'submitted_at',
      'very_satisfied',
      'satisfied',
      'not_satisfied',
      'invitation_id',
    ])
    .where('survey_id', '=', surveyId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

export async function insertInvitations(
  db: Q,
  surveyId: number,
  hashes: string[],
  at: string,
): Promise<void> {
  if (hashes.length === 0) return;
  for (let i = 0; i < hashes.length; i += 200)
    await db
      .insertInto('survey_invitation')
      .values(
        hashes
          .slice(i, i + 200)
          .map((token_hash) => ({ survey_id: surveyId, token_hash, created_at: at, used_at: null })),
      )
      .execute();
}

export async function invitationCounts(db: Q, surveyId: number): Promise<{ total: number; used: number }> {
  const r = await db
    .selectFrom('survey_invitation')
    .select((eb) => [eb.fn.countAll().as('total'), eb.fn.count('used_at').as('used')])
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return { total: num(r.total), used: num(r.used) };
}

export async function findInvitation(db: Q, surveyId: number, hash: string) {
  return db
    .selectFrom('survey_invitation')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

/** Marks the invitation used; false when it already was (another answer won the race). */
export async function useInvitation(db: Q, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('survey_invitation')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findBrowserResponse(db: Q, surveyId: number, browserId: string): Promise<boolean> {
  const r = await db
    .selectFrom('survey_response')
    .select('id')
    .where('survey_id', '=', surveyId)
    .where('browser_id', '=', browserId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertResponse(db: Q, v: Insertable<SurveyResponseTable>): Promise<number> {
  const r = await db.insertInto('survey_response').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Satisfaction counts of a unit's answers submitted in [from, to] (surveys not removed). */
export async function satisfactionCounts(db: Q, unitId: number, fromIso: string, toIso: string) {
  const r = await db
    .selectFrom('survey_response')
    .innerJoin('survey', 'survey.id', 'survey_response.survey_id')
    .select((eb) => [
      eb.fn.sum<string | number | null>('survey_response.very_satisfied').as('very'),
      eb.fn.sum<string | number | null>('survey_response.satisfied').as('yes'),
      eb.fn.sum<string | number | null>('survey_response.not_satisfied').as('no'),
    ])
    .where('survey_response.unit_id', '=', unitId)
    .where('survey_response.submitted_at', '>=', fromIso)
    .where('survey_response.submitted_at', '<=', toIso)
    .where('survey.removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { verySatisfied: num(r.very), satisfied: num(r.yes), notSatisfied: num(r.no) };
}
