/**
 * Deadline phrases → schedules → due occurrences. Pure: no I/O; dates from `../calendar`.
 * Conventions and decisions: ./README.md.
 */
export type { CalendarDate } from '../calendar/index.js';
export type {
  ContinuousSchedule,
  DeadlineReading,
  DeliverablePart,
  Due,
  DueBasis,
  EventSchedule,
  ExpandContext,
  FixedSchedule,
  Frequency,
  Occurrence,
  ParseContext,
  PerDeliverableSchedule,
  RecordedEvent,
  RecurringSchedule,
  ReportingPeriod,
  Schedule,
  SchoolYearSettings,
  Span,
  UnparsedSchedule,
  UnscheduledSchedule,
} from './types.js';
export { DEFAULT_SCHOOL_YEAR, parseDeadline, scheduleDates } from './parse-deadline.js';
export { dueState, expandSchedule, timeliness } from './occurrences.js';
export type { DueState, Timeliness } from './occurrences.js';
export {
  DEFAULT_REPORTING_SETTINGS,
  REPORTING_PERIOD_CODES,
  describePeriod,
  parseReportDueDates,
  periodContaining,
  reportingPeriods,
} from './reporting-periods.js';
export type { MonthDay, ReportingPeriodCode, ReportingSettings } from './reporting-periods.js';
