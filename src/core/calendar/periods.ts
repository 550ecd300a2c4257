/**
 * Dates built from their parts and the bounds of months, quarters and years, as the deadline
 * schedules and the report periods need them. Built on `date.ts` (one date module: day numbers,
 * no host time zone).
 */
import { daysInMonth, formatDate } from './date.js';
import type { CalendarDate } from './date.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

/** A real date of the years 1–9999. */
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
  return formatDate({ year, month, day });
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

/** 'YYYY-MM-DD' → 'dd/MM/yyyy', the Vietnamese display form (years 1–9999). */
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
