/**
 * Where a measured figure stands against a plan target (chỉ tiêu), for the green / amber / red
 * light of dashboards and reports.
 */
import type { TargetState, TargetThreshold } from './types.js';

export interface TargetStateOptions {
  /**
   * Percentage points within which a missed target is "at risk" (amber) rather than "not met"
   * (red). Default 2: 93 % against "≥ 95 %" is amber, 92.9 % red.
   */
  margin?: number;
}

export const DEFAULT_TARGET_MARGIN = 2;

/** Tolerance for comparing 2-decimal percentages. */
const EPSILON = 1e-9;

/**
 * 'met' / 'at_risk' / 'not_met' for a percent threshold; 'unknown' when there is no value (no
 * data) or the target is not a measurable percentage.
 *  - '>=' (không thấp hơn): met at or above; at risk below but within the margin.
 *  - '<=' (không quá): met at or below; at risk above but within the margin (mirror rule).
 *  - '='  (bằng, đạt): met when equal at 2 decimals; at risk within the margin either side.
 */
export function targetState(
  value: number | null | undefined,
  threshold: TargetThreshold | null | undefined,
  options: TargetStateOptions = {},
): TargetState {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'unknown';
  if (threshold?.kind !== 'percent') return 'unknown';
  const margin = options.margin ?? DEFAULT_TARGET_MARGIN;
  const t = threshold.value;
  switch (threshold.op) {
    case '>=':
      if (value >= t - EPSILON) return 'met';
      return value >= t - margin - EPSILON ? 'at_risk' : 'not_met';
    case '<=':
      if (value <= t + EPSILON) return 'met';
      return value <= t + margin + EPSILON ? 'at_risk' : 'not_met';
    case '=': {
      const gap = Math.abs(value - t);
      if (gap <= 0.005 - EPSILON) return 'met';
      return gap <= margin + EPSILON ? 'at_risk' : 'not_met';
    }
  }
}
