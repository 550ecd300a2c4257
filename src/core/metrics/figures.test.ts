import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorkingCalendar, momentOf } from '../calendar/index.js';
import { dossierTiming, replay } from '../dossier/index.js';
import type { Moment } from '../calendar/index.js';
import { feedbackRates, satisfactionRate } from './feedback.js';
import { percent, periodOfDates } from './figure.js';
import { FIGURE_DEFINITIONS, dossierFigures } from './figures.js';
import { DEFAULT_SERVICE_INDEX_RULES, ruleScore, serviceIndexScores } from './scores.js';
import type { DossierSummary } from './types.js';

const at = momentOf;
/** May 2026: 01/05 00:00 to 31/05 23:59:59.999 (Vietnam time). */
const MAY = periodOfDates('2026-05-01', '2026-05-31');

function d(fields: Partial<DossierSummary> & { receivedAt: Moment; appointment: Moment }): DossierSummary {
  return {
    channel: 'direct',
    endedAt: null,
    endKind: null,
    late: false,
    lateSince: null,
    awaitingSupplementSince: null,
    supplementRequests: 0,
    paidOnline: false,
    feeBearing: false,
    digitised: false,
    electronicResult: false,
    ...fields,
  };
}

/**
 * Twenty hand-built dossiers against May 2026. Each line says how it must count.
 * R = received in May; F = finished in May (early / on time / late); P = in progress at 31/05
 * (on time / late); X = not handled in May.
 */
