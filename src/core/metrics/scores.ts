/**
 * The national service index (Decision 766/QĐ-TTg, 2022) — the parts a unit's own registers can
 * compute (domain.md §7). Every weight and threshold below is secondary-source (check): it is data
 * (`DEFAULT_SERVICE_INDEX_RULES`), and a caller may pass its own rules.
 *
 * A rule scores one figure: full points when the rate reaches `fullAtPercent`, otherwise
 * rate × max ÷ fullAtPercent (so fullAtPercent 100 is plain proportionality). The rate is the
 * figure's exact numerator ÷ denominator, not its rounded value. A figure without data
 * (denominator 0) scores null — "not measurable", never 0 or full.
 */
import { percent } from './figure.js';
import type { DossierFigures } from './figures.js';
import type { Figure } from './types.js';

export type ServiceIndexFigure =
  | 'onTimeRate'
  | 'onlineShare'
  | 'onlinePaymentShare'
  | 'digitisation'
  | 'dossierSatisfaction'
  | 'feedbackOnTime'
  | 'feedbackSatisfaction';

export interface ServiceIndexGroup {
  key: string;
  label: string;
  max: number;
}

export interface ServiceIndexRule {
  key: string;
  /** A `ServiceIndexGroup.key`. */
  group: string;
  label: string;
  figure: ServiceIndexFigure;
  max: number;
  /** Full points at or above this rate (percent). */
  fullAtPercent: number;
}

/** Decision 766/QĐ-TTg: six groups, 100 points (check). */
export const DEFAULT_SERVICE_INDEX_GROUPS: readonly ServiceIndexGroup[] = Object.freeze([
  { key: 'cong_khai', label: 'Công khai, minh bạch', max: 18 },
  { key: 'tien_do', label: 'Tiến độ giải quyết', max: 20 },
  { key: 'truc_tuyen', label: 'Dịch vụ công trực tuyến', max: 12 },
  { key: 'thanh_toan', label: 'Thanh toán trực tuyến', max: 10 },
  { key: 'so_hoa', label: 'Số hóa hồ sơ', max: 22 },
  { key: 'hai_long', label: 'Mức độ hài lòng', max: 18 },
]);

/** The computable parts (check): "công khai, minh bạch" needs the portal's own data. */
export const DEFAULT_SERVICE_INDEX_RULES: readonly ServiceIndexRule[] = Object.freeze([
  {
    key: 'tien_do',
    group: 'tien_do',
    label: 'Hồ sơ giải quyết, đang giải quyết đúng hạn ÷ hồ sơ xử lý trong kỳ',
    figure: 'onTimeRate',
    max: 20,
    fullAtPercent: 100,
  },
  {
    key: 'truc_tuyen',
    group: 'truc_tuyen',
    label: 'Hồ sơ trực tuyến ÷ hồ sơ tiếp nhận (đủ điểm từ 50%)',
    figure: 'onlineShare',
    max: 12,
    fullAtPercent: 50,
  },
  {
    key: 'thanh_toan',
    group: 'thanh_toan',
    label: 'Hồ sơ thanh toán trực tuyến ÷ hồ sơ thuộc thủ tục có phí, lệ phí',
    figure: 'onlinePaymentShare',
    max: 10,
    fullAtPercent: 100,
  },
  {
    key: 'so_hoa',
    group: 'so_hoa',
    label: 'Hồ sơ được số hóa (thành phần hồ sơ và kết quả điện tử) ÷ hồ sơ tiếp nhận (đủ điểm từ 80%)',
    figure: 'digitisation',
    max: 22,
    fullAtPercent: 80,
  },
  {
    key: 'hai_long_pakn_dung_han',
    group: 'hai_long',
    label: 'Phản ánh, kiến nghị được xử lý đúng hạn ÷ phản ánh, kiến nghị tiếp nhận',
    figure: 'feedbackOnTime',
    max: 6,
    fullAtPercent: 100,
  },
  {
    key: 'hai_long_pakn',
    group: 'hai_long',
    label: 'Mức độ hài lòng về xử lý phản ánh, kiến nghị',
    figure: 'feedbackSatisfaction',
    max: 6,
    fullAtPercent: 100,
  },
  {
    key: 'hai_long_ho_so',
    group: 'hai_long',
    label: '100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ có phản ánh hoặc không hài lòng) (đủ điểm từ 90%)',
    figure: 'dossierSatisfaction',
    max: 6,
    fullAtPercent: 90,
  },
]);

