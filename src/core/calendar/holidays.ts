/**
 * Public holidays and days off of a year.
 *
 * Statutory rule (Labour Code 2019, applied to every year — earlier codes differed, e.g. before
 * 2021 Quốc khánh was a single day; load an override schedule if you need exact history):
 *  - art. 112(1): Tết Dương lịch 1/1; Tết Âm lịch 5 days; Ngày Chiến thắng 30/4; Ngày Quốc tế
 *    Lao động 1/5; Quốc khánh 2/9 + 1 adjacent day; Giỗ Tổ Hùng Vương 10/3 lunar;
 *  - art. 112(3): the Prime Minister fixes the Tết days and the adjacent Quốc khánh day each
 *    year — hence `tetDays` and `quocKhanhAdjacent` are configurable;
 *  - art. 111(3): a holiday that falls on a weekly rest day is compensated by a day off on the
 *    next working day ("nghỉ bù");
 *  - 24/11 Ngày Văn hóa Việt Nam, a paid day off from 2026 (check: per the 2025 Politburo
 *    resolution; `cultureDayFrom`, can be switched off).
 *
 * Combination with an announced schedule (authoritative for its dates):
 *   day off(d) = (weekend(d) ∨ statutory(d) ∨ compensation(d) ∨ announcedOff(d)) ∧ ¬announcedWorking(d)
 * Compensation days are computed from the statutory rule alone (they skip weekends, statutory
 * days and earlier compensation days); the announcement then adds its extra days off and its
 * working days, which win over everything (a Saturday "làm bù", or a computed compensation day
 * the announcement moved elsewhere). Entries apply by their date, whatever `YearSchedule.year`.
 *
 * Results are memoised per rules object: treat a `CalendarRules` value as immutable (build a new
 * object to change it).
 */
import {
  dayNumberFromParts,
  dayOfWeekOfDayNumber,
  daysInYear,
  fromDayNumber,
  partsFromDayNumber,
  toDayNumber,
  toVietnamese,
  tryToDayNumber,
} from './date.js';
import type { CalendarDate } from './date.js';
import { lunarToSolar, solarToLunar, tetOf } from './lunar.js';
import { OFFICIAL_SCHEDULES } from './official-schedules.js';
import type {
  AdjacentSide,
  CalendarRules,
  Holiday,
  HolidayKind,
  QuocKhanhAdjacentRule,
  ScheduleEntry,
  YearSchedule,
} from './types.js';

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victory: 'Ngày Chiến thắng',
  labour: 'Ngày Quốc tế Lao động',
  national: 'Quốc khánh',
  culture: 'Ngày Văn hóa Việt Nam',
  compensationPrefix: 'Nghỉ bù',
} as const;

/** The last day of the old lunar year and mùng 1–4 (art. 112(1)(b) as usually applied). */
export const DEFAULT_TET_DAYS: readonly number[] = Object.freeze([-1, 0, 1, 2, 3]);

/**
 * Default adjacent Quốc khánh day by the weekday of 2/9 (index 0 = Sunday): keep the break
 * joined to a weekend where possible, matching recent announcements (2024: Mon 2/9 → Tue 3/9;
 * 2025: Tue 2/9 → Mon 1/9).
 *   Sun→3/9, Mon→3/9, Tue→1/9, Wed→3/9, Thu→3/9, Fri→1/9, Sat→1/9
 */
export const DEFAULT_QUOC_KHANH_ADJACENT: QuocKhanhAdjacentRule = Object.freeze({
  byWeekday: Object.freeze(['after', 'after', 'before', 'after', 'after', 'before', 'before'] as const),
});

/** First year 24/11 is a day off by default (check). */
export const DEFAULT_CULTURE_DAY_FROM = 2026;

/**
 * Saturday and Sunday off, default Tết days and Quốc khánh choice, 24/11 from 2026, and the
 * shipped announced schedules (official-schedules.ts).
 */
export const DEFAULT_CALENDAR_RULES: CalendarRules = Object.freeze({
  weekend: Object.freeze([0, 6]),
  cultureDayFrom: DEFAULT_CULTURE_DAY_FROM,
  overrides: OFFICIAL_SCHEDULES,
});

