import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createWorkingCalendar,
  formatMoment,
  fromDayNumber,
  momentOf,
  toDayNumber,
} from '../calendar/index.js';
import type { Moment } from '../calendar/index.js';
import {
  TRANSITION_MESSAGES,
  dossierTiming,
  dueSoon,
  isOverdue,
  replay,
  validateTransition,
} from './lifecycle.js';
import type { DossierEvent, DossierState, TimeLimit } from './types.js';

const cal = createWorkingCalendar();
const at = momentOf;
const fmt = (m: Moment | null): string | null => (m === null ? null : formatMoment(m));
const days = (amount: number): TimeLimit => ({ unit: 'working_days', amount });
const hours = (amount: number): TimeLimit => ({ unit: 'working_hours', amount });
const calendarDays = (amount: number): TimeLimit => ({ unit: 'calendar_days', amount });

const received = (m: Moment, channel: 'direct' | 'online' | 'postal' = 'direct'): DossierEvent => ({
  kind: 'received',
  at: m,
  channel,
});
const resolved = (m: Moment): DossierEvent => ({ kind: 'resolved', at: m });
const returned = (m: Moment): DossierEvent => ({ kind: 'returned', at: m, method: 'direct' });
const askSupplement = (m: Moment, reason = 'Thiếu bản sao giấy khai sinh'): DossierEvent => ({
  kind: 'supplement_requested',
  at: m,
  reason,
});
const gotSupplement = (m: Moment): DossierEvent => ({ kind: 'supplement_received', at: m });
const transfer = (m: Moment, from: string, to: string): DossierEvent => ({
  kind: 'transferred',
  at: m,
  from,
  to,
});
const apology = (m: Moment, newAppointment: Moment, reason = 'Cần xác minh thêm'): DossierEvent => ({
  kind: 'apology_issued',
  at: m,
  newAppointment,
  reason,
});

/** The standard case: received Tue 12/5/2026 09:00, 5 working days → Tue 19/5/2026 17:00. */
const R = at('2026-05-12', '09:00');
const FIVE = { limit: days(5), calendar: cal };

function run(events: DossierEvent[], asOf?: Moment, limit: TimeLimit = days(5)): DossierState {
  return replay(events, asOf === undefined ? { limit, calendar: cal } : { limit, calendar: cal, asOf });
}

