/** The calendar: month and year views, deadlines, national schedules, a unit's settings, the .ics feed. */
import { qs, request } from './client.js';
import type {
  CalendarFeed,
  CalendarMonth,
  CalendarSettings,
  CalendarYear,
  Deadlines,
  ScheduleVersion,
  UnitCalendarSettings,
  YearScheduleInput,
} from './types.js';

export const calendarKeys = {
  months: ['calendar-month'] as const,
  month: (unitId: number, month: string, subtree: boolean) => ['calendar-month', unitId, month, subtree] as const,
  years: ['calendar-year'] as const,
  year: (unitId: number, year: number) => ['calendar-year', unitId, year] as const,
  deadlinesAll: ['deadlines'] as const,
  deadlines: (unitId: number, subtree: boolean) => ['deadlines', unitId, subtree] as const,
  scheduleVersionsAll: ['schedule-versions'] as const,
  scheduleVersions: (year: number) => ['schedule-versions', year] as const,
  settingsAll: ['calendar-settings'] as const,
  settings: (unitId: number) => ['calendar-settings', unitId] as const,
  feed: ['calendar-feed'] as const,
};

export const calendarApi = {
  /** `month` is `YYYY-MM`; `subtree` adds the dues of the units below. */
  month: (month: string, unitId?: number, subtree = false) =>
    request<CalendarMonth>('GET', `/api/calendar/month${qs({ month, unitId, subtree: subtree ? 1 : 0 })}`),
  deadlines: (unitId?: number, subtree = false, days = 14) =>
    request<Deadlines>('GET', `/api/deadlines${qs({ unitId, subtree: subtree ? 1 : 0, days })}`),
  year: (year: number, unitId?: number) => request<CalendarYear>('GET', `/api/calendar/year${qs({ year, unitId })}`),
  scheduleVersions: (year: number) => request<ScheduleVersion[]>('GET', `/api/calendar/schedules/${year}`),
  saveSchedule: (year: number, body: YearScheduleInput) =>
    request<{ version: number }>('PUT', `/api/calendar/schedules/${year}`, body),
  importScheduleText: (text: string, source: string | null) =>
    request<{ saved: { year: number; version: number }[] }>('POST', '/api/calendar/schedules/import-text', {
      text,
      source,
    }),
  settings: (unitId: number) => request<CalendarSettings>('GET', `/api/units/${unitId}/calendar-settings`),
  saveSettings: (unitId: number, settings: UnitCalendarSettings) =>
    request<CalendarSettings>('PUT', `/api/units/${unitId}/calendar-settings`, settings),
  feed: () => request<CalendarFeed>('GET', '/api/calendar/feed'),
  createFeed: () => request<CalendarFeed>('POST', '/api/calendar/feed', {}),
  revokeFeed: () => request<CalendarFeed>('DELETE', '/api/calendar/feed'),
};
