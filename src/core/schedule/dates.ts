/**
 * Tiny pure helpers for calendar dates written as 'YYYY-MM-DD'.
 *
 * Deliberately self-contained: `src/core/calendar/` (working days, holidays) is written in
 * parallel and the schedule module must not depend on it. Arithmetic goes through UTC
 * milliseconds so the host time zone never matters.
 */

/** A calendar date 'YYYY-MM-DD' (no time, no zone). */
export type CalendarDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Builds 'YYYY-MM-DD'. Throws on an impossible date: callers validate first. */
export function ymd(year: number, month: number, day: number): CalendarDate {
  if (!isValidYmd(year, month, day)) throw new RangeError(`Invalid date ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parseYmd(date: CalendarDate): YearMonthDay {
  const m = ISO_DATE.exec(date);
  if (m === null || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Day D of a month, clamped to the month's last day (day 31 in April → 30/04). */
export function clampedYmd(year: number, month: number, day: number): CalendarDate {
  return ymd(year, month, Math.min(Math.max(day, 1), daysInMonth(year, month)));
}

export function startOfMonth(year: number, month: number): CalendarDate {
  return ymd(year, month, 1);
}

export function endOfMonth(year: number, month: number): CalendarDate {
  return ymd(year, month, daysInMonth(year, month));
}

/** Quarter 1..4. */
export function startOfQuarter(year: number, quarter: number): CalendarDate {
  return ymd(year, quarter * 3 - 2, 1);
}

export function endOfQuarter(year: number, quarter: number): CalendarDate {
  return endOfMonth(year, quarter * 3);
}

export function endOfYear(year: number): CalendarDate {
  return ymd(year, 12, 31);
}

export function startOfYear(year: number): CalendarDate {
  return ymd(year, 1, 1);
}

function toEpochDays(date: CalendarDate): number {
  const { year, month, day } = parseYmd(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromEpochDays(days: number): CalendarDate {
  const d = new Date(days * DAY_MS);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDays(toEpochDays(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDays(to) - toEpochDays(from);
}

/** ISO strings of the same shape compare lexicographically. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy', the Vietnamese display form. */
export function formatViDate(date: CalendarDate): string {
  const { year, month, day } = parseYmd(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** 1..4 → 'I'..'IV' (quarters are written in Roman numerals in Vietnamese documents). */
export function romanQuarter(quarter: number): string {
  const r = ROMAN[quarter - 1];
  if (r === undefined) throw new RangeError(`Quarter out of range: ${quarter}`);
  return r;
}
