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
export async function planAreas(db: Q, path: string, year: number): Promise<{ code: string; title: string }[]> {
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
