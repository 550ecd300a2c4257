/**
 * Internal regulations (quy chế nội bộ): what kinds a unit keeps, when each is next reviewed, and
 * whether a review is due — the deadlines and reminders of CCHC area 2 tasks ("rà soát quy chế
 * định kỳ"). Pure.
 */
import { addDays, daysInMonth, diffDays, parseDate, makeDate, toVietnamese } from '../calendar/index.js';
import type { CalendarDate } from '../calendar/index.js';

// Kinds and outcomes with their labels live in src/shared/documents.ts (both sides speak them).
export {
  REGULATION_KINDS,
  REGULATION_KIND_LABELS,
  REVIEW_OUTCOMES,
  REVIEW_OUTCOME_LABELS,
} from '../../shared/documents.js';
export type { RegulationKind, ReviewOutcome } from '../../shared/documents.js';

/** A review is "due soon" this many calendar days ahead (the reminder's window). */
export const REGULATION_DUE_SOON_DAYS = 30;

/** `date` plus `months` calendar months, the day clamped to the month's end (31/1 + 1 → 28/2). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return makeDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The next review: one cycle after the last review, else after adoption, else after `fallback`. */
export function nextReviewDate(
  reviewMonths: number,
  lastReviewedOn: CalendarDate | null,
  adoptedOn: CalendarDate | null,
  fallback: CalendarDate,
): CalendarDate {
  return addMonths(lastReviewedOn ?? adoptedOn ?? fallback, reviewMonths);
}

export type ReviewDueState = 'overdue' | 'due_soon' | null;

/** Overdue after the review date; due soon within `REGULATION_DUE_SOON_DAYS` days of it. */
export function reviewDueState(nextReviewOn: CalendarDate, today: CalendarDate): ReviewDueState {
  if (nextReviewOn < today) return 'overdue';
  if (nextReviewOn <= addDays(today, REGULATION_DUE_SOON_DAYS)) return 'due_soon';
  return null;
}

/** Days until the review (negative: days overdue). */
export const daysUntilReview = (nextReviewOn: CalendarDate, today: CalendarDate): number =>
  diffDays(today, nextReviewOn);

/** The subject and text of a review reminder, in Vietnamese. */
export function regulationReviewMessage(f: {
  unitName: string;
  title: string;
  nextReviewOn: CalendarDate;
  state: 'overdue' | 'due_soon';
  today: CalendarDate;
}): { subject: string; text: string } {
  const days = daysUntilReview(f.nextReviewOn, f.today);
  const when =
    f.state === 'overdue'
      ? `đã quá hạn rà soát ${-days} ngày`
      : days === 0
        ? 'đến hạn rà soát hôm nay'
        : `còn ${days} ngày đến hạn rà soát`;
  const head = f.state === 'overdue' ? 'Quá hạn rà soát' : 'Sắp đến hạn rà soát';
  return {
    subject: `[CCHC] ${head}: ${f.title} (hạn ${toVietnamese(f.nextReviewOn)})`.normalize('NFC'),
    text: [
      `${f.title} của ${f.unitName} ${when} — hạn ${toVietnamese(f.nextReviewOn)}.`,
      'Đề nghị tổ chức rà soát, sửa đổi, bổ sung (nếu cần) và ghi kết quả rà soát trên hệ thống.',
    ]
      .join('\n')
      .normalize('NFC'),
  };
}
