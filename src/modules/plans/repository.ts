import type { Insertable } from 'kysely';
import type {
  PlanAreaRow,
  PlanRow,
  PlanTable,
  TargetRow,
  TargetTable,
  TaskRow,
  TaskTable,
} from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

export type PlanWithUnit = PlanRow & { unit_code: string; unit_name: string; unit_path: string };
export type PlanWithCounts = PlanWithUnit & { task_count: number; done_count: number; na_count: number };

const planWithUnit = (db: Q) =>
  db
    .selectFrom('plan')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .selectAll('plan')
    .select(['unit.code as unit_code', 'unit.name as unit_name', 'unit.path as unit_path']);

export async function findPlanById(db: Q, id: number): Promise<PlanWithUnit | undefined> {
  return planWithUnit(db).where('plan.id', '=', id).executeTakeFirst();
}

export async function findActivePlan(db: Q, unitId: number, year: number): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plan')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('status', '=', 'active')
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

export async function maxPlanVersion(db: Q, unitId: number, year: number): Promise<number> {
  const r = await db
    .selectFrom('plan')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return num(r?.v);
}

/** Plans of the units under `path`, newest first, with task counts. */
export async function listPlansInSubtree(
  db: Q,
  path: string,
  unitId?: number,
): Promise<PlanWithCounts[]> {
  let q = planWithUnit(db)
    .select((eb) => [
      eb
        .selectFrom('task')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('task.plan_id', '=', 'plan.id')
        .where('task.removed_at', 'is', null)
        .as('task_count'),
      eb
        .selectFrom('task')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('task.plan_id', '=', 'plan.id')
        .where('task.removed_at', 'is', null)
        .where('task.status', '=', 'done')
        .as('done_count'),
      eb
        .selectFrom('task')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('task.plan_id', '=', 'plan.id')
        .where('task.removed_at', 'is', null)
        .where('task.status', '=', 'not_applicable')
        .as('na_count'),
    ])
    .where('unit.path', 'like', `${path}%`);
  if (unitId !== undefined) q = q.where('plan.unit_id', '=', unitId);
  const rows = await q
    .orderBy('plan.year', 'desc')
    .orderBy('unit.path')
    .orderBy('plan.version', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    task_count: num(r.task_count as number),
    done_count: num(r.done_count as number),
    na_count: num(r.na_count as number),
  }));
}

export async function insertPlan(db: Q, values: Insertable<PlanTable>): Promise<PlanRow> {
  return db.insertInto('plan').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updatePlan(db: Q, id: number, patch: Partial<Insertable<PlanTable>>): Promise<void> {
  await db.updateTable('plan').set(patch).where('id', '=', id).execute();
}

export async function insertArea(
  db: Q,
  planId: number,
  code: string,
  title: string,
  position: number,
): Promise<PlanAreaRow> {
  return db
    .insertInto('plan_area')
    .values({ plan_id: planId, code, title, position })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateArea(db: Q, id: number, title: string, position: number): Promise<void> {
  await db.updateTable('plan_area').set({ title, position }).where('id', '=', id).execute();
}

export async function listAreas(db: Q, planId: number): Promise<PlanAreaRow[]> {
  return db.selectFrom('plan_area').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export async function insertTask(db: Q, values: Insertable<TaskTable>): Promise<TaskRow> {
  return db.insertInto('task').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateTaskRow(db: Q, id: number, patch: Partial<Insertable<TaskTable>>): Promise<void> {
  await db.updateTable('task').set(patch).where('id', '=', id).execute();
}

export async function listTasks(db: Q, planId: number, includeRemoved = false): Promise<TaskRow[]> {
  let q = db.selectFrom('task').selectAll().where('plan_id', '=', planId);
  if (!includeRemoved) q = q.where('removed_at', 'is', null);
  return q.orderBy('position').execute();
}

export async function insertTarget(db: Q, values: Insertable<TargetTable>): Promise<TargetRow> {
  return db.insertInto('target').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateTargetRow(
  db: Q,
  id: number,
  patch: Partial<Insertable<TargetTable>>,
): Promise<void> {
  await db.updateTable('target').set(patch).where('id', '=', id).execute();
}

export async function listTargets(db: Q, planId: number, includeRemoved = false): Promise<TargetRow[]> {
  let q = db.selectFrom('target').selectAll().where('plan_id', '=', planId);
  if (!includeRemoved) q = q.where('removed_at', 'is', null);
  return q.orderBy('position').execute();
}

export async function listAssigneesOfPlan(
  db: Q,
  planId: number,
): Promise<{ task_id: number; user_id: number; full_name: string }[]> {
  return db
    .selectFrom('task_assignee')
    .innerJoin('task', 'task.id', 'task_assignee.task_id')
    .innerJoin('app_user', 'app_user.id', 'task_assignee.user_id')
    .select(['task_assignee.task_id', 'task_assignee.user_id', 'app_user.full_name'])
    .where('task.plan_id', '=', planId)
    .orderBy('app_user.full_name')
    .execute();
}

export async function copyAssignees(db: Q, fromTaskId: number, toTaskId: number): Promise<void> {
  const rows = await db
    .selectFrom('task_assignee')
    .select('user_id')
    .where('task_id', '=', fromTaskId)
    .execute();
  if (rows.length > 0)
    await db
      .insertInto('task_assignee')
      .values(rows.map((r) => ({ task_id: toTaskId, user_id: r.user_id })))
      .execute();
}

/** Live (not withdrawn) evidence counts per task and per target of a plan. */
export async function evidenceCountsOfPlan(
  db: Q,
  planId: number,
): Promise<{ byTask: Map<number, number>; byTarget: Map<number, number> }> {
  const taskRows = await db
    .selectFrom('evidence')
    .innerJoin('task', 'task.id', 'evidence.task_id')
    .select(['evidence.task_id as id', (eb) => eb.fn.countAll().as('n')])
    .where('task.plan_id', '=', planId)
    .where('evidence.withdrawn_at', 'is', null)
    .groupBy('evidence.task_id')
    .execute();
  const targetRows = await db
    .selectFrom('evidence')
    .innerJoin('target', 'target.id', 'evidence.target_id')
    .select(['evidence.target_id as id', (eb) => eb.fn.countAll().as('n')])
    .where('target.plan_id', '=', planId)
    .where('evidence.withdrawn_at', 'is', null)
    .groupBy('evidence.target_id')
    .execute();
  return {
    byTask: new Map(taskRows.map((r) => [Number(r.id), num(r.n as number)])),
    byTarget: new Map(targetRows.map((r) => [Number(r.id), num(r.n as number)])),
  };
}

/** Copies the live evidence of a task or target onto its counterpart in a new plan version. */
export async function copyEvidence(
  db: Q,
  kind: 'task' | 'target',
  fromId: number,
  toId: number,
): Promise<void> {
  const col = kind === 'task' ? 'task_id' : 'target_id';
  const rows = await db
    .selectFrom('evidence')
    .selectAll()
    .where(col, '=', fromId)
    .where('withdrawn_at', 'is', null)
    .execute();
  for (const { id: _id, ...r } of rows) {
    await db
      .insertInto('evidence')
      .values({
        ...r,
        task_id: kind === 'task' ? toId : r.task_id,
        target_id: kind === 'target' ? toId : r.target_id,
      })
      .execute();
  }
}