const SET: Record<string, DossierSummary> = {
  // R, F early: ended 08/05, appointment 11/05 (a later date).
  D1: d({
    receivedAt: at('2026-05-04', '09:00'),
    appointment: at('2026-05-11', '17:00'),
    endedAt: at('2026-05-08', '10:00'),
    endKind: 'resolved',
    channel: 'online',
    feeBearing: true,
    paidOnline: true,
    digitised: true,
    electronicResult: true,
    rating: 'very_satisfied',
  }),
  // R, F on time: ended 12/05 15:00, appointment 12/05 17:00 (same date, not after). First end = return.
  D2: d({
    receivedAt: at('2026-05-05', '09:00'),
    appointment: at('2026-05-12', '17:00'),
    endedAt: at('2026-05-12', '15:00'),
    endKind: 'returned',
    feeBearing: true,
    digitised: true,
    rating: 'satisfied',
  }),
  // R, F late: ended 14/05 09:00 after the appointment 13/05 17:00.
  D3: d({
    receivedAt: at('2026-05-06', '09:00'),
    appointment: at('2026-05-13', '17:00'),
    endedAt: at('2026-05-14', '09:00'),
    endKind: 'resolved',
    late: true,
    lateSince: at('2026-05-13', '17:00'),
    channel: 'online',
    digitised: true,
    electronicResult: true,
    rating: 'not_satisfied',
  }),
  // R, F on time: ended exactly at the appointment moment.
  D4: d({
    receivedAt: at('2026-05-07', '09:00'),
    appointment: at('2026-05-14', '17:00'),
    endedAt: at('2026-05-14', '17:00'),
    endKind: 'resolved',
    channel: 'postal',
    rating: 'satisfied',
  }),
  // R, F early: refused 11/05 (Mẫu 03), appointment 15/05. Digitised, no result → fully digitised.
  D5: d({
    receivedAt: at('2026-05-08', '09:00'),
    appointment: at('2026-05-15', '17:00'),
    endedAt: at('2026-05-11', '10:00'),
    endKind: 'refused',
    digitised: true,
  }),
  // R, F early: withdrawn 12/05, appointment 18/05. paidOnline without a fee: not counted.
  D6: d({
    receivedAt: at('2026-05-11', '09:00'),
    appointment: at('2026-05-18', '17:00'),
    endedAt: at('2026-05-12', '10:00'),
    endKind: 'withdrawn',
    channel: 'online',
    paidOnline: true,
  }),
  // R, F late: two supplement requests (stored late), although it ended before its appointment.
  D7: d({
    receivedAt: at('2026-05-12', '09:00'),
    appointment: at('2026-05-19', '17:00'),
    endedAt: at('2026-05-19', '10:00'),
    endKind: 'resolved',
    late: true,
    lateSince: at('2026-05-15', '09:00'),
    supplementRequests: 2,
    channel: 'online',
    feeBearing: true,
    paidOnline: true,
  }),
  // R, F late: two supplement requests even though the stored flag says not late.
  D8: d({
    receivedAt: at('2026-05-13', '09:00'),
    appointment: at('2026-05-20', '17:00'),
    endedAt: at('2026-05-18', '10:00'),
    endKind: 'resolved',
    supplementRequests: 2,
  }),
  // Received in April (not R), F late in May: carried over, ended 05/05 after its 28/04 appointment.
  D9: d({
    receivedAt: at('2026-04-20', '09:00'),
    appointment: at('2026-04-28', '17:00'),
    endedAt: at('2026-05-05', '09:00'),
    endKind: 'resolved',
    late: true,
    lateSince: at('2026-04-28', '17:00'),
    feeBearing: true,
    paidOnline: true,
    complaint: true,
  }),
  // X: finished in April; its rating and complaint do not count in May.
  D10: d({
    receivedAt: at('2026-04-22', '09:00'),
    appointment: at('2026-04-29', '17:00'),
    endedAt: at('2026-04-29', '10:00'),
    endKind: 'resolved',
    rating: 'very_satisfied',
    complaint: true,
  }),
  // R, P on time: appointment 01/06, after the period end.
  D11: d({
    receivedAt: at('2026-05-25', '09:00'),
    appointment: at('2026-06-01', '17:00'),
    channel: 'online',
    feeBearing: true,
    paidOnline: true,
    digitised: true,
  }),
  // R, P late: open, appointment 27/05 passed by 31/05 (stored row not yet marked late).
  D12: d({
    receivedAt: at('2026-05-20', '09:00'),
    appointment: at('2026-05-27', '17:00'),
  }),
  // R, P on time: finished on 03/06, after the period; late only from 02/06 17:00, after 31/05.
  // Has a result without an electronic one → digitised components but not fully digitised.
  D13: d({
    receivedAt: at('2026-05-26', '09:00'),
    appointment: at('2026-06-02', '17:00'),
    endedAt: at('2026-06-03', '09:00'),
    endKind: 'resolved',
    late: true,
    lateSince: at('2026-06-02', '17:00'),
    channel: 'online',
    digitised: true,
  }),
  // R, P on time: waiting for the citizen since 21/05 (clock stopped) although 31/05 is after the
  // pre-pause appointment 22/05.
  D14: d({
    receivedAt: at('2026-05-15', '09:00'),
    appointment: at('2026-05-22', '17:00'),
    awaitingSupplementSince: at('2026-05-21', '09:00'),
    channel: 'postal',
    feeBearing: true,
  }),
  // R, P late: late since 21/05 17:00, then a supplement was requested on 25/05.
  D15: d({
    receivedAt: at('2026-05-14', '09:00'),
    appointment: at('2026-05-21', '17:00'),
    awaitingSupplementSince: at('2026-05-25', '09:00'),
    late: true,
    lateSince: at('2026-05-21', '17:00'),
  }),
  // Received in April (not R), P late: still open, late since 05/05.
  D16: d({
    receivedAt: at('2026-04-28', '09:00'),
    appointment: at('2026-05-05', '17:00'),
    late: true,
    lateSince: at('2026-05-05', '17:00'),
  }),
  // X: received in June.
  D17: d({
    receivedAt: at('2026-06-01', '09:00'),
    appointment: at('2026-06-08', '17:00'),
    channel: 'online',
  }),
  // R, P on time: a row without lateSince / awaitingSupplementSince (older schema) and not late.
  D18: {
    receivedAt: at('2026-05-29', '09:00'),
    channel: 'online',
    appointment: at('2026-06-05', '17:00'),
    endedAt: null,
    endKind: null,
    late: false,
    supplementRequests: 0,
    paidOnline: false,
    feeBearing: false,
    digitised: false,
    electronicResult: false,
  },
  // R, F early: 22/05 before 25/05. Satisfied but complained: counts in both.
  D19: d({
    receivedAt: at('2026-05-18', '09:00'),
    appointment: at('2026-05-25', '17:00'),
    endedAt: at('2026-05-22', '10:00'),
    endKind: 'resolved',
    feeBearing: true,
    digitised: true,
    electronicResult: true,
    rating: 'satisfied',
    complaint: true,
  }),
  // R, F on time: 26/05 08:00 on the appointment date.
  D20: d({
    receivedAt: at('2026-05-19', '09:00'),
    appointment: at('2026-05-26', '17:00'),
    endedAt: at('2026-05-26', '08:00'),
    endKind: 'resolved',
    channel: 'online',
    feeBearing: true,
    paidOnline: true,
    electronicResult: true,
    rating: 'very_satisfied',
  }),
};
const ALL = Object.values(SET);