describe('replay: received → resolved → returned', () => {
  it('early: resolved Mon 18/5, a date before the appointment date Tue 19/5', () => {
    const s = run([received(R), resolved(at('2026-05-18', '10:00')), returned(at('2026-05-19', '09:00'))]);
    expect(s.status).toBe('returned');
    expect(fmt(s.originalAppointment)).toBe('2026-05-19 17:00');
    expect(fmt(s.appointment)).toBe('2026-05-19 17:00');
    expect(s.appointmentDate).toBe('2026-05-19');
    // The end is the first of resolved / returned: 18/5 10:00.
    expect(fmt(s.endedAt)).toBe('2026-05-18 10:00');
    expect(s.endKind).toBe('resolved');
    expect(s.timeliness).toBe('early');
    expect(s.late).toBe(false);
    expect(s.lateSince).toBeNull();
    expect(s.apologyRequired).toBe(false);
    expect(s.returnMethod).toBe('direct');
    expect(fmt(s.returnedAt)).toBe('2026-05-19 09:00');
  });

  it('on time: resolved on the appointment date, before 17:00', () => {
    const s = run([received(R), resolved(at('2026-05-19', '15:00')), returned(at('2026-05-19', '16:00'))]);
    expect(s.timeliness).toBe('on_time');
    expect(s.late).toBe(false);
  });

  it('on time: resolved exactly at the appointment moment (no later than it)', () => {
    expect(run([received(R), resolved(at('2026-05-19', '17:00'))]).timeliness).toBe('on_time');
  });

  it('on time even when the result is returned later: the end is the resolution', () => {
    const s = run([received(R), resolved(at('2026-05-19', '16:00')), returned(at('2026-05-22', '09:00'))]);
    expect(s.timeliness).toBe('on_time');
    expect(fmt(s.endedAt)).toBe('2026-05-19 16:00');
  });

  it('late: resolved Wed 20/5 08:00, late since the appointment passed', () => {
    const s = run([received(R), resolved(at('2026-05-20', '08:00')), returned(at('2026-05-20', '09:00'))]);
    expect(s.timeliness).toBe('late');
    expect(s.late).toBe(true);
    expect(fmt(s.lateSince)).toBe('2026-05-19 17:00');
    expect(s.lateReason).toBe('past_appointment');
    // Late without a Mẫu 04: the flag stays after the end, like the lateness.
    expect(s.apologyRequired).toBe(true);
  });

  it('one minute after the appointment on the same date is late', () => {
    expect(run([received(R), resolved(at('2026-05-19', '17:01'))]).timeliness).toBe('late');
  });

  it('open: received → in progress at the first hand-over; late once asOf passes the appointment', () => {
    const events = [received(R), transfer(at('2026-05-12', '10:00'), 'Bộ phận Một cửa', 'Chuyên viên A')];
    expect(run([received(R)]).status).toBe('received');
    const before = run(events, at('2026-05-19', '17:00'));
    expect(before.status).toBe('in_progress');
    expect(before.late).toBe(false);
    expect(before.timeliness).toBeNull();
    const after = run(events, at('2026-05-19', '17:01'));
    expect(after.late).toBe(true);
    expect(fmt(after.lateSince)).toBe('2026-05-19 17:00');
    expect(after.endedAt).toBeNull();
    expect(after.apologyRequired).toBe(true);
  });

  it('sorts events by time and ignores those after asOf', () => {
    const events = [returned(at('2026-05-19', '09:00')), resolved(at('2026-05-18', '10:00')), received(R)];
    expect(run(events).status).toBe('returned');
    const mid = run(events, at('2026-05-18', '12:00'));
    expect(mid.status).toBe('resolved');
    expect(mid.returnedAt).toBeNull();
    expect(fmt(mid.asOf)).toBe('2026-05-18 12:00');
  });

  it('throws without a received event, or when asOf precedes it', () => {
    expect(() => run([resolved(R)])).toThrow(RangeError);
    expect(() => run([received(R)], R - 1)).toThrow(RangeError);
    expect(() => run([{ kind: 'received', at: R, channel: 'fax' as 'direct' }])).toThrow(
      TRANSITION_MESSAGES.invalidChannel,
    );
  });

  it('lists refused events instead of applying them', () => {
    const s = run([received(R), returned(at('2026-05-13', '09:00')), resolved(at('2026-05-14', '09:00'))]);
    expect(s.status).toBe('resolved');
    expect(s.rejected).toHaveLength(1);
    expect(s.rejected[0]!.message).toBe(TRANSITION_MESSAGES.notResolved);
  });
});

describe('replay: refused and withdrawn', () => {
  it('refused (Mẫu 03) Wed 13/5 ends the dossier early; nothing may follow', () => {
    const s = run([
      received(R),
      { kind: 'refused', at: at('2026-05-13', '10:00'), reasons: ['Không thuộc thẩm quyền'] },
      resolved(at('2026-05-14', '10:00')),
    ]);
    expect(s.status).toBe('refused');
    expect(s.endKind).toBe('refused');
    expect(fmt(s.endedAt)).toBe('2026-05-13 10:00');
    expect(s.refusalReasons).toEqual(['Không thuộc thẩm quyền']);
    expect(s.timeliness).toBe('early');
    expect(s.rejected.map((r) => r.message)).toEqual([
      'Hồ sơ đã bị từ chối giải quyết, không thể ghi nhận giải quyết xong',
    ]);
  });

  it('withdrawn while waiting for a supplement: ended, clock no longer paused', () => {
    const s = run([
      received(R),
      askSupplement(at('2026-05-13', '09:00')),
      { kind: 'withdrawn', at: at('2026-05-25', '09:00') },
    ]);
    expect(s.status).toBe('withdrawn');
    expect(s.endKind).toBe('withdrawn');
    expect(s.awaitingSupplementSince).toBeNull();
    // The clock stopped on Wed 13/5 and never restarted: the wait up to the withdrawal is not
    // counted. Paused (Wed 13, Mon 25] = Thu 14, Fri 15, Mon 18 … Fri 22, Mon 25 = 8 working days →
    // Tue 19/5 + 8 = Wed 20 (1), Thu 21 (2), Fri 22 (3), Mon 25 (4) … Fri 29/5 (8).
    expect(fmt(s.appointment)).toBe('2026-05-29 17:00');
    expect(s.supplements[0]!.receivedAt).toBeNull();
    expect(s.supplements[0]!.shift).toBe(8);
    expect(s.late).toBe(false);
    expect(s.timeliness).toBe('early'); // Mon 25/5 is a date before Fri 29/5
  });

  it('refused while waiting for a supplement that never came (Mẫu 03)', () => {
    // Paused from Mon 18/5 09:00 to the refusal Tue 19/5 10:00: (Mon 18, Tue 19] = 1 → Wed 20/5.
    const s = run([
      received(R),
      askSupplement(at('2026-05-18', '09:00')),
      { kind: 'refused', at: at('2026-05-19', '10:00'), reasons: ['Không bổ sung hồ sơ theo yêu cầu'] },
    ]);
    expect(s.status).toBe('refused');
    expect(fmt(s.appointment)).toBe('2026-05-20 17:00');
    expect(s.timeliness).toBe('early');
  });
});

