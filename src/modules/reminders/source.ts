import type { CalendarDate, WorkingCalendar } from '../../core/calendar/index.js';
import type { ReminderKind } from '../../core/reminders/index.js';

/**
 * One reminder a source proposes: the same event for each of its recipients. The sweep turns it
 * into one outbox row per recipient (and an in-app notification) unless that recipient already
 * had it — the unique key is (recipient, kind, eventKey) — or turned the kind off.
 */
export interface ReminderCandidate {
  kind: ReminderKind;
  /**
   * Stable identity of the event within its kind, including what makes it a new event when it
   * changes: `occurrence:123:2026-06-05` (a due date moved by a re-import is a new event).
   */
  eventKey: string;
  /** The unit the event belongs to: its administrators (and their superiors') read the outbox. */
  unitId: number;
  /** User ids (app_user.id); inactive users and duplicates are dropped by the sweep. */
  recipients: readonly number[];
  subject: string;
  /** Plain text, Vietnamese; the e-mail adds the link and a footer. */
  text: string;
  /** Path in the web app, `/tasks/45`; null when there is nothing to open. */
  link: string | null;
}

/** What a sweep knows when it asks its sources: the moment, today in Vietnam, and unit calendars. */
export interface SweepContext {
  /** The sweep's clock reading. */
  now: Date;
  /** Today in Vietnam (UTC+7), 'YYYY-MM-DD'. */
  today: CalendarDate;
  /** The unit's working-day calendar (services.calendar.forUnit), cached for the sweep. */
  calendarOf(unitId: number): Promise<WorkingCalendar>;
}

/**
 * A provider of reminders. The sweep calls every source it was given; each reads its own module's
 * facts (read-only) and returns candidates. Sources must be idempotent: they are called on every
 * sweep, and the sweep alone decides what is new.
 */
export interface ReminderSource {
  /** For logs and the sweep summary: 'tasks', 'dossiers', 'reports', 'feedback'. */
  name: string;
  candidates(ctx: SweepContext): Promise<ReminderCandidate[]>;
}
