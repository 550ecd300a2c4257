import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { targetState } from './targets.js';
import type { TargetThreshold } from './types.js';

const atLeast = (value: number): TargetThreshold => ({ kind: 'percent', op: '>=', value });
const atMost = (value: number): TargetThreshold => ({ kind: 'percent', op: '<=', value });
const exactly = (value: number): TargetThreshold => ({ kind: 'percent', op: '=', value });

describe('targetState', () => {
  it('">= 95 %": met at or above; amber within 2 points below; red beyond', () => {
    expect(targetState(95, atLeast(95))).toBe('met');
    expect(targetState(99.5, atLeast(95))).toBe('met');
    expect(targetState(94.99, atLeast(95))).toBe('at_risk');
    expect(targetState(93, atLeast(95))).toBe('at_risk'); // exactly 2 points below
    expect(targetState(92.99, atLeast(95))).toBe('not_met');
  });

  it('"<= 5 %": the mirror rule', () => {
    expect(targetState(5, atMost(5))).toBe('met');
    expect(targetState(0, atMost(5))).toBe('met');
    expect(targetState(6.5, atMost(5))).toBe('at_risk');
    expect(targetState(7, atMost(5))).toBe('at_risk');
    expect(targetState(7.01, atMost(5))).toBe('not_met');
  });

  it('"= 100 %": met when equal at 2 decimals; amber within the margin', () => {
    expect(targetState(100, exactly(100))).toBe('met');
    expect(targetState(99.99, exactly(100))).toBe('at_risk');
    expect(targetState(98, exactly(100))).toBe('at_risk');
    expect(targetState(97.5, exactly(100))).toBe('not_met');
  });

  it('a configurable margin', () => {
    expect(targetState(94.99, atLeast(95), { margin: 0 })).toBe('not_met');
    expect(targetState(90, atLeast(95), { margin: 5 })).toBe('at_risk');
  });

  it('unknown without a value or a measurable threshold', () => {
    expect(targetState(null, atLeast(95))).toBe('unknown');
    expect(targetState(undefined, atLeast(95))).toBe('unknown');
    expect(targetState(Number.NaN, atLeast(95))).toBe('unknown');
    expect(targetState(80, null)).toBe('unknown');
    expect(targetState(80, { kind: 'not_lower_than_year', year: 2022 })).toBe('unknown');
    expect(targetState(80, { kind: 'text', text: '100% hồ sơ đúng hạn và 90% hài lòng' })).toBe('unknown');
  });

  it('">=": monotone in the value (property)', () => {
    const rank = { not_met: 0, at_risk: 1, met: 2, unknown: -1 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100 }),
        (a, b, t) => {
          const [lo, hi] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
          expect(rank[targetState(lo, atLeast(t))]).toBeLessThanOrEqual(rank[targetState(hi, atLeast(t))]);
          expect(rank[targetState(hi, atMost(t))]).toBeLessThanOrEqual(rank[targetState(lo, atMost(t))]);
        },
      ),
    );
  });
});