describe('replay: Mẫu 05 hand-over lines', () => {
  it('trước hạn / đúng hạn / quá hạn against the appointment Tue 19/5 17:00', () => {
    const s = run([
      received(R),
      transfer(at('2026-05-12', '10:00'), 'Bộ phận Một cửa', 'Chuyên viên A'),
      transfer(at('2026-05-19', '09:00'), 'Chuyên viên A', 'Lãnh đạo'),
      transfer(at('2026-05-20', '08:00'), 'Lãnh đạo', 'Bộ phận Một cửa'),
      resolved(at('2026-05-20', '09:00')),
    ]);
    expect(s.handovers.map((h) => [fmt(h.at), h.from, h.to, h.status, h.statusLabel])).toEqual([
      // 12/5 is a date before 19/5 → trước hạn.
      ['2026-05-12 10:00', 'Bộ phận Một cửa', 'Chuyên viên A', 'early', 'Trước hạn'],
      // On 19/5, before 17:00 → đúng hạn.
      ['2026-05-19 09:00', 'Chuyên viên A', 'Lãnh đạo', 'on_time', 'Đúng hạn'],
      // 20/5, after the appointment → quá hạn.
      ['2026-05-20 08:00', 'Lãnh đạo', 'Bộ phận Một cửa', 'late', 'Quá hạn'],
    ]);
    expect(s.holder).toBe('Bộ phận Một cửa');
    expect(s.timeliness).toBe('late');
  });

  it('a hand-over during a pause is measured against the appointment as if the supplement came then', () => {
    // 5 WD → Tue 19/5. Paused from Wed 13/5; hand-over Wed 20/5 10:00: paused (Wed 13, Wed 20] =
    // 5 working days → projected Tue 26/5, so 20/5 is trước hạn.
    const s = run([
      received(R),
      askSupplement(at('2026-05-13', '09:00')),
      transfer(at('2026-05-20', '10:00'), 'Chuyên viên A', 'Chuyên viên B'),
    ]);
    expect(fmt(s.handovers[0]!.appointment)).toBe('2026-05-26 17:00');
    expect(s.handovers[0]!.status).toBe('early');
  });

  it('hand-overs after the resolution are allowed (the result goes back to the desk)', () => {
    const s = run([
      received(R),
      resolved(at('2026-05-18', '10:00')),
      transfer(at('2026-05-18', '11:00'), 'Lãnh đạo', 'Bộ phận Một cửa'),
      returned(at('2026-05-19', '09:00')),
    ]);
    expect(s.rejected).toEqual([]);
    expect(s.handovers).toHaveLength(1);
  });
});