const LUNAR_MONTH_NAMES = [
  'Giêng',
  'Hai',
  'Ba',
  'Tư',
  'Năm',
  'Sáu',
  'Bảy',
  'Tám',
  'Chín',
  'Mười',
  'Mười một',
  'Chạp',
] as const;

/** '29 tháng Chạp', 'mùng 1 tháng Giêng'. */
function lunarLabel(date: CalendarDate): string {
  const l = solarToLunar(date);
  const day = l.day <= 10 ? `mùng ${l.day}` : String(l.day);
  return `${day} tháng ${LUNAR_MONTH_NAMES[l.month - 1] ?? l.month}${l.leap ? ' nhuận' : ''}`;
}

function adjacentSide(rule: QuocKhanhAdjacentRule, weekdayOf2Sep: number): AdjacentSide {
  if (rule === 'before' || rule === 'after') return rule;
  const side = rule.byWeekday[weekdayOf2Sep];
  if (side !== 'before' && side !== 'after') {
    throw new RangeError('quocKhanhAdjacent.byWeekday must list 7 entries, Sunday first');
  }
  return side;
}

interface RawHoliday {
  dn: number;
  name: string;
  kind: HolidayKind;
  detail?: string;
}

/** Statutory holidays anchored on `year` (art. 112), in no particular order. */
function statutoryOf(year: number, rules: CalendarRules): RawHoliday[] {
  const out: RawHoliday[] = [];
  const add = (dn: number, name: string, detail?: string): void => {
    out.push(
      detail === undefined ? { dn, name, kind: 'statutory' } : { dn, name, kind: 'statutory', detail },
    );
  };
  add(dayNumberFromParts(year, 1, 1), HOLIDAY_NAMES.newYear);

  const tet = toDayNumber(tetOf(year));
  for (const offset of rules.tetDays ?? DEFAULT_TET_DAYS) {
    if (!Number.isInteger(offset) || Math.abs(offset) > 30) {
      throw new RangeError(`tetDays offsets must be integers within ±30 days of mùng 1: ${offset}`);
    }
    add(tet + offset, HOLIDAY_NAMES.tet, lunarLabel(fromDayNumber(tet + offset)));
  }

  // Giỗ Tổ is 10/3 of the regular third month even in a year with a leap third month.
  const hung = lunarToSolar({ year, month: 3, day: 10, leap: false });
  if (hung === null) throw new Error(`Internal error: no 10/3 lunar in ${year}`);
  add(toDayNumber(hung), HOLIDAY_NAMES.hungKings, 'mùng 10 tháng Ba');

  add(dayNumberFromParts(year, 4, 30), HOLIDAY_NAMES.victory);
  add(dayNumberFromParts(year, 5, 1), HOLIDAY_NAMES.labour);

  const national = dayNumberFromParts(year, 9, 2);
  add(national, HOLIDAY_NAMES.national);
  const side = adjacentSide(
    rules.quocKhanhAdjacent ?? DEFAULT_QUOC_KHANH_ADJACENT,
    dayOfWeekOfDayNumber(national),
  );
  add(side === 'before' ? national - 1 : national + 1, HOLIDAY_NAMES.national, 'ngày liền kề');

  if (rules.cultureDayFrom !== null && year >= rules.cultureDayFrom) {
    add(dayNumberFromParts(year, 11, 24), HOLIDAY_NAMES.culture);
  }
  return out;
}

function compareRaw(a: RawHoliday, b: RawHoliday): number {
  const order: Record<HolidayKind, number> = { statutory: 0, compensation: 1, announced: 2 };
  return a.dn - b.dn || order[a.kind] - order[b.kind];
}

