/** Public API of the reminders core: which reminders are due given the facts, the clock and the calendar. */
export type { ChannelPreference, ReminderKind } from './kinds.js';
export {
  DEFAULT_PREFERENCES,
  REMINDER_KINDS,
  REMINDER_KIND_LABELS,
  isReminderKind,
  preferenceFor,
} from './kinds.js';
export type { TaskReminderKind, WorkingDays } from './due.js';
export {
  DOSSIER_REMINDER_WORKING_DAYS,
  FIRST_REMINDER_WORKING_DAYS,
  LOOKAHEAD_CALENDAR_DAYS,
  OVERDUE_LOOKBACK_DAYS,
  dossierNearAppointment,
  taskReminderKind,
  workingDaysLeft,
} from './due.js';
export type { EmailStatus } from './delivery.js';
export { EMAIL_STATUS_LABELS, MAX_EMAIL_ATTEMPTS, dedupeKey, deliveryOf } from './delivery.js';
export type { DossierFacts, FeedbackFacts, MessageText, ReportFacts, TaskFacts } from './messages.js';
export { dossierMessage, emailBody, feedbackMessage, reportMessage, taskMessage } from './messages.js';