describe('replay: supplement pauses', () => {
  // Mon 1/6/2026 09:00, 10 working days → Mon 15/6 17:00.
  const R6 = at('2026-06-01', '09:00');

  it('one pause across a weekend moves the appointment 2 working days', () => {
    // Request Thu 4/6 10:00, supplement Mon 8/6 14:00: paused (Thu 4, Mon 8] = Fri 5, Mon 8 → Wed 17/6.
    const events = [
      received(R6),
      askSupplement(at('2026-06-04', '10:00')),
      gotSupplement(at('2026-06-08', '14:00')),
      resolved(at('2026-06-17', '10:00')),
    ];
    const waiting = run(events, at('2026-06-05', '09:00'), days(10));
    expect(waiting.status).toBe('awaiting_supplement');
    expect(fmt(waiting.awaitingSupplementSince)).toBe('2026-06-04 10:00');
    expect(fmt(waiting.appointment)).toBe('2026-06-15 17:00'); // not moved until the supplement comes
    const s = run(events, undefined, days(10));
    expect(fmt(s.originalAppointment)).toBe('2026-06-15 17:00');
    expect(fmt(s.appointment)).toBe('2026-06-17 17:00');
    expect(s.supplementRequests).toBe(1);
    expect(s.supplements).toEqual([
      {
        requestedAt: at('2026-06-04', '10:00'),
        reason: 'Thiếu bản sao giấy khai sinh',
        receivedAt: at('2026-06-08', '14:00'),
        shift: 2,
        appointmentBefore: at('2026-06-15', '17:00'),
        appointmentAfter: at('2026-06-17', '17:00'),
      },
    ]);
    // Resolved Wed 17/6 10:00: on the (moved) appointment date → on time, not late although it is
    // after the original appointment.
    expect(s.timeliness).toBe('on_time');
    expect(s.late).toBe(false);
  });

  it('one pause across the 2026 Tết break', () => {
    // Mon 9/2 09:00 + 5 WD = Mon 23/2. Request Wed 11/2, supplement Tue 24/2 → +4 (Thu 12, Fri 13,
    // Mon 23, Tue 24) → Fri 27/2 17:00. While paused, passing Mon 23/2 does not make it late.
    const events = [
      received(at('2026-02-09', '09:00')),
      askSupplement(at('2026-02-11', '10:00')),
      gotSupplement(at('2026-02-24', '09:00')),
    ];
    const during = run(events, at('2026-02-23', '17:30'));
    expect(during.status).toBe('awaiting_supplement');
    expect(during.late).toBe(false);
    expect(during.atRisk).toBe(false);
    expect(dueSoon(during, at('2026-02-23', '10:00'), cal)).toBe(false);
    const s = run(events, at('2026-02-27', '17:00'));
    expect(s.status).toBe('in_progress');
    expect(fmt(s.appointment)).toBe('2026-02-27 17:00');
    expect(s.late).toBe(false);
    expect(run(events, at('2026-02-27', '17:01')).late).toBe(true);
  });

  it('a second supplement request makes the dossier late (national index (check))', () => {
    // Request Thu 4/6, supplement Fri 5/6: +1 (Fri 5) → Tue 16/6. Second request Mon 8/6 09:00:
    // late from then. Supplement Tue 9/6: +1 (Tue 9) → Wed 17/6. Resolved Wed 10/6: before the
    // appointment date, yet late.
    const s = run(
      [
        received(R6),
        askSupplement(at('2026-06-04', '10:00')),
        gotSupplement(at('2026-06-05', '09:00')),
        askSupplement(at('2026-06-08', '09:00'), 'Bản sao chưa chứng thực'),
        gotSupplement(at('2026-06-09', '10:00')),
        resolved(at('2026-06-10', '10:00')),
      ],
      undefined,
      days(10),
    );
    expect(s.supplementRequests).toBe(2);
    expect(s.supplements.map((p) => p.shift)).toEqual([1, 1]);
    expect(fmt(s.appointment)).toBe('2026-06-17 17:00');
    expect(s.late).toBe(true);
    expect(s.lateReason).toBe('second_supplement');
    expect(fmt(s.lateSince)).toBe('2026-06-08 09:00');
    expect(s.timeliness).toBe('late');
    expect(s.apologyRequired).toBe(true);
  });

  it('a request after the appointment passed: already late, the pause does not cure it', () => {
    const s = run([
      received(R),
      askSupplement(at('2026-05-20', '09:00')),
      gotSupplement(at('2026-05-21', '09:00')),
      resolved(at('2026-05-21', '10:00')),
    ]);
    // Paused (Wed 20, Thu 21] = 1 → appointment Wed 20/5, but late since Tue 19/5 17:00.
    expect(fmt(s.appointment)).toBe('2026-05-20 17:00');
    expect(fmt(s.lateSince)).toBe('2026-05-19 17:00');
    expect(s.timeliness).toBe('late');
  });

  it('hours-based limit with a pause across lunch', () => {
    // Tue 12/5 08:00 + 8 h → Wed 13/5 08:30; paused 10:00–15:00 = 3 office hours → Wed 11:30.
    const s = run(
      [
        received(at('2026-05-12', '08:00')),
        askSupplement(at('2026-05-12', '10:00')),
        gotSupplement(at('2026-05-12', '15:00')),
        resolved(at('2026-05-13', '11:00')),
      ],
      undefined,
      hours(8),
    );
    expect(fmt(s.originalAppointment)).toBe('2026-05-13 08:30');
    expect(fmt(s.appointment)).toBe('2026-05-13 11:30');
    expect(s.supplements[0]!.shift).toBe(3);
    expect(s.timeliness).toBe('on_time');
  });

  it('hours-based limit across the weekend: late when resolved after Mon 11:00', () => {
    // Fri 15/5 10:30 + 8 h → Mon 18/5 11:00.
    const s = run(
      [received(at('2026-05-15', '10:30')), resolved(at('2026-05-18', '11:15'))],
      undefined,
      hours(8),
    );
    expect(fmt(s.appointment)).toBe('2026-05-18 11:00');
    expect(s.timeliness).toBe('late');
    expect(fmt(s.lateSince)).toBe('2026-05-18 11:00');
  });

  it('calendar-day limit landing on a holiday: due Mon 4/5 17:00, resolved that day is on time', () => {
    const s = run(
      [received(at('2026-04-20', '09:00')), resolved(at('2026-05-04', '16:00'))],
      undefined,
      calendarDays(10),
    );
    expect(fmt(s.appointment)).toBe('2026-05-04 17:00');
    expect(s.timeliness).toBe('on_time');
  });
});

