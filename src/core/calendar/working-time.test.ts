import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoment, fromDayNumber, momentOf, toDayNumber } from './date.js';
import { DEFAULT_CALENDAR_RULES, mergeCalendarRules } from './holidays.js';
import type { CalendarRules } from './types.js';
import { createWorkingCalendar } from './working-time.js';
import type { WorkingCalendar } from './working-time.js';

const cal = createWorkingCalendar(); // statutory rule + the shipped 2024–2026 schedules
const statutory = createWorkingCalendar({ ...DEFAULT_CALENDAR_RULES, overrides: [] });
const withCutoff = createWorkingCalendar(DEFAULT_CALENDAR_RULES, { afternoonCutoff: '16:00' });

describe('working days under the shipped schedules', () => {
  it('5 working days after Fri 13/2/2026 is Fri 27/2/2026', () => {
    // 16–20/2 Tết (Mon–Fri), 21–22 weekend; then 23 (1), 24 (2), 25 (3), 26 (4), 27 (5).
    expect(cal.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
  });

  it('Fri 2/1/2026 is off and Sat 10/1/2026 is worked', () => {
    expect(cal.isWorkingDay('2026-01-02')).toBe(false);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    // Fri 9/1 + 1 → the make-up Saturday 10/1.
    expect(cal.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
  });

  it('30/4–1/5/2025 with the 26/4 swap', () => {
    // Fri 25/4 → Sat 26/4 is a make-up working day (1), Mon 28/4 (2), Tue 29/4 (3);
    // Wed 30/4, Thu 1/5 statutory, Fri 2/5 swapped off, weekend → Mon 5/5 (4).
    expect(cal.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(cal.addWorkingDays('2025-04-25', 3)).toBe('2025-04-29');
    expect(cal.addWorkingDays('2025-04-25', 4)).toBe('2025-05-05');
    // Without the announcement 26/4 is a Saturday and 2/5 a working Friday: Mon 28/4 (1),
    // Tue 29/4 (2), Fri 2/5 (3).
    expect(statutory.addWorkingDays('2025-04-25', 1)).toBe('2025-04-28');
    expect(statutory.addWorkingDays('2025-04-25', 3)).toBe('2025-05-02');
  });

  it('Giỗ Tổ 2026 on Sunday moves the day off to Monday 27/4', () => {
    // Fri 24/4 + 1: weekend, Mon 27/4 compensation → Tue 28/4. + 3: Wed 29 (2), then 30/4 and
    // 1/5 holidays and the weekend → Mon 4/5 (3).
    expect(cal.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
    expect(cal.addWorkingDays('2026-04-24', 3)).toBe('2026-05-04');
  });

  it('Quốc khánh 2024: off Sat 31/8 – Tue 3/9', () => {
    expect(cal.addWorkingDays('2024-08-30', 1)).toBe('2024-09-04');
    expect(cal.workingDaysBetween('2024-08-30', '2024-09-04')).toBe(1);
  });

  it('Tết 2025: the compensation day moved before Tết, Mon 3/2 worked', () => {
    // Fri 24/1 + 1: 25–26 weekend, Mon 27/1 announced off, 28–31 Tết, 1/2 Tết (Sat), 2/2 Sun →
    // Mon 3/2 is worked.
    expect(cal.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
    // Statutory only: Mon 27/1 is worked, Mon 3/2 is the compensation for mùng 4 (Sat 1/2).
    expect(statutory.addWorkingDays('2025-01-24', 1)).toBe('2025-01-27');
    expect(statutory.addWorkingDays('2025-01-24', 2)).toBe('2025-02-04');
  });

  it('Tết 2024: off Thu 8/2 – Wed 14/2, Thu 15/2 worked', () => {
    expect(cal.addWorkingDays('2024-02-07', 1)).toBe('2024-02-15');
    expect(statutory.addWorkingDays('2024-02-07', 1)).toBe('2024-02-08');
    expect(statutory.addWorkingDays('2024-02-07', 2)).toBe('2024-02-16');
  });

  it('crosses year boundaries', () => {
    // Wed 30/12/2026 + 2: Thu 31/12 (1), Fri 1/1/2027 holiday, weekend → Mon 4/1/2027 (2).
    expect(cal.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
    // Tue 30/12/2025 + 2: Wed 31/12 (1), Thu 1/1 holiday, Fri 2/1 announced off → Mon 5/1 (2).
    expect(cal.addWorkingDays('2025-12-30', 2)).toBe('2026-01-05');
    expect(cal.workingDaysBetween('2025-12-30', '2026-01-05')).toBe(2);
    // Backwards across the year end.
    expect(cal.addWorkingDays('2026-01-05', -2)).toBe('2025-12-30');
  });

  it('n = 0 is the start day if working, else the next working day', () => {
    expect(cal.addWorkingDays('2026-03-04', 0)).toBe('2026-03-04');
    expect(cal.addWorkingDays('2026-02-14', 0)).toBe('2026-02-23'); // Sat before Tết → after Tết
  });

  it('a non-working start day counts as received on the next working day', () => {
    // Sat 7/3/2026 → deemed Mon 9/3; 5 working days later is Mon 16/3.
    expect(cal.addWorkingDays('2026-03-07', 5)).toBe('2026-03-16');
    expect(cal.addWorkingDays('2026-03-09', 5)).toBe('2026-03-16');
  });

  it('24/11/2026 and Quốc khánh 2026 by the statutory rule', () => {
    expect(cal.addWorkingDays('2026-11-23', 1)).toBe('2026-11-25');
    expect(
      createWorkingCalendar({ ...DEFAULT_CALENDAR_RULES, cultureDayFrom: null }).addWorkingDays(
        '2026-11-23',
        1,
      ),
    ).toBe('2026-11-24');
    expect(cal.addWorkingDays('2026-09-01', 1)).toBe('2026-09-04'); // Wed 2/9 + Thu 3/9 off
  });

  it('steps to neighbouring working days', () => {
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(cal.nextWorkingDay('2026-03-04')).toBe('2026-03-05');
    expect(cal.previousWorkingDay('2026-02-23')).toBe('2026-02-13');
    expect(cal.workingDayOnOrAfter('2026-02-20')).toBe('2026-02-23');
    expect(cal.workingDayOnOrAfter('2026-02-23')).toBe('2026-02-23');
  });

  it('lists working days and holidays in a range', () => {
    expect(cal.workingDaysInRange('2026-02-12', '2026-02-24')).toEqual([
      '2026-02-12',
      '2026-02-13',
      '2026-02-23',
      '2026-02-24',
    ]);
    expect(cal.workingDaysInRange('2026-02-14', '2026-02-22')).toEqual([]);
    expect(cal.workingDaysInRange('2026-03-02', '2026-03-01')).toEqual([]);
    expect(cal.holidaysInRange('2025-12-31', '2026-01-10').map((h) => `${h.date} ${h.kind}`)).toEqual([
      '2026-01-01 statutory',
      '2026-01-02 announced',
    ]);
    expect(cal.holidaysInRange('2026-04-25', '2026-05-03').map((h) => h.name)).toEqual([
      'Giỗ Tổ Hùng Vương',
      'Nghỉ bù Giỗ Tổ Hùng Vương',
      'Ngày Chiến thắng',
      'Ngày Quốc tế Lao động',
    ]);
  });

  it('rejects a fractional number of days', () => {
    expect(() => cal.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('moments and the afternoon cut-off', () => {
  it('a dossier received after the 16:00 cut-off counts from the next working day', () => {
    // Mon 2/3/2026 15:59 → received Monday → +5 = Mon 9/3.
    expect(withCutoff.addWorkingDays(momentOf('2026-03-02', '15:59'), 5)).toBe('2026-03-09');
    // 16:30 → deemed received Tue 3/3 → +5 = Tue 10/3.
    expect(withCutoff.addWorkingDays(momentOf('2026-03-02', '16:30'), 5)).toBe('2026-03-10');
    // Without a cut-off the time of day does not matter.
    expect(cal.addWorkingDays(momentOf('2026-03-02', '16:30'), 5)).toBe('2026-03-09');
    // Fri 13/2/2026 16:30, just before Tết → deemed Mon 23/2 → +1 = Tue 24/2.
    expect(withCutoff.addWorkingDays(momentOf('2026-02-13', '16:30'), 1)).toBe('2026-02-24');
  });

  it('reads moments in Vietnam time, not UTC', () => {
    // 2026-03-06 18:00 UTC is Sat 7/3 01:00 in Vietnam → deemed Mon 9/3.
    expect(cal.addWorkingDays(Date.UTC(2026, 2, 6, 18, 0), 0)).toBe('2026-03-09');
    // 2026-03-06 16:00 UTC is Fri 6/3 23:00 → Friday itself.
    expect(cal.addWorkingDays(Date.UTC(2026, 2, 6, 16, 0), 0)).toBe('2026-03-06');
  });
});

describe('working hours (office hours 07:30–11:30, 13:30–17:00)', () => {
  const at = (date: string, time: string): number => momentOf(date, time);
  const add = (c: WorkingCalendar, date: string, time: string, hours: number): string =>
    formatMoment(c.addWorkingHours(at(date, time), hours));

  it('crosses the lunch break', () => {
    // Mon 2/3/2026 10:00 + 4h: 1.5h to 11:30, 2.5h from 13:30 → 16:00.
    expect(add(cal, '2026-03-02', '10:00', 4)).toBe('2026-03-02 16:00');
    // Received during lunch: starts at 13:30.
    expect(add(cal, '2026-03-02', '12:00', 1)).toBe('2026-03-02 14:30');
    // Ends exactly at the end of the morning session: stays at 11:30.
    expect(add(cal, '2026-03-02', '07:30', 4)).toBe('2026-03-02 11:30');
  });

  it('crosses a weekend', () => {
    // Fri 6/3 15:00 + 4h: 2h to 17:00, then Mon 9/3 07:30 + 2h → 09:30.
    expect(add(cal, '2026-03-06', '15:00', 4)).toBe('2026-03-09 09:30');
    // + 8h: 2h Friday, Monday 4h morning, 2h afternoon → 15:30.
    expect(add(cal, '2026-03-06', '15:00', 8)).toBe('2026-03-09 15:30');
  });

  it('ends at 17:00 rather than the next morning when the hours fill the day exactly', () => {
    expect(add(cal, '2026-03-02', '07:30', 7.5)).toBe('2026-03-02 17:00');
    expect(add(cal, '2026-03-02', '07:30', 15)).toBe('2026-03-03 17:00');
    expect(add(cal, '2026-03-02', '13:30', 3.5)).toBe('2026-03-02 17:00');
  });

  it('starts outside office hours at the next session', () => {
    expect(add(cal, '2026-03-02', '06:00', 1)).toBe('2026-03-02 08:30');
    expect(add(cal, '2026-03-02', '18:00', 1)).toBe('2026-03-03 08:30');
    expect(add(cal, '2026-03-07', '09:00', 1)).toBe('2026-03-09 08:30'); // Saturday
    expect(add(cal, '2026-03-02', '18:00', 0)).toBe('2026-03-03 07:30');
  });

  it('skips holidays: 24 working hours from the eve of the Tết break', () => {
    // Fri 13/2/2026 14:00: 3h to 17:00; then Mon 23/2 (7.5h), Tue 24/2 (7.5h) leaves 6h on
    // Wed 25/2: 4h morning + 2h afternoon → 15:30.
    expect(add(cal, '2026-02-13', '14:00', 24)).toBe('2026-02-25 15:30');
  });

  it('applies the cut-off to hour limits too', () => {
    expect(add(withCutoff, '2026-03-02', '16:30', 1)).toBe('2026-03-03 08:30');
    expect(add(withCutoff, '2026-03-02', '15:30', 1)).toBe('2026-03-02 16:30');
  });

  it('honours custom office hours', () => {
    const hcm = createWorkingCalendar(DEFAULT_CALENDAR_RULES, {
      officeHours: { morning: ['07:30', '12:00'], afternoon: ['13:00', '17:00'] },
    });
    expect(add(hcm, '2026-03-02', '11:00', 2)).toBe('2026-03-02 14:00');
    expect(() =>
      createWorkingCalendar(DEFAULT_CALENDAR_RULES, {
        officeHours: { morning: ['11:30', '07:30'], afternoon: ['13:30', '17:00'] },
      }),
    ).toThrow(RangeError);
  });

  it('rejects negative hours', () => {
    expect(() => cal.addWorkingHours(at('2026-03-02', '08:00'), -1)).toThrow(RangeError);
  });
});

describe('calendar-day limits (Civil Code 2015 art. 147–148)', () => {
  it('adds calendar days and rolls a non-working end day forward', () => {
    expect(cal.addCalendarDays('2026-03-02', 10)).toBe('2026-03-12');
    // 15 days from 15/4/2026 is Thu 30/4 (holiday); 1/5 holiday, weekend → Mon 4/5.
    expect(cal.addCalendarDays('2026-04-15', 15)).toBe('2026-05-04');
    expect(cal.addCalendarDays('2026-04-15', 15, { rollToWorkingDay: false })).toBe('2026-04-30');
    // Across the year end: 30 days from 10/12/2025 is Fri 9/1/2026.
    expect(cal.addCalendarDays('2025-12-10', 30)).toBe('2026-01-09');
    // After the cut-off the count starts from the next working day.
    expect(withCutoff.addCalendarDays(momentOf('2026-03-06', '16:30'), 10)).toBe('2026-03-19');
  });
});

describe('properties', () => {
  const startDn = fc.integer({ min: toDayNumber('2023-01-01'), max: toDayNumber('2027-12-31') });
  const days = fc.integer({ min: 0, max: 60 });

  it('adding n working days then counting gives n (from a working day)', () => {
    fc.assert(
      fc.property(startDn, days, (dn, n) => {
        const d = cal.workingDayOnOrAfter(fromDayNumber(dn));
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, -n)) + n).toBe(0); // (+ n: no −0)
      }),
      { numRuns: 2000 },
    );
  });

  it('the result is never a non-working day', () => {
    fc.assert(
      fc.property(startDn, fc.integer({ min: -60, max: 60 }), (dn, n) => {
        expect(cal.isWorkingDay(cal.addWorkingDays(fromDayNumber(dn), n))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is strictly increasing in n and non-decreasing in the start date', () => {
    fc.assert(
      fc.property(startDn, days, fc.integer({ min: 0, max: 10 }), (dn, n, step) => {
        const d = fromDayNumber(dn);
        expect(cal.addWorkingDays(d, n + 1) > cal.addWorkingDays(d, n)).toBe(true);
        expect(cal.addWorkingDays(fromDayNumber(dn + step), n) >= cal.addWorkingDays(d, n)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts exactly n working days in (start, result] and the result is the last of them', () => {
    fc.assert(
      fc.property(startDn, fc.integer({ min: 1, max: 30 }), (dn, n) => {
        const d = cal.workingDayOnOrAfter(fromDayNumber(dn));
        const r = cal.addWorkingDays(d, n);
        const inRange = cal.workingDaysInRange(d, r);
        expect(inRange).toHaveLength(n + 1); // d itself is working
        expect(inRange[n]).toBe(r);
      }),
      { numRuns: 500 },
    );
  });

  it('working hours: monotonic in the amount and never inside lunch or on a day off', () => {
    const moment = fc.integer({ min: momentOf('2024-01-01'), max: momentOf('2026-12-31') });
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 200 }), (m, quarterHours) => {
        const a = cal.addWorkingHours(m, quarterHours / 4);
        const b = cal.addWorkingHours(m, (quarterHours + 1) / 4);
        expect(b - a).toBeGreaterThan(0);
        const [date, time] = formatMoment(b).split(' ') as [string, string];
        expect(cal.isWorkingDay(date)).toBe(true);
        expect((time >= '07:30' && time <= '11:30') || (time >= '13:30' && time <= '17:00')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('does the same on a far year it has to compile on demand (2099 → 2100)', () => {
    const c = createWorkingCalendar();
    expect(c.addWorkingDays('2099-12-30', 2)).toBe(c.workingDaysInRange('2099-12-31', '2100-01-31')[1]);
    expect(c.addWorkingDays('2024-03-01', 0)).toBe('2024-03-01'); // then back to the present
  });
});

describe('inheritance', () => {
  it('a unit that works on Saturdays (weekend = Sunday only) uses its own rules', () => {
    const own: CalendarRules = mergeCalendarRules(DEFAULT_CALENDAR_RULES, { weekend: [0] });
    const c = createWorkingCalendar(own);
    expect(c.addWorkingDays('2026-03-06', 1)).toBe('2026-03-07'); // Saturday is working
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
  });
});
