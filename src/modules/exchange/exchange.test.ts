/**
 * Two cchc servers on this machine, each on its own port and database: a school's server (A) and
 * its superior's (B). The school submits a report on A; B sees the report and its figures as if the
 * school reported on B; a tampered package is refused; while B is down the package waits and
 * arrives once B is back.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { importPlan } from '../../../tests/support/plans.js';
import { buildApp } from '../../app.js';
import type { ReportContent } from '../../core/report/index.js';
import type { Clock } from '../../lib/clock.js';
import { sha256 as sha } from '../../lib/hash.js';
import { testConfig } from '../../../tests/support/app.js';
import { reportPlanText } from '../reports/fixtures.test-support.js';
import { MEDIA_TYPES, newKeyPair, signBytes } from './package.js';

let nowIso = '2026-03-03T09:00:00+07:00';
const clock: Clock = { now: () => new Date(nowIso) };

interface State {
  link: { superiorUrl: string; superiorName: string | null; remoteUnit: { code: string | null } } | null;
  deliveries: {
    id: number;
    periodKey: string;
    state: string;
    attempts: number;
    nextAttemptAt: string | null;
    lastError: string | null;
    sha256: string;
    packageId: string;
    actions: { retry: boolean };
  }[];
  connections: {
    id: number;
    unit: { id: number };
    enrolled: boolean;
    remoteUnitCode: string | null;
    actions: { revoke: boolean };
  }[];
  received: { unit: { id: number }; periodKey: string; sha256: string }[];
  actions: { connect: boolean; disconnect: boolean; issue: boolean };
}

/** The two servers of the scenario (B is restarted on the same port). */
interface World {
  dbA: TestDb;
  dbB: TestDb;
  a: TestApp;
  b: FastifyInstance;
  port: number;
}

const config = { sessionHours: 24 * 3650, exchangeIntervalSeconds: 0, appUrl: 'http://truong.example' };

/** Starts server B on its port (the same one again after a restart). */
async function startB(w: World) {
  const built = await buildApp({ config: testConfig(config), db: w.dbB.db, logger: false, clock });
  await built.app.listen({ port: w.port, host: '127.0.0.1' });
  w.port = (built.app.server.address() as { port: number }).port;
  return built.app;
}