describe('dossierFigures over twenty hand-built dossiers (May 2026)', () => {
  const f = dossierFigures(ALL, MAY);

  it('received in the period', () => {
    // R = D1–D8, D11–D15, D18–D20 = 16. Online: D1, D3, D6, D7, D11, D13, D18, D20 = 8;
    // postal: D4, D14 = 2; direct: D2, D5, D8, D12, D15, D19 = 6.
    expect(f.received).toEqual({ total: 16, online: 8, direct: 6, postal: 2 });
  });

  it('finished in the period: early / on time / late', () => {
    // Early D1, D5, D6, D19 = 4; on time D2, D4, D20 = 3; late D3, D7, D8, D9 = 4; total 11.
    // Kinds: resolved D1, D3, D4, D7, D8, D9, D19, D20 = 8; returned D2; refused D5; withdrawn D6.
    expect(f.finished).toEqual({
      total: 11,
      early: 4,
      onTime: 3,
      late: 4,
      resolved: 8,
      returned: 1,
      refused: 1,
      withdrawn: 1,
    });
  });

  it('in progress at the period end: on time / late', () => {
    // On time D11, D13, D14, D18 = 4; late D12, D15, D16 = 3.
    expect(f.inProgress).toEqual({ total: 7, onTime: 4, late: 3 });
    // Handled = 11 + 7 = 18 (all but D10 finished in April and D17 received in June).
    expect(f.handled).toBe(18);
  });

  it('on-time rate = (4 + 3 + 4) ÷ 18 = 61.11 %', () => {
    // 11 / 18 = 0.61111… → 61.11.
    expect(f.onTimeRate).toEqual({
      value: 61.11,
      numerator: 11,
      denominator: 18,
      definition: FIGURE_DEFINITIONS.onTimeRate,
    });
    // Late (4 + 3) ÷ 18 = 38.888… → 38.89.
    expect(f.lateRate).toMatchObject({ value: 38.89, numerator: 7, denominator: 18 });
  });

  it('online share = 8 ÷ 16 = 50 %', () => {
    expect(f.onlineShare).toMatchObject({ value: 50, numerator: 8, denominator: 16 });
  });

  it('online payment = 4 ÷ 7 = 57.14 %', () => {
    // Fee-bearing received in May: D1, D2, D7, D11, D14, D19, D20 = 7 (D9 is April's);
    // paid online among them: D1, D7, D11, D20 = 4 (D6 paid without a fee: ignored). 4/7 = 0.571428…
    expect(f.onlinePaymentShare).toMatchObject({ value: 57.14, numerator: 4, denominator: 7 });
  });

  it('digitisation', () => {
    // Components digitised: D1, D2, D3, D5, D11, D13, D19 = 7 of 16 = 43.75 %.
    expect(f.componentDigitisation).toMatchObject({ value: 43.75, numerator: 7, denominator: 16 });
    // Fully (components and, when there is a result, an electronic one): D1, D3, D5 (refused, no
    // result), D11 (open), D19 = 5 of 16 = 31.25 %. D2 and D13 have a result on paper only.
    expect(f.digitisation).toMatchObject({ value: 31.25, numerator: 5, denominator: 16 });
    // Electronic results among May's results (resolved/returned): D1, D2, D3, D4, D7, D8, D9, D19,
    // D20 = 9; electronic: D1, D3, D19, D20 = 4 → 44.444… → 44.44 %.
    expect(f.electronicResultShare).toMatchObject({ value: 44.44, numerator: 4, denominator: 9 });
  });

  it('satisfaction = (2 very + 3 satisfied) ÷ 6 rated = 83.33 %', () => {
    // Rated among May's finished: D1 very, D2 sat, D3 not, D4 sat, D19 sat, D20 very (D10 is April's).
    expect(f.ratings).toEqual({ verySatisfied: 2, satisfied: 3, notSatisfied: 1 });
    expect(f.satisfaction).toMatchObject({ value: 83.33, numerator: 5, denominator: 6 });
  });

  it('dossier satisfaction (Decision 766) = 100 % − (7 + 3) ÷ 18 = 44.44 %', () => {
    // Complaint or not satisfied among handled: D3 (not satisfied), D9, D19 (complaints) = 3.
    // (18 − 7 − 3) / 18 = 8/18 = 0.4444… → 44.44.
    expect(f.complaintsOrNotSatisfied).toBe(3);
    expect(f.dossierSatisfaction).toMatchObject({ value: 44.44, numerator: 8, denominator: 18 });
  });

  it('every figure carries its Vietnamese definition', () => {
    for (const key of Object.keys(FIGURE_DEFINITIONS) as (keyof typeof FIGURE_DEFINITIONS)[]) {
      expect(f[key].definition).toBe(FIGURE_DEFINITIONS[key]);
      expect(f[key].definition.length).toBeGreaterThan(40);
    }
  });

  it('a period with no dossiers: counts 0, rates null (no data), never 0 % or 100 %', () => {
    const empty = dossierFigures([], MAY);
    expect(empty.handled).toBe(0);
    expect(empty.onTimeRate.value).toBeNull();
    expect(empty.onlineShare.value).toBeNull();
    expect(() => dossierFigures([], { from: MAY.to, to: MAY.from })).toThrow(RangeError);
  });

  it('the same set in April 2026', () => {
    const april = dossierFigures(ALL, periodOfDates('2026-04-01', '2026-04-30'));
    // Received in April: D9 (20/4), D10 (22/4), D16 (28/4) = 3.
    expect(april.received.total).toBe(3);
    // Finished in April: D10 on 29/04 10:00, appointment 29/04 17:00 → on time.
    expect(april.finished).toMatchObject({ total: 1, early: 0, onTime: 1, late: 0 });
    // Open at 30/04 23:59: D9 (appointment 28/04 passed, late since 28/04) → late; D16
    // (appointment 05/05, late only since 05/05) → on time.
    expect(april.inProgress).toEqual({ total: 2, onTime: 1, late: 1 });
    // (1 + 1) ÷ 3 = 66.67 %.
    expect(april.onTimeRate).toMatchObject({ value: 66.67, numerator: 2, denominator: 3 });
  });
});

