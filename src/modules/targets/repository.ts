import type { TargetRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';

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
