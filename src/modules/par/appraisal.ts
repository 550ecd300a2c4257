/**
 * The superior's appraisal (thẩm định): the appraised score of a leaf with its reason, the return
 * for explanation and the unit's answers (giải trình), and the final index with its survey part.
 */
import { checkScore, finalIndex } from '../../core/par/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../auth/roles.js';
import type { ParContext } from './context.js';
import {
  audit,
  leafOf,
  loadAssessment,
  nfcOrNull,
  parseRule,
  requireAppraiser,
  requireSelf,
  transition,
  yearWindow,
} from './context.js';
import type { AssessmentView } from './present.js';
import { present, reload } from './present.js';
import type { AssessmentWithUnit } from './repository.js';
import { findScore, updateAssessment, updateScore } from './repository.js';
import { changeScore } from './score-change.js';

export interface FinalizeInput {
  surveyWeight?: number | null | undefined;
  surveyRate?: number | null | undefined;
  surveyFromResults?: boolean | undefined;
}

/** The superior sets the appraised score of a leaf; a reason is required when it differs from the self score. */
export async function appraise(
  ctx: ParContext,
  actor: Actor,
  id: number,
  criterionId: number,
  input: { score: number; reason?: string | null | undefined },
) {
  const a = await loadAssessment(ctx, actor, id);
  requireAppraiser(actor, a, ['submitted'], 'thẩm định');
  const { c, s } = await leafOf(ctx, a, criterionId);
  if (s.not_applicable)
    throw new AppError(
      'VALIDATION',
      `Tiêu chí ${c.code} được ghi "không áp dụng": không chấm điểm thẩm định.`,
    );
  const rule = parseRule(c.rule_json);
  const err = checkScore(rule.kind === 'bands' ? { kind: 'manual' } : rule, c.max_points ?? 0, input.score);
  if (err) throw new AppError('VALIDATION', `Tiêu chí ${c.code}: ${err}`);
  const reason = nfcOrNull(input.reason);
  if (input.score !== s.self_score && !reason)
    throw new AppError(
      'VALIDATION',
      `Tiêu chí ${c.code}: điểm thẩm định khác điểm tự chấm, hãy ghi lý do điều chỉnh.`,
    );
  return changeScore(ctx, actor, a, ['submitted'], s, {
    action: 'appraise',
    values: { appraised_score: input.score, appraisal_reason: reason },
    before: { appraised_score: s.appraised_score, appraisal_reason: s.appraisal_reason },
  });
}

/** An assessment's state change with its audit line (from its state before). */
async function changeState(
  ctx: ParContext,
  actor: Actor,
  a: AssessmentWithUnit,
  to: { status: 'submitted' | 'returned'; returned_at?: string; return_reason?: string; updated_at?: string },
  audited: { action: string; after: unknown },
) {
  await transition(ctx, a.id, [a.status as 'submitted' | 'returned'], async (tx) => {
    await updateAssessment(tx, a.id, { updated_at: ctx.nowIso(), ...to });
    await audit(ctx, tx, actor, {
      unitId: a.unit_id,
      entity: 'par_assessment',
      entityId: a.id,
      action: audited.action,
      after: audited.after,
      before: { status: a.status },
    });
  });
  return reload(ctx, actor, a.id);
}

export async function returnForExplanation(ctx: ParContext, actor: Actor, id: number, reason: string) {
  const a = await loadAssessment(ctx, actor, id);
  requireAppraiser(actor, a, ['submitted'], 'trả lại');
  const now = ctx.nowIso();
  const to = {
    status: 'returned' as const,
    returned_at: now,
    return_reason: reason.normalize('NFC').trim(),
    updated_at: now,
  };
  return changeState(ctx, actor, a, to, { action: 'return', after: { reason } });
}

/** The unit answers a leaf (giải trình); scores stay frozen. */
export async function explain(
  ctx: ParContext,
  actor: Actor,
  id: number,
  criterionId: number,
  explanation: string,
) {
  const a = await loadAssessment(ctx, actor, id);
  requireSelf(actor, a, ['returned'], 'giải trình');
  const { s } = await leafOf(ctx, a, criterionId);
  return changeScore(ctx, actor, a, ['returned'], s, {
    action: 'explain',
    values: { explanation: explanation.normalize('NFC').trim() },
    before: { explanation: s.explanation },
  });
}

export async function sendExplanations(ctx: ParContext, actor: Actor, id: number) {
  const a = await loadAssessment(ctx, actor, id);
  requireSelf(actor, a, ['returned'], 'gửi giải trình');
  return changeState(
    ctx,
    actor,
    a,
    { status: 'submitted' },
    {
      action: 'send_explanations',
      after: { status: 'submitted' },
    },
  );
}

/** The survey part's satisfaction rate: the one entered, or the unit's survey results of the year. */
async function surveyRate(
  ctx: ParContext,
  a: AssessmentWithUnit,
  weight: number | null,
  input: FinalizeInput,
) {
  let rate = input.surveyRate ?? null;
  if (weight && input.surveyFromResults) {
    const w = yearWindow(ctx, a.year);
    rate = (await ctx.measure(a.unit_id, 'survey_satisfaction', w.from, w.to))?.value ?? null;
    if (rate === null)
      throw new AppError('VALIDATION', 'Đơn vị chưa có kết quả khảo sát trong năm: hãy nhập tỷ lệ hài lòng.');
  }
  if (weight && rate === null)
    throw new AppError('VALIDATION', 'Có phần khảo sát: hãy nhập tỷ lệ hài lòng (%).');
  return rate;
}

/**
 * The superior finalises: leaves it did not adjust keep the self score; the optional survey
 * part (a rate entered, or the unit's survey results) weighs `surveyWeight` points of 100.
 */
export async function finalize(ctx: ParContext, actor: Actor, id: number, input: FinalizeInput) {
  const a = await loadAssessment(ctx, actor, id);
  requireAppraiser(actor, a, ['submitted'], 'kết thúc thẩm định');
  const view: AssessmentView = await present(ctx, actor, a);
  const weight = input.surveyWeight ?? null;
  const rate = await surveyRate(ctx, a, weight, input);
  const assessed = (view.totals.appraised ?? view.totals.self).indexOn100;
  const index = finalIndex(assessed, weight ? { weight, rate } : null);
  const now = ctx.nowIso();
  await transition(ctx, a.id, ['submitted'], async (tx) => {
    for (const n of view.nodes)
      if (n.score && !n.score.notApplicable && n.score.appraisedScore === null) {
        const s = await findScore(tx, a.id, n.criterionId);
        await updateScore(tx, s!.id, { appraised_score: n.score.selfScore, updated_at: now });
      }
    await updateAssessment(tx, a.id, {
      status: 'final',
      survey_weight: weight,
      survey_rate: rate,
      final_index: index,
      finalized_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, actor, {
      unitId: a.unit_id,
      entity: 'par_assessment',
      entityId: a.id,
      action: 'finalize',
      after: { finalIndex: index, surveyWeight: weight, surveyRate: rate },
      before: { status: a.status },
    });
  });
  return reload(ctx, actor, a.id);
}