describe('Decision 766 scores over the same set (check)', () => {
  const f = dossierFigures(ALL, MAY);
  const feedback = feedbackRates({ received: 20, answeredOnTime: 17, answered: 19, published: 15 });
  const pakn = satisfactionRate({ verySatisfied: 4, satisfied: 5, notSatisfied: 1 });

  it('each part by hand', () => {
    const r = serviceIndexScores(f, { feedbackOnTime: feedback.answeredOnTime, feedbackSatisfaction: pakn });
    const byKey = Object.fromEntries(r.items.map((i) => [i.key, i.score]));
    expect(byKey).toEqual({
      tien_do: 12.22, // 11/18 × 20 = 12.222…
      truc_tuyen: 12, // 50 % ≥ 50 % → full
      thanh_toan: 5.71, // 4/7 × 10 = 5.714…
      so_hoa: 8.59, // 31.25 % < 80 % → 31.25 × 22 ÷ 80 = 8.59375
      hai_long_pakn_dung_han: 5.1, // 17/20 = 85 % × 6
      hai_long_pakn: 5.4, // 9/10 = 90 % × 6
      hai_long_ho_so: 2.96, // 44.44… % < 90 % → 44.444… × 6 ÷ 90 = 2.962…
    });
    // 12.22 + 12 + 5.71 + 8.59 + 5.1 + 5.4 + 2.96 = 51.98 of 20 + 12 + 10 + 22 + 6 + 6 + 6 = 82.
    expect(r.score).toBe(51.98);
    expect(r.measurableMax).toBe(82);
    const groups = Object.fromEntries(r.groups.map((g) => [g.key, [g.score, g.measurableMax, g.max]]));
    expect(groups).toEqual({
      cong_khai: [null, 0, 18], // not computable from the unit's registers
      tien_do: [12.22, 20, 20],
      truc_tuyen: [12, 12, 12],
      thanh_toan: [5.71, 10, 10],
      so_hoa: [8.59, 22, 22],
      hai_long: [13.46, 18, 18], // 5.1 + 5.4 + 2.96
    });
  });

  it('without feedback figures those parts are not measurable (null), not zero', () => {
    const r = serviceIndexScores(f);
    expect(r.items.find((i) => i.key === 'hai_long_pakn')!.score).toBeNull();
    // 12.22 + 12 + 5.71 + 8.59 + 2.96 = 41.48 of 70.
    expect(r.score).toBe(41.48);
    expect(r.measurableMax).toBe(70);
  });

  it('weights are data: a caller may pass its own rules', () => {
    const rules = DEFAULT_SERVICE_INDEX_RULES.map((rule) =>
      rule.key === 'truc_tuyen' ? { ...rule, fullAtPercent: 100 } : rule,
    );
    const r = serviceIndexScores(f, { rules });
    // 50 % with full points only at 100 %: 50 × 12 ÷ 100 = 6.
    expect(r.items.find((i) => i.key === 'truc_tuyen')!.score).toBe(6);
  });

  it('ruleScore: proportional below the full-points rate, capped above, null without data', () => {
    expect(ruleScore({ max: 12, fullAtPercent: 50 }, 1, 4)).toBe(6); // 25 % × 12 ÷ 50 %
    expect(ruleScore({ max: 12, fullAtPercent: 50 }, 3, 5)).toBe(12); // 60 % ≥ 50 %
    expect(ruleScore({ max: 22, fullAtPercent: 80 }, 4, 5)).toBe(22); // exactly 80 %
    expect(ruleScore({ max: 20, fullAtPercent: 100 }, 0, 5)).toBe(0);
    expect(ruleScore({ max: 20, fullAtPercent: 100 }, 0, 0)).toBeNull();
  });
});