describe('replay: Mẫu 04 apology', () => {
  it('issued before the appointment: covers the delay until its new date', () => {
    const events = [
      received(R),
      apology(at('2026-05-18', '10:00'), at('2026-05-22', '17:00')),
      resolved(at('2026-05-21', '10:00')),
    ];
    const open = run(events, at('2026-05-20', '10:00'));
    expect(open.late).toBe(true); // the legal appointment Tue 19/5 17:00 has passed
    expect(fmt(open.apologyAppointment)).toBe('2026-05-22 17:00');
    expect(open.apologyRequired).toBe(false);
    expect(open.apologies).toEqual([
      {
        at: at('2026-05-18', '10:00'),
        newAppointment: at('2026-05-22', '17:00'),
        reason: 'Cần xác minh thêm',
        previousAppointment: at('2026-05-19', '17:00'),
      },
    ]);
    const done = run(events);
    // An apology does not make a late dossier on time: the index measures the legal appointment.
    expect(done.timeliness).toBe('late');
    expect(fmt(done.appointment)).toBe('2026-05-19 17:00');
    expect(done.apologyRequired).toBe(false);
    // Still open after the apology's own date: owed again.
    expect(run(events.slice(0, 2), at('2026-05-25', '08:00')).apologyRequired).toBe(true);
  });

  it('issued after the appointment passed: refused, and the apology is still owed', () => {
    const s = run([received(R), apology(at('2026-05-20', '09:00'), at('2026-05-22', '17:00'))]);
    expect(s.rejected.map((r) => r.message)).toEqual([
      'Phiếu xin lỗi phải được ban hành trước thời điểm hẹn trả',
    ]);
    expect(s.apologyAppointment).toBeNull();
    expect(s.late).toBe(true);
    expect(s.apologyRequired).toBe(true);
  });

  it('at risk on the working day before the appointment: an apology is required now', () => {
    const mon = run([received(R)], at('2026-05-18', '09:00'));
    // Mon 18/5 → Tue 19/5 is 1 working day.
    expect(mon.atRisk).toBe(true);
    expect(mon.apologyRequired).toBe(true);
    const wed = run([received(R)], at('2026-05-13', '09:00'));
    expect(wed.atRisk).toBe(false);
    expect(wed.apologyRequired).toBe(false);
    const wider = replay([received(R)], {
      ...FIVE,
      asOf: at('2026-05-15', '09:00'),
      atRiskWithinWorkingDays: 2,
    });
    // Fri 15/5 → Tue 19/5: Mon 18, Tue 19 = 2 working days.
    expect(wider.atRisk).toBe(true);
  });

  it('a second apology must come before the first one’s new date', () => {
    const first = apology(at('2026-05-18', '10:00'), at('2026-05-22', '17:00'));
    const ok = run([received(R), first, apology(at('2026-05-22', '09:00'), at('2026-05-27', '17:00'))]);
    expect(ok.rejected).toEqual([]);
    expect(fmt(ok.apologyAppointment)).toBe('2026-05-27 17:00');
    expect(fmt(ok.apologies[1]!.previousAppointment)).toBe('2026-05-22 17:00');
    const late = run([received(R), first, apology(at('2026-05-25', '09:00'), at('2026-05-27', '17:00'))]);
    expect(late.rejected.map((r) => r.message)).toEqual([TRANSITION_MESSAGES.apologyTooLate]);
  });
});

