/** Building figures: one rounding rule for every percentage we publish. */
import { MS_PER_DAY, momentOf, toDayNumber } from '../calendar/index.js';
import type { CalendarDate } from '../calendar/index.js';
import type { Figure, Period } from './types.js';

/**
 * numerator ÷ denominator as a percentage rounded half-up to 2 decimals; null when the denominator
 * is 0. Computed as round(n × 10 000 ÷ d) ÷ 100 so that integer inputs round exactly (no 1.005
 * float artefacts); reports print it with a decimal comma.
 */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator * 10_000) / denominator) / 100;
}

export function figure(numerator: number, denominator: number, definition: string): Figure {
  return { value: percent(numerator, denominator), numerator, denominator, definition };
}

/**
 * The period from the start of `from` to the end of `to` (Vietnam time, both days included):
 * periodOfDates('2026-01-01', '2026-03-31') is the first quarter.
 */
export function periodOfDates(from: CalendarDate, to: CalendarDate): Period {
  const start = momentOf(from);
  const end = momentOf(to) + MS_PER_DAY - 1;
  if (toDayNumber(to) < toDayNumber(from))
    throw new RangeError(`Period ends before it starts: ${from}–${to}`);
  return { from: start, to: end };
}
