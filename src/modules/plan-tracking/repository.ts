import type { EvidenceRow, TargetRow, TaskOccurrenceRow, TaskRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';

export type TaskWithScope = TaskRow & {
  unit_id: number;
  unit_path: string;
  area_code: string;
  plan_status: string;
  plan_title: string;
  plan_year: number;
};

const taskWithScope = (db: Q) =>
  db
    .selectFrom('task')
    .innerJoin('plan', 'plan.id', 'task.plan_id')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .innerJoin('plan_area', 'plan_area.id', 'task.area_id')
    .selectAll('task')
    .select([
      'plan.unit_id as unit_id',
      'unit.path as unit_path',
      'plan_area.code as area_code',
      'plan.status as plan_status',
      'plan.title as plan_title',
      'plan.year as plan_year',
    ]);

export async function findTaskWithScope(db: Q, id: number): Promise<TaskWithScope | undefined> {
  return taskWithScope(db).where('task.id', '=', id).executeTakeFirst();
}

export async function listAssignees(db: Q, taskId: number): Promise<{ id: number; full_name: string }[]> {
  return db
    .selectFrom('task_assignee')
    .innerJoin('app_user', 'app_user.id', 'task_assignee.user_id')
    .select(['app_user.id', 'app_user.full_name'])
    .where('task_assignee.task_id', '=', taskId)
    .orderBy('app_user.full_name')
    .execute();
}

export async function replaceAssignees(db: Q, taskId: number, userIds: number[]): Promise<void> {
  await db.deleteFrom('task_assignee').where('task_id', '=', taskId).execute();
  if (userIds.length > 0)
    await db
      .insertInto('task_assignee')
      .values(userIds.map((user_id) => ({ task_id: taskId, user_id })))
      .execute();
}

/** Tasks of active plans assigned to a user. */
export async function listTasksAssignedTo(db: Q, userId: number): Promise<TaskWithScope[]> {
  return taskWithScope(db)
    .innerJoin('task_assignee', 'task_assignee.task_id', 'task.id')
    .where('task_assignee.user_id', '=', userId)
    .where('plan.status', '=', 'active')
    .where('task.removed_at', 'is', null)
    .orderBy('plan.year', 'desc')
    .orderBy('task.position')
    .execute();
}

export async function listOccurrencesOfTask(
  db: Q,
  taskId: number,
  includeRemoved = false,
): Promise<TaskOccurrenceRow[]> {
  let q = db.selectFrom('task_occurrence').selectAll().where('task_id', '=', taskId);
  if (!includeRemoved) q = q.where('removed_at', 'is', null);
  return q.orderBy('position').orderBy('id').execute();
}

export async function listOccurrencesOfPlan(db: Q, planId: number): Promise<TaskOccurrenceRow[]> {
  return db
    .selectFrom('task_occurrence')
    .innerJoin('task', 'task.id', 'task_occurrence.task_id')
    .selectAll('task_occurrence')
    .where('task.plan_id', '=', planId)
    .where('task_occurrence.removed_at', 'is', null)
    .orderBy('task_occurrence.task_id')
    .orderBy('task_occurrence.position')
    .execute();
}

export async function insertOccurrence(
  db: Q,
  values: Omit<TaskOccurrenceRow, 'id'>,
): Promise<TaskOccurrenceRow> {
  return db.insertInto('task_occurrence').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateOccurrence(
  db: Q,
  id: number,
  patch: Partial<Omit<TaskOccurrenceRow, 'id'>>,
): Promise<void> {
  await db.updateTable('task_occurrence').set(patch).where('id', '=', id).execute();
}

/** A task's progress columns under a row lock (the read of a read-modify-write, ADR 008). */
export async function lockTaskProgress(db: Q, id: number) {
  return db
    .selectFrom('task')
    .select(['status', 'progress_note', 'completed_on'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockOccurrence(db: Q, id: number): Promise<TaskOccurrenceRow | undefined> {
  return db.selectFrom('task_occurrence').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findOccurrence(db: Q, id: number): Promise<TaskOccurrenceRow | undefined> {
  return db.selectFrom('task_occurrence').selectAll().where('id', '=', id).executeTakeFirst();
}

// Targets

export type TargetWithScope = TargetRow & { unit_id: number; unit_path: string; plan_status: string };

export async function findTargetWithScope(db: Q, id: number): Promise<TargetWithScope | undefined> {
  return db
    .selectFrom('target')
    .innerJoin('plan', 'plan.id', 'target.plan_id')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .selectAll('target')
    .select(['plan.unit_id as unit_id', 'unit.path as unit_path', 'plan.status as plan_status'])
    .where('target.id', '=', id)
    .executeTakeFirst();
}

// Evidence (its bytes are in `file_blob`, see modules/files)
export async function insertEvidence(db: Q, values: Omit<EvidenceRow, 'id'>): Promise<EvidenceRow> {
  return db.insertInto('evidence').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findEvidence(db: Q, id: number): Promise<EvidenceRow | undefined> {
  return db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listEvidenceOf(
  db: Q,
  owner: { taskId: number } | { targetId: number },
): Promise<(EvidenceRow & { uploader_name: string })[]> {
  let q = db
    .selectFrom('evidence')
    .innerJoin('app_user', 'app_user.id', 'evidence.uploaded_by')
    .selectAll('evidence')
    .select('app_user.full_name as uploader_name')
    .where('evidence.withdrawn_at', 'is', null);
  q =
    'taskId' in owner
      ? q.where('evidence.task_id', '=', owner.taskId)
      : q.where('evidence.target_id', '=', owner.targetId);
  return q.orderBy('evidence.uploaded_at', 'desc').execute();
}

export async function withdrawEvidence(db: Q, id: number, at: string, by: number): Promise<void> {
  await db.updateTable('evidence').set({ withdrawn_at: at, withdrawn_by: by }).where('id', '=', id).execute();
}

/** Live evidence counts of the given tasks. */
export async function evidenceCountsOfTasks(db: Q, taskIds: number[]): Promise<Map<number, number>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('evidence')
    .select(['task_id', (eb) => eb.fn.countAll().as('n')])
    .where('task_id', 'in', taskIds)
    .where('withdrawn_at', 'is', null)
    .groupBy('task_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.task_id), Number(r.n)]));
}
