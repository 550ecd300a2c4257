import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_CALENDAR_RULES,
  createWorkingCalendar,
  dateOfMoment,
  formatMoment,
  fromDayNumber,
  momentOf,
  msOfDayOfMoment,
  toDayNumber,
} from '../calendar/index.js';
import { computeAppointment, officeMsBetween, resumeDeadline, startDeadline } from './appointment.js';
import type { TimeLimit } from './types.js';

const cal = createWorkingCalendar(); // statutory rules + the shipped 2024–2026 schedules
const withCutoff = createWorkingCalendar(DEFAULT_CALENDAR_RULES, { afternoonCutoff: '16:00' });
const at = momentOf;
const fmt = formatMoment;
const days = (amount: number): TimeLimit => ({ unit: 'working_days', amount });
const hours = (amount: number): TimeLimit => ({ unit: 'working_hours', amount });
const calendarDays = (amount: number): TimeLimit => ({ unit: 'calendar_days', amount });

describe('computeAppointment: working days', () => {
  it('Tue 12/5/2026 09:00 + 5 working days → Tue 19/5/2026 17:00', () => {
    // Receipt day not counted: Wed 13 (1), Thu 14 (2), Fri 15 (3), Mon 18 (4), Tue 19 (5).
    expect(fmt(computeAppointment(at('2026-05-12', '09:00'), days(5), cal))).toBe('2026-05-19 17:00');
  });

  it('received on a Saturday online → deemed Monday; 5 working days → Mon 25/5/2026', () => {
    // Sat 16/5 → deemed Mon 18/5; Tue 19 (1) … Fri 22 (4), Mon 25 (5).
    expect(fmt(computeAppointment(at('2026-05-16', '09:00'), days(5), cal))).toBe('2026-05-25 17:00');
  });

  it('after the afternoon cut-off the next working day is the receipt day', () => {
    // Cut-off 16:00: Tue 12/5 16:30 → deemed Wed 13/5; Thu 14 (1) … Wed 20 (5).
    expect(fmt(computeAppointment(at('2026-05-12', '16:30'), days(5), withCutoff))).toBe('2026-05-20 17:00');
    expect(fmt(computeAppointment(at('2026-05-12', '15:59'), days(5), withCutoff))).toBe('2026-05-19 17:00');
  });

  it('across the 2026 Tết break (14–22/2 off)', () => {
    // Mon 9/2 → Tue 10 (1), Wed 11 (2), Thu 12 (3), Fri 13 (4), [14–22 off], Mon 23 (5).
    expect(fmt(computeAppointment(at('2026-02-09', '09:00'), days(5), cal))).toBe('2026-02-23 17:00');
  });

  it('0 working days → the end of the deemed receipt day', () => {
    expect(fmt(computeAppointment(at('2026-05-12', '09:00'), days(0), cal))).toBe('2026-05-12 17:00');
  });

  it('a custom end of day', () => {
    expect(fmt(computeAppointment(at('2026-05-12', '09:00'), days(5), cal, { endOfDay: '16:30' }))).toBe(
      '2026-05-19 16:30',
    );
  });

  it('rejects impossible limits', () => {
    expect(() => computeAppointment(at('2026-05-12', '09:00'), days(-1), cal)).toThrow(RangeError);
    expect(() => computeAppointment(at('2026-05-12', '09:00'), days(1.5), cal)).toThrow(RangeError);
    expect(() => computeAppointment(at('2026-05-12', '09:00'), calendarDays(2.5), cal)).toThrow(RangeError);
    expect(() => computeAppointment(at('2026-05-12', '09:00'), hours(Number.NaN), cal)).toThrow(RangeError);
  });
});

describe('computeAppointment: working hours', () => {
  it('across lunch: Tue 12/5 10:00 + 4 h → 16:00', () => {
    // 10:00–11:30 = 1.5 h; 13:30–16:00 = 2.5 h; total 4 h.
    expect(fmt(computeAppointment(at('2026-05-12', '10:00'), hours(4), cal))).toBe('2026-05-12 16:00');
  });

  it('across the weekend: Fri 15/5 10:30 + 8 h → Mon 18/5 11:00', () => {
    // Fri 10:30–11:30 = 1 h, 13:30–17:00 = 3.5 h (4.5 h); Mon 07:30–11:00 = 3.5 h; total 8 h.
    expect(fmt(computeAppointment(at('2026-05-15', '10:30'), hours(8), cal))).toBe('2026-05-18 11:00');
  });

  it('received during lunch starts at 13:30; 1.5 h → 15:00', () => {
    expect(fmt(computeAppointment(at('2026-05-12', '12:00'), hours(1.5), cal))).toBe('2026-05-12 15:00');
  });

  it('ending exactly at a session end stays there', () => {
    // 07:30–11:30 = 4 h, 13:30–17:00 = 3.5 h → 7.5 h ends at 17:00 the same day.
    expect(fmt(computeAppointment(at('2026-05-12', '07:30'), hours(7.5), cal))).toBe('2026-05-12 17:00');
  });
});