describe('validateTransition: refused steps', () => {
  const base = run([received(R)], at('2026-05-12', '09:30'));
  const awaiting = run([received(R), askSupplement(at('2026-05-13', '09:00'))]);
  const resolvedState = run([received(R), resolved(at('2026-05-18', '10:00'))]);
  const returnedState = run([
    received(R),
    resolved(at('2026-05-18', '10:00')),
    returned(at('2026-05-18', '11:00')),
  ]);
  const refusedState = run([
    received(R),
    { kind: 'refused', at: at('2026-05-13', '09:00'), reasons: ['Sai mẫu'] },
  ]);
  const withdrawnState = run([received(R), { kind: 'withdrawn', at: at('2026-05-13', '09:00') }]);
  const later = at('2026-05-18', '15:00');

  it('allows the ordinary steps', () => {
    expect(validateTransition(null, received(R))).toBeNull();
    expect(validateTransition(base, askSupplement(later))).toBeNull();
    expect(validateTransition(base, transfer(later, 'Một cửa', 'Chuyên viên'))).toBeNull();
    expect(validateTransition(base, resolved(later))).toBeNull();
    expect(validateTransition(base, { kind: 'refused', at: later, reasons: ['Sai thẩm quyền'] })).toBeNull();
    expect(validateTransition(base, { kind: 'withdrawn', at: later })).toBeNull();
    expect(validateTransition(base, apology(later, at('2026-05-22', '17:00')))).toBeNull();
    expect(validateTransition(awaiting, gotSupplement(later))).toBeNull();
    expect(validateTransition(awaiting, { kind: 'withdrawn', at: later })).toBeNull();
    expect(
      validateTransition(awaiting, { kind: 'refused', at: later, reasons: ['Không bổ sung'] }),
    ).toBeNull();
    expect(validateTransition(resolvedState, returned(later))).toBeNull();
    expect(validateTransition(resolvedState, transfer(later, 'Lãnh đạo', 'Một cửa'))).toBeNull();
  });

  it('nothing before the receipt, no second receipt, no going back in time', () => {
    expect(validateTransition(null, askSupplement(R))).toBe(
      'Hồ sơ chưa được tiếp nhận, không thể yêu cầu bổ sung',
    );
    expect(validateTransition(base, received(later))).toBe('Hồ sơ đã được tiếp nhận');
    expect(validateTransition(base, resolved(R - 60_000))).toBe(TRANSITION_MESSAGES.beforePrevious);
    expect(validateTransition(base, resolved(Number.NaN))).toBe(TRANSITION_MESSAGES.invalidMoment);
    expect(validateTransition(null, { kind: 'received', at: R, channel: 'email' as 'online' })).toBe(
      TRANSITION_MESSAGES.invalidChannel,
    );
  });

  it('nothing after returned, refused or withdrawn', () => {
    expect(validateTransition(returnedState, askSupplement(later))).toBe(
      'Hồ sơ đã trả kết quả, không thể yêu cầu bổ sung',
    );
    expect(validateTransition(returnedState, returned(later))).toBe(
      'Hồ sơ đã trả kết quả, không thể trả kết quả',
    );
    expect(validateTransition(refusedState, transfer(later, 'A', 'B'))).toBe(
      'Hồ sơ đã bị từ chối giải quyết, không thể chuyển xử lý',
    );
    expect(validateTransition(refusedState, resolved(later))).toBe(
      'Hồ sơ đã bị từ chối giải quyết, không thể ghi nhận giải quyết xong',
    );
    expect(validateTransition(withdrawnState, gotSupplement(later))).toBe(
      'Hồ sơ đã được rút, không thể nhận hồ sơ bổ sung',
    );
    expect(validateTransition(withdrawnState, apology(later, at('2026-05-22', '17:00')))).toBe(
      'Hồ sơ đã được rút, không thể ban hành phiếu xin lỗi',
    );
  });

  it('after the resolution: no supplement request, refusal, withdrawal, second resolution or apology', () => {
    expect(validateTransition(resolvedState, askSupplement(later))).toBe(
      'Hồ sơ đã giải quyết xong, không thể yêu cầu bổ sung',
    );
    expect(validateTransition(resolvedState, { kind: 'refused', at: later, reasons: ['x'] })).toBe(
      'Hồ sơ đã giải quyết xong, không thể từ chối giải quyết',
    );
    expect(validateTransition(resolvedState, { kind: 'withdrawn', at: later })).toBe(
      'Hồ sơ đã giải quyết xong, không thể rút hồ sơ',
    );
    expect(validateTransition(resolvedState, resolved(later))).toBe(
      'Hồ sơ đã giải quyết xong, không thể ghi nhận giải quyết xong',
    );
    expect(validateTransition(resolvedState, apology(later, at('2026-05-22', '17:00')))).toBe(
      'Hồ sơ đã giải quyết xong, không thể ban hành phiếu xin lỗi',
    );
    expect(validateTransition(resolvedState, gotSupplement(later))).toBe(TRANSITION_MESSAGES.notAwaiting);
  });

  it('supplements: received only while awaiting; one request at a time; a reason', () => {
    expect(validateTransition(base, gotSupplement(later))).toBe('Hồ sơ không ở trạng thái chờ bổ sung');
    expect(validateTransition(awaiting, askSupplement(later))).toBe(TRANSITION_MESSAGES.alreadyAwaiting);
    expect(validateTransition(awaiting, resolved(later))).toBe(TRANSITION_MESSAGES.awaitingCannotResolve);
    expect(validateTransition(base, askSupplement(later, '  '))).toBe(TRANSITION_MESSAGES.supplementReason);
  });

  it('a result is returned only after the resolution', () => {
    expect(validateTransition(base, returned(later))).toBe(
      'Hồ sơ chưa được giải quyết, chưa thể trả kết quả',
    );
    expect(validateTransition(awaiting, returned(later))).toBe(TRANSITION_MESSAGES.notResolved);
    expect(
      validateTransition(resolvedState, { kind: 'returned', at: later, method: 'fax' as 'direct' }),
    ).toBe(TRANSITION_MESSAGES.invalidReturnMethod);
  });

  it('refusal needs a reason', () => {
    expect(validateTransition(base, { kind: 'refused', at: later, reasons: [] })).toBe(
      TRANSITION_MESSAGES.refusalReasons,
    );
    expect(validateTransition(base, { kind: 'refused', at: later, reasons: [' '] })).toBe(
      TRANSITION_MESSAGES.refusalReasons,
    );
  });

  it('hand-overs: both parties, different, from the current holder', () => {
    expect(validateTransition(base, transfer(later, '', 'B'))).toBe(TRANSITION_MESSAGES.transferParties);
    expect(validateTransition(base, transfer(later, 'A', 'A'))).toBe(TRANSITION_MESSAGES.transferSame);
    const held = run([received(R), transfer(at('2026-05-12', '10:00'), 'Một cửa', 'Chuyên viên A')]);
    expect(validateTransition(held, transfer(later, 'Chuyên viên B', 'Lãnh đạo'))).toBe(
      'Hồ sơ đang do Chuyên viên A giữ, không phải Chuyên viên B',
    );
    expect(validateTransition(held, transfer(later, 'Chuyên viên A', 'Lãnh đạo'))).toBeNull();
  });

  it('apology: before the appointment, with a reason and a later new date', () => {
    const afterAppointment = at('2026-05-19', '17:01');
    expect(validateTransition(base, apology(afterAppointment, at('2026-05-22', '17:00')))).toBe(
      'Phiếu xin lỗi phải được ban hành trước thời điểm hẹn trả',
    );
    expect(validateTransition(base, apology(later, at('2026-05-19', '17:00')))).toBe(
      'Thời điểm hẹn trả mới phải sau thời điểm hẹn trả hiện tại',
    );
    expect(validateTransition(base, apology(later, at('2026-05-22', '17:00'), ''))).toBe(
      TRANSITION_MESSAGES.apologyReason,
    );
    // Waiting for the citizen: the clock is stopped, so the appointment cannot pass meanwhile…
    expect(
      validateTransition(awaiting, apology(at('2026-05-25', '09:00'), at('2026-05-29', '17:00'))),
    ).toBeNull();
    // …unless it had already passed when the supplement was requested.
    const lateThenPaused = run([received(R), askSupplement(at('2026-05-20', '09:00'))]);
    expect(lateThenPaused.lateReason).toBe('past_appointment');
    expect(
      validateTransition(lateThenPaused, apology(at('2026-05-20', '10:00'), at('2026-05-29', '17:00'))),
    ).toBe(TRANSITION_MESSAGES.apologyTooLate);
  });
});