describe('percent, periodOfDates, satisfaction and feedback helpers', () => {
  it('rounds half-up to 2 decimals, exactly', () => {
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1005, 100_000)).toBe(1.01); // 1.005 % → 1.01, no float artefact
    expect(percent(0, 7)).toBe(0);
    expect(percent(7, 7)).toBe(100);
    expect(percent(0, 0)).toBeNull();
  });

  it('periodOfDates covers both days whole', () => {
    expect(MAY.from).toBe(at('2026-05-01'));
    expect(MAY.to).toBe(at('2026-06-01') - 1);
    expect(() => periodOfDates('2026-05-31', '2026-05-01')).toThrow(RangeError);
  });

  it('satisfactionRate', () => {
    // (3 + 5) ÷ (3 + 5 + 2) = 80 %.
    expect(satisfactionRate({ verySatisfied: 3, satisfied: 5, notSatisfied: 2 })).toMatchObject({
      value: 80,
      numerator: 8,
      denominator: 10,
    });
    expect(satisfactionRate({ verySatisfied: 0, satisfied: 0, notSatisfied: 0 }).value).toBeNull();
    expect(() => satisfactionRate({ verySatisfied: -1, satisfied: 0, notSatisfied: 0 })).toThrow(RangeError);
  });

  it('feedbackRates: answered on time ÷ received, published ÷ answered', () => {
    const r = feedbackRates({ received: 12, answeredOnTime: 9, answered: 11, published: 10 });
    expect(r.answeredOnTime).toMatchObject({ value: 75, numerator: 9, denominator: 12 }); // 9/12
    expect(r.published).toMatchObject({ value: 90.91, numerator: 10, denominator: 11 }); // 10/11 = 0.90909…
    expect(r.answeredOnTime.definition).toContain('phản ánh, kiến nghị');
    expect(() => feedbackRates({ received: 5, answeredOnTime: 6, answered: 6, published: 0 })).toThrow(
      RangeError,
    );
    expect(() => feedbackRates({ received: 5, answeredOnTime: 1, answered: 2, published: 3 })).toThrow(
      RangeError,
    );
  });
});

// -------------------------------------------------------------------------------------------------
// Properties
// -------------------------------------------------------------------------------------------------

