/**
 * Working days and working hours: the arithmetic behind dossier appointment dates and
 * feedback time limits.
 *
 * Conventions (documented once here, relied on by callers):
 *
 *  - Deemed receipt day. A dossier received on a working day, before the afternoon cut-off if
 *    one is configured, is received that day. One received on a weekend/holiday, or after the
 *    cut-off, is deemed received on the next working day (the usual one-stop-shop practice for
 *    online and after-hours submissions — check the exact rule of the procedure).
 *  - Working-day limits. `addWorkingDays(start, n)` is the end of the n-th working day *after*
 *    the deemed receipt day: the receipt day itself is not counted (cf. Civil Code 2015 art. 147
 *    (check clause): a period counted in days starts on the day after the event). A dossier
 *    received on Monday with a 5-working-day limit is due at the end of the next Monday (if no
 *    holiday).
 *    n = 0 gives the deemed receipt day itself. The result is always a working day, and
 *    workingDaysBetween(d, addWorkingDays(d, n)) === n for every working day d.
 *    Negative n counts back: the |n|-th working day strictly before the start date (used for
 *    "remind k working days before the deadline"); the cut-off plays no part.
 *  - Hour limits. `addWorkingHours` consumes office hours (default 07:30–11:30, 13:30–17:00) from
 *    the receipt moment; a result exactly at the end of a session stays there (17:00, not 07:30
 *    next morning).
 *  - Calendar-day limits. `addCalendarDays(start, n)` is start + n days; when that day is not a
 *    working day the period ends at the end of the next working day (Civil Code 2015 art. 148,
 *    check clause) unless `rollToWorkingDay: false`.
 *
 * Moments are epoch milliseconds read in Vietnam time (UTC+7).
 *
 * Speed: day-off flags are compiled into contiguous arrays (a prefix count of working days and
 * the list of working days), so `addWorkingDays` and `workingDaysBetween` are O(1) after the
 * years involved were first touched.
 */
import {
  MS_PER_MINUTE,
  dayNumberFromParts,
  dayNumberOfMoment,
  daysInYear,
  fromDayNumber,
  momentOfDayNumber,
  msOfDayOfMoment,
  parseTimeOfDay,
  partsFromDayNumber,
  toDayNumber,
} from './date.js';
import type { CalendarDate, Moment } from './date.js';
import { DEFAULT_CALENDAR_RULES, dayOffFlagsOf, holidaysOf } from './holidays.js';
import type { CalendarRules, Holiday } from './types.js';

export interface OfficeHours {
  /** ['07:30', '11:30'] */
  morning: readonly [string, string];
  /** ['13:30', '17:00'] */
  afternoon: readonly [string, string];
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  morning: Object.freeze(['07:30', '11:30'] as const),
  afternoon: Object.freeze(['13:30', '17:00'] as const),
});

export interface WorkingCalendarOptions {
  officeHours?: OfficeHours;
  /**
   * 'HH:mm'. Something received at or after this time of a working day counts as received on the
   * next working day (for working-day, working-hour and calendar-day limits). Default: none.
   */
  afternoonCutoff?: string | null;
}

export interface AddCalendarDaysOptions {
  /** Move a result that is not a working day to the next working day. Default true. */
  rollToWorkingDay?: boolean;
}

/** Years compiled around a requested one, so that limits crossing New Year need no rebuild. */
const MARGIN_YEARS = 1;

export class WorkingCalendar {
  readonly rules: CalendarRules;
  readonly officeHours: OfficeHours;
  readonly afternoonCutoff: string | null;

  // Office hours in ms since local midnight.
  readonly #morningStart: number;
  readonly #morningEnd: number;
  readonly #afternoonStart: number;
  readonly #afternoonEnd: number;
  readonly #dayLength: number;
  readonly #cutoff: number | null;

