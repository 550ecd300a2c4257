/**
 * The unit's self-assessment: find or start the year's assessment, score a leaf (or mark it "không
 * áp dụng"), and submit to the superior with the automatic leaves frozen.
 */
import { checkScore } from '../../core/par/index.js';
import type { ParCriterionRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { ParContext } from './context.js';
import {
  audit,
  leafOf,
  loadAssessment,
  nfcOrNull,
  parseRule,
  readableUnit,
  requireSelf,
  transition,
} from './context.js';
import { applicableSet } from './criteria-sets.js';
import type { AssessmentView } from './present.js';
import { present, reload } from './present.js';
import { changeScore } from './score-change.js';
import {
  findAssessmentOf,
  findScore,
  insertAssessment,
  insertScores,
  listCriteria,
  updateAssessment,
  updateScore,
} from './repository.js';

export interface SelfScoreInput {
  score?: number | null | undefined;
  notApplicable?: boolean | undefined;
  note?: string | null | undefined;
}

/** The unit's assessment of the year, or the set it would use and whether it may start. */
export async function forUnitYear(ctx: ParContext, actor: Actor, unitId: number, year: number) {
  const unit = await readableUnit(ctx, actor, unitId);
  const a = await findAssessmentOf(ctx.db, unit.id, year);
  if (a) return { assessment: await present(ctx, actor, a), applicableSet: null, actions: { start: false } };
  const set = await applicableSet(ctx, unit.path, unit.kind, year);
  return {
    assessment: null,
    applicableSet: set ? { id: set.id, name: set.name, version: set.version, totalMax: set.total_max } : null,
    actions: { start: !!set && policy.selfAssessPar(actor, unit.id) },
  };
}

/** A new draft with an empty score row for every leaf of the set. */
async function insertDraft(
  tx: Q,
  actor: Actor,
  unitId: number,
  year: number,
  setId: number,
  leaves: ParCriterionRow[],
  now: string,
) {
  const a = await insertAssessment(tx, {
    set_id: setId,
    unit_id: unitId,
    year,
    status: 'draft',
    survey_weight: null,
    survey_rate: null,
    self_index: null,
    final_index: null,
    submitted_at: null,
    returned_at: null,
    return_reason: null,
    finalized_at: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  await insertScores(
    tx,
    leaves.map((c) => ({
      assessment_id: a.id,
      criterion_id: c.id,
      self_score: null,
      not_applicable: 0,
      note: null,
      figure: null,
      figure_text: null,
      appraised_score: null,
      appraisal_reason: null,
      explanation: null,
      updated_by: actor.userId,
      updated_at: now,
    })),
  );
  return a.id;
}

/** Starts the year's self-assessment on the set the superior issued. */
export async function start(ctx: ParContext, actor: Actor, unitId: number, year: number) {
  const unit = await readableUnit(ctx, actor, unitId);
  if (!policy.selfAssessPar(actor, unit.id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới tự chấm điểm.');
  const set = await applicableSet(ctx, unit.path, unit.kind, year);
  if (!set)
    throw new AppError('VALIDATION', `Cấp trên chưa ban hành bộ tiêu chí năm ${year} cho loại đơn vị này.`);
  const leaves = (await listCriteria(ctx.db, set.id)).filter((c) => c.is_leaf === 1);
  const now = ctx.nowIso();
  const id = await ctx.db.transaction().execute(async (tx) => {
    if (await findAssessmentOf(tx, unit.id, year))
      throw new AppError('CONFLICT', `Đơn vị đã có bản tự đánh giá năm ${year}.`);
    const aid = await insertDraft(tx, actor, unit.id, year, set.id, leaves, now);
    await audit(ctx, tx, actor, {
      unitId: unit.id,
      entity: 'par_assessment',
      entityId: aid,
      action: 'start',
      after: { year, setId: set.id },
    });
    return aid;
  });
  return reload(ctx, actor, id);
}

export async function detail(ctx: ParContext, actor: Actor, id: number) {
  return present(ctx, actor, await loadAssessment(ctx, actor, id));
}

/** Scores a leaf, or marks it "không áp dụng", with a note. */
export async function score(
  ctx: ParContext,
  actor: Actor,
  id: number,
  criterionId: number,
  input: SelfScoreInput,
) {
  const a = await loadAssessment(ctx, actor, id);
  requireSelf(actor, a, ['draft'], 'chấm điểm');
  const { c, s } = await leafOf(ctx, a, criterionId);
  const rule = parseRule(c.rule_json);
  const na = input.notApplicable ?? s.not_applicable === 1;
  let value = input.score === undefined ? s.self_score : input.score;
  if (rule.kind === 'bands' && input.score !== undefined && input.score !== null)
    throw new AppError(
      'VALIDATION',
      `Tiêu chí ${c.code} tự chấm theo số liệu của hệ thống: không nhập điểm tay.`,
    );
  if (na) value = null;
  if (value !== null && value !== undefined) {
    const err = checkScore(rule, c.max_points ?? 0, value);
    if (err) throw new AppError('VALIDATION', `Tiêu chí ${c.code}: ${err}`);
  }
  return changeScore(ctx, actor, a, ['draft'], s, {
    action: 'self_score',
    values: {
      self_score: value ?? null,
      not_applicable: na ? 1 : 0,
      note: input.note === undefined ? s.note : nfcOrNull(input.note),
    },
    before: { self_score: s.self_score, not_applicable: s.not_applicable, note: s.note },
  });
}

/** What keeps an assessment from being submitted: leaves unscored, or scored without evidence unexplained. */
function submitProblems(view: AssessmentView) {
  const problems: { code: string; message: string }[] = [];
  for (const n of view.nodes) {
    if (!n.score || n.score.notApplicable) continue;
    if (n.score.selfScore === null)
      problems.push({
        code: n.code,
        message:
          n.rule.kind === 'bands'
            ? 'Chưa có số liệu để tự chấm: hãy ghi "không áp dụng" hoặc bổ sung số liệu.'
            : 'Chưa chấm điểm.',
      });
    else if (n.score.explanationRequired)
      problems.push({
        code: n.code,
        message: 'Chấm điểm khi chưa đủ tài liệu kiểm chứng: cần ghi giải trình.',
      });
  }
  return problems;
}

/**
 * Submits to the superior: every leaf scored or "không áp dụng", every leaf scored without its
 * required evidence explained; the automatic leaves' figures and scores are frozen.
 */
export async function submit(ctx: ParContext, actor: Actor, id: number) {
  const a = await loadAssessment(ctx, actor, id);
  requireSelf(actor, a, ['draft'], 'gửi');
  const view = await present(ctx, actor, a);
  const problems = submitProblems(view);
  if (problems.length)
    throw new AppError(
      'VALIDATION',
      `Chưa gửi được: ${problems.length} tiêu chí chưa hoàn thành (${problems
        .slice(0, 5)
        .map((p) => `${p.code}: ${p.message}`)
        .join('; ')}).`,
      { problems },
    );
  const now = ctx.nowIso();
  await transition(ctx, a.id, ['draft'], async (tx) => {
    for (const n of view.nodes)
      if (n.score && n.rule.kind === 'bands') {
        const s = await findScore(tx, a.id, n.criterionId);
        await updateScore(tx, s!.id, {
          self_score: n.score.selfScore,
          figure: n.score.figure,
          figure_text: n.score.figureText,
          updated_at: now,
        });
      }
    await updateAssessment(tx, a.id, {
      status: 'submitted',
      self_index: view.totals.self.indexOn100,
      submitted_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, actor, {
      unitId: a.unit_id,
      entity: 'par_assessment',
      entityId: a.id,
      action: 'submit',
      after: { selfIndex: view.totals.self.indexOn100, totals: view.totals.self },
      before: { status: a.status },
    });
  });
  return reload(ctx, actor, a.id);
}
