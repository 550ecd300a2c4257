/**
 * Which register figure measures which metric (ADR 013): one table, read by the figures service
 * (modules/figures/measure.ts), the reports, the dashboards, the transparency page and the PAR
 * bands. Pure: the families are measured by the caller, this only says which family a metric
 * needs and which figure of it is the metric.
 */
import type { DocumentFigures } from '../documents/index.js';
import type {
  DossierFigures,
  FeedbackCounts,
  FeedbackRates,
  Figure,
  TargetMetric,
} from '../metrics/index.js';

/** What one register measures over a unit (or its subtree) and dates, all at once. */
export interface FigureFamilies {
  /** The one-stop register (hồ sơ TTHC). */
  dossiers: DossierFigures;
  /** Citizen feedback (PAKN): the counts and the rates made from them. */
  feedback: { counts: FeedbackCounts; rates: FeedbackRates };
  /** Satisfaction surveys: one rate. */
  surveys: Figure;
  /** The document register (văn bản đi, đến). */
  documents: DocumentFigures;
}
export type FigureFamily = keyof FigureFamilies;
export const FIGURE_FAMILIES = [
  'dossiers',
  'feedback',
  'surveys',
  'documents',
] as const satisfies readonly FigureFamily[];

/**
 * The metrics the system measures: every target metric, plus the satisfaction figure of Decision
 * 766 (handled − late − complaints ÷ handled), which the PAR bands call `dossier_satisfaction`
 * while a plan target of that name is read from the citizens' ratings (see `PAR_METRIC_NAMES`).
 */
export type FigureMetric = TargetMetric | 'dossier_handling_satisfaction';

interface MetricSource<F extends FigureFamily> {
  family: F;
  pick: (f: FigureFamilies[F]) => Figure;
}
const source = <F extends FigureFamily>(
  family: F,
  pick: (f: FigureFamilies[F]) => Figure,
): MetricSource<F> => ({
  family,
  pick,
});

/** The registry: each metric's family and the figure of it that is the metric. */
export const METRIC_SOURCES: { [M in FigureMetric]: MetricSource<FigureFamily> } = {
  dossier_on_time: source('dossiers', (d) => d.onTimeRate),
  dossier_online: source('dossiers', (d) => d.onlineShare),
  dossier_online_payment: source('dossiers', (d) => d.onlinePaymentShare),
  dossier_digitisation: source('dossiers', (d) => d.digitisation),
  dossier_satisfaction: source('dossiers', (d) => d.satisfaction),
  dossier_handling_satisfaction: source('dossiers', (d) => d.dossierSatisfaction),
  feedback_answered_on_time: source('feedback', (f) => f.rates.answeredOnTime),
  feedback_published: source('feedback', (f) => f.rates.published),
  survey_satisfaction: source('surveys', (s) => s),
  document_electronic: source('documents', (d) => d.electronic),
  document_signed: source('documents', (d) => d.signed),
  document_official_channel: source('documents', (d) => d.officialChannel),
  document_incoming_on_time: source('documents', (d) => d.incomingOnTime),
} satisfies Record<FigureMetric, unknown> as { [M in FigureMetric]: MetricSource<FigureFamily> };

export const isFigureMetric = (m: string): m is FigureMetric => Object.hasOwn(METRIC_SOURCES, m);

/** The family a metric is measured from; null for a name the system does not measure. */
export function familyOf(metric: string): FigureFamily | null {
  return isFigureMetric(metric) ? METRIC_SOURCES[metric].family : null;
}

/** Families already measured (null or absent: that register gave no figures). */
export type MeasuredFamilies = { [F in FigureFamily]?: FigureFamilies[F] | null | undefined };

/** A metric's figure from the measured families; null when its family gave none or the name is unknown. */
export function metricFigure(metric: string, families: MeasuredFamilies): Figure | null {
  if (!isFigureMetric(metric)) return null;
  const s = METRIC_SOURCES[metric];
  const f = families[s.family];
  return f ? s.pick(f) : null;
}

/**
 * The PAR criteria sets' metric names that differ from the registry's: a PAR band on
 * `dossier_satisfaction` has always read Decision 766's handling figure, not the ratings.
 */
export const PAR_METRIC_NAMES: Readonly<Record<string, FigureMetric>> = {
  dossier_satisfaction: 'dossier_handling_satisfaction',
};
