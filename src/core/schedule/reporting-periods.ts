/**
 * The four periodic CCHC reports of a year: quarter I, 6 months, quarter III, year.
 *
 * Due dates are set by the superior (the sample plan 71/KH-MNTT: before 05/3, 05/6, 05/9, 05/12).
 * Cut-off windows follow Decree 09/2019 (check): from the 15th of the month before the period's
 * first month to the 14th of the period's last month; year: 15/12 of the year before to 14/12.
 * Both are settings with these defaults, never constants buried in code.
 */
import { clampedYmd, endOfMonth, formatViDate, isValidYmd, ymd } from '../calendar/index.js';
import type { CalendarDate } from '../calendar/index.js';
import { foldText } from './text.js';
import type { ReportingPeriod } from './types.js';

export type ReportingPeriodCode = 'Q1' | 'H1' | 'Q3' | 'Y';

export const REPORTING_PERIOD_CODES: readonly ReportingPeriodCode[] = ['Q1', 'H1', 'Q3', 'Y'];

export interface MonthDay {
  month: number;
  day: number;
  /** 1 when the report is due in the following year (a year report due 15/01). Default 0. */
  yearOffset?: number;
}

export interface ReportingSettings {
  dueDates?: Partial<Record<ReportingPeriodCode, MonthDay>>;
  /** Day of the month before the period when the cut-off starts (default 15). */
  cutoffStartDay?: number;
  /** Day of the period's last month when the cut-off ends (default 14). */
  cutoffEndDay?: number;
}

export const DEFAULT_REPORTING_SETTINGS: Required<ReportingSettings> = {
  dueDates: {
    Q1: { month: 3, day: 5 },
    H1: { month: 6, day: 5 },
    Q3: { month: 9, day: 5 },
    Y: { month: 12, day: 5 },
  },
  cutoffStartDay: 15,
  cutoffEndDay: 14,
};

/** The months each period covers, and its label. */
const SHAPE: Record<ReportingPeriodCode, { first: number; last: number; label: (y: number) => string }> = {
  Q1: { first: 1, last: 3, label: (y) => `Quý I/${y}` },
  H1: { first: 1, last: 6, label: (y) => `6 tháng đầu năm ${y}` },
  Q3: { first: 7, last: 9, label: (y) => `Quý III/${y}` },
  Y: { first: 1, last: 12, label: (y) => `Năm ${y}` },
};

export function reportingPeriods(year: number, settings?: ReportingSettings): ReportingPeriod[] {
  const startDay = settings?.cutoffStartDay ?? DEFAULT_REPORTING_SETTINGS.cutoffStartDay;
  const endDay = settings?.cutoffEndDay ?? DEFAULT_REPORTING_SETTINGS.cutoffEndDay;
  return REPORTING_PERIOD_CODES.map((code) => {
    const shape = SHAPE[code];
    const due = settings?.dueDates?.[code] ?? DEFAULT_REPORTING_SETTINGS.dueDates[code]!;
    const beforeYear = shape.first === 1 ? year - 1 : year;
    const beforeMonth = shape.first === 1 ? 12 : shape.first - 1;
    return {
      key: `${year}-${code}`,
      label: shape.label(year),
      from: ymd(year, shape.first, 1),
      to: endOfMonth(year, shape.last),
      // A day past the month's end (31/6) is read as the month's last day.
      dueDate: clampedYmd(year + (due.yearOffset ?? 0), due.month, due.day),
      cutoffFrom: clampedYmd(beforeYear, beforeMonth, startDay),
      cutoffTo: clampedYmd(year, shape.last, endDay),
    };
  });
}

/** The reporting period a date falls in: the shortest period (earliest end) containing it. */
export function periodContaining(
  periods: ReportingPeriod[],
  date: CalendarDate,
): ReportingPeriod | undefined {
  let best: ReportingPeriod | undefined;
  for (const p of periods) {
    if (p.from <= date && date <= p.to && (best === undefined || p.to < best.to)) best = p;
  }
  return best;
}

const DAY_MONTH = /(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}|\d{2}))?(?![\d]|[/.-]\d)/g;

/**
 * Reads the report due dates from a plan's sentence, e.g. "… quý I, 06 tháng, quý III, cả năm …
 * gửi trước ngày 05/3, 05/6, 05/9, 05/12 định kỳ hàng năm" → Q1 05/3, H1 05/6, Q3 05/9, Y 05/12.
 * The four dates are taken in the order written. A date written earlier in the year than the one
 * before it belongs to the next year (a year report due "15/01"). Returns null unless exactly
 * four valid dates are found — the caller keeps its settings then.
 */
export function parseReportDueDates(text: string, year: number): ReportingSettings | null {
  const folded = foldText(text).text;
  const found: { month: number; day: number; yearOffset: number }[] = [];
  for (const m of folded.matchAll(DAY_MONTH)) {
    const day = Number(m[1]);
    const month = Number(m[3]);
    const y = m[4];
    let dateYear = y === undefined ? year : y.length === 2 ? 2000 + Number(y) : Number(y);
    const prev = found[found.length - 1];
    if (y === undefined && prev !== undefined) {
      const prevYear = year + prev.yearOffset;
      const before = month < prev.month || (month === prev.month && day < prev.day);
      dateYear = before ? prevYear + 1 : prevYear;
    }
    if (!isValidYmd(dateYear, month, day)) return null;
    found.push({ month, day, yearOffset: dateYear - year });
  }
  if (found.length !== 4) return null;
  const dueDates: Partial<Record<ReportingPeriodCode, MonthDay>> = {};
  REPORTING_PERIOD_CODES.forEach((code, i) => {
    const d = found[i]!;
    dueDates[code] = d.yearOffset === 0 ? { month: d.month, day: d.day } : d;
  });
  return { dueDates };
}

/** "Quý I/2023: hạn 05/03/2023 (số liệu 15/12/2022 – 14/03/2023)" — for UI and notes. */
export function describePeriod(p: ReportingPeriod): string {
  return `${p.label}: hạn ${formatViDate(p.dueDate)} (số liệu ${formatViDate(p.cutoffFrom)} – ${formatViDate(p.cutoffTo)})`;
}
