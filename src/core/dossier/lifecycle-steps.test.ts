import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, momentOf, toDayNumber } from '../calendar/index.js';
import {
  TRANSITION_MESSAGES,
  dossierTiming,
  dueSoon,
  isOverdue,
  replay,
  validateTransition,
} from './lifecycle.js';
import type { DossierEvent, TimeLimit } from './types.js';
import {
  cal,
  at,
  fmt,
  days,
  received,
  resolved,
  returned,
  askSupplement,
  gotSupplement,
  transfer,
  apology,
  R,
  FIVE,
  run,
} from './lifecycle.test-support.js';

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

describe('validateTransition: refused steps', () => {
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
});

describe('validateTransition: supplements, results, hand-overs and apologies', () => {
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
