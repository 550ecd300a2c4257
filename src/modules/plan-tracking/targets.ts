import type { TargetMetric } from '../../core/metrics/index.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { Q } from '../../db/types.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { updateTargetRow } from '../plans/repository.js';
import { findTargetWithScope } from './repository.js';

export interface TargetPatch {
  achievedValue?: number | null | undefined;
  achievedText?: string | null | undefined;
  achievedNote?: string | null | undefined;
  /** For thresholds that are not one figure ("≥ năm 2022", several figures): the officer's assessment. */
  assessedState?: 'met' | 'not_met' | null | undefined;
  /** Measure the target with a register figure, or null to enter it by hand. */
  metric?: TargetMetric | null | undefined;
}

export function targetsService({ db, clock }: { db: Q; clock: Clock }) {
  async function loadReadable(actor: Actor, id: number) {
    const target = await findTargetWithScope(db, id);
    if (!target || !policy.readPlan(actor, target.unit_path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy chỉ tiêu.');
    return target;
  }
  return {
    loadReadable,
    canUpdate: (actor: Actor, t: { unit_id: number; removed_at: string | null; plan_status: string }) =>
      t.removed_at === null && t.plan_status === 'active' && policy.updateTarget(actor, t.unit_id),
    /** Records the value achieved by hand, until a register measures it. */
    async update(actor: Actor, id: number, patch: TargetPatch, requestId?: string) {
      const t = await loadReadable(actor, id);
      if (!this.canUpdate(actor, t)) throw new AppError('FORBIDDEN');
      if (t.is_group === 1)
        throw new AppError(
          'VALIDATION',
          'Nhóm chỉ tiêu không có giá trị riêng: hãy cập nhật từng chỉ tiêu con.',
        );
      const now = clock.now().toISOString();
      const next = {
        achieved_value: patch.achievedValue === undefined ? t.achieved_value : patch.achievedValue,
        achieved_text: patch.achievedText === undefined ? t.achieved_text : patch.achievedText,
        achieved_note: patch.achievedNote === undefined ? t.achieved_note : patch.achievedNote,
        assessed_state: patch.assessedState === undefined ? t.assessed_state : patch.assessedState,
        metric: patch.metric === undefined ? t.metric : patch.metric,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await updateTargetRow(tx, id, next);
        await insertAudit(tx, {
          unitId: t.unit_id,
          userId: actor.userId,
          entity: 'target',
          entityId: id,
          action: 'update',
          before: {
            achievedValue: t.achieved_value,
            achievedText: t.achieved_text,
            achievedNote: t.achieved_note,
            assessedState: t.assessed_state,
            metric: t.metric,
          },
          after: {
            achievedValue: next.achieved_value,
            achievedText: next.achieved_text,
            achievedNote: next.achieved_note,
            assessedState: next.assessed_state,
            metric: next.metric,
          },
          at: now,
          requestId,
        });
      });
      return loadReadable(actor, id);
    },
  };
}

export type TargetsService = ReturnType<typeof targetsService>;