/** Statutory holidays plus their compensation days (art. 111(3)), no announced schedule. */
function statutoryWithCompensation(year: number, rules: CalendarRules): RawHoliday[] {
  const weekend = new Set(rules.weekend);
  for (const d of weekend) {
    if (!Number.isInteger(d) || d < 0 || d > 6) throw new RangeError(`Invalid weekend day ${d}`);
  }
  if (weekend.size > 6) throw new RangeError('A week needs at least one working day');
  const isWeekend = (dn: number): boolean => weekend.has(dayOfWeekOfDayNumber(dn));
  // Neighbouring years too, so that a compensation day never lands on a holiday of the next
  // year and a holiday of the previous year compensated in this one is not lost.
  const statutory = [year - 1, year, year + 1].flatMap((y) => statutoryOf(y, rules)).sort(compareRaw);
  const taken = new Set(statutory.map((h) => h.dn));
  const result: RawHoliday[] = [...statutory];
  // Two holidays on one weekend date are compensated once: the law is silent, and it does not
  // happen 1950–2100 (the latest Giỗ Tổ is 29/4; it last fell on 30/4 in 1947).
  const compensated = new Set<number>();
  for (const h of statutory) {
    if (!isWeekend(h.dn) || compensated.has(h.dn)) continue;
    compensated.add(h.dn);
    let dn = h.dn + 1;
    while (isWeekend(dn) || taken.has(dn)) dn++;
    taken.add(dn);
    result.push({
      dn,
      name: `${HOLIDAY_NAMES.compensationPrefix} ${h.name}`,
      kind: 'compensation',
      detail: `thay cho ${toVietnamese(fromDayNumber(h.dn))}`,
    });
  }
  const first = dayNumberFromParts(year, 1, 1);
  const last = first + daysInYear(year) - 1;
  return result.filter((h) => h.dn >= first && h.dn <= last).sort(compareRaw);
}

interface CompiledYear {
  holidays: Holiday[];
  makeUpDays: ScheduleEntry[];
  /** 1 = day off, indexed by day of year (0 = 1 January). */
  off: Uint8Array;
  firstDayNumber: number;
}

const compiledCache = new WeakMap<CalendarRules, Map<number, CompiledYear>>();

function toHoliday(h: RawHoliday): Holiday {
  const date = fromDayNumber(h.dn);
  return h.detail === undefined
    ? { date, name: h.name, kind: h.kind }
    : { date, name: h.name, kind: h.kind, detail: h.detail };
}

function compileYear(year: number, rules: CalendarRules): CompiledYear {
  let perRules = compiledCache.get(rules);
  if (!perRules) {
    perRules = new Map();
    compiledCache.set(rules, perRules);
  }
  const cached = perRules.get(year);
  if (cached) return cached;

  const first = dayNumberFromParts(year, 1, 1);
  const length = daysInYear(year);
  const inYear = (dn: number): boolean => dn >= first && dn < first + length;

  const raw = statutoryWithCompensation(year, rules);
  const announcedOff: RawHoliday[] = [];
  const working = new Map<number, ScheduleEntry>();
  for (const schedule of rules.overrides) {
    for (const e of schedule.workingDays) {
      const dn = toDayNumber(e.date);
      if (inYear(dn)) working.set(dn, e);
    }
  }
  const alreadyOff = new Set(raw.map((h) => h.dn));
  for (const schedule of rules.overrides) {
    for (const e of schedule.daysOff) {
      const dn = toDayNumber(e.date);
      if (inYear(dn) && !alreadyOff.has(dn)) {
        alreadyOff.add(dn);
        announcedOff.push({ dn, name: e.name, kind: 'announced' });
      }
    }
  }
  const all = [...raw, ...announcedOff].filter((h) => !working.has(h.dn)).sort(compareRaw);

  const weekend = new Set(rules.weekend);
  const off = new Uint8Array(length);
  for (let i = 0; i < length; i++) off[i] = weekend.has(dayOfWeekOfDayNumber(first + i)) ? 1 : 0;
  for (const h of all) off[h.dn - first] = 1;
  for (const dn of working.keys()) off[dn - first] = 0;

  const compiled: CompiledYear = {
    holidays: all.map(toHoliday),
    makeUpDays: [...working.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => ({ ...e })),
    off,
    firstDayNumber: first,
  };
  perRules.set(year, compiled);
  return compiled;
}

/**
 * The year's holidays and other days off besides ordinary weekends, sorted by date (then
 * statutory, compensation, announced). A statutory holiday on a weekend is listed on its own date
 * and followed by its 'compensation' entry. Dates the announced schedule makes working days are
 * left out.
 */
