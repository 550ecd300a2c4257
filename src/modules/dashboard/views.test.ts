import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, makeApp, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { importPlan, smallPlanText } from '../../../tests/support/plans.js';
import { figuresFromCounters } from '../../core/metrics/index.js';
import type { Clock } from '../../lib/clock.js';
import { dossierCountersByUnitSql, insertDossier, insertProcedure } from '../dossiers/repository.js';
import { vietnamDayStart } from '../dossiers/summary.js';
import type { PlanDetail } from '../plans/schema.js';
import type { SuperiorDashboard, UnitDashboard } from './schema.js';
import { dashboardViewsService } from './views.js';

const NOW = '2026-05-20T03:00:00.000Z'; // Wednesday 20 May 2026, 10:00 in Vietnam
const clock: Clock = { now: () => new Date(NOW) };
const vn = (s: string) => new Date(`${s}+07:00`).toISOString();

interface D {
  received: string;
  appointment: string;
  ended?: string;
  late?: boolean;
  channel?: 'direct' | 'online';
}

describeEachDb('unit and superior dashboards', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  let S: { id: number; path: string };
  let A: { id: number; path: string };
  let B: { id: number; path: string };
  let B1: { id: number; path: string };
  let cookieS: string;
  let cookieA: string;
  let cookieB1: string;
  let planA: PlanDetail;
  let seq = 0;

  async function dossiers(unitId: number, list: D[]) {
    const now = new Date().toISOString();
    const proc = await insertProcedure(tdb.db.kysely, {
      unit_id: unitId,
      code: `P${seq++}`,
      name: 'Cấp giấy xác nhận',
      field: null,
      limit_unit: 'working_days',
      limit_amount: 5,
      fee_text: null,
      fee_bearing: 0,
      online_level: 'full',
      result_type: 'paper',
      active: 1,
      created_at: now,
      updated_at: now,
    });
    for (const d of list)
      await insertDossier(tdb.db.kysely, {
        unit_id: unitId,
        procedure_id: proc.id,
        code: `D${unitId}-${seq++}`,
        channel: d.channel ?? 'direct',
        applicant_name: 'Nguyễn Văn An',
        documents_json: '[]',
        received_at: vn(d.received),
        original_appointment_at: vn(d.appointment),
        appointment_at: vn(d.appointment),
        appointment_day_start: vietnamDayStart(Date.parse(vn(d.appointment))),
        status: d.ended ? 'resolved' : 'in_progress',
        ended_at: d.ended ? vn(d.ended) : null,
        end_kind: d.ended ? 'resolved' : null,
        late: d.late ? 1 : 0,
        late_since: d.late ? vn(d.appointment) : null,
        supplement_requests: 0,
        fee_bearing: 0,
        paid_online: 0,
        digitised: 0,
        electronic_result: 0,
        signed_result: 0,
        complaint: 0,
        created_at: now,
        updated_at: now,
      });
  }

  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { clock });
    S = await createUnit(t, { kind: 'department', name: 'Phòng Giáo dục thử' });
    A = await createUnit(t, { parentId: S.id, name: 'Trường A' });
    B = await createUnit(t, { parentId: S.id, name: 'Trường B' });
    B1 = await createUnit(t, { parentId: B.id, name: 'Điểm trường B1' });
    cookieS = (await userWithSession(t, S.id, ['reviewer'])).cookie;
    cookieA = (await userWithSession(t, A.id, ['head'])).cookie;
    cookieB1 = (await userWithSession(t, B1.id, ['head'])).cookie;
    // A: Q1 one early and one late; Q2 one on time (same day), one open past its appointment,
    // one open within it. B1: Q1 one early; Q2 one open past its appointment.
    await dossiers(A.id, [
      { received: '2026-02-02T08:00:00', appointment: '2026-02-09T17:00:00', ended: '2026-02-05T09:00:00' },
      {
        received: '2026-02-10T08:00:00',
        appointment: '2026-02-17T17:00:00',
        ended: '2026-02-20T09:00:00',
        late: true,
      },
      { received: '2026-05-04T08:00:00', appointment: '2026-05-11T17:00:00' },
      { received: '2026-05-15T08:00:00', appointment: '2026-05-22T17:00:00' },
      {
        received: '2026-04-06T08:00:00',
        appointment: '2026-04-13T17:00:00',
        ended: '2026-04-13T10:00:00',
        channel: 'online',
      },
    ]);
    await dossiers(B1.id, [
      { received: '2026-03-02T08:00:00', appointment: '2026-03-09T17:00:00', ended: '2026-03-06T09:00:00' },
      { received: '2026-05-05T08:00:00', appointment: '2026-05-12T17:00:00' },
    ]);
    const { planId } = await importPlan(
      t,
      cookieA,
      A.id,
      // Its satisfaction target would be measured by the surveys: this one stays entered by hand.
      smallPlanText({ year: 2026, unitName: 'Trường A' }).replaceAll(
        'Mức độ hài lòng của người dân đạt 100%.',
        'Tỷ lệ cán bộ được bồi dưỡng kiến thức cải cách hành chính đạt 100%.',
      ),
    );
    let plan = (
      await t.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: { cookie: cookieA } })
    ).json<PlanDetail>();
    // One task done; one hand-entered target value.
    const done = plan.tasks.find((x) => x.code === '2.1')!;
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/tasks/${done.id}`,
          headers: { cookie: cookieA },
          payload: { status: 'done', completedOn: '2026-05-10' },
        })
      ).statusCode,
    ).toBe(200);
    const byHand = plan.targets.find(
      (x) => !x.isGroup && x.metric === null && x.threshold?.kind === 'percent',
    )!;
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/targets/${byHand.id}`,
          headers: { cookie: cookieA },
          payload: { achievedValue: 100 },
        })
      ).statusCode,
    ).toBe(200);
    plan = (
      await t.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: { cookie: cookieA } })
    ).json<PlanDetail>();
    planA = plan;
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  const get = async <T>(url: string, cookie: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    return { status: res.statusCode, body: res.json<T>() };
  };

  /** Tasks with an open occurrence due before today, and occurrences due in [today, until], by hand. */
  function taskDeadlines(plan: PlanDetail, today: string, until: string) {
    const open = plan.tasks.filter((x) => x.status !== 'done' && x.status !== 'not_applicable');
    const overdue = open.filter((x) =>
      x.occurrences.some((o) => o.status === 'pending' && o.due !== null && o.due < today),
    ).length;
    const upcoming = open.flatMap((x) =>
      x.occurrences
        .filter((o) => o.status === 'pending' && o.due !== null && o.due >= today && o.due <= until)
        .map((o) => o.id),
    );
    return { overdue, upcoming: upcoming.sort((a, b) => a - b) };
  }

  it("a unit's dashboard: targets measured as on the plan page, quarters, tasks, deadlines, late dossiers", async () => {
    const { status, body: d } = await get<UnitDashboard>(`/api/dashboard/unit/${A.id}`, cookieA);
    expect(status).toBe(200);
    expect(d.year).toBe(2026);
    expect(d.today).toBe('2026-05-20');
    expect(d.period).toEqual({ from: vn('2026-01-01T00:00:00'), to: NOW });
    // Dossiers of the year: 5 received; handled 5; early + on time + open on time = 3 → 60 %.
    expect(d.dossiers).toMatchObject({ received: 5, handled: 5, onTimeRate: 60, lateOpen: 1 });
    expect(d.dossiers.late.map((x) => x.appointmentAt)).toEqual([vn('2026-05-11T17:00:00')]);
    // Quarters: Q1 2 handled, 1 on time (50 %); Q2 up to now 3 handled, 2 on time, 1 online of 3.
    expect(d.trend.map((q) => [q.quarter, q.received, q.handled, q.onTimeRate, q.onlineShare])).toEqual([
      [1, 2, 2, 50, 0],
      [2, 3, 3, 66.67, 33.33],
    ]);
    expect(d.trend[1]!.to).toBe(NOW);
    // Targets: the same value and state as the plan page (the plans service's measuring); the
    // bound on-time targets read 60 %.
    const own = planA.targets.filter((x) => !x.isGroup);
    expect(d.targets.map((x) => [x.id, x.state])).toEqual(own.map((x) => [x.id, x.state]));
    const bound = d.targets.filter((x) => x.metric === 'dossier_on_time');
    expect(bound.length).toBeGreaterThan(0);
    for (const x of bound) expect([x.value, x.state]).toEqual([60, 'not_met']);
    expect(d.targets.some((x) => x.state === 'met' && x.value === 100)).toBe(true);
    const states = { met: 0, at_risk: 0, not_met: 0, unknown: 0 };
    for (const x of own) states[x.state]++;
    expect(d.targetStates).toEqual(states);
    // Tasks: 3 in two areas, one done → 33 %.
    expect(d.tasks.totals).toEqual({ not_started: 2, in_progress: 0, done: 1, not_applicable: 0 });
    expect(d.tasks.percentDone).toBe(33);
    expect(d.tasks.areas.map((a) => [a.code, a.counts.done, a.counts.not_started])).toEqual([
      ['1', 0, 2],
      ['2', 1, 0],
    ]);
    // Ten working days from Wednesday 20 May 2026 (no holiday in between): Wednesday 3 June.
    expect(d.deadlines.until).toBe('2026-06-03');
    const hand = taskDeadlines(planA, d.today, d.deadlines.until);
    expect(d.overdueTasks).toBe(hand.overdue);
    expect(d.deadlines.items.map((x) => x.id).sort((a, b) => a - b)).toEqual(hand.upcoming);
    expect(d.deadlines.total).toBe(hand.upcoming.length);
    // The unit's feedback register (wired in services.ts) is empty in this fixture.
    expect(d.feedback).toEqual({ open: 0, overdue: 0 });
    expect(d.plan?.id).toBe(planA.id);
  });

  it("a superior's dashboard: rolled up over the subtree, one row per direct child and its own unit", async () => {
    const { status, body: d } = await get<SuperiorDashboard>(`/api/dashboard/superior/${S.id}`, cookieS);
    expect(status).toBe(200);
    // Subtree: 7 received; handled 7, on time: A 3 + B1 1 → 4/7.
    expect(d.dossiers).toMatchObject({ received: 7, handled: 7, onTimeRate: 57.14, lateOpen: 2 });
    expect(d.dossiers.late.map((x) => x.unitId)).toEqual([A.id, B1.id]);
    expect(d.trend.map((q) => [q.quarter, q.received, q.handled, q.onTimeRate])).toEqual([
      [1, 3, 3, 66.67],
      [2, 4, 4, 50],
    ]);
    expect(d.tasks.totals).toEqual({ not_started: 2, in_progress: 0, done: 1, not_applicable: 0 });
    const own = planA.targets.filter((x) => !x.isGroup);
    const states = { met: 0, at_risk: 0, not_met: 0, unknown: 0 };
    for (const x of own) states[x.state]++;
    expect(d.targetStates).toEqual(states);
    const hand = taskDeadlines(planA, d.today, d.deadlines.until);
    expect(d.overdueTasks).toBe(hand.overdue);
    expect(d.deadlines.total).toBe(hand.upcoming.length);
    // Rows: the superior's own unit, then A, then B (with B1 under it).
    const rows = Object.fromEntries(d.rows.map((r) => [r.unit.id, r]));
    expect(d.rows.map((r) => r.unit.id)).toEqual([S.id, A.id, B.id]);
    expect(rows[S.id]).toMatchObject({
      self: true,
      planProgress: null,
      overdueTasks: 0,
      onTimeRate: null,
      received: 0,
      lateOpen: 0,
      targets: { met: 0, at_risk: 0, not_met: 0, unknown: 0 },
      feedbackOpen: 0,
    });
    expect(rows[A.id]).toMatchObject({
      self: false,
      planProgress: 33,
      overdueTasks: hand.overdue,
      onTimeRate: 60,
      received: 5,
      lateOpen: 1,
      targets: states,
    });
    expect(rows[B.id]).toMatchObject({
      self: false,
      planProgress: null,
      overdueTasks: 0,
      onTimeRate: 50,
      received: 2,
      lateOpen: 1,
      targets: { met: 0, at_risk: 0, not_met: 0, unknown: 0 },
    });
    expect(d.feedback).toEqual({ open: 0, overdue: 0 });
  });

  it('drill-down and scope: a superior opens a unit below it; a sibling or a child gets 404', async () => {
    expect((await get(`/api/dashboard/unit/${B1.id}`, cookieS)).status).toBe(200);
    expect((await get(`/api/dashboard/superior/${B.id}`, cookieS)).status).toBe(200);
    expect((await get(`/api/dashboard/unit/${B.id}`, cookieA)).status).toBe(404);
    expect((await get(`/api/dashboard/unit/${B1.id}`, cookieA)).status).toBe(404);
    expect((await get(`/api/dashboard/superior/${S.id}`, cookieA)).status).toBe(404);
    expect((await get(`/api/dashboard/superior/${B.id}`, cookieB1)).status).toBe(404);
    expect((await get(`/api/dashboard/unit/${S.id}`, cookieB1)).status).toBe(404);
    const own = await get<SuperiorDashboard>(`/api/dashboard/superior/${A.id}`, cookieA);
    expect(own.status).toBe(200);
    expect(own.body.rows.map((r) => r.unit.id)).toEqual([A.id]);
    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/dashboard/unit/${A.id}?days=0`,
      headers: { cookie: cookieA },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('counts open feedback from the unit’s register: open, overdue once its step’s deadline passed', async () => {
    const dept = await createUnit(t, { kind: 'department', name: 'Phòng Giáo dục khác' });
    const unit = await createUnit(t, { parentId: dept.id, name: 'Trường C' });
    const officer = await userWithSession(t, unit.id, ['officer']);
    const reviewer = await userWithSession(t, dept.id, ['reviewer']);
    const entered = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: { cookie: officer.cookie },
      payload: {
        unitId: unit.id,
        source: 'letter',
        receivedAt: '2026-05-04T09:00:00+07:00',
        sender: { name: 'Lê Văn Cường', address: '5 Trần Hưng Đạo', phone: '0987654321' },
        title: 'Phản ánh giờ đón trẻ',
        content: 'Phụ huynh phản ánh giờ đón trẻ buổi chiều chưa phù hợp với giờ tan làm.',
      },
    });
    expect(entered.statusCode, entered.body).toBe(200);
    const d = await get<UnitDashboard>(`/api/dashboard/unit/${unit.id}`, officer.cookie);
    // Received on 4 May, not classified within 2 working days: overdue on 20 May.
    expect(d.body.feedback).toEqual({ open: 1, overdue: 1 });
    const sup = await get<SuperiorDashboard>(`/api/dashboard/superior/${dept.id}`, reviewer.cookie);
    expect(sup.body.feedback).toEqual({ open: 1, overdue: 1 });
    expect(sup.body.rows.find((r) => r.unit.id === unit.id)?.feedbackOpen).toBe(1);
  });

  it('open feedback comes from the injected provider, summed per row', async () => {
    const views = dashboardViewsService({
      db: tdb.db.kysely,
      clock,
      calendar: t.services.calendar,
      feedback: {
        openByUnit: async (path) => {
          expect(path).toBe(S.path);
          return new Map([
            [A.id, { open: 3, overdue: 1 }],
            [B1.id, { open: 2, overdue: 0 }],
          ]);
        },
      },
    });
    const actor = { userId: 0, unitId: S.id, unitPath: S.path, roles: ['reviewer' as const] };
    const d = await views.superior(actor as never, S.id);
    expect(d.feedback).toEqual({ open: 5, overdue: 1 });
    expect(d.rows.map((r) => r.feedbackOpen)).toEqual([0, 3, 2]);
  });

  it("the grouped per-unit dossier figures equal each unit's measure() on a random register", async () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const parent = await createUnit(t, { kind: 'department' });
    const units = [
      await createUnit(t, { parentId: parent.id }),
      await createUnit(t, { parentId: parent.id }),
    ];
    units.push(await createUnit(t, { parentId: units[0]!.id }));
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const u of units) {
      const list: D[] = [];
      for (let i = 0; i < 40; i++) {
        const r = Date.parse(vn('2026-01-02T08:00:00')) + Math.floor(rand() * 135 * 86_400_000);
        const appointment = r + Math.floor(rand() * 10 * 86_400_000);
        const ended = rand() < 0.6 ? r + Math.floor(rand() * 14 * 86_400_000) : null;
        const local = (ms: number) => {
          const x = new Date(ms + 7 * 3_600_000);
          return `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}T${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:00`;
        };
        if (ended !== null && ended > Date.parse(NOW)) continue;
        list.push({
          received: local(r),
          appointment: local(appointment),
          ...(ended !== null ? { ended: local(ended), late: ended > appointment } : {}),
          channel: rand() < 0.5 ? 'online' : 'direct',
        });
      }
      await dossiers(u.id, list);
    }
    for (const [from, to] of [
      ['2026-01-01', '2026-03-31'],
      ['2026-02-10', '2026-05-20'],
      ['2026-04-01', '2026-06-30'],
    ] as const) {
      const measured = await Promise.all(units.map((u) => t.services.dossiers.measure(u.id, from, to)));
      const p = measured[0]!.period;
      const grouped = await dossierCountersByUnitSql(
        tdb.db.kysely,
        parent.path,
        new Date(p.from).toISOString(),
        new Date(p.to).toISOString(),
      );
      for (const [i, u] of units.entries())
        expect(figuresFromCounters(grouped.get(u.id)!, p)).toEqual(measured[i]);
    }
  });
});

describe('dashboard test fixture', () => {
  it('uses a Wednesday in May 2026 as today', () => {
    expect(new Date(Date.parse(NOW) + 7 * 3_600_000).getUTCDay()).toBe(3);
  });
});