export interface ServiceIndexItem {
  key: string;
  group: string;
  label: string;
  figure: ServiceIndexFigure;
  max: number;
  fullAtPercent: number;
  /** The figure's rate (percent, 2 decimals); null without data. */
  rate: number | null;
  /** Points (2 decimals); null without data. */
  score: number | null;
}

export interface ServiceIndexGroupScore extends ServiceIndexGroup {
  /** Sum of the group's measurable items; null when none is measurable. */
  score: number | null;
  /** Sum of the maxima of the group's measurable items. */
  measurableMax: number;
}

export interface ServiceIndexResult {
  items: ServiceIndexItem[];
  groups: ServiceIndexGroupScore[];
  /** Sum of the measurable items. */
  score: number;
  /** Sum of the maxima of the measurable items (the score's "out of"). */
  measurableMax: number;
}

export interface ServiceIndexOptions {
  rules?: readonly ServiceIndexRule[];
  groups?: readonly ServiceIndexGroup[];
  /** PAKN handled on time ÷ PAKN received (`feedbackRates(...).answeredOnTime`). */
  feedbackOnTime?: Figure | null;
  /** Satisfied PAKN answers (`satisfactionRate(...)` over the feedback survey). */
  feedbackSatisfaction?: Figure | null;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Points of one rule for numerator ÷ denominator (null when denominator is 0). */
export function ruleScore(
  rule: Pick<ServiceIndexRule, 'max' | 'fullAtPercent'>,
  numerator: number,
  denominator: number,
): number | null {
  if (denominator === 0) return null;
  const rate = (numerator * 100) / denominator;
  if (rule.fullAtPercent <= 0 || rate >= rule.fullAtPercent) return rule.max;
  return round2(Math.max(0, (rate * rule.max) / rule.fullAtPercent));
}

export function serviceIndexScores(
  figures: DossierFigures,
  options: ServiceIndexOptions = {},
): ServiceIndexResult {
  const rules = options.rules ?? DEFAULT_SERVICE_INDEX_RULES;
  const groups = options.groups ?? DEFAULT_SERVICE_INDEX_GROUPS;
  const source = (f: ServiceIndexFigure): Figure | null => {
    if (f === 'feedbackOnTime') return options.feedbackOnTime ?? null;
    if (f === 'feedbackSatisfaction') return options.feedbackSatisfaction ?? null;
    return figures[f];
  };
  const items = rules.map((rule): ServiceIndexItem => {
    const fig = source(rule.figure);
    const score = fig === null ? null : ruleScore(rule, fig.numerator, fig.denominator);
    return {
      key: rule.key,
      group: rule.group,
      label: rule.label,
      figure: rule.figure,
      max: rule.max,
      fullAtPercent: rule.fullAtPercent,
      rate: fig === null ? null : percent(fig.numerator, fig.denominator),
      score,
    };
  });
  let score = 0;
  let measurableMax = 0;
  const groupScores = groups.map((g): ServiceIndexGroupScore => {
    let gScore: number | null = null;
    let gMax = 0;
    for (const item of items) {
      if (item.group !== g.key || item.score === null) continue;
      gScore = (gScore ?? 0) + item.score;
      gMax += item.max;
    }
    return { ...g, score: gScore === null ? null : round2(gScore), measurableMax: gMax };
  });
  for (const item of items) {
    if (item.score === null) continue;
    score += item.score;
    measurableMax += item.max;
  }
  return { items, groups: groupScores, score: round2(score), measurableMax };
}
