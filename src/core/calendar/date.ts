/**
 * Calendar dates and moments without `Date`.
 *
 * A `CalendarDate` is a plain 'YYYY-MM-DD' string in the proleptic Gregorian calendar. All
 * arithmetic goes through an integer *day number* (days since 1970-01-01), so results never
 * depend on the host's time zone or DST rules (the server may run in UTC while users are in
 * Vietnam).
 *
 * A *moment* is epoch milliseconds (UTC). Whenever a moment has to be read as a wall-clock date
 * or time we use Vietnam time, UTC+7, which has had no DST since 1975.
 */

/** 'YYYY-MM-DD', e.g. '2026-02-17'. */
export type CalendarDate = string;

/** Epoch milliseconds (UTC instant); read as a wall-clock time in Vietnam time (UTC+7). */
export type Moment = number;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Vietnam's civil time, in hours east of UTC (nationwide since 1975, no DST). */
export const VIETNAM_UTC_OFFSET_HOURS = 7;
export const VIETNAM_UTC_OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

/** Julian Day Number of 1970-01-01 (day number 0); the lunar code works in JDNs. */
export const JDN_OF_DAY_ZERO = 2_440_588;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const len = MONTH_LENGTHS[month - 1];
  if (len === undefined) throw new RangeError(`Invalid month ${month}`);
  return len;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/**
 * Day number (days since 1970-01-01) of a Gregorian date.
 * Howard Hinnant's `days_from_civil`: the year is shifted to start on 1 March so that the leap
 * day is the last day of the shifted year, which makes the month offsets a linear formula.
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Inverse of {@link dayNumberFromParts} (Hinnant's `civil_from_days`). */
export function partsFromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const DIGIT_0 = 48;

function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - DIGIT_0;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * Parses 'YYYY-MM-DD' to a day number, or returns NaN if the text is not a valid date.
 * Hand-rolled (no regex, no Date) because the working-time code calls it millions of times.
 */
export function tryToDayNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  const y0 = digitAt(date, 0);
  const y1 = digitAt(date, 1);
  const y2 = digitAt(date, 2);
  const y3 = digitAt(date, 3);
  const m0 = digitAt(date, 5);
  const m1 = digitAt(date, 6);
  const d0 = digitAt(date, 8);
  const d1 = digitAt(date, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return dayNumberFromParts(year, month, day);
}

/** Day number of a 'YYYY-MM-DD' date; throws RangeError on invalid input. */
export function toDayNumber(date: CalendarDate): number {
  const n = tryToDayNumber(date);
  if (Number.isNaN(n)) throw new RangeError(`Invalid calendar date '${date}' (expected YYYY-MM-DD)`);
  return n;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  if (n < 0 || n > 9999) throw new RangeError(`Year ${n} cannot be written as YYYY`);
  return String(n).padStart(4, '0');
}

export function formatDate(parts: DateParts): CalendarDate {
  return `${pad4(parts.year)}-${pad2(parts.month)}-${pad2(parts.day)}`;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  return formatDate(partsFromDayNumber(dayNumber));
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && !Number.isNaN(tryToDayNumber(value));
}

export function parseDate(date: CalendarDate): DateParts {
  return partsFromDayNumber(toDayNumber(date));
}

/** Builds a date from its parts, rejecting impossible ones (31/4, 29/2 of a common year…). */
export function makeDate(year: number, month: number, day: number): CalendarDate {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new RangeError(`Invalid date ${year}-${month}-${day}`);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid date ${year}-${month}-${day}`);
  }
  return formatDate({ year, month, day });
}

export function yearOf(date: CalendarDate): number {
  return parseDate(date).year;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be an integer: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Number of days from `a` to `b` (positive when b is later). */
export function diffDays(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeekOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return dayOfWeekOfDayNumber(toDayNumber(date));
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  // Valid 'YYYY-MM-DD' strings sort lexicographically in date order, but we validate both so
  // that a malformed value fails loudly instead of sorting silently.
  const x = toDayNumber(a);
  const y = toDayNumber(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** 'dd/MM/yyyy', the form used in Vietnamese administrative documents (Decree 30/2020). */
export function toVietnamese(date: CalendarDate): string {
  const { year, month, day } = parseDate(date);
  return `${pad2(day)}/${pad2(month)}/${pad4(year)}`;
}

/** Parses 'd/M/yyyy' (also with '-' or '.' separators and without leading zeros); null if invalid. */
export function fromVietnamese(text: string): CalendarDate | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return formatDate({ year, month, day });
}

const WEEKDAY_NAMES_VI = [
  'Chủ nhật',
  'Thứ Hai',
  'Thứ Ba',
  'Thứ Tư',
  'Thứ Năm',
  'Thứ Sáu',
  'Thứ Bảy',
] as const;

/** 'Thứ Hai' … 'Chủ nhật'. */
export function weekdayNameVi(date: CalendarDate): string {
  return WEEKDAY_NAMES_VI[dayOfWeek(date)] ?? '';
}

// ---------------------------------------------------------------------------------------------
// Times of day and moments (Vietnam time, UTC+7)
// ---------------------------------------------------------------------------------------------

/** 'HH:mm' → minutes since midnight; throws RangeError when malformed. '24:00' is allowed. */
export function parseTimeOfDay(time: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) throw new RangeError(`Invalid time of day '${time}' (expected HH:mm)`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) throw new RangeError(`Invalid time of day '${time}'`);
  return h * 60 + min;
}

export function formatTimeOfDay(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Day number of the Vietnam-time calendar day containing the moment. */
export function dayNumberOfMoment(moment: Moment): number {
  return Math.floor((moment + VIETNAM_UTC_OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds elapsed since Vietnam-time midnight of the moment's day. */
export function msOfDayOfMoment(moment: Moment): number {
  const local = moment + VIETNAM_UTC_OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** The Vietnam-time calendar date of a moment. */
export function dateOfMoment(moment: Moment): CalendarDate {
  return fromDayNumber(dayNumberOfMoment(moment));
}

/** The moment of a Vietnam wall-clock time on a day number (minutes since midnight). */
export function momentOfDayNumber(dayNumber: number, minutesOfDay = 0): Moment {
  return dayNumber * MS_PER_DAY + minutesOfDay * MS_PER_MINUTE - VIETNAM_UTC_OFFSET_MS;
}

/** The moment of a Vietnam wall-clock time: momentOf('2026-02-13', '16:30'). */
export function momentOf(date: CalendarDate, time = '00:00'): Moment {
  return momentOfDayNumber(toDayNumber(date), parseTimeOfDay(time));
}

/** 'YYYY-MM-DD HH:mm' in Vietnam time (seconds are truncated). */
export function formatMoment(moment: Moment): string {
  const minutes = Math.floor(msOfDayOfMoment(moment) / MS_PER_MINUTE);
  return `${dateOfMoment(moment)} ${formatTimeOfDay(minutes)}`;
}
