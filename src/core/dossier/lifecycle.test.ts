import { describe, expect, it } from 'vitest';
import { TRANSITION_MESSAGES, dueSoon } from './lifecycle.js';
import {
  cal,
  at,
  fmt,
  days,
  hours,
  calendarDays,
  received,
  resolved,
  returned,
  askSupplement,
  gotSupplement,
  transfer,
  R,
  run,
} from './lifecycle.test-support.js';

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

const R6 = at('2026-06-01', '09:00');

describe('replay: supplement pauses', () => {
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
});

describe('replay: supplement pauses with hour and calendar-day limits', () => {
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
