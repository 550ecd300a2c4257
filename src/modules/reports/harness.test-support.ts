/**
 * The reports tests' world: an app on a fresh database with a clock the test moves, a unit with the
 * fixture plan, its register, and the test's own count of what the report should say.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { importPlan } from '../../../tests/support/plans.js';
import type { Clock } from '../../lib/clock.js';
import type { PlanDetail } from '../plans/schema.js';
import { reportPlanText } from './fixtures.test-support.js';

/** A clock the test moves (Vietnam time in). */
let nowIso = '2026-03-03T09:00:00+07:00';
export const clock: Clock = { now: () => new Date(nowIso) };
export const setNow = (vn: string) => {
  nowIso = vn;
};

/** Quarter I of 2026 with the default settings (domain.md §4): figures 15/12/2025 – 14/03/2026, due 05/03. */
export const WINDOW = { from: '2025-12-15', to: '2026-03-14' };
export const PERIOD = '2026-Q1';

export interface Detail {
  period: { state: string; status: string | null; dueDate: string; submittedLate: boolean };
  draft: { narratives: { areas: Record<string, string>; general: string } };
  frozen: boolean;
  submissions: { seq: number; late: boolean; returnReason: string | null }[];
  actions: { edit: boolean; submit: boolean; return: boolean };
}

type Req = (
  method: 'GET' | 'PUT' | 'POST' | 'PATCH',
  url: string,
  cookie: string,
  payload?: object,
) => Promise<LightMyRequestResponse>;

const requester =
  (t: TestApp): Req =>
  (method, url, cookie, payload) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

interface RegisterAt {
  unit: { id: number };
  officer: { cookie: string };
}

/**
 * The register: D1 received 02/02 direct, resolved 05/02 (early), rated "hài lòng"; D2 received
 * 03/02 online, resolved 27/02 (after its 10/02 appointment: late), rated "không hài lòng"; D3
 * received 02/03 direct, open and within its appointment (09/03) on 03/03.
 */
