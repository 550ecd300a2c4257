/**
 * PAKN time limits in working days (domain.md §8, national index (check)): decide on refusal
 * (classify) within 2, forward an item outside the unit's competence within 5, answer (the head's
 * approval) within 15, publish the answer within 2 of its approval. A unit may set its own.
 *
 * Convention (the dossiers'): a limit of N working days ends at the end of the N-th working day
 * after the deemed receipt day (a receipt on a day off or after the calendar's cut-off counts from
 * the next working day) — `computeAppointment` of core/dossier with the unit's calendar.
 */
import { dateOfMoment } from '../calendar/index.js';
import type { Moment, WorkingCalendar } from '../calendar/index.js';
import { computeAppointment } from '../dossier/index.js';
import type { FeedbackStatus } from './workflow.js';

export interface FeedbackDeadlineSettings {
  classifyDays: number;
  forwardDays: number;
  answerDays: number;
  publishDays: number;
}

export const DEFAULT_FEEDBACK_DEADLINES: Readonly<FeedbackDeadlineSettings> = Object.freeze({
  classifyDays: 2,
  forwardDays: 5,
  answerDays: 15,
  publishDays: 2,
});

export const FEEDBACK_DEADLINE_LABELS: Readonly<Record<keyof FeedbackDeadlineSettings, string>> = {
  classifyDays: 'Phân loại, trả lời không thụ lý',
  forwardDays: 'Chuyển cơ quan có thẩm quyền',
  answerDays: 'Xử lý, trả lời (thủ trưởng duyệt)',
  publishDays: 'Công khai kết quả sau khi duyệt',
};

/** The end of the `days`-th working day after `from` (see the module comment). */
export function addFeedbackDays(from: Moment, days: number, calendar: WorkingCalendar): Moment {
  return computeAppointment(from, { unit: 'working_days', amount: days }, calendar);
}

export interface FeedbackDeadlines {
  classifyDue: Moment;
  forwardDue: Moment;
  answerDue: Moment;
}

/** The deadlines fixed at receipt. */
export function deadlinesFromReceipt(
  receivedAt: Moment,
  s: FeedbackDeadlineSettings,
  calendar: WorkingCalendar,
): FeedbackDeadlines {
  return {
    classifyDue: addFeedbackDays(receivedAt, s.classifyDays, calendar),
    forwardDue: addFeedbackDays(receivedAt, s.forwardDays, calendar),
    answerDue: addFeedbackDays(receivedAt, s.answerDays, calendar),
  };
}

/** The deadline of the step the item waits for, or null when nothing is due. */
export function currentDue(
  status: FeedbackStatus,
  d: FeedbackDeadlines,
  publishDue: Moment | null,
): Moment | null {
  switch (status) {
    case 'received':
      return d.classifyDue;
    case 'to_forward':
      return d.forwardDue;
    case 'approved':
      return publishDue;
    case 'accepted':
    case 'assigned':
    case 'answered':
      return d.answerDue;
    case 'not_accepted':
    case 'forwarded':
    case 'published':
    case 'unpublished':
      return null;
  }
}

export type DueState = 'none' | 'ok' | 'due_soon' | 'overdue';

export const DUE_STATE_LABELS: Readonly<Record<DueState, string>> = {
  none: '',
  ok: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
};

/** Overdue past `due`; due soon when `due` is at most `withinWorkingDays` working days away. */
export function dueState(
  due: Moment | null,
  now: Moment,
  calendar: WorkingCalendar,
  withinWorkingDays = 2,
): DueState {
  if (due === null) return 'none';
  if (now > due) return 'overdue';
  return calendar.workingDaysBetween(dateOfMoment(now), dateOfMoment(due)) <= withinWorkingDays
    ? 'due_soon'
    : 'ok';
}

/** A step done at `doneAt` was on time when no later than its deadline. */
export const onTime = (doneAt: Moment, due: Moment): boolean => doneAt <= due;