export function holidaysOf(year: number, rules: CalendarRules = DEFAULT_CALENDAR_RULES): Holiday[] {
  return compileYear(year, rules).holidays.map((h) => ({ ...h }));
}

/** The statutory holidays and compensation days alone, without any announced schedule. */
export function statutoryHolidaysOf(year: number, rules: CalendarRules = DEFAULT_CALENDAR_RULES): Holiday[] {
  return statutoryWithCompensation(year, rules).map(toHoliday);
}

/** The announced working days of the year (make-up Saturdays and cancelled compensation days). */
export function makeUpWorkingDaysOf(
  year: number,
  rules: CalendarRules = DEFAULT_CALENDAR_RULES,
): ScheduleEntry[] {
  return compileYear(year, rules).makeUpDays.map((e) => ({ ...e }));
}

/** Is the date a day off: weekend or holiday, and not an announced working day. */
export function isDayOff(date: CalendarDate, rules: CalendarRules = DEFAULT_CALENDAR_RULES): boolean {
  return isDayNumberOff(toDayNumber(date), rules);
}

/** {@link isDayOff} on a day number (days since 1970-01-01). */
export function isDayNumberOff(dayNumber: number, rules: CalendarRules = DEFAULT_CALENDAR_RULES): boolean {
  const c = compileYear(partsFromDayNumber(dayNumber).year, rules);
  return c.off[dayNumber - c.firstDayNumber] === 1;
}

/** The day-off flags of a whole year (index 0 = 1 January; 1 = off). A copy. */
export function dayOffFlagsOf(year: number, rules: CalendarRules = DEFAULT_CALENDAR_RULES): Uint8Array {
  return compileYear(year, rules).off.slice();
}

/**
 * Data checks for an announced schedule, for an admin screen: dates outside its year, a date
 * both off and worked, duplicates. Returns human-readable problems (empty when fine).
 */
export function validateYearSchedule(schedule: YearSchedule): string[] {
  const problems: string[] = [];
  const seen = new Map<string, 'off' | 'working'>();
  const check = (e: ScheduleEntry, what: 'off' | 'working'): void => {
    if (Number.isNaN(tryToDayNumber(e.date))) {
      problems.push(`${e.date}: không phải ngày hợp lệ (YYYY-MM-DD)`);
      return;
    }
    if (Number(e.date.slice(0, 4)) !== schedule.year) problems.push(`${e.date}: không thuộc năm ${schedule.year}`);
    if (e.name.trim() === '') problems.push(`${e.date}: thiếu tên ngày`);
    const prev = seen.get(e.date);
    if (prev === what) problems.push(`${e.date}: bị liệt kê hai lần`);
    else if (prev !== undefined) problems.push(`${e.date}: vừa là ngày nghỉ vừa là ngày làm việc`);
    seen.set(e.date, what);
  };
  for (const e of schedule.daysOff) check(e, 'off');
  for (const e of schedule.workingDays) check(e, 'working');
  return problems;
}

/**
 * A unit's effective rules: its own settings where it has them, its parent's otherwise.
 * `overrides` merge by year: a year the unit schedules itself replaces the parent's schedule for
 * that year; the parent's other years are kept. Returns a new object — memoise it per unit so
 * the per-rules caches stay warm.
 */
export function mergeCalendarRules(
  parent: CalendarRules,
  own: Partial<CalendarRules> | null | undefined,
): CalendarRules {
  if (!own) return parent;
  const ownYears = new Set((own.overrides ?? []).map((s) => s.year));
  const merged: CalendarRules = {
    weekend: own.weekend ?? parent.weekend,
    cultureDayFrom: own.cultureDayFrom !== undefined ? own.cultureDayFrom : parent.cultureDayFrom,
    overrides: [...parent.overrides.filter((s) => !ownYears.has(s.year)), ...(own.overrides ?? [])],
  };
  const tetDays = own.tetDays ?? parent.tetDays;
  if (tetDays !== undefined) merged.tetDays = tetDays;
  const adjacent = own.quocKhanhAdjacent ?? parent.quocKhanhAdjacent;
  if (adjacent !== undefined) merged.quocKhanhAdjacent = adjacent;
  return merged;
}
