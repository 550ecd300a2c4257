/**
 * PAR Index scoring (domain.md §10): a leaf's score checked against its rule, bands on a measured
 * figure, the sum over the tree with "không áp dụng" leaves taken out of the maximum and the
 * total rescaled to it (as Hà Nam 2023 and most provinces do), the final index on 100 with an
 * optional survey part, and the ranking of a superior's units with the change from last year.
 */
import type { ParBand, ParRule } from './criteria.js';
import { fmt } from './criteria.js';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Null when the score is allowed; a Vietnamese reason otherwise. */
export function checkScore(rule: ParRule, max: number, score: number): string | null {
  if (!Number.isFinite(score)) return 'Điểm phải là một số.';
  if (score < 0) return 'Điểm không được âm.';
  if (score > max + 1e-9) return `Điểm không được vượt quá điểm tối đa (${fmt(max)}).`;
  switch (rule.kind) {
    case 'yes_no':
      return score === 0 || Math.abs(score - max) < 1e-9
        ? null
        : `Tiêu chí chấm có/không: chỉ được 0 hoặc ${fmt(max)} điểm.`;
    case 'manual': {
      const step = rule.step;
      if (step && step > 0) {
        const k = score / step;
        if (Math.abs(k - Math.round(k)) > 1e-6) return `Điểm phải theo bước ${fmt(step)} điểm.`;
      }
      return null;
    }
    case 'bands':
      return null;
  }
}

/** Points of a figure (a percentage) by bands: the highest band whose minimum it reaches; null figure → null. */
export function bandPoints(bands: ParBand[], figure: number | null): number | null {
  if (figure === null) return null;
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const b of sorted) if (figure >= b.min - 1e-9) return b.points;
  return 0;
}

export interface LeafScore {
  max: number;
  sign: 'normal' | 'bonus' | 'minus';
  /** null: not scored yet. */
  score: number | null;
  notApplicable: boolean;
}

export interface AssessmentTotals {
  /** Sum of the maxima of normal leaves. */
  max: number;
  /** The maximum without the "không áp dụng" leaves. */
  reducedMax: number;
  /** Normal points + bonus − minus. */
  score: number;
  /** score ÷ reducedMax × 100, null when nothing is applicable. */
  indexOn100: number | null;
  scored: number;
  unscored: number;
  notApplicable: number;
}

export function totals(leaves: LeafScore[]): AssessmentTotals {
  let max = 0;
  let reducedMax = 0;
  let score = 0;
  let scored = 0;
  let unscored = 0;
  let notApplicable = 0;
  for (const l of leaves) {
    if (l.sign === 'normal') max += l.max;
    if (l.notApplicable) {
      notApplicable++;
      continue;
    }
    if (l.sign === 'normal') reducedMax += l.max;
    if (l.score === null) {
      unscored++;
      continue;
    }
    scored++;
    score += l.sign === 'minus' ? -l.score : l.score;
  }
  score = Math.max(0, score);
  return {
    max: round2(max),
    reducedMax: round2(reducedMax),
    score: round2(score),
    indexOn100: reducedMax > 0 ? round2(Math.min(100, (score / reducedMax) * 100)) : null,
    scored,
    unscored,
    notApplicable,
  };
}

/**
 * The index on 100: the assessment part weighs (100 − surveyWeight) points, the survey part
 * surveyWeight points (its rate a percentage). Without a survey part the assessment is the index.
 */
export function finalIndex(
  assessmentIndex: number | null,
  survey: { weight: number; rate: number | null } | null,
): number | null {
  if (assessmentIndex === null) return null;
  if (!survey || survey.weight <= 0) return round2(assessmentIndex);
  if (survey.rate === null) return null;
  const w = Math.min(100, survey.weight);
  return round2((assessmentIndex * (100 - w)) / 100 + (survey.rate * w) / 100);
}

export interface RankInput {
  unitId: number;
  index: number | null;
  previous: number | null;
}

export interface RankRow extends RankInput {
  /** 1-based; equal indexes share a rank; null without an index. */
  rank: number | null;
  /** index − previous, null when either is missing. */
  change: number | null;
}

export function rank(rows: RankInput[]): RankRow[] {
  const withIndex = rows
    .filter((r) => r.index !== null)
    .sort((a, b) => b.index! - a.index! || a.unitId - b.unitId);
  const out: RankRow[] = [];
  withIndex.forEach((r, i) => {
    const prev = out[i - 1];
    const rk = prev && prev.index === r.index ? prev.rank : i + 1;
    out.push({ ...r, rank: rk, change: r.previous !== null ? round2(r.index! - r.previous) : null });
  });
  for (const r of rows.filter((x) => x.index === null).sort((a, b) => a.unitId - b.unitId))
    out.push({ ...r, rank: null, change: null });
  return out;
}
