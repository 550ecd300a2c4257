/**
 * Text, date and time formatting for official documents.
 *
 * Every wall-clock value is read in Vietnam time (UTC+7, no daylight saving since 1975), so a
 * server running in UTC prints the same "08 giờ 30 phút" as an official in Hồ Chí Minh City.
 */

/**
 * A date or a moment, as the rest of the code base holds them:
 * - a `Date` or epoch milliseconds (a moment), read in Vietnam time;
 * - a calendar date 'YYYY-MM-DD' (time 00:00);
 * - an ISO date-time string with an offset ('2026-05-12T08:30:00+07:00'), a moment.
 */
export type DateInput = Date | number | string;

/** Wall-clock parts in Vietnam time. */
export interface VietnamDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Unicode NFC: documents must carry precomposed Vietnamese letters (what Word and search expect). */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Upper case for headings and names in the header (Decree 30 writes them in capitals). */
export function upper(text: string): string {
  return nfc(text).toLocaleUpperCase('vi-VN');
}

export function toVietnamDateTime(value: DateInput): VietnamDateTime {
  if (typeof value === 'string') {
    const match = CALENDAR_DATE.exec(value);
    if (match) {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const check = new Date(Date.UTC(year, month - 1, day));
      if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
        throw new RangeError(`Invalid calendar date: ${value}`);
      }
      return { year, month, day, hour: 0, minute: 0 };
    }
  }
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid date: ${String(value)}`);
  const shifted = new Date(ms + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/**
 * The Vietnam calendar day of a value as a `Date` at 00:00 UTC: what a spreadsheet cell needs to
 * show that day whatever the reader's time zone (exceljs stores dates as UTC serials).
 */
export function vietnamCalendarDay(value: DateInput): Date {
  const { year, month, day } = toVietnamDateTime(value);
  return new Date(Date.UTC(year, month - 1, day));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "ngày 12 tháng 5 năm 2026". Decree 30/2020 (Phụ lục I): days below 10 and the months 1 and 2
 * take a leading zero ("ngày 05 tháng 02 năm 2026"), so that nothing can be written in front.
 */
export function formatLongDate(value: DateInput): string {
  const { year, month, day } = toVietnamDateTime(value);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** The blank to fill in by hand when a date is not known yet. */
export const BLANK_LONG_DATE = 'ngày … tháng … năm …';

/** "12/05/2026". */
export function formatShortDate(value: DateInput): string {
  const { year, month, day } = toVietnamDateTime(value);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** "08 giờ 30 phút". */
export function formatTime(value: DateInput): string {
  const { hour, minute } = toVietnamDateTime(value);
  return `${pad2(hour)} giờ ${pad2(minute)} phút`;
}

/** A calendar date 'YYYY-MM-DD': a day without a time of day. */
export function isCalendarDateInput(value: DateInput): value is string {
  return typeof value === 'string' && CALENDAR_DATE.test(value);
}

/**
 * "08 giờ 30 phút, ngày 12 tháng 5 năm 2026" (the form of times on the one-stop-shop forms). A
 * calendar date has no time of day, so only the date is printed rather than a false "00 giờ".
 */
export function formatDateTime(value: DateInput): string {
  return isCalendarDateInput(value)
    ? formatLongDate(value)
    : `${formatTime(value)}, ${formatLongDate(value)}`;
}

/** "Quận 8, ngày 17 tháng 3 năm 2023" (or the blank form when the date is not given). */
export function formatPlaceDate(place: string, date?: DateInput): string {
  return `${nfc(place)}, ${date === undefined ? BLANK_LONG_DATE : formatLongDate(date)}`;
}

/** Dotted leader printed where a form field is empty, so that it can be filled in by hand. */
export const BLANK = '…………………';

/** The value, or the dotted leader when it is missing or blank. */
export function orBlank(value: string | number | null | undefined): string {
  if (value === undefined || value === null) return BLANK;
  const text = nfc(String(value)).trim();
  return text === '' ? BLANK : text;
}

/** Two-digit counts as written on forms: "05 ngày làm việc", "02 bản". */
export function twoDigits(n: number): string {
  return pad2(n);
}
