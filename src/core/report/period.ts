/**
 * Which report a period key names, its title, and where a unit's report stands (chưa lập, đang
 * soạn, đã gửi, bị trả lại, trễ hạn). The four periodic reports are those of core/schedule's
 * reporting periods: quarter I, 6 months, quarter III and year (domain.md §1, §4). There is no
 * quarter II or IV report in that model, so "2026-Q2" and "2026-Q4" are refused.
 */
import { diffDays as daysBetween } from '../calendar/index.js';
import type { CalendarDate } from '../calendar/index.js';
import { REPORTING_PERIOD_CODES } from '../schedule/reporting-periods.js';
import type { ReportingPeriodCode } from '../schedule/reporting-periods.js';

export interface PeriodKey {
  year: number;
  code: ReportingPeriodCode;
  /** "2026-Q1", "2026-H1", "2026-Q3", "2026-Y" (the key of core/schedule's ReportingPeriod). */
  key: string;
}

const KEY = /^\s*(\d{4})\s*-\s*(Q1|H1|Q3|Y)\s*$/i;

/** "2026-Q1" → { year 2026, code 'Q1' }; null for anything else (2026-Q2, 2026-Q4 included). */
export function parsePeriodKey(raw: string): PeriodKey | null {
  const m = KEY.exec(raw);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const code = m[2]!.toUpperCase() as ReportingPeriodCode;
  if (!REPORTING_PERIOD_CODES.includes(code)) return null;
  return { year, code, key: `${year}-${code}` };
}

/** The period inside a sentence: "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
export function periodPhrase(code: ReportingPeriodCode, year: number): string {
  switch (code) {
    case 'Q1':
      return `quý I năm ${year}`;
    case 'H1':
      return `6 tháng đầu năm ${year}`;
    case 'Q3':
      return `quý III năm ${year}`;
    case 'Y':
      return `năm ${year}`;
  }
}

/** Trích yếu of the report: "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026". */
export function reportSubject(code: ReportingPeriodCode, year: number): string {
  return `Kết quả thực hiện công tác cải cách hành chính ${periodPhrase(code, year)}`;
}

/** "Báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026" (file names, lists). */
export function reportTitle(code: ReportingPeriodCode, year: number): string {
  return `Báo cáo kết quả thực hiện công tác cải cách hành chính ${periodPhrase(code, year)}`;
}

/** What is stored for a report: none yet, a draft, submitted, or returned for correction. */
export type ReportStatus = 'draft' | 'submitted' | 'returned';

/** What the schedule shows. */
export type ReportState = 'not_started' | 'draft' | 'submitted' | 'returned' | 'overdue';

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  not_started: 'Chưa lập',
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  overdue: 'Trễ hạn',
};

/**
 * Where a report stands today. A report not submitted once its due day has passed is late
 * (trễ hạn) whether or not a draft exists; a returned one shows "bị trả lại" (the superior asked
 * for a correction: its lateness is judged again when it is re-submitted).
 */
export function reportState(
  status: ReportStatus | null,
  dueDate: CalendarDate,
  today: CalendarDate,
): ReportState {
  if (status === 'submitted') return 'submitted';
  if (status === 'returned') return 'returned';
  if (today > dueDate) return 'overdue';
  return status === 'draft' ? 'draft' : 'not_started';
}

/** A submission is late when its day (Vietnam time) is after the due date. */
export function submittedLate(submittedOn: CalendarDate, dueDate: CalendarDate): boolean {
  return submittedOn > dueDate;
}

export type DueReportState = 'due_soon' | 'overdue';

/**
 * For reminders: 'overdue' once the due day has passed unsubmitted, 'due_soon' from `soonDays`
 * days before up to the due day, null otherwise (submitted, or not yet near).
 */
export function dueReportState(
  status: ReportStatus | null,
  dueDate: CalendarDate,
  today: CalendarDate,
  soonDays = 7,
): DueReportState | null {
  if (status === 'submitted') return null;
  if (today > dueDate) return 'overdue';
  return daysBetween(today, dueDate) <= soonDays ? 'due_soon' : null;
}