describe('computeAppointment: calendar days', () => {
  it('landing on 30/4 rolls past 30/4, 1/5 and the weekend to Mon 4/5/2026 17:00', () => {
    // Mon 20/4 + 10 = Thu 30/4 (holiday); Fri 1/5 holiday; Sat 2, Sun 3 → Mon 4/5.
    expect(fmt(computeAppointment(at('2026-04-20', '09:00'), calendarDays(10), cal))).toBe(
      '2026-05-04 17:00',
    );
  });

  it('landing on Quốc khánh 2/9/2026 rolls past the adjacent Thu 3/9 to Fri 4/9', () => {
    // Fri 28/8 + 5 = Wed 2/9 (holiday); Thu 3/9 adjacent day off → Fri 4/9.
    expect(fmt(computeAppointment(at('2026-08-28', '09:00'), calendarDays(5), cal))).toBe('2026-09-04 17:00');
  });

  it('a working day stays', () => {
    // Tue 12/5 + 7 = Tue 19/5.
    expect(fmt(computeAppointment(at('2026-05-12', '09:00'), calendarDays(7), cal))).toBe('2026-05-19 17:00');
  });
});

describe('resumeDeadline: the supplement pause', () => {
  it('working days: request Thu 4/6, supplement Mon 8/6 → 2 working days (Fri 5, Mon 8)', () => {
    // Mon 1/6/2026 09:00 + 10 working days = Mon 15/6 (Tue 2 … Fri 5 = 4, Mon 8 … Fri 12 = 9, Mon 15 = 10).
    const d = startDeadline(at('2026-06-01', '09:00'), days(10), cal);
    expect(fmt(d.appointment)).toBe('2026-06-15 17:00');
    const r = resumeDeadline(d, at('2026-06-04', '10:00'), at('2026-06-08', '14:00'), days(10), cal);
    expect(r.shift).toBe(2);
    // Mon 15 + 2 = Wed 17/6. Check by "time left": used Tue 2, Wed 3, Thu 4 (3 of 10); restart after
    // Mon 8: Tue 9 (1) … Fri 12 (4), Mon 15 (5), Tue 16 (6), Wed 17 (7).
    expect(fmt(r.deadline.appointment)).toBe('2026-06-17 17:00');
  });

  it('working days: same-day supplement costs nothing', () => {
    const d = startDeadline(at('2026-06-01', '09:00'), days(10), cal);
    const r = resumeDeadline(d, at('2026-06-04', '08:00'), at('2026-06-04', '16:00'), days(10), cal);
    expect(r.shift).toBe(0);
    expect(r.deadline.appointment).toBe(d.appointment);
  });

  it('working days: a supplement after the cut-off is deemed received the next working day', () => {
    // Cut-off 16:00: Mon 8/6 16:30 → deemed Tue 9/6; paused days in (Thu 4, Tue 9] = Fri 5, Mon 8, Tue 9.
    const d = startDeadline(at('2026-06-01', '09:00'), days(10), withCutoff);
    const r = resumeDeadline(d, at('2026-06-04', '10:00'), at('2026-06-08', '16:30'), days(10), withCutoff);
    expect(r.shift).toBe(3);
    expect(fmt(r.deadline.appointment)).toBe('2026-06-18 17:00');
  });

  it('working days: a supplement sent on a Saturday counts as received on Monday', () => {
    // Request Thu 4/6; supplement Sat 6/6 → deemed Mon 8/6; paused (Thu 4, Mon 8] = Fri 5, Mon 8 = 2.
    const d = startDeadline(at('2026-06-01', '09:00'), days(10), cal);
    const r = resumeDeadline(d, at('2026-06-04', '10:00'), at('2026-06-06', '09:00'), days(10), cal);
    expect(r.shift).toBe(2);
  });

  it('working days across Tết 2026: 4 working days paused', () => {
    // Mon 9/2 + 5 = Mon 23/2. Request Wed 11/2, supplement Tue 24/2: paused (Wed 11, Tue 24] =
    // Thu 12, Fri 13, [14–22 off], Mon 23, Tue 24 = 4 → Mon 23 + 4 = Fri 27/2.
    const d = startDeadline(at('2026-02-09', '09:00'), days(5), cal);
    const r = resumeDeadline(d, at('2026-02-11', '10:00'), at('2026-02-24', '09:00'), days(5), cal);
    expect(r.shift).toBe(4);
    expect(fmt(r.deadline.appointment)).toBe('2026-02-27 17:00');
  });

  it('working hours: 3 office hours paused over lunch', () => {
    // Tue 12/5 08:00 + 8 h: 08:00–11:30 (3.5) + 13:30–17:00 (3.5) + Wed 07:30–08:30 (1) → Wed 08:30.
    const d = startDeadline(at('2026-05-12', '08:00'), hours(8), cal);
    expect(fmt(d.appointment)).toBe('2026-05-13 08:30');
    // Paused 10:00–11:30 (1.5) + 13:30–15:00 (1.5) = 3 h → Wed 08:30 + 3 h = 11:30.
    const r = resumeDeadline(d, at('2026-05-12', '10:00'), at('2026-05-12', '15:00'), hours(8), cal);
    expect(r.shift).toBe(3);
    expect(fmt(r.deadline.appointment)).toBe('2026-05-13 11:30');
  });

  it('working hours: paused over a weekend counts office time only', () => {
    // Fri 15/5 10:30 + 8 h → Mon 18/5 11:00. Paused Fri 16:00–17:00 (1) + Mon 07:30–08:30 (1) = 2 h.
    // Mon 11:00 + 2 h: 11:00–11:30 (0.5) + 13:30–15:00 (1.5) → Mon 15:00.
    // Check by time left: at Fri 16:00, used 1 + 2.5 = 3.5 h, 4.5 h left from Mon 08:30:
    // 08:30–11:30 (3) + 13:30–15:00 (1.5) → 15:00.
    const d = startDeadline(at('2026-05-15', '10:30'), hours(8), cal);
    const r = resumeDeadline(d, at('2026-05-15', '16:00'), at('2026-05-18', '08:30'), hours(8), cal);
    expect(r.shift).toBe(2);
    expect(fmt(r.deadline.appointment)).toBe('2026-05-18 15:00');
  });

  it('working hours: an appointment at 17:00 moves into the next morning', () => {
    // Tue 12/5 07:30 + 7.5 h → Tue 17:00. Paused 08:00–09:00 (1 h) → Wed 08:30.
    const d = startDeadline(at('2026-05-12', '07:30'), hours(7.5), cal);
    const r = resumeDeadline(d, at('2026-05-12', '08:00'), at('2026-05-12', '09:00'), hours(7.5), cal);
    expect(fmt(r.deadline.appointment)).toBe('2026-05-13 08:30');
  });

  it('working hours: a supplement after the cut-off restarts at the next working morning', () => {
    // Cut-off 16:00. Tue 12/5 08:00 + 8 h → Wed 08:30. Paused from Tue 10:00; supplement Tue 16:30
    // → resumes Wed 07:30: paused 10:00–11:30 (1.5) + 13:30–17:00 (3.5) = 5 h → Wed 08:30 + 5 h =
    // 08:30–11:30 (3) + 13:30–15:30 (2) → Wed 15:30.
    const d = startDeadline(at('2026-05-12', '08:00'), hours(8), withCutoff);
    const r = resumeDeadline(d, at('2026-05-12', '10:00'), at('2026-05-12', '16:30'), hours(8), withCutoff);
    expect(r.shift).toBe(5);
    expect(fmt(r.deadline.appointment)).toBe('2026-05-13 15:30');
  });

  it('calendar days: the unrolled end moves, then rolls again', () => {
    // Mon 20/4 + 10 = Thu 30/4 (unrolled) → Mon 4/5. Request Wed 22/4, supplement Fri 24/4: 2 days
    // → unrolled Sat 2/5 → still Mon 4/5 (the pause is absorbed by the holiday roll).
    const d = startDeadline(at('2026-04-20', '09:00'), calendarDays(10), cal);
    expect(fromDayNumber(d.nominalEndDay)).toBe('2026-04-30');
    const r1 = resumeDeadline(d, at('2026-04-22', '10:00'), at('2026-04-24', '09:00'), calendarDays(10), cal);
    expect(r1.shift).toBe(2);
    expect(fromDayNumber(r1.deadline.nominalEndDay)).toBe('2026-05-02');
    expect(fmt(r1.deadline.appointment)).toBe('2026-05-04 17:00');
    // Supplement Tue 28/4: 6 days → unrolled Wed 6/5, a working day.
    const r2 = resumeDeadline(d, at('2026-04-22', '10:00'), at('2026-04-28', '09:00'), calendarDays(10), cal);
    expect(r2.shift).toBe(6);
    expect(fmt(r2.deadline.appointment)).toBe('2026-05-06 17:00');
  });
});