describe('dueSoon, isOverdue, dossierTiming', () => {
  const open = run([received(R)]);

  it('sắp đến hạn: the appointment day or the working day before it', () => {
    // Appointment Tue 19/5 17:00.
    expect(dueSoon(open, at('2026-05-18', '10:00'), cal)).toBe(true); // Mon → Tue: 1 working day
    expect(dueSoon(open, at('2026-05-19', '16:00'), cal)).toBe(true); // same day: 0
    expect(dueSoon(open, at('2026-05-15', '10:00'), cal)).toBe(false); // Fri → Tue: Mon, Tue = 2
    expect(dueSoon(open, at('2026-05-15', '10:00'), cal, 2)).toBe(true);
    expect(dueSoon(open, at('2026-05-19', '17:01'), cal)).toBe(false); // overdue, not "soon"
    expect(isOverdue(open, at('2026-05-19', '17:01'))).toBe(true);
    expect(isOverdue(open, at('2026-05-19', '17:00'))).toBe(false);
  });

  it('not for ended or paused dossiers', () => {
    const done = run([received(R), resolved(at('2026-05-18', '10:00'))]);
    expect(dueSoon(done, at('2026-05-18', '11:00'), cal)).toBe(false);
    expect(isOverdue(done, at('2026-05-25', '11:00'))).toBe(false);
    const paused = run([received(R), askSupplement(at('2026-05-18', '09:00'))]);
    expect(dueSoon(paused, at('2026-05-18', '10:00'), cal)).toBe(false);
  });

  it('dossierTiming copies the stored fields', () => {
    const s = run([received(R, 'online'), resolved(at('2026-05-20', '08:00'))]);
    expect(dossierTiming(s)).toEqual({
      receivedAt: R,
      channel: 'online',
      appointment: at('2026-05-19', '17:00'),
      endedAt: at('2026-05-20', '08:00'),
      endKind: 'resolved',
      late: true,
      lateSince: at('2026-05-19', '17:00'),
      awaitingSupplementSince: null,
      supplementRequests: 0,
    });
  });
});

