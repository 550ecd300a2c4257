import { dateOfMoment, diffDays } from '../calendar/index.js';
import type { CalendarDate, Moment } from '../calendar/index.js';

/** What the reminder rules need of a unit's working-day calendar (core/calendar's WorkingCalendar). */
export interface WorkingDays {
  /** Working days in (a, b] when b ≥ a. */
  workingDaysBetween(a: CalendarDate, b: CalendarDate): number;
}

/** The first reminder comes this many working days before a due date. */
export const FIRST_REMINDER_WORKING_DAYS = 7;
/** An occurrence overdue for longer than this (calendar days) is old news: no reminder is made. */
export const OVERDUE_LOOKBACK_DAYS = 30;
/** A dossier is reminded when its appointment is at most this many working days away (the "sắp đến hạn" list). */
export const DOSSIER_REMINDER_WORKING_DAYS = 2;
/**
 * Calendar days to look ahead when fetching candidates: 7 working days never span more than this,
 * even over the longest Tết break with the weekends around it.
 */
export const LOOKAHEAD_CALENDAR_DAYS = 31;

export type TaskReminderKind = 'task_due_7' | 'task_due_1' | 'task_overdue';

/**
 * Which reminder a pending task occurrence due on `due` calls for on `today`, counted in the
 * unit's working days:
 * - `task_due_7` when the due date is 2…7 working days away. A sweep on time sends it exactly 7
 *   working days ahead; a sweep that missed days (server down, cron off) still sends it later in
 *   the window, once: "within 7 working days and not yet reminded".
 * - `task_due_1` when it is at most 1 working day away (tomorrow, today, or a day off between):
 *   again sent once even if the sweep missed the day before.
 * - `task_overdue` once the date has passed, for up to OVERDUE_LOOKBACK_DAYS.
 * The caller deduplicates by (recipient, kind, occurrence, due date), so each is made once; an
 * occurrence first seen inside the 1-day window gets only `task_due_1`.
 */
export function taskReminderKind(
  today: CalendarDate,
  due: CalendarDate,
  calendar: WorkingDays,
): TaskReminderKind | null {
  if (due < today) return diffDays(due, today) <= OVERDUE_LOOKBACK_DAYS ? 'task_overdue' : null;
  const left = calendar.workingDaysBetween(today, due);
  if (left <= 1) return 'task_due_1';
  if (left <= FIRST_REMINDER_WORKING_DAYS) return 'task_due_7';
  return null;
}

/** Working days from today to a due date (0: today or only days off in between). */
export function workingDaysLeft(today: CalendarDate, due: CalendarDate, calendar: WorkingDays): number {
  return due < today ? -diffDays(due, today) : calendar.workingDaysBetween(today, due);
}

/**
 * Whether an open dossier (clock running) is near its appointment at `now`: not yet passed and at
 * most DOSSIER_REMINDER_WORKING_DAYS working days away, as the register's "sắp đến hạn" list counts.
 */
export function dossierNearAppointment(now: Moment, appointment: Moment, calendar: WorkingDays): boolean {
  if (appointment < now) return false;
  return (
    calendar.workingDaysBetween(dateOfMoment(now), dateOfMoment(appointment)) <= DOSSIER_REMINDER_WORKING_DAYS
  );
}
