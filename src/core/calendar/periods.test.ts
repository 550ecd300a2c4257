import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, diffDays as daysBetween, isCalendarDate } from './date.js';
import { clampedYmd, endOfMonth, endOfQuarter, formatViDate, parseYmd, romanQuarter, ymd } from './periods.js';

describe('dates', () => {
  it('month and quarter ends, leap years', () => {
    expect(endOfMonth(2023, 2)).toBe('2023-02-28');
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(1900, 2)).toBe('1900-02-28');
    expect(endOfMonth(2000, 2)).toBe('2000-02-29');
    expect(endOfQuarter(2023, 2)).toBe('2023-06-30');
    expect(endOfQuarter(2023, 4)).toBe('2023-12-31');
  });

  it('validates', () => {
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(isCalendarDate('23-01-01')).toBe(false);
    expect(() => ymd(2023, 2, 29)).toThrow(RangeError);
    expect(() => parseYmd('2023-02-30')).toThrow(RangeError);
  });

  it('arithmetic across month and year ends', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2023-06-23', '2023-06-30')).toBe(7);
    expect(daysBetween('2023-06-30', '2023-06-23')).toBe(-7);
  });

  it('addDays and daysBetween agree', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2150-12-31'), noInvalidDate: true }),
        fc.integer({ min: -2000, max: 2000 }),
        (d, n) => {
          const start = d.toISOString().slice(0, 10);
          expect(daysBetween(start, addDays(start, n))).toBe(n);
        },
      ),
    );
  });

  it('clamps, formats, numbers quarters', () => {
    expect(clampedYmd(2023, 4, 31)).toBe('2023-04-30');
    expect(clampedYmd(2023, 4, 0)).toBe('2023-04-01');
    expect(formatViDate('2023-03-05')).toBe('05/03/2023');
    expect(romanQuarter(3)).toBe('III');
    expect(() => romanQuarter(5)).toThrow(RangeError);
  });
});