const HOUR = 3_600_000;
const BASE = at('2026-04-01');
const arbSummary: fc.Arbitrary<DossierSummary> = fc
  .record({
    receivedH: fc.integer({ min: 0, max: 24 * 120 }),
    appointmentH: fc.integer({ min: 0, max: 24 * 30 }),
    endedH: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: null }),
    endKind: fc.constantFrom('resolved', 'returned', 'refused', 'withdrawn' as const),
    late: fc.boolean(),
    lateSinceH: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: null }),
    pausedH: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: null }),
    supplementRequests: fc.integer({ min: 0, max: 3 }),
    channel: fc.constantFrom('direct', 'online', 'postal' as const),
    flags: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    rating: fc.option(fc.constantFrom('very_satisfied', 'satisfied', 'not_satisfied' as const), {
      nil: undefined,
    }),
  })
  .map((x) => {
    const receivedAt = BASE + x.receivedH * HOUR;
    const endedAt = x.endedH === null ? null : receivedAt + x.endedH * HOUR;
    return {
      receivedAt,
      channel: x.channel,
      appointment: receivedAt + x.appointmentH * HOUR,
      endedAt,
      endKind: endedAt === null ? null : x.endKind,
      late: x.late,
      lateSince: x.lateSinceH === null ? null : receivedAt + x.lateSinceH * HOUR,
      awaitingSupplementSince: x.pausedH === null || endedAt !== null ? null : receivedAt + x.pausedH * HOUR,
      supplementRequests: x.supplementRequests,
      paidOnline: x.flags[0]!,
      feeBearing: x.flags[1]!,
      digitised: x.flags[2]!,
      electronicResult: x.flags[3]!,
      complaint: x.flags[4]!,
      rating: x.rating,
    };
  });

const arbPeriod = fc
  .tuple(fc.integer({ min: 0, max: 24 * 100 }), fc.integer({ min: 0, max: 24 * 60 }))
  .map(([a, len]) => ({ from: BASE + a * HOUR, to: BASE + (a + len) * HOUR + HOUR - 1 }));

/** An on-time dossier for `period`: finished on time inside it, or in progress well before its appointment. */
const arbOnTime = (period: { from: number; to: number }): fc.Arbitrary<DossierSummary> =>
  fc.boolean().map((finished) =>
    finished
      ? d({
          receivedAt: period.from,
          appointment: period.to + 10 * HOUR,
          endedAt: period.from,
          endKind: 'resolved',
        })
      : d({ receivedAt: period.from, appointment: period.to + 10 * HOUR }),
  );

