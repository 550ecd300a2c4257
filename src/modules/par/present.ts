/**
 * An assessment as the screens and the outputs read it: the criteria tree with each leaf's scores,
 * evidence and live figure (while the unit still scores), subtotals, totals, progress and the
 * actions the reader may take.
 */
import { bandPoints, totals } from '../../core/par/index.js';
import type { AssessmentTotals } from '../../core/par/index.js';
import { TARGET_METRIC_LABELS } from '../../core/metrics/index.js';
import type { Figure } from '../../core/metrics/index.js';
import type { TargetMetric } from '../../core/metrics/index.js';
import type { ParCriterionRow, ParEvidenceRow, ParScoreRow } from '../../db/tables.js';
import { PAR_STATUS_LABELS } from '../../shared/par.js';
import type { ParEvidenceKind, ParSign, ParStatus } from '../../shared/par.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { ParContext } from './context.js';
import { parseRule, round2, yearWindow } from './context.js';
import type { AssessmentWithUnit } from './repository.js';
import { findAssessment, findSet, listCriteria, listParEvidence, listScores } from './repository.js';

type LiveFigure = { figure: number | null; text: string };

interface Leaf {
  c: ParCriterionRow;
  s: ParScoreRow;
  selfScore: number | null;
  figure: number | null;
  figureText: string | null;
}

const figureText = (metric: string, f: Figure | null) =>
  f
    ? `${TARGET_METRIC_LABELS[metric as TargetMetric] ?? metric}: ${f.value === null ? 'chưa có số liệu' : `${String(f.value).replace('.', ',')}%`} (${f.numerator}/${f.denominator})`
    : 'chưa có số liệu';

/** Live figures of the bands leaves (read while the unit still scores; frozen at submission). */
async function liveFigures(ctx: ParContext, unitId: number, year: number, criteria: ParCriterionRow[]) {
  const out = new Map<number, LiveFigure>();
  const { from, to } = yearWindow(ctx, year);
  const cache = new Map<string, Figure | null>();
  for (const c of criteria) {
    const rule = parseRule(c.rule_json);
    if (c.is_leaf !== 1 || rule.kind !== 'bands') continue;
    if (!cache.has(rule.metric)) cache.set(rule.metric, await ctx.measure(unitId, rule.metric, from, to));
    const f = cache.get(rule.metric) ?? null;
    out.set(c.id, { figure: f?.value ?? null, text: figureText(rule.metric, f) });
  }
  return out;
}

/** Each leaf with its self score: the stored one, or the live band points of its figure. */
function leavesOf(
  criteria: ParCriterionRow[],
  scores: Map<number, ParScoreRow>,
  live: Map<number, LiveFigure>,
) {
  const leaves: Leaf[] = [];
  for (const c of criteria) {
    if (c.is_leaf !== 1) continue;
    const s = scores.get(c.id);
    if (!s) continue;
    const rule = parseRule(c.rule_json);
    const l = live.get(c.id);
    if (l && rule.kind === 'bands')
      leaves.push({
        c,
        s,
        selfScore: s.not_applicable ? null : bandPoints(rule.bands, l.figure),
        figure: l.figure,
        figureText: l.text,
      });
    else leaves.push({ c, s, selfScore: s.self_score, figure: s.figure, figureText: s.figure_text });
  }
  return leaves;
}

const totalsOf = (leaves: Leaf[], pick: (l: Leaf) => number | null) =>
  totals(
    leaves.map((l) => ({
      max: l.c.max_points ?? 0,
      sign: l.c.sign as 'normal',
      score: pick(l),
      notApplicable: l.s.not_applicable === 1,
    })),
  );

/** Subtotal of a node: the signed sum of its applicable leaves, null when none is scored. */
function subtotals(criteria: ParCriterionRow[], leafInfo: Map<number, Leaf>) {
  const childrenOf = new Map<number | null, ParCriterionRow[]>();
  for (const c of criteria) childrenOf.set(c.parent_id, [...(childrenOf.get(c.parent_id) ?? []), c]);
  const sub = (c: ParCriterionRow, pick: (l: Leaf) => number | null): number | null => {
    if (c.is_leaf === 1) {
      const l = leafInfo.get(c.id);
      if (!l || l.s.not_applicable) return null;
      const v = pick(l);
      return v === null ? null : c.sign === 'minus' ? -v : v;
    }
    let any = false;
    let sum = 0;
    for (const k of childrenOf.get(c.id) ?? []) {
      const v = sub(k, pick);
      if (v !== null) {
        any = true;
        sum += v;
      }
    }
    return any ? round2(sum) : null;
  };
  return sub;
}

const evidenceOut = (e: ParEvidenceRow) => ({
  id: e.id,
  kind: e.kind as ParEvidenceKind,
  label: e.label,
  fileName: e.file_name,
  hasFile: e.file_blob_id !== null,
});

