import type { Insertable, Updateable } from 'kysely';
import type {
  ParAssessmentRow,
  ParAssessmentTable,
  ParCriteriaSetRow,
  ParCriteriaSetTable,
  ParCriterionRow,
  ParCriterionTable,
  ParEvidenceRow,
  ParEvidenceTable,
  ParScoreRow,
  ParScoreTable,
} from '../../db/tables.js';
import type { Q } from '../../db/types.js';

export type SetWithOwner = ParCriteriaSetRow & { owner_path: string; owner_name: string };

const setWithOwner = (db: Q) =>
  db
    .selectFrom('par_criteria_set')
    .innerJoin('unit', 'unit.id', 'par_criteria_set.owner_unit_id')
    .selectAll('par_criteria_set')
    .select(['unit.path as owner_path', 'unit.name as owner_name']);

export async function findSet(db: Q, id: number): Promise<SetWithOwner | undefined> {
  return setWithOwner(db).where('par_criteria_set.id', '=', id).executeTakeFirst();
}

/** Sets owned by any of the given units (a unit's ancestors and itself), newest first. */
export async function listSetsOwnedBy(db: Q, ownerIds: number[], year?: number): Promise<SetWithOwner[]> {
  if (ownerIds.length === 0) return [];
  let q = setWithOwner(db).where('par_criteria_set.owner_unit_id', 'in', ownerIds);
  if (year !== undefined) q = q.where('par_criteria_set.year', '=', year);
  return q
    .orderBy('par_criteria_set.year', 'desc')
    .orderBy('par_criteria_set.version', 'desc')
    .orderBy('par_criteria_set.id', 'desc')
    .execute();
}

export async function latestVersion(
  db: Q,
  ownerId: number,
  year: number,
  unitKind: string | null,
): Promise<number> {
  let q = db
    .selectFrom('par_criteria_set')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('owner_unit_id', '=', ownerId)
    .where('year', '=', year);
  q = unitKind === null ? q.where('unit_kind', 'is', null) : q.where('unit_kind', '=', unitKind);
  const r = await q.executeTakeFirst();
  return Number(r?.v ?? 0);
}

export async function supersedeSets(
  db: Q,
  ownerId: number,
  year: number,
  unitKind: string | null,
  at: string,
): Promise<void> {
  let q = db
    .updateTable('par_criteria_set')
    .set({ status: 'superseded', updated_at: at })
    .where('owner_unit_id', '=', ownerId)
    .where('year', '=', year)
    .where('status', '=', 'active');
  q = unitKind === null ? q.where('unit_kind', 'is', null) : q.where('unit_kind', '=', unitKind);
  await q.execute();
}