describe('figure properties', () => {
  it('counts add up; rates within [0, 100]; numerators ≤ denominators', () => {
    fc.assert(
      fc.property(fc.array(arbSummary, { maxLength: 60 }), arbPeriod, (xs, period) => {
        const f = dossierFigures(xs, period);
        expect(f.finished.early + f.finished.onTime + f.finished.late).toBe(f.finished.total);
        expect(f.finished.resolved + f.finished.returned + f.finished.refused + f.finished.withdrawn).toBe(
          f.finished.total,
        );
        expect(f.inProgress.onTime + f.inProgress.late).toBe(f.inProgress.total);
        expect(f.handled).toBe(f.finished.total + f.inProgress.total);
        expect(f.received.online + f.received.direct + f.received.postal).toBe(f.received.total);
        for (const fig of [
          f.onTimeRate,
          f.lateRate,
          f.onlineShare,
          f.onlinePaymentShare,
          f.componentDigitisation,
          f.electronicResultShare,
          f.digitisation,
          f.satisfaction,
          f.dossierSatisfaction,
        ]) {
          expect(fig.numerator).toBeGreaterThanOrEqual(0);
          expect(fig.numerator).toBeLessThanOrEqual(fig.denominator);
          if (fig.denominator === 0) expect(fig.value).toBeNull();
          else {
            expect(fig.value).toBeGreaterThanOrEqual(0);
            expect(fig.value).toBeLessThanOrEqual(100);
          }
        }
        // On time and late partition the handled dossiers.
        expect(f.onTimeRate.numerator + f.lateRate.numerator).toBe(f.handled);
      }),
    );
  });

  it('order does not matter, and figures of a union are sums of the parts', () => {
    fc.assert(
      fc.property(
        fc.array(arbSummary, { maxLength: 40 }),
        fc.array(arbSummary, { maxLength: 40 }),
        arbPeriod,
        (a, b, p) => {
          const fa = dossierFigures(a, p);
          const fb = dossierFigures(b, p);
          const fab = dossierFigures([...a, ...b], p);
          expect(dossierFigures([...b, ...a], p)).toEqual(fab);
          expect(fab.handled).toBe(fa.handled + fb.handled);
          expect(fab.onTimeRate.numerator).toBe(fa.onTimeRate.numerator + fb.onTimeRate.numerator);
          expect(fab.received.total).toBe(fa.received.total + fb.received.total);
        },
      ),
    );
  });

  it('adding an on-time dossier never lowers the on-time rate; adding a late one never raises it', () => {
    fc.assert(
      fc.property(
        fc.array(arbSummary, { maxLength: 60 }),
        arbPeriod.chain((p) => fc.tuple(fc.constant(p), arbOnTime(p))),
        (xs, [period, extra]) => {
          const before = dossierFigures(xs, period).onTimeRate;
          const after = dossierFigures([...xs, extra], period).onTimeRate;
          expect(after.denominator).toBe(before.denominator + 1);
          expect(after.numerator).toBe(before.numerator + 1);
          // (n + 1)/(d + 1) ≥ n/d, compared exactly by cross-multiplication, and on the rounded values.
          expect(after.numerator * before.denominator).toBeGreaterThanOrEqual(
            before.numerator * after.denominator,
          );
          expect(after.value!).toBeGreaterThanOrEqual(before.value ?? 0);
          const late = d({ receivedAt: period.from, appointment: period.from, endedAt: null });
          const worse = dossierFigures([...xs, late], period).onTimeRate;
          expect(worse.value!).toBeLessThanOrEqual(before.value ?? 100);
        },
      ),
    );
  });

  it('an open dossier past its appointment at the period end is always in the denominator, as late', () => {
    fc.assert(
      fc.property(fc.array(arbSummary, { maxLength: 30 }), arbPeriod, (xs, period) => {
        const overdue = d({ receivedAt: period.from - 10 * HOUR, appointment: period.from - HOUR });
        const before = dossierFigures(xs, period);
        const after = dossierFigures([...xs, overdue], period);
        expect(after.handled).toBe(before.handled + 1);
        expect(after.inProgress.late).toBe(before.inProgress.late + 1);
      }),
    );
  });
});

describe('from replayed dossiers to figures', () => {
  it('replay → dossierTiming → a summary row → the period figures', () => {
    const calendar = createWorkingCalendar();
    const limit = { unit: 'working_days', amount: 5 } as const;
    const flags = { paidOnline: false, feeBearing: false, digitised: false, electronicResult: false };
    const row = (events: Parameters<typeof replay>[0]): DossierSummary => ({
      ...dossierTiming(replay(events, { limit, calendar, asOf: at('2026-06-10') })),
      ...flags,
    });
    const rows = [
      // Received Tue 12/5 09:00 → due Tue 19/5 17:00; still open on 31/05 → late in progress.
      row([{ kind: 'received', at: at('2026-05-12', '09:00'), channel: 'online' }]),
      // Received Mon 25/5 → due Mon 1/6; resolved Tue 2/6 (after the period): on time at 31/05.
      row([
        { kind: 'received', at: at('2026-05-25', '09:00'), channel: 'direct' },
        { kind: 'resolved', at: at('2026-06-02', '09:00') },
      ]),
      // Received Wed 13/5 → due Wed 20/5; resolved Mon 18/5 → early.
      row([
        { kind: 'received', at: at('2026-05-13', '09:00'), channel: 'direct' },
        { kind: 'resolved', at: at('2026-05-18', '09:00') },
      ]),
    ];
    const f = dossierFigures(rows, MAY);
    expect(f.finished).toMatchObject({ total: 1, early: 1 });
    expect(f.inProgress).toEqual({ total: 2, onTime: 1, late: 1 });
    // (1 + 1) ÷ 3 = 66.67 %.
    expect(f.onTimeRate).toMatchObject({ value: 66.67, numerator: 2, denominator: 3 });
  });
});
