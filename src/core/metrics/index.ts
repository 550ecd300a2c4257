/**
 * Public API of the KPI formulas: dossier figures of a period, Decision 766 scores, target states,
 * satisfaction and feedback rates. Pure. Conventions: ./README.md.
 */
export type { DossierRating, DossierSummary, Figure, Period, TargetState, TargetThreshold } from './types.js';
export { figure, percent, periodOfDates } from './figure.js';
export type { DossierFigures } from './figures.js';
export { DOSSIER_COUNTER_KEYS, FIGURE_DEFINITIONS, dossierFigures, figuresFromCounters } from './figures.js';
export type { DossierCounters } from './figures.js';
export type {
  ServiceIndexFigure,
  ServiceIndexGroup,
  ServiceIndexGroupScore,
  ServiceIndexItem,
  ServiceIndexOptions,
  ServiceIndexResult,
  ServiceIndexRule,
} from './scores.js';
export {
  DEFAULT_SERVICE_INDEX_GROUPS,
  DEFAULT_SERVICE_INDEX_RULES,
  ruleScore,
  serviceIndexScores,
} from './scores.js';
export type { TargetStateOptions } from './targets.js';
export { DEFAULT_TARGET_MARGIN, targetState } from './targets.js';
export type { FeedbackCounts, FeedbackRates, SatisfactionCounts } from './feedback.js';
export {
  FEEDBACK_DEFINITIONS,
  SATISFACTION_DEFINITION,
  feedbackRates,
  satisfactionRate,
} from './feedback.js';
export {
  TARGET_METRICS,
  TARGET_METRIC_LABELS,
  isDocumentMetric,
  isFeedbackMetric,
  metricForTarget,
} from './binding.js';
export type { TargetMetric } from './binding.js';
