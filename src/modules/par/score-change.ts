/** A change of one leaf's score row, made under the assessment's lock with its audit line. */
import type { Updateable } from 'kysely';
import type { ParScoreRow, ParScoreTable } from '../../db/tables.js';
import type { ParStatus } from '../../shared/par.js';
import type { Actor } from '../auth/roles.js';
import type { ParContext } from './context.js';
import { audit, transition } from './context.js';
import { reload } from './present.js';
import type { AssessmentWithUnit } from './repository.js';
import { updateScore } from './repository.js';

/**
 * Writes `values` (with who and when) to the leaf's score while the assessment is still in one
 * of `from`, audits `action` with the values before, and shows the assessment again.
 */
export async function changeScore(
  ctx: ParContext,
  actor: Actor,
  a: AssessmentWithUnit,
  from: ParStatus[],
  s: ParScoreRow,
  change: { action: string; values: Updateable<ParScoreTable>; before: unknown },
) {
  const v = { ...change.values, updated_by: actor.userId, updated_at: ctx.nowIso() };
  await transition(ctx, a.id, from, async (tx) => {
    await updateScore(tx, s.id, v);
    await audit(ctx, tx, actor, {
      unitId: a.unit_id,
      entity: 'par_score',
      entityId: s.id,
      action: change.action,
      after: v,
      before: change.before,
    });
  });
  return reload(ctx, actor, a.id);
}
