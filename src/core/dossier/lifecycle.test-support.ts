/** Helpers of the lifecycle tests: a calendar, moments, events and a replay with 5 working days. */
import { createWorkingCalendar, formatMoment, momentOf } from '../calendar/index.js';
import type { Moment } from '../calendar/index.js';
import { replay } from './lifecycle.js';
import type { DossierEvent, DossierState, TimeLimit } from './types.js';

export const cal = createWorkingCalendar();
export const at = momentOf;
export const fmt = (m: Moment | null): string | null => (m === null ? null : formatMoment(m));
export const days = (amount: number): TimeLimit => ({ unit: 'working_days', amount });
export const hours = (amount: number): TimeLimit => ({ unit: 'working_hours', amount });
export const calendarDays = (amount: number): TimeLimit => ({ unit: 'calendar_days', amount });

export const received = (m: Moment, channel: 'direct' | 'online' | 'postal' = 'direct'): DossierEvent => ({
  kind: 'received',
  at: m,
  channel,
});
export const resolved = (m: Moment): DossierEvent => ({ kind: 'resolved', at: m });
export const returned = (m: Moment): DossierEvent => ({ kind: 'returned', at: m, method: 'direct' });
export const askSupplement = (m: Moment, reason = 'Thiếu bản sao giấy khai sinh'): DossierEvent => ({
  kind: 'supplement_requested',
  at: m,
  reason,
});
export const gotSupplement = (m: Moment): DossierEvent => ({ kind: 'supplement_received', at: m });
export const transfer = (m: Moment, from: string, to: string): DossierEvent => ({
  kind: 'transferred',
  at: m,
  from,
  to,
});
export const apology = (m: Moment, newAppointment: Moment, reason = 'Cần xác minh thêm'): DossierEvent => ({
  kind: 'apology_issued',
  at: m,
  newAppointment,
  reason,
});

/** The standard case: received Tue 12/5/2026 09:00, 5 working days → Tue 19/5/2026 17:00. */
export const R = at('2026-05-12', '09:00');
export const FIVE = { limit: days(5), calendar: cal };

export function run(events: DossierEvent[], asOf?: Moment, limit: TimeLimit = days(5)): DossierState {
  return replay(events, asOf === undefined ? { limit, calendar: cal } : { limit, calendar: cal, asOf });
}