async function registerDossiers(t: TestApp, s: RegisterAt): Promise<number[]> {
  const req = requester(t);
  const proc = await req('POST', '/api/procedures', s.officer.cookie, {
    unitId: s.unit.id,
    code: '1.004440',
    name: 'Chuyển trường đối với học sinh tiểu học',
    limitUnit: 'working_days',
    limitAmount: 5,
    feeBearing: false,
    onlineLevel: 'partial',
    resultType: 'paper',
  });
  expect(proc.statusCode).toBe(200);
  const procedureId = proc.json<{ id: number }>().id;
  const receive = async (channel: string, receivedAt: string) => {
    const r = await req('POST', '/api/dossiers', s.officer.cookie, {
      unitId: s.unit.id,
      procedureId,
      channel,
      applicant: { name: 'Nguyễn Văn Bình' },
      documents: [{ name: 'Đơn xin chuyển trường', copies: 1, kind: 'original' }],
      receivedAt: new Date(receivedAt).toISOString(),
    });
    expect(r.statusCode).toBe(200);
    return r.json<{ id: number }>().id;
  };
  const finish = async (id: number, at: string, rating: string) => {
    expect(
      (
        await req('POST', `/api/dossiers/${id}/steps`, s.officer.cookie, {
          kind: 'resolved',
          at: new Date(at).toISOString(),
        })
      ).statusCode,
    ).toBe(200);
    const back = await req('POST', `/api/dossiers/${id}/steps`, s.officer.cookie, {
      kind: 'returned',
      method: 'direct',
      at: new Date(at).toISOString(),
    });
    expect(back.statusCode).toBe(200);
    const token = back.json<{ ratingUrl: string | null }>().ratingUrl?.split('/danh-gia/')[1];
    expect(token).toBeTruthy();
    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/public/ratings/${token}`,
      payload: { rating },
    });
    expect(rated.statusCode).toBe(200);
  };
  const d1 = await receive('direct', '2026-02-02T09:00:00+07:00');
  const d2 = await receive('online', '2026-02-03T09:00:00+07:00');
  const d3 = await receive('direct', '2026-03-02T09:00:00+07:00');
  await finish(d1, '2026-02-05T10:00:00+07:00', 'satisfied');
  await finish(d2, '2026-02-27T10:00:00+07:00', 'not_satisfied');
  return [d1, d2, d3];
}

/** The test's own count of what each area's occurrences came to in the window on `asOf`. */
function expectedAreas(plan: PlanDetail, asOf: string) {
  const out = new Map<
    string,
    {
      tasks: number;
      due: number;
      done: number;
      doneLate: number;
      overdue: number;
      notYetDue: number;
      na: number;
    }
  >();
  for (const a of plan.areas)
    out.set(a.code, { tasks: 0, due: 0, done: 0, doneLate: 0, overdue: 0, notYetDue: 0, na: 0 });
  for (const task of plan.tasks) {
    const e = out.get(task.areaCode)!;
    e.tasks++;
    for (const o of task.occurrences) {
      if (!o.due || o.due < WINDOW.from || o.due > WINDOW.to) continue;
      e.due++;
      if (o.status === 'done') {
        e.done++;
        if (o.completedOn && o.completedOn > o.due) e.doneLate++;
      } else if (o.status === 'not_applicable') e.na++;
      else if (o.due < asOf) e.overdue++;
      else e.notYetDue++;
    }
  }
  return out;
}

const sentence = (e: {
  tasks: number;
  due: number;
  done: number;
  doneLate: number;
  overdue: number;
  notYetDue: number;
  na: number;
}) =>
  `Tổng số nhiệm vụ: ${e.tasks}. Nhiệm vụ đến hạn trong kỳ: ${e.due}; đã hoàn thành: ${e.done} (trong đó trễ hạn: ${e.doneLate}); ` +
  `quá hạn chưa hoàn thành: ${e.overdue}; chưa đến hạn: ${e.notYetDue}; không thực hiện: ${e.na}.`;

/** Opens the app before the describe's tests and closes it after; the helpers read it. */
export function reportsApp(open: () => Promise<TestDb>) {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { clock, config: { sessionHours: 24 * 365 } });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  const req: Req = (method, url, cookie, payload) => requester(t)(method, url, cookie, payload);
  const register = (s: Setup) => registerDossiers(t, s);

  /** A ward, a school below it with the plan and a small register, a sibling school, their users. */
  async function setup() {
    setNow('2026-03-03T09:00:00+07:00');
    const ward = await createUnit(t, { kind: 'ward', name: 'Ủy ban nhân dân phường Báo Cáo' });
    const unit = await createUnit(t, {
      parentId: ward.id,
      name: 'Trường Tiểu học Báo Cáo',
      code: `THBC${ward.id}`,
    });
    const sibling = await createUnit(t, { parentId: ward.id, name: 'Trường Mầm non Bên Cạnh' });
    const officer = await userWithSession(t, unit.id, ['officer']);
    const staff = await userWithSession(t, unit.id, ['staff']);
    const superior = await userWithSession(t, ward.id, ['reviewer']);
    const siblingUser = await userWithSession(t, sibling.id, ['admin', 'officer']);
    const { planId } = await importPlan(t, officer.cookie, unit.id, reportPlanText());
    return { ward, unit, sibling, officer, staff, superior, siblingUser, planId };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;
  const url = (s: Setup, tail = '') => `/api/reports/units/${s.unit.id}/periods/${PERIOD}${tail}`;

  /**
   * The fixture's progress: occurrences by due date — 15/01 done on 10/01 (on time), 28/02 done
   * on 02/03 (late), 05/03 not applicable, 20/02 left open (overdue on 03/03), 10/03 open (not
   * yet due); the others as imported. Returns the plan as the API then shows it.
   */
  async function progress(s: Setup): Promise<PlanDetail> {
    const plan = (await req('GET', `/api/plans/${s.planId}`, s.officer.cookie)).json<PlanDetail>();
    const set: Record<string, object> = {
      '2026-01-15': { status: 'done', completedOn: '2026-01-10' },
      '2026-02-28': { status: 'done', completedOn: '2026-03-02' },
      '2026-03-05': { status: 'not_applicable' },
    };
    for (const task of plan.tasks)
      for (const o of task.occurrences) {
        const patch = o.due ? set[o.due] : undefined;
        if (patch)
          expect((await req('PATCH', `/api/occurrences/${o.id}`, s.officer.cookie, patch)).statusCode).toBe(
            200,
          );
      }
    // The hand-entered target: 95 %.
    const satisfaction = plan.targets.find((x) => x.source === 'appendix' && x.code === '2')!;
    expect(satisfaction.metric).toBeNull();
    expect(
      (await req('PATCH', `/api/targets/${satisfaction.id}`, s.officer.cookie, { achievedValue: 95 }))
        .statusCode,
    ).toBe(200);
    return (await req('GET', `/api/plans/${s.planId}`, s.officer.cookie)).json<PlanDetail>();
  }

  return {
    get t() {
      return t;
    },
    req,
    setup,
    url,
    progress,
    register,
    expectedAreas,
    sentence,
  };
}
export type ReportsApp = ReturnType<typeof reportsApp>;
export type Setup = Awaited<ReturnType<ReportsApp['setup']>>;