// -------------------------------------------------------------------------------------------------
// Properties over random event sequences (only the steps validateTransition allows are kept)
// -------------------------------------------------------------------------------------------------

const KINDS = [
  'supplement_requested',
  'supplement_received',
  'transferred',
  'resolved',
  'returned',
  'refused',
  'withdrawn',
  'apology_issued',
] as const;

const FIRST = toDayNumber('2025-01-01');
const arbHistory = fc.record({
  startDay: fc.integer({ min: 0, max: 700 }),
  startMin: fc.integer({ min: 6 * 60, max: 18 * 60 }),
  limit: fc.integer({ min: 1, max: 15 }),
  steps: fc.array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      gapMin: fc.integer({ min: 0, max: 60 * 24 * 4 }),
      newAfterMin: fc.integer({ min: 1, max: 60 * 24 * 10 }),
    }),
    { maxLength: 12 },
  ),
});

type History = typeof arbHistory extends fc.Arbitrary<infer T> ? T : never;

function buildHistory(h: History): { events: DossierEvent[]; limit: TimeLimit } {
  const limit = days(h.limit);
  const start = momentOf(fromDayNumber(FIRST + h.startDay)) + h.startMin * 60_000;
  const events: DossierEvent[] = [received(start)];
  let t = start;
  const holders = ['Một cửa', 'Chuyên viên', 'Lãnh đạo'];
  let holder = 0;
  for (const step of h.steps) {
    t += step.gapMin * 60_000;
    const state = replay(events, { limit, calendar: cal, asOf: t });
    const promise = state.apologyAppointment ?? state.appointment;
    const e: DossierEvent =
      step.kind === 'transferred'
        ? transfer(t, holders[holder % 3]!, holders[(holder + 1) % 3]!)
        : step.kind === 'apology_issued'
          ? apology(t, promise + step.newAfterMin * 60_000)
          : step.kind === 'refused'
            ? { kind: 'refused', at: t, reasons: ['Lý do'] }
            : step.kind === 'supplement_requested'
              ? askSupplement(t)
              : step.kind === 'returned'
                ? returned(t)
                : { kind: step.kind, at: t };
    if (validateTransition(state, e) === null) {
      events.push(e);
      if (e.kind === 'transferred') holder++;
    }
  }
  return { events, limit };
}

describe('lifecycle properties', () => {
  it('replaying accepted steps rejects none; the end is the first end event; late is sticky', () => {
    fc.assert(
      fc.property(arbHistory, fc.integer({ min: 0, max: 60 * 24 * 30 }), (h, extraMin) => {
        const { events, limit } = buildHistory(h);
        const last = events[events.length - 1]!.at;
        const s = replay(events, { limit, calendar: cal, asOf: last + extraMin * 60_000 });
        expect(s.rejected).toEqual([]);
        expect(s.appointment).toBeGreaterThanOrEqual(s.originalAppointment);
        expect(s.timeliness === null).toBe(s.endedAt === null);
        const ends = events.filter(
          (e) => e.kind === 'resolved' || e.kind === 'refused' || e.kind === 'withdrawn',
        );
        expect(s.endedAt).toBe(ends[0]?.at ?? null);
        if (s.supplementRequests > 1) expect(s.late).toBe(true);
        if (s.late && s.endedAt !== null) expect(s.timeliness).toBe('late');
        // Sticky: late at some moment ⇒ late at every later moment.
        const earlier = replay(events, { limit, calendar: cal, asOf: last });
        if (earlier.late) expect(s.late).toBe(true);
        expect(s.handovers.length).toBe(events.filter((e) => e.kind === 'transferred').length);
      }),
      { numRuns: 200 },
    );
  });
});
