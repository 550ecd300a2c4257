import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  compareDates,
  dateOfMoment,
  dayNumberFromParts,
  dayOfWeek,
  daysInMonth,
  diffDays,
  formatMoment,
  fromDayNumber,
  fromVietnamese,
  isCalendarDate,
  makeDate,
  momentOf,
  parseDate,
  parseTimeOfDay,
  partsFromDayNumber,
  toDayNumber,
  toVietnamese,
  weekdayNameVi,
} from './date.js';

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(20_000)).toBe('2024-10-04');
  });

  it('agrees with Date.UTC for every day over 1600–2400 (sampled)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(n)).toBe(iso);
        expect(toDayNumber(iso)).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trips parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const p = partsFromDayNumber(n);
        expect(dayNumberFromParts(p.year, p.month, p.day)).toBe(n);
      }),
    );
  });
});

describe('parsing and validation', () => {
  it('rejects malformed and impossible dates', () => {
    for (const bad of [
      '2026-2-17',
      '2026/02/17',
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-00-10',
      '',
      'abcd-ef-gh',
    ]) {
      expect(isCalendarDate(bad)).toBe(false);
      expect(() => toDayNumber(bad)).toThrow(RangeError);
    }
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false); // 1900 is not a leap year
    expect(isCalendarDate('2000-02-29')).toBe(true); // 2000 is
  });

  it('makeDate validates, parseDate splits', () => {
    expect(makeDate(2026, 2, 17)).toBe('2026-02-17');
    expect(() => makeDate(2026, 4, 31)).toThrow(RangeError);
    expect(parseDate('2026-02-17')).toEqual({ year: 2026, month: 2, day: 17 });
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
  });
});

describe('arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(diffDays('2026-01-01', '2026-12-31')).toBe(364);
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-02-17')).toBe(2); // Tết Bính Ngọ, a Tuesday
    expect(dayOfWeek('2025-04-26')).toBe(6); // the 2025 make-up Saturday
    expect(dayOfWeek('2026-04-26')).toBe(0); // Giỗ Tổ 2026, a Sunday
    expect(dayOfWeek('1900-01-01')).toBe(1);
    expect(weekdayNameVi('2026-01-10')).toBe('Thứ Bảy');
    expect(weekdayNameVi('2026-04-26')).toBe('Chủ nhật');
  });

  it('compares', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
  });
});

describe('Vietnamese format', () => {
  it('writes dd/MM/yyyy and reads loose input', () => {
    expect(toVietnamese('2023-03-17')).toBe('17/03/2023');
    expect(fromVietnamese('17/3/2023')).toBe('2023-03-17');
    expect(fromVietnamese(' 05.11.2023 ')).toBe('2023-11-05');
    expect(fromVietnamese('31/02/2023')).toBeNull();
    expect(fromVietnamese('Quý I/2023')).toBeNull();
  });
});

describe('moments in Vietnam time (UTC+7)', () => {
  it('builds and reads moments without the host time zone', () => {
    const m = momentOf('2026-02-13', '16:30');
    expect(m).toBe(Date.UTC(2026, 1, 13, 9, 30));
    expect(dateOfMoment(m)).toBe('2026-02-13');
    expect(formatMoment(m)).toBe('2026-02-13 16:30');
    // 23:30 UTC on 31/12 is already 1 January in Vietnam.
    expect(dateOfMoment(Date.UTC(2025, 11, 31, 23, 30))).toBe('2026-01-01');
    expect(dateOfMoment(Date.UTC(2025, 11, 31, 16, 59))).toBe('2025-12-31');
  });

  it('parses times of day', () => {
    expect(parseTimeOfDay('07:30')).toBe(450);
    expect(parseTimeOfDay('24:00')).toBe(1440);
    expect(() => parseTimeOfDay('7h30')).toThrow(RangeError);
    expect(() => parseTimeOfDay('12:60')).toThrow(RangeError);
  });
});
