/**
 * Appointment moments (thời điểm hẹn trả kết quả, Mẫu 01) and how a supplement round moves them.
 *
 * Conventions (the calendar's, see src/core/calendar/working-time.ts):
 *
 *  - Working days. The appointment is the end of the N-th working day after the deemed receipt
 *    day, at the end of the afternoon office session (17:00 by default, `endOfDay`). The receipt
 *    day is not counted (Civil Code 2015 art. 147 (check clause)); a dossier received on a
 *    weekend, a holiday or after the calendar's afternoon cut-off is deemed received on the next
 *    working day. Received Tue 12/5/2026 09:00 with 5 working days → Tue 19/5/2026 17:00.
 *  - Working hours. `calendar.addWorkingHours`: office hours (07:30–11:30, 13:30–17:00) are
 *    consumed from the receipt moment; the appointment is the exact moment they run out.
 *  - Calendar days. `calendar.addCalendarDays`: receipt date + N days; a result on a day off rolls
 *    to the next working day (Civil Code 2015 art. 148 (check clause)); at `endOfDay`.
 *
 * Supplement pause (Decree 118/2025: the time limit does not run while the unit waits for the
 * citizen to supplement the dossier). The clock stops when Mẫu 02 is issued and restarts when the
 * supplement is (deemed) received, exactly as if the dossier had been received again then with the
 * time that was left. Equivalently, the appointment moves later by the time the citizen held it:
 *
 *  - working days: by the working days in (request day, deemed supplement-receipt day]. The request
 *    day stays a processing day (the unit worked on the dossier that day); the day the supplement
 *    arrives is not counted, like the receipt day (same cut-off and day-off rules). A request and a
 *    supplement on the same working day cost nothing; a request on Thu and a supplement on Mon
 *    move the appointment by 2 working days (Fri, Mon).
 *  - working hours: by the office time between the request moment and the supplement moment (a
 *    supplement after the cut-off restarts the clock at the next working morning).
 *  - calendar days: by the calendar days from the request date to the (deemed) supplement date; the
 *    unrolled end date moves and is rolled to a working day again.
 */
import {
  MS_PER_MINUTE,
  dateOfMoment,
  dayNumberOfMoment,
  diffDays,
  fromDayNumber,
  momentOf,
  momentOfDayNumber,
  msOfDayOfMoment,
  parseTimeOfDay,
  toDayNumber,
} from '../calendar/index.js';
import type { Moment, WorkingCalendar } from '../calendar/index.js';
import type { TimeLimit } from './types.js';

const MS_PER_HOUR = 3_600_000;

export interface AppointmentOptions {
  /** 'HH:mm' the appointment day ends at; default the calendar's afternoon session end (17:00). */
  endOfDay?: string;
}

/**
 * Internal clock of a dossier: the appointment and, for calendar-day limits, the unrolled end day
 * (day number) that a pause moves before rolling to a working day again.
 */
export interface Deadline {
  appointment: Moment;
  nominalEndDay: number;
}

export function endOfDayOf(calendar: WorkingCalendar, endOfDay?: string): string {
  return endOfDay ?? calendar.officeHours.afternoon[1];
}

export function assertTimeLimit(limit: TimeLimit): void {
  const { unit, amount } = limit;
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`Time limit must be ≥ 0: ${amount}`);
  if (unit !== 'working_hours' && !Number.isInteger(amount)) {
    throw new RangeError(`A limit in ${unit} must be a whole number: ${amount}`);
  }
}

/** The Mẫu 01 appointment and the internal clock of a dossier received at `receivedAt`. */
export function startDeadline(
  receivedAt: Moment,
  limit: TimeLimit,
  calendar: WorkingCalendar,
  endOfDay?: string,
): Deadline {
  assertTimeLimit(limit);
  const eod = endOfDayOf(calendar, endOfDay);
  switch (limit.unit) {
    case 'working_days': {
      const date = calendar.addWorkingDays(receivedAt, limit.amount);
      return { appointment: momentOf(date, eod), nominalEndDay: toDayNumber(date) };
    }
    case 'working_hours': {
      const appointment = calendar.addWorkingHours(receivedAt, limit.amount);
      return { appointment, nominalEndDay: dayNumberOfMoment(appointment) };
    }
    case 'calendar_days': {
      const nominal = calendar.addCalendarDays(receivedAt, limit.amount, { rollToWorkingDay: false });
      const date = calendar.workingDayOnOrAfter(nominal);
      return { appointment: momentOf(date, eod), nominalEndDay: toDayNumber(nominal) };
    }
  }
}

/**
 * The appointment (thời điểm hẹn trả kết quả) of a dossier received at `receivedAt` under a legal
 * time limit; see the module comment for the convention of each unit.
 */
export function computeAppointment(
  receivedAt: Moment,
  limit: TimeLimit,
  calendar: WorkingCalendar,
  options: AppointmentOptions = {},
): Moment {
  return startDeadline(receivedAt, limit, calendar, options.endOfDay).appointment;
}

/**
 * The clock after a supplement round: requested at `requestedAt`, supplement received at
 * `resumedAt` (≥ requestedAt). `shift` is in the limit's unit (see the module comment).
 */