/** The tree's nodes, counting the leaves that miss evidence or the explanation of its absence. */
function nodesOf(
  criteria: ParCriterionRow[],
  leafInfo: Map<number, Leaf>,
  byScore: Map<number, ParEvidenceRow[]>,
  appraisedAny: boolean,
) {
  const sub = subtotals(criteria, leafInfo);
  let evidenceMissing = 0;
  let explanationMissing = 0;
  const nodes = criteria.map((c) => {
    const l = leafInfo.get(c.id);
    const ev = l ? (byScore.get(l.s.id) ?? []) : [];
    const missing = !!c.evidence && l !== undefined && l.s.not_applicable === 0 && ev.length === 0;
    if (missing) evidenceMissing++;
    const needsNote = missing && (l?.selfScore ?? 0) > 0 && !l?.s.note;
    if (needsNote) explanationMissing++;
    return {
      criterionId: c.id,
      parentId: c.parent_id,
      code: c.code,
      title: c.title,
      depth: c.depth,
      max: c.max_points,
      sign: c.sign as ParSign,
      guide: c.guide,
      evidenceRequired: c.evidence,
      isLeaf: c.is_leaf === 1,
      rule: parseRule(c.rule_json),
      selfSubtotal: sub(c, (x) => x.selfScore),
      appraisedSubtotal: appraisedAny ? sub(c, (x) => x.s.appraised_score ?? x.selfScore) : null,
      score: l
        ? {
            selfScore: l.selfScore,
            notApplicable: l.s.not_applicable === 1,
            note: l.s.note,
            figure: l.figure,
            figureText: l.figureText,
            appraisedScore: l.s.appraised_score,
            appraisalReason: l.s.appraisal_reason,
            explanation: l.s.explanation,
            evidenceMissing: missing,
            explanationRequired: needsNote,
            evidence: ev.map(evidenceOut),
          }
        : null,
    };
  });
  return { nodes, evidenceMissing, explanationMissing };
}

async function assessmentParts(ctx: ParContext, a: AssessmentWithUnit) {
  const criteria = await listCriteria(ctx.db, a.set_id);
  const scores = new Map((await listScores(ctx.db, a.id)).map((s) => [s.criterion_id, s]));
  const byScore = new Map<number, ParEvidenceRow[]>();
  for (const e of await listParEvidence(ctx.db, a.id))
    byScore.set(e.score_id, [...(byScore.get(e.score_id) ?? []), e]);
  const live =
    a.status === 'draft'
      ? await liveFigures(ctx, a.unit_id, a.year, criteria)
      : new Map<number, LiveFigure>();
  return {
    set: (await findSet(ctx.db, a.set_id))!,
    criteria,
    leaves: leavesOf(criteria, scores, live),
    byScore,
  };
}

export async function present(ctx: ParContext, actor: Actor, a: AssessmentWithUnit) {
  const { set, criteria, leaves, byScore } = await assessmentParts(ctx, a);
  const leafInfo = new Map(leaves.map((l) => [l.c.id, l]));
  const selfTotals = totalsOf(leaves, (l) => l.selfScore);
  const appraisedAny = leaves.some((l) => l.s.appraised_score !== null);
  const appraisedTotals: AssessmentTotals | null = appraisedAny
    ? totalsOf(leaves, (l) => l.s.appraised_score ?? l.selfScore)
    : null;
  const { nodes, evidenceMissing, explanationMissing } = nodesOf(criteria, leafInfo, byScore, appraisedAny);
  const status = a.status as ParStatus;
  const self = policy.selfAssessPar(actor, a.unit_id);
  const appraiser = policy.appraisePar(actor, a.unit_path, a.unit_id);
  return {
    id: a.id,
    unit: { id: a.unit_id, code: a.unit_code, name: a.unit_name },
    year: a.year,
    status,
    statusLabel: PAR_STATUS_LABELS[status],
    set: {
      id: set.id,
      name: set.name,
      year: set.year,
      version: set.version,
      source: set.source,
      totalMax: set.total_max,
    },
    nodes,
    totals: { self: selfTotals, appraised: appraisedTotals },
    progress: {
      leaves: leaves.length,
      scored: selfTotals.scored,
      notApplicable: selfTotals.notApplicable,
      unscored: selfTotals.unscored,
      evidenceMissing,
      explanationMissing,
    },
    survey: { weight: a.survey_weight, rate: a.survey_rate },
    selfIndex: status === 'draft' ? selfTotals.indexOn100 : a.self_index,
    finalIndex: a.final_index,
    returnReason: a.return_reason,
    submittedAt: a.submitted_at,
    finalizedAt: a.finalized_at,
    actions: {
      score: self && status === 'draft',
      submit: self && status === 'draft',
      explain: self && status === 'returned',
      sendExplanations: self && status === 'returned',
      appraise: appraiser && status === 'submitted',
      returnForExplanation: appraiser && status === 'submitted',
      finalize: appraiser && status === 'submitted',
    },
  };
}

export type AssessmentView = Awaited<ReturnType<typeof present>>;

/** The assessment as it stands after a change. */
export async function reload(ctx: ParContext, actor: Actor, id: number) {
  return present(ctx, actor, (await findAssessment(ctx.db, id))!);
}