  // Compiled range [#firstYear, #lastYear].
  #firstYear = 0;
  #lastYear = -1;
  #base = 0; // day number of 1 January #firstYear
  #working: Uint8Array = new Uint8Array(0); // 1 = working day, index dn - #base
  #countThrough: Int32Array = new Int32Array(0); // working days in [#base, dn]
  #workingDays: Int32Array = new Int32Array(0); // day numbers of the working days, ascending
  #dateText: (string | undefined)[] = []; // formatted dates, index dn - #base

  constructor(rules: CalendarRules = DEFAULT_CALENDAR_RULES, options: WorkingCalendarOptions = {}) {
    this.rules = rules;
    this.officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
    this.afternoonCutoff = options.afternoonCutoff ?? null;
    const ms = (t: string): number => parseTimeOfDay(t) * MS_PER_MINUTE;
    this.#morningStart = ms(this.officeHours.morning[0]);
    this.#morningEnd = ms(this.officeHours.morning[1]);
    this.#afternoonStart = ms(this.officeHours.afternoon[0]);
    this.#afternoonEnd = ms(this.officeHours.afternoon[1]);
    if (!(
      this.#morningStart < this.#morningEnd &&
      this.#morningEnd <= this.#afternoonStart &&
      this.#afternoonStart < this.#afternoonEnd
    )) {
      throw new RangeError(
        'Office hours must be morning start < morning end ≤ afternoon start < afternoon end',
      );
    }
    this.#dayLength = this.#morningEnd - this.#morningStart + (this.#afternoonEnd - this.#afternoonStart);
    this.#cutoff = this.afternoonCutoff === null ? null : ms(this.afternoonCutoff);
  }

  // -------------------------------------------------------------------------------------------
  // Compiled range
  // -------------------------------------------------------------------------------------------