export function resumeDeadline(
  deadline: Deadline,
  requestedAt: Moment,
  resumedAt: Moment,
  limit: TimeLimit,
  calendar: WorkingCalendar,
  endOfDay?: string,
): { deadline: Deadline; shift: number } {
  const eod = endOfDayOf(calendar, endOfDay);
  const requestDate = dateOfMoment(requestedAt);
  switch (limit.unit) {
    case 'working_days': {
      // addWorkingDays(x, 0) is the deemed receipt day of the supplement (cut-off, days off).
      const resumeDay = calendar.addWorkingDays(resumedAt, 0);
      const shift = Math.max(0, calendar.workingDaysBetween(requestDate, resumeDay));
      const date = calendar.addWorkingDays(dateOfMoment(deadline.appointment), shift);
      return { deadline: { appointment: momentOf(date, eod), nominalEndDay: toDayNumber(date) }, shift };
    }
    case 'working_hours': {
      const shiftMs = officeMsBetween(calendar, requestedAt, resumeMomentForHours(calendar, resumedAt));
      const appointment = addOfficeMs(calendar, deadline.appointment, shiftMs);
      return {
        deadline: { appointment, nominalEndDay: dayNumberOfMoment(appointment) },
        shift: shiftMs / MS_PER_HOUR,
      };
    }
    case 'calendar_days': {
      const resumeDay = calendar.addCalendarDays(resumedAt, 0, { rollToWorkingDay: false });
      const shift = Math.max(0, diffDays(requestDate, resumeDay));
      const nominalEndDay = deadline.nominalEndDay + shift;
      const date = calendar.workingDayOnOrAfter(fromDayNumber(nominalEndDay));
      return { deadline: { appointment: momentOf(date, eod), nominalEndDay }, shift };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Office time (working hours) between two moments
// ---------------------------------------------------------------------------------------------

interface OfficeMs {
  morningStart: number;
  morningEnd: number;
  afternoonStart: number;
  afternoonEnd: number;
  dayLength: number;
  cutoff: number | null;
}

const officeCache = new WeakMap<WorkingCalendar, OfficeMs>();

function officeOf(calendar: WorkingCalendar): OfficeMs {
  let o = officeCache.get(calendar);
  if (o === undefined) {
    const ms = (t: string): number => parseTimeOfDay(t) * MS_PER_MINUTE;
    const { morning, afternoon } = calendar.officeHours;
    const morningStart = ms(morning[0]);
    const morningEnd = ms(morning[1]);
    const afternoonStart = ms(afternoon[0]);
    const afternoonEnd = ms(afternoon[1]);
    o = {
      morningStart,
      morningEnd,
      afternoonStart,
      afternoonEnd,
      dayLength: morningEnd - morningStart + (afternoonEnd - afternoonStart),
      cutoff: calendar.afternoonCutoff === null ? null : ms(calendar.afternoonCutoff),
    };
    officeCache.set(calendar, o);
  }
  return o;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Office ms of a working day from midnight up to `t` ms into the day. */
function officeMsUpTo(o: OfficeMs, t: number): number {
  return (
    clamp(t, o.morningStart, o.morningEnd) -
    o.morningStart +
    (clamp(t, o.afternoonStart, o.afternoonEnd) - o.afternoonStart)
  );
}

/** Office time (ms) in [a, b] on working days; 0 when b ≤ a. The cut-off plays no part. */
export function officeMsBetween(calendar: WorkingCalendar, a: Moment, b: Moment): number {
  if (b <= a) return 0;
  const o = officeOf(calendar);
  const da = dayNumberOfMoment(a);
  const db = dayNumberOfMoment(b);
  const working = (dn: number): boolean => calendar.isWorkingDay(fromDayNumber(dn));
  const ta = msOfDayOfMoment(a);
  const tb = msOfDayOfMoment(b);
  if (da === db) return working(da) ? officeMsUpTo(o, tb) - officeMsUpTo(o, ta) : 0;
  let total = working(da) ? o.dayLength - officeMsUpTo(o, ta) : 0;
  if (working(db)) total += officeMsUpTo(o, tb);
  // Whole working days strictly between the two days: those in (da, db − 1].
  total += calendar.workingDaysBetween(fromDayNumber(da), fromDayNumber(db - 1)) * o.dayLength;
  return total;
}

/** Where the hour clock restarts after a supplement: past the cut-off, the next working morning. */
function resumeMomentForHours(calendar: WorkingCalendar, at: Moment): Moment {
  const o = officeOf(calendar);
  if (o.cutoff === null || msOfDayOfMoment(at) < o.cutoff) return at;
  const date = dateOfMoment(at);
  if (!calendar.isWorkingDay(date)) return at; // a day off has no office time to skip anyway
  return momentOfDayNumber(toDayNumber(calendar.nextWorkingDay(date)), o.morningStart / MS_PER_MINUTE);
}

/**
 * `from` (a moment inside or at the edge of office hours on a working day) plus `ms` of office
 * time. Counted from that day's morning start so that an appointment at 17:00, or past the
 * calendar's cut-off, is not first pushed to the next morning by addWorkingHours' normalisation.
 */
function addOfficeMs(calendar: WorkingCalendar, from: Moment, ms: number): Moment {
  if (ms <= 0) return from;
  const o = officeOf(calendar);
  const day = dayNumberOfMoment(from);
  if (!calendar.isWorkingDay(fromDayNumber(day))) {
    return calendar.addWorkingHours(from, ms / MS_PER_HOUR);
  }
  const used = officeMsUpTo(o, msOfDayOfMoment(from));
  const morning = momentOfDayNumber(day, o.morningStart / MS_PER_MINUTE);
  return calendar.addWorkingHours(morning, (used + ms) / MS_PER_HOUR);
}