const call = (app: FastifyInstance, method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
  app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

/** Submits a period's report on A (the school's server). */
const submitOnA = (w: World, schoolId: number, cookie: string, period: string) =>
  call(w.a.app, 'POST', `/api/reports/units/${schoolId}/periods/${period}/submit`, cookie);

/** The exchange page on A as the school's officer sees it. */
const stateOnA = async (w: World, cookie: string) =>
  (await call(w.a.app, 'GET', '/api/exchange', cookie)).json<State>();

/** The ward and the school on B, the school with its plan and three documents on A. */
async function setUpUnits(w: World) {
  // Server B: the ward and, below it, the school as the ward knows it.
  const bt = { app: w.b, db: w.dbB.db, services: undefined } as unknown as TestApp;
  const ward = await createUnit(bt, { kind: 'ward', name: 'Ủy ban nhân dân phường Liên Thông' });
  const schoolOnB = await createUnit(bt, {
    parentId: ward.id,
    name: 'Trường Tiểu học Báo Cáo',
    code: 'THBC',
  });
  const wardAdmin = await loginOn(w.b, w.dbB, ward.id, ['admin']);
  // Server A: the school's own server.
  const school = await createUnit(w.a, { name: 'Trường Tiểu học Báo Cáo', code: 'THBC' });
  const officer = await userWithSession(w.a, school.id, ['officer']);
  const admin = await userWithSession(w.a, school.id, ['admin']);
  await importPlan(w.a, officer.cookie, school.id, reportPlanText());
  for (const [form, signed] of [
    ['electronic', true],
    ['electronic', false],
    ['paper', false],
  ] as const)
    await call(w.a.app, 'POST', '/api/documents', officer.cookie, {
      unitId: school.id,
      direction: 'outgoing',
      docType: 'BC',
      documentDate: '2026-02-10',
      summary: 'Văn bản trong kỳ',
      form,
      signed,
      channel: form === 'paper' ? 'postal' : 'eoffice',
    });

  return { ward, schoolOnB, wardAdmin, school, officer, admin };
}
type Units = Awaited<ReturnType<typeof setUpUnits>>;

/** B issues a token; A's administrator connects with it. Returns the connection's id on B. */
async function connectSchool(w: World, { ward, schoolOnB, wardAdmin, officer, admin }: Units) {
  // B issues a connection for the school; only an administrator above it may.
  expect(
    (await call(w.b, 'POST', '/api/exchange/connections', wardAdmin, { unitId: ward.id })).statusCode,
  ).toBe(403);
  const issued = await call(w.b, 'POST', '/api/exchange/connections', wardAdmin, { unitId: schoolOnB.id });
  expect(issued.statusCode, issued.body).toBe(200);
  const { token } = issued.json<{ token: string }>();
  expect(token).toMatch(/^cchc1\.\d+\./);

  // A's administrator connects with B's address and the token (A enrols its key).
  expect(
    (
      await call(w.a.app, 'POST', '/api/exchange/link', officer.cookie, {
        superiorUrl: `http://127.0.0.1:${w.port}`,
        token,
      })
    ).statusCode,
  ).toBe(403);
  const badToken = await call(w.a.app, 'POST', '/api/exchange/link', admin.cookie, {
    superiorUrl: `http://127.0.0.1:${w.port}`,
    token: `${token.slice(0, -4)}AAAA`,
  });
  expect(badToken.json().error.code).toBe('EXCHANGE_TOKEN');
  const linked = await call(w.a.app, 'POST', '/api/exchange/link', admin.cookie, {
    superiorUrl: `http://127.0.0.1:${w.port}/`,
    token,
  });
  expect(linked.statusCode, linked.body).toBe(200);
  expect(linked.json<State>().link).toMatchObject({
    superiorUrl: `http://127.0.0.1:${w.port}`,
    superiorName: 'Ủy ban nhân dân phường Liên Thông',
    remoteUnit: { code: 'THBC' },
  });
  const onB = (await call(w.b, 'GET', `/api/exchange?unitId=${ward.id}`, wardAdmin)).json<State>();
  expect(onB.connections[0]).toMatchObject({
    unit: { id: schoolOnB.id },
    enrolled: true,
    remoteUnitCode: 'THBC',
  });

  return onB.connections[0]!.id;
}

/** Quarter I submitted on A arrives on B as if the school reported there. Returns A's package. */
async function sendQuarter(w: World, { ward, schoolOnB, wardAdmin, school, officer }: Units) {
  // The school submits quarter I on A: the package is queued with the submission, then sent.
  const submitted = await submitOnA(w, school.id, officer.cookie, '2026-Q1');
  expect(submitted.statusCode, submitted.body).toBe(200);
  let stateA = await stateOnA(w, officer.cookie);
  expect(stateA.deliveries).toMatchObject([{ periodKey: '2026-Q1', state: 'pending', attempts: 0 }]);
  expect(await w.a.services.exchange.sweep()).toEqual({ delivered: 1, retry: 0, refused: 0 });
  stateA = await stateOnA(w, officer.cookie);
  expect(stateA.deliveries[0]).toMatchObject({
    state: 'delivered',
    attempts: 1,
    actions: { retry: false },
  });

  // B sees the school's report and figures in its roll-up as if the school reported on B.
  const overview = (
    await call(w.b, 'GET', `/api/reports/overview?unitId=${ward.id}&period=2026-Q1`, wardAdmin)
  ).json<{
    units: { unitId: number; status: string | null; state: string; hasPlan: boolean; received: boolean }[];
  }>();
  expect(overview.units.find((u) => u.unitId === schoolOnB.id)).toMatchObject({
    status: 'submitted',
    hasPlan: true,
    received: true,
  });
  const detailA = (
    await call(w.a.app, 'GET', `/api/reports/units/${school.id}/periods/2026-Q1`, officer.cookie)
  ).json<{ content: ReportContent }>();
  const detailB = (
    await call(w.b, 'GET', `/api/reports/units/${schoolOnB.id}/periods/2026-Q1`, wardAdmin)
  ).json<{
    content: ReportContent;
    frozen: boolean;
    received: boolean;
    actions: { return: boolean };
  }>();
  expect(detailB).toMatchObject({ frozen: true, received: true, actions: { return: false } });
  expect(detailB.content).toEqual(detailA.content);
  expect(detailB.content.documents).toMatchObject({ outgoing: 3, electronic: 66.67, signed: 33.33 });
  // The files and the package are kept byte for byte.
  const docxA = await call(
    w.a.app,
    'GET',
    `/api/reports/units/${school.id}/periods/2026-Q1/report.docx`,
    officer.cookie,
  );
  const docxB = await call(
    w.b,
    'GET',
    `/api/reports/units/${schoolOnB.id}/periods/2026-Q1/report.docx`,
    wardAdmin,
  );
  expect(sha(docxB.rawPayload)).toBe(sha(docxA.rawPayload));
  const pkgA = await call(
    w.a.app,
    'GET',
    `/api/exchange/reports/${school.id}/2026-Q1/package.json`,
    officer.cookie,
  );
  const pkgB = await call(
    w.b,
    'GET',
    `/api/exchange/reports/${schoolOnB.id}/2026-Q1/package.json`,
    wardAdmin,
  );
  expect(pkgA.headers['content-type']).toContain('application/json');
  expect(sha(pkgB.rawPayload)).toBe(stateA.deliveries[0]!.sha256);
  expect(sha(pkgA.rawPayload)).toBe(stateA.deliveries[0]!.sha256);
  expect(pkgA.json()).toMatchObject({
    format: 'cchc.report',
    version: 1,
    report: { periodKey: '2026-Q1', seq: 1 },
  });
  // Returning it is done on the school's own server.
  const ret = await call(
    w.b,
    'POST',
    `/api/reports/units/${schoolOnB.id}/periods/2026-Q1/return`,
    wardAdmin,
    { reason: 'Bổ sung số liệu' },
  );
  expect(ret.json().error.code).toBe('EXCHANGE_RECEIVED_REPORT');

  return pkgA;
}

/** A tampered or forged package is refused; the genuine one again is a duplicate. */
async function refuseTampering(w: World, connectionId: number, pkgA: { rawPayload: Buffer }) {
  // A tampered package (one figure changed after signing) is refused and nothing is stored.
  const sent = new Uint8Array(pkgA.rawPayload);
  const original = (
    await w.dbA.db.kysely.selectFrom('exchange_outbox').select('signature').executeTakeFirstOrThrow()
  ).signature;
  const text = new TextDecoder().decode(sent).replace('"outgoing":3', '"outgoing":9');
  const tampered = await w.b.inject({
    method: 'POST',
    url: '/api/exchange/v1/packages',
    headers: {
      'content-type': MEDIA_TYPES.package,
      'x-cchc-connection': String(connectionId),
      'x-cchc-signature': `ed25519=${original}`,
    },
    payload: Buffer.from(text),
  });
  expect(tampered.statusCode).toBe(401);
  expect(tampered.json().error.code).toBe('EXCHANGE_SIGNATURE');
  // Signed by another key: refused too.
  const stranger = newKeyPair();
  const forged = await w.b.inject({
    method: 'POST',
    url: '/api/exchange/v1/packages',
    headers: {
      'content-type': MEDIA_TYPES.package,
      'x-cchc-connection': String(connectionId),
      'x-cchc-signature': `ed25519=${signBytes(sent, stranger.privateKey)}`,
    },
    payload: Buffer.from(sent),
  });
  expect(forged.statusCode).toBe(401);
  // The genuine package again: acknowledged as a duplicate, stored once.
  const again = await w.b.inject({
    method: 'POST',
    url: '/api/exchange/v1/packages',
    headers: {
      'content-type': MEDIA_TYPES.package,
      'x-cchc-connection': String(connectionId),
      'x-cchc-signature': `ed25519=${original}`,
    },
    payload: Buffer.from(sent),
  });
  expect(again.json()).toMatchObject({ accepted: true, duplicate: true });
  expect(await w.dbB.db.kysely.selectFrom('exchange_inbox').select('id').execute()).toHaveLength(1);
  expect(await w.dbB.db.kysely.selectFrom('report_submission').select('id').execute()).toHaveLength(1);
}

/** While B is down the package waits with back-off; once back it arrives; revoked means refused. */
async function deliverAfterDowntime(
  w: World,
  { ward, schoolOnB, wardAdmin, school, officer }: Units,
  connectionId: number,
) {
  let stateA: State;
  // B goes down. The 6-month report waits in A's outbox, retried with back-off.
  await w.b.close();
  const h1 = await submitOnA(w, school.id, officer.cookie, '2026-H1');
  expect(h1.statusCode, h1.body).toBe(200);
  expect(await w.a.services.exchange.sweep()).toEqual({ delivered: 0, retry: 1, refused: 0 });
  stateA = await stateOnA(w, officer.cookie);
  const waiting = stateA.deliveries.find((d) => d.periodKey === '2026-H1')!;
  expect(waiting).toMatchObject({
    state: 'retrying',
    attempts: 1,
    nextAttemptAt: '2026-03-03T02:01:00.000Z',
  });
  expect(waiting.lastError).toContain('Không kết nối được máy chủ cấp trên');
  // Not due again yet: the sweep leaves it.
  expect(await w.a.services.exchange.sweep()).toEqual({ delivered: 0, retry: 0, refused: 0 });
  nowIso = '2026-03-03T09:01:30+07:00';
  expect(await w.a.services.exchange.sweep()).toEqual({ delivered: 0, retry: 1, refused: 0 });
  stateA = await stateOnA(w, officer.cookie);
  expect(stateA.deliveries.find((d) => d.periodKey === '2026-H1')).toMatchObject({
    attempts: 2,
    nextAttemptAt: '2026-03-03T02:03:30.000Z', // then 2 minutes
  });

  // B comes back on the same port: the next attempt delivers.
  w.b = await startB(w);
  nowIso = '2026-03-03T09:04:00+07:00';
  expect(await w.a.services.exchange.sweep()).toEqual({ delivered: 1, retry: 0, refused: 0 });
  const h1OnB = (
    await call(w.b, 'GET', `/api/reports/units/${schoolOnB.id}/periods/2026-H1`, wardAdmin)
  ).json<{ content: ReportContent; received: boolean }>();
  expect(h1OnB.received).toBe(true);
  expect(h1OnB.content.period.key).toBe('2026-H1');

  // Revoked: the superior's "no" is final, shown as refused until an administrator acts.
  await call(w.b, 'POST', `/api/exchange/connections/${connectionId}/revoke`, wardAdmin, { unitId: ward.id });
  const q3 = await submitOnA(w, school.id, officer.cookie, '2026-Q3');
  expect(q3.statusCode, q3.body).toBe(200);
  expect(await w.a.services.exchange.sweep()).toEqual({ delivered: 0, retry: 0, refused: 1 });
  stateA = await stateOnA(w, officer.cookie);
  expect(stateA.deliveries.find((d) => d.periodKey === '2026-Q3')).toMatchObject({
    state: 'refused',
    actions: { retry: true },
  });
}

describeEachDb('report exchange between two servers', (open) => {
  const w = { port: 0 } as World;

  beforeAll(async () => {
    w.dbA = await open();
    w.dbB = await open();
    w.a = await makeApp(w.dbA.db, { clock, config });
    w.b = await startB(w);
  });
  afterAll(async () => {
    await w.a.app.close();
    await w.b.close();
    await w.dbA.drop();
    await w.dbB.drop();
  });

  it('sends a submitted report to the superior’s server, refuses tampering, and delivers after downtime', async () => {
    nowIso = '2026-03-03T09:00:00+07:00';
    const units = await setUpUnits(w);
    const connectionId = await connectSchool(w, units);
    const pkgA = await sendQuarter(w, units);
    await refuseTampering(w, connectionId, pkgA);
    await deliverAfterDowntime(w, units, connectionId);
  });
});

/** A user with a session on a server built outside `makeApp` (server B). */
async function loginOn(app: FastifyInstance, tdb: TestDb, unitId: number, roles: ('admin' | 'reviewer')[]) {
  const { usersService } = await import('../users/service.js');
  const username = `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await usersService({ db: tdb.db.kysely, clock: { now: () => new Date() } }).create(null, {
    unitId,
    username,
    fullName: `Người dùng ${username}`,
    roles,
    password: 'mat-khau-thu-123',
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'mat-khau-thu-123' },
  });
  const cookie = res.cookies.find((c) => c.name === 'cchc_session')!;
  return `cchc_session=${cookie.value}`;
}
