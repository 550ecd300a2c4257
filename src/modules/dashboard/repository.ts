import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

/** Task counts by unit, area and status over the active plans of a year under `path`. */
export async function taskStatusCounts(
  db: Q,
  path: string,
  year: number,
): Promise<
  {
    unit_id: number;
    unit_code: string;
    unit_name: string;
    area_code: string;
    area_title: string;
    status: string;
    n: number;
  }[]
> {
  const rows = await db
    .selectFrom('task')
    .innerJoin('plan', 'plan.id', 'task.plan_id')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .innerJoin('plan_area', 'plan_area.id', 'task.area_id')
    .select([
      'unit.id as unit_id',
      'unit.code as unit_code',
      'unit.name as unit_name',
      'plan_area.code as area_code',
      'plan_area.title as area_title',
      'task.status as status',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('unit.path', 'like', `${path}%`)
    .where('plan.year', '=', year)
    .where('plan.status', '=', 'active')
    .where('task.removed_at', 'is', null)
    .groupBy(['unit.id', 'unit.code', 'unit.name', 'plan_area.code', 'plan_area.title', 'task.status'])
    .execute();
  return rows.map((r) => ({ ...r, n: num(r.n as number) }));
}

/** The areas named by the active plans of a year under `path` (also those without tasks). */
export async function planAreas(
  db: Q,
  path: string,
  year: number,
): Promise<{ code: string; title: string }[]> {
  return db
    .selectFrom('plan_area')
    .innerJoin('plan', 'plan.id', 'plan_area.plan_id')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .select(['plan_area.code', 'plan_area.title'])
    .where('unit.path', 'like', `${path}%`)
    .where('plan.year', '=', year)
    .where('plan.status', '=', 'active')
    .orderBy('unit.path')
    .orderBy('plan_area.position')
    .execute();
}

export async function planYears(db: Q, path: string): Promise<number[]> {
  const rows = await db
    .selectFrom('plan')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .select('plan.year')
    .distinct()
    .where('unit.path', 'like', `${path}%`)
    .orderBy('plan.year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

/** The units of a subtree (the unit itself first), for a superior's rows. */
export async function subtreeUnits(db: Q, path: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'code', 'name', 'path', 'parent_id'])
    .where('path', 'like', `${path}%`)
    .orderBy('path')
    .execute();
}

/** Tasks with an open occurrence due before `today`, per unit, over the active plans of a year. */
export async function overdueTaskCounts(db: Q, path: string, year: number, today: string) {
  const rows = await db
    .selectFrom('task_occurrence')
    .innerJoin('task', 'task.id', 'task_occurrence.task_id')
    .innerJoin('plan', 'plan.id', 'task.plan_id')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .select(['plan.unit_id as unit_id', (eb) => eb.fn.count('task.id').distinct().as('n')])
    .where('unit.path', 'like', `${path}%`)
    .where('plan.year', '=', year)
    .where('plan.status', '=', 'active')
    .where('task.removed_at', 'is', null)
    .where('task.status', 'not in', ['done', 'not_applicable'])
    .where('task_occurrence.removed_at', 'is', null)
    .where('task_occurrence.status', '=', 'pending')
    .where('task_occurrence.due_date', '<', today)
    .groupBy('plan.unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, num(r.n as number)]));
}

/** The targets (not groups) of the active plans of a year under `path`, with their unit. */
export async function activeTargets(db: Q, path: string, year: number) {
  return db
    .selectFrom('target')
    .innerJoin('plan', 'plan.id', 'target.plan_id')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .selectAll('target')
    .select(['plan.unit_id as unit_id', 'plan.status as plan_status'])
    .where('unit.path', 'like', `${path}%`)
    .where('plan.year', '=', year)
    .where('plan.status', '=', 'active')
    .where('target.removed_at', 'is', null)
    .where('target.is_group', '=', 0)
    .orderBy('unit.path')
    .orderBy('target.position')
    .execute();
}

/** The unit's active plan of a year, if any. */
export async function activePlan(db: Q, unitId: number, year: number) {
  return db
    .selectFrom('plan')
    .select(['id', 'title', 'year'])
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/**
 * Dossiers still open and late at `now` (late by a second supplement request or past their
 * appointment while their clock runs), the first `limit` by appointment. The filter reads the
 * figures' covering index (unit, ended_at is null, …); how many there are in all is the figures'
 * "in progress, late" counter (same rule).
 */
export async function openLateDossiers(
  db: Q,
  scope: { path: string; unitId?: number | undefined },
  now: string,
  limit: number,
) {
  let q = db
    .selectFrom('dossier')
    .innerJoin('unit', 'unit.id', 'dossier.unit_id')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id')
    .where('dossier.ended_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('dossier.late_since', 'is not', null), eb('dossier.late_since', '<=', now)]),
        eb.and([
          eb('dossier.appointment_at', '<', now),
          eb.or([
            eb('dossier.awaiting_supplement_since', 'is', null),
            eb('dossier.awaiting_supplement_since', '>', now),
          ]),
        ]),
      ]),
    );
  q =
    scope.unitId !== undefined
      ? q.where('dossier.unit_id', '=', scope.unitId)
      : q.where('dossier.unit_id', 'in', (eb) =>
          eb.selectFrom('unit as u').select('u.id').where('u.path', 'like', `${scope.path}%`),
        );
  return q
    .select([
      'dossier.id',
      'dossier.code',
      'dossier.received_at',
      'dossier.appointment_at',
      'procedure.name as procedure_name',
      'unit.id as unit_id',
      'unit.name as unit_name',
    ])
    .orderBy('dossier.appointment_at')
    .orderBy('dossier.id')
    .limit(limit)
    .execute();
}

/** The areas of one plan, in order. */
export async function areasOfPlan(db: Q, planId: number): Promise<{ code: string; title: string }[]> {
  return db
    .selectFrom('plan_area')
    .select(['code', 'title'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}