describe('officeMsBetween', () => {
  const H = 3_600_000;
  it('counts only office hours on working days', () => {
    expect(officeMsBetween(cal, at('2026-05-12', '10:00'), at('2026-05-12', '15:00'))).toBe(3 * H);
    // Fri 16:00 → Mon 08:30 = 1 + 1 h.
    expect(officeMsBetween(cal, at('2026-05-15', '16:00'), at('2026-05-18', '08:30'))).toBe(2 * H);
    // Mon 07:30 → Fri 17:00 of the same week = 5 × 7.5 h.
    expect(officeMsBetween(cal, at('2026-05-11', '07:30'), at('2026-05-15', '17:00'))).toBe(37.5 * H);
    // The whole Tết break: Fri 13/2 17:00 → Mon 23/2 07:30 = 0.
    expect(officeMsBetween(cal, at('2026-02-13', '17:00'), at('2026-02-23', '07:30'))).toBe(0);
    expect(officeMsBetween(cal, at('2026-05-12', '15:00'), at('2026-05-12', '10:00'))).toBe(0);
  });
});

// -------------------------------------------------------------------------------------------------
// Properties
// -------------------------------------------------------------------------------------------------

const FIRST = toDayNumber('2024-01-01');
const SPAN = toDayNumber('2026-12-31') - FIRST;
const arbMoment = fc
  .tuple(fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 0, max: 24 * 60 - 1 }))
  .map(([d, min]) => momentOf(fromDayNumber(FIRST + d)) + min * 60_000);