  #yearOf(dn: number): number {
    return partsFromDayNumber(dn).year;
  }

  /** Makes sure day numbers [lo, hi] are compiled. */
  #ensure(lo: number, hi: number): void {
    if (this.#lastYear >= this.#firstYear && lo >= this.#base && hi < this.#base + this.#working.length)
      return;
    const loYear = this.#yearOf(lo) - MARGIN_YEARS;
    const hiYear = this.#yearOf(hi) + MARGIN_YEARS;
    const empty = this.#lastYear < this.#firstYear;
    this.#rebuild(
      empty ? loYear : Math.min(loYear, this.#firstYear),
      empty ? hiYear : Math.max(hiYear, this.#lastYear),
    );
  }

  #rebuild(firstYear: number, lastYear: number): void {
    const base = dayNumberFromParts(firstYear, 1, 1);
    const total = dayNumberFromParts(lastYear + 1, 1, 1) - base;
    const working = new Uint8Array(total);
    let offset = 0;
    for (let y = firstYear; y <= lastYear; y++) {
      const off = dayOffFlagsOf(y, this.rules);
      for (let i = 0; i < off.length; i++) working[offset + i] = off[i] === 1 ? 0 : 1;
      offset += daysInYear(y);
    }
    const countThrough = new Int32Array(total);
    const list: number[] = [];
    let count = 0;
    for (let i = 0; i < total; i++) {
      if (working[i] === 1) {
        count++;
        list.push(base + i);
      }
      countThrough[i] = count;
    }
    this.#firstYear = firstYear;
    this.#lastYear = lastYear;
    this.#base = base;
    this.#working = working;
    this.#countThrough = countThrough;
    this.#workingDays = Int32Array.from(list);
    this.#dateText = new Array<string | undefined>(total);
  }

  #isWorkingDn(dn: number): boolean {
    this.#ensure(dn, dn);
    return this.#working[dn - this.#base] === 1;
  }

  /** Working days in [#base, dn]; dn must be compiled. */
  #count(dn: number): number {
    return this.#countThrough[dn - this.#base]!;
  }

  /**
   * The working day at position `index()` of #workingDays, compiling more years (before or
   * after) until it exists. `index` is re-evaluated because a rebuild moves the base.
   */
  #workingDayAt(index: () => number): number {
    for (;;) {
      const i = index();
      const have = this.#workingDays.length;
      if (i >= 0 && i < have) return this.#workingDays[i]!;
      const years = this.#lastYear - this.#firstYear + 1;
      const perYear = Math.max(1, have / years);
      const missing = i < 0 ? -i : i - have + 1;
      const more = Math.ceil(missing / perYear) + 1;
      // Past the lunar calendar's range, holidaysOf throws a RangeError, which ends this loop.
      if (i < 0) this.#rebuild(this.#firstYear - more, this.#lastYear);
      else this.#rebuild(this.#firstYear, this.#lastYear + more);
    }
  }

  /** The first working day strictly after dn. */
  #nextWorkingDn(dn: number): number {
    this.#ensure(dn, dn);
    return this.#workingDayAt(() => this.#count(dn));
  }

  /** The n-th (n ≥ 0) working day after `effective`, a working day. */
  #addFromWorkingDn(effective: number, n: number): number {
    this.#ensure(effective, effective);
    return this.#workingDayAt(() => this.#count(effective) - 1 + n);
  }

  #format(dn: number): CalendarDate {
    const i = dn - this.#base;
    if (i < 0 || i >= this.#dateText.length) return fromDayNumber(dn);
    let s = this.#dateText[i];
    if (s === undefined) {
      s = fromDayNumber(dn);
      this.#dateText[i] = s;
    }
    return s;
  }

  /** Day number of a date or a moment, and whether a moment is past the cut-off. */
  #start(start: CalendarDate | Moment): { dn: number; afterCutoff: boolean } {
    if (typeof start === 'number') {
      if (!Number.isFinite(start)) throw new RangeError(`Invalid moment ${start}`);
      const dn = dayNumberOfMoment(start);
      return { dn, afterCutoff: this.#cutoff !== null && msOfDayOfMoment(start) >= this.#cutoff };
    }
    return { dn: toDayNumber(start), afterCutoff: false };
  }

  /** The deemed receipt day (see the module comment). */
  #effectiveDn(start: CalendarDate | Moment): number {
    const { dn, afterCutoff } = this.#start(start);
    return !afterCutoff && this.#isWorkingDn(dn) ? dn : this.#nextWorkingDn(dn);
  }

  // -------------------------------------------------------------------------------------------
  // Public API
  // -------------------------------------------------------------------------------------------

  isWorkingDay(date: CalendarDate): boolean {
    return this.#isWorkingDn(toDayNumber(date));
  }

  isDayOff(date: CalendarDate): boolean {
    return !this.isWorkingDay(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: CalendarDate): CalendarDate {
    return this.#format(this.#nextWorkingDn(toDayNumber(date)));
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: CalendarDate): CalendarDate {
    const dn = toDayNumber(date);
    this.#ensure(dn - 1, dn);
    return this.#format(this.#workingDayAt(() => this.#count(dn - 1) - 1));
  }

  /** `date` if it is a working day, else the next working day. */
  workingDayOnOrAfter(date: CalendarDate): CalendarDate {
    const dn = toDayNumber(date);
    return this.#format(this.#isWorkingDn(dn) ? dn : this.#nextWorkingDn(dn));
  }

  /**
   * The day a time limit of `n` working days ends (at the end of that day): the n-th working
   * day after the deemed receipt day. See the module comment for the convention.
   */
  addWorkingDays(start: CalendarDate | Moment, n: number): CalendarDate {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be an integer: ${n}`);
    if (n < 0) {
      const { dn } = this.#start(start);
      this.#ensure(dn - 1, dn);
      return this.#format(this.#workingDayAt(() => this.#count(dn - 1) + n));
    }
    return this.#format(this.#addFromWorkingDn(this.#effectiveDn(start), n));
  }

  /**
   * Working days in (a, b] when b ≥ a, or −(working days in (b, a]) when b < a: the inverse of
   * addWorkingDays, workingDaysBetween(d, addWorkingDays(d, n)) === n for a working day d.
   */
  workingDaysBetween(a: CalendarDate, b: CalendarDate): number {
    const x = toDayNumber(a);
    const y = toDayNumber(b);
    this.#ensure(Math.min(x, y), Math.max(x, y));
    return this.#count(y) - this.#count(x);
  }

  /** The working days from `from` to `to`, both included (empty when from > to). */
  workingDaysInRange(from: CalendarDate, to: CalendarDate): CalendarDate[] {
    const x = toDayNumber(from);
    const y = toDayNumber(to);
    if (x > y) return [];
    this.#ensure(x - 1, y);
    const out: CalendarDate[] = [];
    // #count(x − 1) working days precede x, so that is the index of the first one ≥ x.
    for (let i = this.#count(x - 1); i < this.#workingDays.length; i++) {
      const dn = this.#workingDays[i]!;
      if (dn > y) break;
      out.push(this.#format(dn));
    }
    return out;
  }

  /** Holidays (of every kind) dated from `from` to `to`, both included, in date order. */
  holidaysInRange(from: CalendarDate, to: CalendarDate): Holiday[] {
    const x = toDayNumber(from);
    const y = toDayNumber(to);
    if (x > y) return [];
    const out: Holiday[] = [];
    for (let year = this.#yearOf(x); year <= this.#yearOf(y); year++) {
      for (const h of holidaysOf(year, this.rules)) {
        const dn = toDayNumber(h.date);
        if (dn >= x && dn <= y) out.push(h);
      }
    }
    return out;
  }

  /**
   * The moment a limit of `hours` working hours ends, counted in office hours from `moment`
   * (a moment outside office hours starts at the next session; past the cut-off, at the next
   * working day's morning).
   */
  addWorkingHours(moment: Moment, hours: number): Moment {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Working hours must be ≥ 0: ${hours}`);
    const { dn: startDn, afterCutoff } = this.#start(moment);
    let dn = startDn;
    let t = msOfDayOfMoment(moment);
    // Normalise the start into a session.
    if (afterCutoff || !this.#isWorkingDn(dn) || t >= this.#afternoonEnd) {
      dn = this.#nextWorkingDn(dn);
      t = this.#morningStart;
    } else if (t < this.#morningStart) {
      t = this.#morningStart;
    } else if (t > this.#morningEnd && t < this.#afternoonStart) {
      t = this.#afternoonStart;
    }
    let remaining = Math.round(hours * 3_600_000);
    for (;;) {
      if (t < this.#afternoonStart) {
        const available = this.#morningEnd - t;
        if (remaining <= available) return momentOfDayNumber(dn) + t + remaining;
        remaining -= available;
        t = this.#afternoonStart;
      }
      const available = this.#afternoonEnd - t;
      if (remaining <= available) return momentOfDayNumber(dn) + t + remaining;
      remaining -= available;
      // Skip whole days, keeping the last (partial or exactly full) day for the loop.
      const wholeDays = Math.max(0, Math.ceil(remaining / this.#dayLength) - 1);
      dn = this.#addFromWorkingDn(this.#nextWorkingDn(dn), wholeDays);
      remaining -= wholeDays * this.#dayLength;
      t = this.#morningStart;
    }
  }

  /**
   * start + n calendar days (n ≥ 0), rolled forward to a working day unless disabled. A moment
   * past the cut-off counts from the next working day.
   */
  addCalendarDays(
    start: CalendarDate | Moment,
    n: number,
    options: AddCalendarDaysOptions = {},
  ): CalendarDate {
    if (!Number.isInteger(n)) throw new RangeError(`Days must be an integer: ${n}`);
    const { dn, afterCutoff } = this.#start(start);
    const from = afterCutoff ? this.#nextWorkingDn(dn) : dn;
    const end = from + n;
    if (options.rollToWorkingDay === false || this.#isWorkingDn(end)) return this.#format(end);
    return this.#format(this.#nextWorkingDn(end));
  }
}

export function createWorkingCalendar(
  rules: CalendarRules = DEFAULT_CALENDAR_RULES,
  options: WorkingCalendarOptions = {},
): WorkingCalendar {
  return new WorkingCalendar(rules, options);
}
