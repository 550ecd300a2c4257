/** Public API of the figures registry (ADR 013): which register figure is which metric. Pure. */
export type { FigureFamilies, FigureFamily, FigureMetric, MeasuredFamilies } from './registry.js';
export {
  FIGURE_FAMILIES,
  METRIC_SOURCES,
  PAR_METRIC_NAMES,
  familyOf,
  isFigureMetric,
  metricFigure,
} from './registry.js';