export async function insertSet(db: Q, v: Insertable<ParCriteriaSetTable>): Promise<ParCriteriaSetRow> {
  return db.insertInto('par_criteria_set').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function insertCriterion(db: Q, v: Insertable<ParCriterionTable>): Promise<ParCriterionRow> {
  return db.insertInto('par_criterion').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function listCriteria(db: Q, setId: number): Promise<ParCriterionRow[]> {
  return db.selectFrom('par_criterion').selectAll().where('set_id', '=', setId).orderBy('position').execute();
}

export async function findCriterion(db: Q, id: number): Promise<ParCriterionRow | undefined> {
  return db.selectFrom('par_criterion').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateCriterion(db: Q, id: number, v: Updateable<ParCriterionTable>): Promise<void> {
  await db.updateTable('par_criterion').set(v).where('id', '=', id).execute();
}

export async function countAssessmentsOfSet(db: Q, setId: number): Promise<number> {
  const r = await db
    .selectFrom('par_assessment')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('set_id', '=', setId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export type AssessmentWithUnit = ParAssessmentRow & {
  unit_path: string;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
  unit_superior_name: string | null;
};

const assessmentWithUnit = (db: Q) =>
  db
    .selectFrom('par_assessment')
    .innerJoin('unit', 'unit.id', 'par_assessment.unit_id')
    .selectAll('par_assessment')
    .select([
      'unit.path as unit_path',
      'unit.code as unit_code',
      'unit.name as unit_name',
      'unit.kind as unit_kind',
      'unit.superior_name as unit_superior_name',
    ]);

export async function findAssessment(db: Q, id: number): Promise<AssessmentWithUnit | undefined> {
  return assessmentWithUnit(db).where('par_assessment.id', '=', id).executeTakeFirst();
}

/** Locks the row for a state change (PostgreSQL `FOR UPDATE`; SQLite writes are serialised). */
export async function lockAssessment(
  db: Q,
  id: number,
  postgres: boolean,
): Promise<ParAssessmentRow | undefined> {
  let q = db.selectFrom('par_assessment').selectAll().where('id', '=', id);
  if (postgres) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findAssessmentOf(
  db: Q,
  unitId: number,
  year: number,
): Promise<AssessmentWithUnit | undefined> {
  return assessmentWithUnit(db)
    .where('par_assessment.unit_id', '=', unitId)
    .where('par_assessment.year', '=', year)
    .executeTakeFirst();
}

/** Assessments of a year over a subtree (the superior's own excluded by the caller). */
export async function listAssessmentsUnder(db: Q, path: string, year: number): Promise<AssessmentWithUnit[]> {
  return assessmentWithUnit(db)
    .where('unit.path', 'like', `${path}%`)
    .where('par_assessment.year', '=', year)
    .orderBy('unit.path')
    .execute();
}

export async function insertAssessment(db: Q, v: Insertable<ParAssessmentTable>): Promise<ParAssessmentRow> {
  return db.insertInto('par_assessment').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateAssessment(db: Q, id: number, v: Updateable<ParAssessmentTable>): Promise<void> {
  await db.updateTable('par_assessment').set(v).where('id', '=', id).execute();
}

export async function insertScores(db: Q, rows: Insertable<ParScoreTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('par_score').values(rows).execute();
}

export async function listScores(db: Q, assessmentId: number): Promise<ParScoreRow[]> {
  return db.selectFrom('par_score').selectAll().where('assessment_id', '=', assessmentId).execute();
}

export async function findScore(
  db: Q,
  assessmentId: number,
  criterionId: number,
): Promise<ParScoreRow | undefined> {
  return db
    .selectFrom('par_score')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('criterion_id', '=', criterionId)
    .executeTakeFirst();
}

export async function updateScore(db: Q, id: number, v: Updateable<ParScoreTable>): Promise<void> {
  await db.updateTable('par_score').set(v).where('id', '=', id).execute();
}

export async function insertParEvidence(db: Q, v: Insertable<ParEvidenceTable>): Promise<ParEvidenceRow> {
  return db.insertInto('par_evidence').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function listParEvidence(db: Q, assessmentId: number): Promise<ParEvidenceRow[]> {
  return db
    .selectFrom('par_evidence')
    .innerJoin('par_score', 'par_score.id', 'par_evidence.score_id')
    .selectAll('par_evidence')
    .where('par_score.assessment_id', '=', assessmentId)
    .where('par_evidence.withdrawn_at', 'is', null)
    .orderBy('par_evidence.id')
    .execute();
}

export async function findParEvidence(
  db: Q,
  id: number,
): Promise<(ParEvidenceRow & { assessment_id: number }) | undefined> {
  return db
    .selectFrom('par_evidence')
    .innerJoin('par_score', 'par_score.id', 'par_evidence.score_id')
    .selectAll('par_evidence')
    .select('par_score.assessment_id')
    .where('par_evidence.id', '=', id)
    .executeTakeFirst();
}

export async function withdrawParEvidence(db: Q, id: number, at: string): Promise<void> {
  await db.updateTable('par_evidence').set({ withdrawn_at: at }).where('id', '=', id).execute();
}

/** A task's evidence file, with the task's unit (to check it belongs to the assessed unit). */
export async function findTaskEvidence(db: Q, id: number) {
  return db
    .selectFrom('evidence')
    .innerJoin('task', 'task.id', 'evidence.task_id')
    .select([
      'evidence.id',
      'evidence.unit_id',
      'evidence.file_id',
      'evidence.filename',
      'evidence.content_type',
      'evidence.size',
      'evidence.withdrawn_at',
      'task.code as task_code',
      'task.title as task_title',
    ])
    .where('evidence.id', '=', id)
    .executeTakeFirst();
}

/** A submitted periodic report, with its unit. */
export async function findReportSubmission(db: Q, id: number) {
  return db
    .selectFrom('report_submission')
    .innerJoin('report', 'report.id', 'report_submission.report_id')
    .select([
      'report_submission.id',
      'report_submission.seq',
      'report_submission.docx_file_id',
      'report_submission.submitted_at',
      'report.unit_id',
      'report.period_key as period',
    ])
    .where('report_submission.id', '=', id)
    .executeTakeFirst();
}

export async function previousIndexes(db: Q, unitIds: number[], year: number): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (unitIds.length === 0) return out;
  const entered = await db
    .selectFrom('par_index_entry')
    .select(['unit_id', 'index_value'])
    .where('unit_id', 'in', unitIds)
    .where('year', '=', year)
    .execute();
  for (const e of entered) out.set(e.unit_id, e.index_value);
  const finals = await db
    .selectFrom('par_assessment')
    .select(['unit_id', 'final_index'])
    .where('unit_id', 'in', unitIds)
    .where('year', '=', year)
    .where('status', '=', 'final')
    .execute();
  for (const f of finals) if (f.final_index !== null) out.set(f.unit_id, f.final_index);
  return out;
}

export async function upsertIndexEntry(
  db: Q,
  v: {
    unit_id: number;
    year: number;
    index_value: number;
    note: string | null;
    created_by: number;
    created_at: string;
  },
): Promise<void> {
  await db
    .insertInto('par_index_entry')
    .values(v)
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'year'])
        .doUpdateSet({ index_value: v.index_value, note: v.note, created_at: v.created_at }),
    )
    .execute();
}
