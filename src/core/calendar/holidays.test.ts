import { describe, expect, it } from 'vitest';
import { dayOfWeek, toDayNumber } from './date.js';
import {
  DEFAULT_CALENDAR_RULES,
  dayOffFlagsOf,
  holidaysOf,
  isDayOff,
  makeUpWorkingDaysOf,
  mergeCalendarRules,
  statutoryHolidaysOf,
  validateYearSchedule,
} from './holidays.js';
import { OFFICIAL_SCHEDULES } from './official-schedules.js';
import type { CalendarRules, Holiday } from './types.js';

/** The statutory rule alone: no announced schedules. */
const STATUTORY: CalendarRules = { ...DEFAULT_CALENDAR_RULES, overrides: [] };

const brief = (hs: Holiday[]): string[] => hs.map((h) => `${h.date} ${h.kind} ${h.name}`);

describe('statutory holidays (Labour Code 2019 art. 112) and compensation (art. 111(3))', () => {
  it('2026: Giỗ Tổ on Sunday 26/4 moves its day off to Monday 27/4; 24/11 from 2026', () => {
    expect(brief(statutoryHolidaysOf(2026, STATUTORY))).toEqual([
      '2026-01-01 statutory Tết Dương lịch',
      '2026-02-16 statutory Tết Nguyên đán', // 29 tháng Chạp, the last day of Ất Tỵ
      '2026-02-17 statutory Tết Nguyên đán',
      '2026-02-18 statutory Tết Nguyên đán',
      '2026-02-19 statutory Tết Nguyên đán',
      '2026-02-20 statutory Tết Nguyên đán',
      '2026-04-26 statutory Giỗ Tổ Hùng Vương',
      '2026-04-27 compensation Nghỉ bù Giỗ Tổ Hùng Vương',
      '2026-04-30 statutory Ngày Chiến thắng',
      '2026-05-01 statutory Ngày Quốc tế Lao động',
      '2026-09-02 statutory Quốc khánh', // Wednesday → adjacent day Thursday 3/9
      '2026-09-03 statutory Quốc khánh',
      '2026-11-24 statutory Ngày Văn hóa Việt Nam',
    ]);
  });

  it('2023 (no data shipped): Giỗ Tổ Sat 29/4 and Sun 30/4 compensated on Tue 2/5 and Wed 3/5', () => {
    const h = brief(statutoryHolidaysOf(2023, STATUTORY));
    expect(h).toContain('2023-05-02 compensation Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(h).toContain('2023-05-03 compensation Nghỉ bù Ngày Chiến thắng');
    // 1/1/2023 was a Sunday → Monday 2/1.
    expect(h).toContain('2023-01-02 compensation Nghỉ bù Tết Dương lịch');
    // 2/9/2023 was a Saturday: adjacent Friday 1/9, compensation Monday 4/9 (off 1–4/9 in 2023).
    expect(h).toContain('2023-09-01 statutory Quốc khánh');
    expect(h).toContain('2023-09-04 compensation Nghỉ bù Quốc khánh');
  });

  it('2022: 30/4 Sat and 1/5 Sun give two compensation days, Mon 2/5 and Tue 3/5', () => {
    const h = brief(statutoryHolidaysOf(2022, STATUTORY));
    expect(h).toContain('2022-05-02 compensation Nghỉ bù Ngày Chiến thắng');
    expect(h).toContain('2022-05-03 compensation Nghỉ bù Ngày Quốc tế Lao động');
    expect(h).toContain('2022-04-11 compensation Nghỉ bù Giỗ Tổ Hùng Vương'); // Giỗ Tổ Sun 10/4
  });

  it('chooses the adjacent Quốc khánh day by weekday by default', () => {
    const adjacent = (year: number): string =>
      statutoryHolidaysOf(year, STATUTORY).find(
        (h) => h.name === 'Quốc khánh' && h.detail === 'ngày liền kề',
      )!.date;
    expect(adjacent(2024)).toBe('2024-09-03'); // Mon 2/9 → Tue 3/9
    expect(adjacent(2025)).toBe('2025-09-01'); // Tue 2/9 → Mon 1/9
    expect(adjacent(2026)).toBe('2026-09-03'); // Wed → 3/9
    expect(adjacent(2021)).toBe('2021-09-03'); // Thu → Fri 3/9
    expect(adjacent(2022)).toBe('2022-09-01'); // Fri → Thu 1/9
    expect(adjacent(2023)).toBe('2023-09-01'); // Sat → Fri 1/9
    expect(adjacent(2029)).toBe('2029-09-03'); // Sun → Mon 3/9 (and 2/9 compensated on Tue 4/9)
    expect(brief(statutoryHolidaysOf(2029, STATUTORY))).toContain(
      '2029-09-04 compensation Nghỉ bù Quốc khánh',
    );
  });

  it('takes the Quốc khánh adjacent day and the Tết days from the rules', () => {
    const before: CalendarRules = { ...STATUTORY, quocKhanhAdjacent: 'before' };
    // 2024: 1/9 is a Sunday → its day off moves to the next working day after Mon 2/9: Tue 3/9.
    expect(brief(statutoryHolidaysOf(2024, before)).filter((h) => h.includes('-09-'))).toEqual([
      '2024-09-01 statutory Quốc khánh',
      '2024-09-02 statutory Quốc khánh',
      '2024-09-03 compensation Nghỉ bù Quốc khánh',
    ]);
    // Tết 2026 as mùng 1–5: Sat 21/2 compensated on Mon 23/2.
    const tet15: CalendarRules = { ...STATUTORY, tetDays: [0, 1, 2, 3, 4] };
    const tet = brief(statutoryHolidaysOf(2026, tet15)).filter((h) => h.includes('Tết Nguyên đán'));
    expect(tet).toEqual([
      '2026-02-17 statutory Tết Nguyên đán',
      '2026-02-18 statutory Tết Nguyên đán',
      '2026-02-19 statutory Tết Nguyên đán',
      '2026-02-20 statutory Tết Nguyên đán',
      '2026-02-21 statutory Tết Nguyên đán',
      '2026-02-23 compensation Nghỉ bù Tết Nguyên đán',
    ]);
    expect(() => statutoryHolidaysOf(2026, { ...STATUTORY, tetDays: [0.5] })).toThrow(RangeError);
  });

  it('Tết spanning a weekend gets as many compensation days as weekend Tết days (2024)', () => {
    const h = brief(statutoryHolidaysOf(2024, STATUTORY)).filter((x) => x.includes('Tết Nguyên đán'));
    expect(h).toEqual([
      '2024-02-09 statutory Tết Nguyên đán', // 30 tháng Chạp
      '2024-02-10 statutory Tết Nguyên đán', // Sat
      '2024-02-11 statutory Tết Nguyên đán', // Sun
      '2024-02-12 statutory Tết Nguyên đán',
      '2024-02-13 statutory Tết Nguyên đán',
      '2024-02-14 compensation Nghỉ bù Tết Nguyên đán',
      '2024-02-15 compensation Nghỉ bù Tết Nguyên đán',
    ]);
  });

  it('24/11 Ngày Văn hóa Việt Nam: from 2026 by default, configurable, can be switched off', () => {
    const has2411 = (year: number, rules: CalendarRules): boolean =>
      holidaysOf(year, rules).some((h) => h.date === `${year}-11-24`);
    expect(has2411(2025, DEFAULT_CALENDAR_RULES)).toBe(false);
    expect(has2411(2026, DEFAULT_CALENDAR_RULES)).toBe(true);
    expect(has2411(2030, DEFAULT_CALENDAR_RULES)).toBe(true);
    expect(has2411(2026, { ...DEFAULT_CALENDAR_RULES, cultureDayFrom: null })).toBe(false);
    expect(has2411(2027, { ...DEFAULT_CALENDAR_RULES, cultureDayFrom: 2028 })).toBe(false);
    // 24/11/2029 is a Saturday → Monday 26/11.
    expect(brief(holidaysOf(2029))).toContain('2029-11-26 compensation Nghỉ bù Ngày Văn hóa Việt Nam');
  });

  it('1/1 on a Saturday is compensated on Monday 3/1 of the same year (2028)', () => {
    expect(dayOfWeek('2028-01-01')).toBe(6);
    expect(brief(holidaysOf(2028))).toContain('2028-01-03 compensation Nghỉ bù Tết Dương lịch');
  });

  it('invariants for every year 1950–2100', () => {
    for (let y = 1950; y <= 2100; y++) {
      const hs = statutoryHolidaysOf(y, STATUTORY);
      const dates = hs.map((h) => h.date);
      expect([...dates].sort()).toEqual(dates); // sorted
      expect(new Set(dates).size).toBe(dates.length); // no date twice 1950–2100
      const statutory = hs.filter((h) => h.kind === 'statutory');
      expect(statutory.length).toBe(y >= 2026 ? 12 : 11); // 1/1, 5 Tết, Giỗ Tổ, 30/4, 1/5, 2 Quốc khánh (+ 24/11)
      const onWeekend = statutory.filter((h) => [0, 6].includes(dayOfWeek(h.date)));
      const compensation = hs.filter((h) => h.kind === 'compensation');
      expect(compensation.length, String(y)).toBe(onWeekend.length);
      for (const c of compensation) {
        expect([0, 6]).not.toContain(dayOfWeek(c.date));
        expect(c.name.startsWith('Nghỉ bù ')).toBe(true);
      }
      const tet = statutory.filter((h) => h.name === 'Tết Nguyên đán').map((h) => toDayNumber(h.date));
      expect(tet).toHaveLength(5);
      expect(tet[4]! - tet[0]!).toBe(4); // five consecutive days
    }
  });
});

describe('announced schedules (official-schedules.ts)', () => {
  it('2024: Tết off Thu 8/2 – Wed 14/2 with Thu 15/2 worked; Mon 29/4 off, Sat 4/5 worked', () => {
    for (const d of ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'])
      expect(isDayOff(d), d).toBe(true);
    expect(isDayOff('2024-02-07')).toBe(false);
    expect(isDayOff('2024-02-15')).toBe(false); // the statutory compensation day, moved to 8/2
    expect(isDayOff('2024-04-29')).toBe(true);
    expect(isDayOff('2024-05-04')).toBe(false); // make-up Saturday
    expect(isDayOff('2024-04-18')).toBe(true); // Giỗ Tổ, Thursday
    for (const d of ['2024-08-31', '2024-09-01', '2024-09-02', '2024-09-03'])
      expect(isDayOff(d), d).toBe(true);
    expect(isDayOff('2024-09-04')).toBe(false);
  });

  it('2025: Tết off Sat 25/1 – Sun 2/2; Giỗ Tổ Mon 7/4; 30/4 – 4/5 with Sat 26/4 worked; 30/8 – 2/9', () => {
    const offs = ['2025-01-25', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-31', '2025-02-02'];
    for (const d of offs) expect(isDayOff(d), d).toBe(true);
    expect(isDayOff('2025-01-24')).toBe(false);
    expect(isDayOff('2025-02-03')).toBe(false);
    expect(isDayOff('2025-04-07')).toBe(true);
    expect(isDayOff('2025-04-26')).toBe(false);
    for (const d of ['2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04'])
      expect(isDayOff(d), d).toBe(true);
    expect(isDayOff('2025-05-05')).toBe(false);
    for (const d of ['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02'])
      expect(isDayOff(d), d).toBe(true);
    expect(isDayOff('2025-09-03')).toBe(false);
  });

  it('2026: Fri 2/1 off, Sat 10/1 worked; Tết Sat 14/2 – Sun 22/2; Mon 27/4 off', () => {
    expect(isDayOff('2026-01-02')).toBe(true);
    expect(isDayOff('2026-01-10')).toBe(false);
    for (let d = toDayNumber('2026-02-14'); d <= toDayNumber('2026-02-22'); d++) {
      expect(isDayOff(new Date(d * 86_400_000).toISOString().slice(0, 10))).toBe(true);
    }
    expect(isDayOff('2026-02-13')).toBe(false);
    expect(isDayOff('2026-02-23')).toBe(false);
    expect(isDayOff('2026-04-27')).toBe(true);
    expect(isDayOff('2026-04-30')).toBe(true);
    expect(isDayOff('2026-05-01')).toBe(true);
    expect(isDayOff('2026-04-28')).toBe(false);
  });

  it('lists announced days with their kind and the make-up days separately', () => {
    const h2025 = holidaysOf(2025);
    expect(h2025.find((h) => h.date === '2025-05-02')?.kind).toBe('announced');
    expect(h2025.find((h) => h.date === '2025-02-01')?.kind).toBe('statutory'); // mùng 4, a Saturday
    expect(h2025.some((h) => h.date === '2025-02-03')).toBe(false); // computed compensation, cancelled
    expect(makeUpWorkingDaysOf(2025).map((e) => e.date)).toEqual(['2025-02-03', '2025-04-26']);
    expect(makeUpWorkingDaysOf(2026).map((e) => e.date)).toEqual(['2026-01-10']);
  });

  it('ships well-formed data for 2024–2026', () => {
    expect(OFFICIAL_SCHEDULES.map((s) => s.year)).toEqual([2024, 2025, 2026]);
    for (const s of OFFICIAL_SCHEDULES) {
      expect(validateYearSchedule(s)).toEqual([]);
      expect(s.source).toBeTruthy();
      for (const w of s.workingDays)
        expect(isDayOff(w.date, STATUTORY) || dayOfWeek(w.date) === 6, w.date).toBe(true);
      for (const o of s.daysOff) expect(isDayOff(o.date, STATUTORY), o.date).toBe(false);
    }
  });

  it('is the same number of weekday days off as the statutory rule in 2024 and 2025 (swaps only)', () => {
    const weekdaysOff = (year: number, rules: CalendarRules): number =>
      [...dayOffFlagsOf(year, rules)].filter(
        (f, i) => f === 1 && ![0, 6].includes(dayOfWeek(dateOfIndex(year, i))),
      ).length;
    const saturdaysWorked = (year: number): number =>
      makeUpWorkingDaysOf(year).filter((e) => dayOfWeek(e.date) === 6).length;
    for (const y of [2024, 2025, 2026]) {
      expect(weekdaysOff(y, DEFAULT_CALENDAR_RULES) - saturdaysWorked(y), String(y)).toBe(
        weekdaysOff(y, STATUTORY),
      );
    }
  });

  it('applies a loaded schedule: a working day wins over everything', () => {
    const rules: CalendarRules = {
      ...STATUTORY,
      overrides: [
        {
          year: 2027,
          daysOff: [{ date: '2027-05-03', name: 'Nghỉ hoán đổi' }],
          workingDays: [
            { date: '2027-05-08', name: 'Làm bù' },
            { date: '2027-04-30', name: 'Làm việc' },
          ],
        },
      ],
    };
    expect(isDayOff('2027-05-03', rules)).toBe(true);
    expect(isDayOff('2027-05-08', rules)).toBe(false);
    expect(isDayOff('2027-04-30', rules)).toBe(false);
    expect(holidaysOf(2027, rules).some((h) => h.date === '2027-04-30')).toBe(false);
  });

  it('validates schedules', () => {
    expect(
      validateYearSchedule({
        year: 2027,
        daysOff: [
          { date: '2027-02-30', name: 'x' },
          { date: '2028-01-02', name: 'y' },
          { date: '2027-05-03', name: '' },
        ],
        workingDays: [{ date: '2027-05-03', name: 'z' }],
      }),
    ).toEqual([
      '2027-02-30: không phải ngày hợp lệ (YYYY-MM-DD)',
      '2028-01-02: không thuộc năm 2027',
      '2027-05-03: thiếu tên ngày',
      '2027-05-03: vừa là ngày nghỉ vừa là ngày làm việc',
    ]);
  });
});

describe('weekend and inheritance', () => {
  it('honours a custom weekend', () => {
    const sundayOnly: CalendarRules = { ...DEFAULT_CALENDAR_RULES, weekend: [0] };
    expect(isDayOff('2026-03-07', sundayOnly)).toBe(false); // Saturday
    expect(isDayOff('2026-03-08', sundayOnly)).toBe(true);
    // Giỗ Tổ 2026 on Sunday still moves to Monday; 2029 Sat 24/11 needs no compensation.
    expect(isDayOff('2026-04-27', sundayOnly)).toBe(true);
    expect(
      holidaysOf(2029, sundayOnly).some((h) => h.kind === 'compensation' && h.date === '2029-11-26'),
    ).toBe(false);
    expect(() => holidaysOf(2026, { ...DEFAULT_CALENDAR_RULES, weekend: [7] })).toThrow(RangeError);
  });

  it('merges a unit’s own rules over its parent’s; schedules by year', () => {
    const parent = DEFAULT_CALENDAR_RULES;
    expect(mergeCalendarRules(parent, null)).toBe(parent);
    const own2025 = { year: 2025, daysOff: [], workingDays: [] };
    const merged = mergeCalendarRules(parent, { cultureDayFrom: null, overrides: [own2025] });
    expect(merged.weekend).toEqual([0, 6]);
    expect(merged.cultureDayFrom).toBeNull();
    expect(merged.overrides.map((s) => s.year).sort()).toEqual([2024, 2025, 2026]);
    expect(merged.overrides.find((s) => s.year === 2025)).toBe(own2025);
    // The unit's empty 2025 schedule replaces the parent's: 2/5/2025 is a working day again.
    expect(isDayOff('2025-05-02', merged)).toBe(false);
    expect(isDayOff('2024-04-29', merged)).toBe(true); // parent's 2024 kept
    const weekend = mergeCalendarRules(parent, { weekend: [0], quocKhanhAdjacent: 'after' });
    expect(weekend.weekend).toEqual([0]);
    expect(weekend.quocKhanhAdjacent).toBe('after');
    expect(weekend.overrides).toEqual(parent.overrides);
  });
});

function dateOfIndex(year: number, i: number): string {
  return new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10);
}