describe('properties', () => {
  it('a working-day appointment is a working day at 17:00, n working days after the deemed receipt day', () => {
    fc.assert(
      fc.property(arbMoment, fc.integer({ min: 0, max: 40 }), (received, n) => {
        const a = computeAppointment(received, days(n), cal);
        const date = dateOfMoment(a);
        expect(cal.isWorkingDay(date)).toBe(true);
        expect(msOfDayOfMoment(a)).toBe(17 * 3_600_000);
        expect(cal.workingDaysBetween(cal.addWorkingDays(received, 0), date)).toBe(n);
      }),
    );
  });

  it('a working-day pause equals restarting with the time left at the request', () => {
    fc.assert(
      fc.property(
        arbMoment,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 * 24 * 20 }),
        (received, n, requestOffsetH, waitMin) => {
          const d = startDeadline(received, days(n), cal);
          const requested = received + requestOffsetH * 3_600_000;
          fc.pre(requested <= d.appointment);
          const resumed = requested + waitMin * 60_000;
          const r = resumeDeadline(d, requested, resumed, days(n), cal);
          const left = cal.workingDaysBetween(dateOfMoment(requested), dateOfMoment(d.appointment));
          expect(dateOfMoment(r.deadline.appointment)).toBe(cal.addWorkingDays(resumed, left));
          expect(r.deadline.appointment).toBeGreaterThanOrEqual(d.appointment);
        },
      ),
    );
  });

  it('an hour pause keeps the office time from receipt to appointment = limit + pause', () => {
    fc.assert(
      fc.property(
        arbMoment,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 60 * 40 }),
        fc.integer({ min: 0, max: 60 * 24 * 10 }),
        (received, halfHours, requestOffsetMin, waitMin) => {
          const limit = hours(halfHours / 2);
          const d = startDeadline(received, limit, cal);
          const requested = received + requestOffsetMin * 60_000;
          fc.pre(requested <= d.appointment);
          const r = resumeDeadline(d, requested, requested + waitMin * 60_000, limit, cal);
          expect(officeMsBetween(cal, received, r.deadline.appointment)).toBe(
            Math.round((limit.amount + r.shift) * 3_600_000),
          );
        },
      ),
    );
  });
});
