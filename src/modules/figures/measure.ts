/**
 * The one figures service (ADR 013): "measure metric M for unit U (or its subtree) over
 * [from, to]". Each register gives one source — a function measuring its whole family of figures
 * — and every consumer (plan targets, reports, dashboards, the transparency page, the PAR bands)
 * asks this service, never a register directly. `services.ts` builds it once from the registers.
 */
import type { FigureFamilies, FigureFamily } from '../../core/figures/index.js';
import { METRIC_SOURCES, PAR_METRIC_NAMES, isFigureMetric } from '../../core/figures/index.js';
import type { Figure } from '../../core/metrics/index.js';

/** A unit, or a unit and every unit below it. A bare number is the unit alone. */
export type FigureScope = number | { unitId: number; subtree?: boolean | undefined };

/** Vietnam dates 'YYYY-MM-DD', both included. */
export type FigureSource<F extends FigureFamily> = (
  scope: { unitId: number; subtree: boolean },
  from: string,
  to: string,
) => Promise<FigureFamilies[F]>;

/**
 * The registers that measure. Absent: that family has no figures ("chưa có số liệu", never a
 * made-up number). `subtree` lists the families whose source can measure a whole subtree.
 */
export type FigureSources = { [F in FigureFamily]?: FigureSource<F> | undefined } & {
  subtree?: readonly FigureFamily[] | undefined;
};

/** "Measure metric M for unit U over [from, to]": the figure, or null when nothing measures it. */
export type MeasureFigure = (
  metric: string,
  scope: FigureScope,
  from: string,
  to: string,
) => Promise<Figure | null>;

export interface FiguresMeasure {
  /** One metric (a `FigureMetric`; any other name gives null). */
  measure: MeasureFigure;
  /** A register's whole family (the report's tables, the plan page); null when no source is wired. */
  family: <F extends FigureFamily>(
    family: F,
    scope: FigureScope,
    from: string,
    to: string,
  ) => Promise<FigureFamilies[F] | null>;
  /** Whether a source is wired for the family. */
  has: (family: FigureFamily) => boolean;
  /** The PAR bands' measure: their metric names (`PAR_METRIC_NAMES`), the same figures. */
  measureForPar: (unitId: number, metric: string, from: string, to: string) => Promise<Figure | null>;
}

function scopeOf(scope: FigureScope): { unitId: number; subtree: boolean } {
  return typeof scope === 'number'
    ? { unitId: scope, subtree: false }
    : { unitId: scope.unitId, subtree: scope.subtree === true };
}

export function figuresMeasure(sources: FigureSources): FiguresMeasure {
  const subtree = new Set(sources.subtree ?? []);
  async function family<F extends FigureFamily>(
    name: F,
    scope: FigureScope,
    from: string,
    to: string,
  ): Promise<FigureFamilies[F] | null> {
    const src = sources[name] as FigureSource<F> | undefined;
    if (!src) return null;
    const s = scopeOf(scope);
    if (s.subtree && !subtree.has(name))
      throw new RangeError(`The ${name} figures are measured per unit only.`);
    return src(s, from, to);
  }
  async function measure(
    metric: string,
    scope: FigureScope,
    from: string,
    to: string,
  ): Promise<Figure | null> {
    if (!isFigureMetric(metric)) return null;
    const m = METRIC_SOURCES[metric];
    const f = await family(m.family, scope, from, to);
    return f ? m.pick(f) : null;
  }
  return {
    measure,
    family,
    has: (name) => sources[name] !== undefined,
    measureForPar: (unitId, metric, from, to) =>
      measure(Object.hasOwn(PAR_METRIC_NAMES, metric) ? PAR_METRIC_NAMES[metric]! : metric, unitId, from, to),
  };
}
