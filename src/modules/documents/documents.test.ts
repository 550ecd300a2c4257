import { expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { appPerDb } from './app.test-support.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, userWithSession } from '../../../tests/support/app.js';
import { openDatabase } from '../../db/database.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { Clock } from '../../lib/clock.js';
import { nextNumber } from './repository.js';
import type { DocumentOut } from './schema.js';

const clock: Clock = { now: () => new Date('2026-06-15T09:00:00+07:00') };

interface Page {
  items: DocumentOut[];
  total: number;
  figures: {
    counts: Record<string, number>;
    electronic: { value: number | null; numerator: number; denominator: number };
    signed: { value: number | null; numerator: number; denominator: number };
    officialChannel: { value: number | null; numerator: number; denominator: number };
    incomingOnTime: { value: number | null; numerator: number; denominator: number };
  };
  actions: { register: boolean; import: boolean };
}

let tdb: TestDb;

let t: TestApp;

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function setup() {
  const ward = await createUnit(t, { kind: 'ward', name: 'Phường Văn Thư' });
  const school = await createUnit(t, {
    parentId: ward.id,
    name: 'Trường Mầm non Tuổi Thơ',
    code: `MNTT${ward.id}`,
  });
  const other = await createUnit(t, { name: 'Trường khác' });
  const clerk = await userWithSession(t, school.id, ['officer']);
  const staff = await userWithSession(t, school.id, ['staff']);
  const superior = await userWithSession(t, ward.id, ['admin', 'reviewer']);
  const stranger = await userWithSession(t, other.id, ['admin', 'officer']);
  return { ward, school, other, clerk, staff, superior, stranger };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const outgoing = (s: Setup, over: object = {}) => ({
  unitId: s.school.id,
  direction: 'outgoing',
  docType: 'KH',
  documentDate: '2026-03-17',
  summary: 'Kế hoạch cải cách hành chính năm 2026',
  recipients: 'Phòng Giáo dục và Đào tạo; Lưu: VT.',
  form: 'electronic',
  signed: true,
  signer: 'Nguyễn Thị Lan',
  channel: 'eoffice',
  ...over,
});

async function numbersByBookAndYear() {
  const s = await setup();
  const post = async (over: object = {}) => {
    const r = await req('POST', '/api/documents', s.clerk.cookie, outgoing(s, over));
    expect(r.statusCode, r.body).toBe(200);
    return r.json<DocumentOut>();
  };
  const a = await post();
  const b = await post({ docType: 'BC', summary: 'Báo cáo quý I' });
  const c = await post({
    docType: 'CV',
    summary: 'Về việc cử cán bộ dự tập huấn',
    issuer: `${s.school.code}-VP`,
  });
  const secret = await post({
    confidential: true,
    summary: 'Văn bản mật thử',
    signed: false,
    form: 'paper',
    channel: 'hand',
  });
  const lastYear = await post({ documentDate: '2025-12-30', summary: 'Báo cáo năm 2025', docType: 'BC' });
  expect([a, b, c].map((d) => d.numberText)).toEqual([
    `01/KH-${s.school.code}`,
    `02/BC-${s.school.code}`,
    `03/${s.school.code}-VP`,
  ]);
  expect(secret).toMatchObject({ book: 'di-mat', number: 1, year: 2026 });
  expect(lastYear).toMatchObject({ book: 'di', number: 1, year: 2025 });
  expect(a.actions).toEqual({ edit: true, cancel: true, attach: true, recheck: false, download: false });
  // Incoming: the sender's number kept, our arrival number from the "đến" book.
  const inc = await req('POST', '/api/documents', s.clerk.cookie, {
    unitId: s.school.id,
    direction: 'incoming',
    docType: 'KH',
    numberText: '12/KH-PGDĐT',
    documentDate: '2026-03-01',
    receivedOn: '2026-03-02',
    sender: 'Phòng Giáo dục và Đào tạo',
    summary: 'Kế hoạch kiểm tra công tác CCHC',
    handlingUnit: 'Hiệu trưởng',
    dueDate: '2026-03-20',
    form: 'electronic',
    channel: 'eoffice',
  });
  expect(inc.statusCode, inc.body).toBe(200);
  expect(inc.json<DocumentOut>()).toMatchObject({
    book: 'den',
    number: 1,
    numberText: '12/KH-PGDĐT',
    dueState: 'late',
  });
}

async function cancelsKeepingTheNumber() {
  const s = await setup();
  const a = (await req('POST', '/api/documents', s.clerk.cookie, outgoing(s))).json<DocumentOut>();
  expect(
    (await req('POST', `/api/documents/${a.id}/cancel`, s.clerk.cookie, { reason: '' })).statusCode,
  ).toBe(400);
  const cancelled = await req('POST', `/api/documents/${a.id}/cancel`, s.clerk.cookie, {
    reason: 'Ban hành nhầm, thay bằng văn bản khác',
  });
  expect(cancelled.json<DocumentOut>()).toMatchObject({
    status: 'cancelled',
    number: 1,
    actions: { edit: false, cancel: false },
  });
  const edit = await req('PATCH', `/api/documents/${a.id}`, s.clerk.cookie, { summary: 'Sửa sau khi hủy' });
  expect(edit.statusCode).toBe(409);
  expect(edit.json().error.code).toBe('DOCUMENT_CANCELLED');
  const b = (await req('POST', '/api/documents', s.clerk.cookie, outgoing(s))).json<DocumentOut>();
  expect(b.number).toBe(2);
  const changed = await req('PATCH', `/api/documents/${b.id}`, s.clerk.cookie, {
    summary: 'Kế hoạch CCHC năm 2026 (sửa)',
    channel: 'email',
  });
  expect(changed.json<DocumentOut>()).toMatchObject({
    summary: 'Kế hoạch CCHC năm 2026 (sửa)',
    channel: 'email',
    number: 2,
  });
  const detail = (await req('GET', `/api/documents/${a.id}`, s.clerk.cookie)).json<{
    history: { action: string; reason: string | null }[];
  }>();
  expect(detail.history.map((h) => h.action)).toEqual(['cancel', 'register']);
  expect(detail.history[0]!.reason).toBe('Ban hành nhầm, thay bằng văn bản khác');
  // The cancelled entry is still listed (filtered by status), never deleted.
  const list = (
    await req('GET', `/api/documents?unitId=${s.school.id}&year=2026&status=cancelled`, s.clerk.cookie)
  ).json<Page>();
  expect(list.items.map((d) => d.id)).toEqual([a.id]);
}

async function scopedByUnit() {
  const s = await setup();
  const open = (await req('POST', '/api/documents', s.clerk.cookie, outgoing(s))).json<DocumentOut>();
  const secret = (
    await req(
      'POST',
      '/api/documents',
      s.clerk.cookie,
      outgoing(s, {
        confidential: true,
        summary: 'Nội dung mật',
        signed: false,
        form: 'paper',
        channel: 'hand',
      }),
    )
  ).json<DocumentOut>();
  // Staff read but do not register.
  expect((await req('POST', '/api/documents', s.staff.cookie, outgoing(s))).statusCode).toBe(403);
  // The superior reads the subtree, with confidential content hidden; it does not write.
  const page = (
    await req('GET', `/api/documents?unitId=${s.ward.id}&subtree=1&year=2026`, s.superior.cookie)
  ).json<Page>();
  expect(page.items.map((d) => d.id).sort()).toEqual([open.id, secret.id].sort());
  expect(page.items.find((d) => d.id === secret.id)!.summary).toContain('Văn bản mật');
  expect(page.actions).toEqual({ register: false, import: false });
  expect(
    (await req('PATCH', `/api/documents/${open.id}`, s.superior.cookie, { summary: 'Cấp trên sửa' }))
      .statusCode,
  ).toBe(403);
  // Another unit: 404, never 403.
  expect((await req('GET', `/api/documents/${open.id}`, s.stranger.cookie)).statusCode).toBe(404);
  expect((await req('GET', `/api/documents?unitId=${s.school.id}`, s.stranger.cookie)).statusCode).toBe(404);
  expect(
    (
      await req('POST', `/api/documents/${open.id}/cancel`, s.stranger.cookie, {
        reason: 'Không phải của tôi',
      })
    ).statusCode,
  ).toBe(404);
  expect(
    (
      await req(
        'GET',
        `/api/documents/figures?unitId=${s.school.id}&from=2026-01-01&to=2026-06-15`,
        s.stranger.cookie,
      )
    ).statusCode,
  ).toBe(404);
}

async function figuresAgainstAHandCount() {
  const s = await setup();
  const add = async (over: object) => {
    const r = await req('POST', '/api/documents', s.clerk.cookie, { ...outgoing(s), ...over });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<DocumentOut>();
  };
  await add({}); // electronic, signed, e-office
  await add({ form: 'paper', signed: false, channel: 'postal' });
  await add({ signed: false, channel: 'email' });
  await add({ confidential: true, form: 'paper', signed: false, channel: 'hand' });
  const gone = await add({});
  await req('POST', `/api/documents/${gone.id}/cancel`, s.clerk.cookie, { reason: 'Vào sổ nhầm' });
  const incoming = (over: object) =>
    add({
      direction: 'incoming',
      numberText: '01/UBND',
      sender: 'Ủy ban nhân dân phường',
      recipients: undefined,
      signed: false,
      signer: undefined,
      documentDate: '2026-05-01',
      receivedOn: '2026-05-02',
      ...over,
    });
  await incoming({ dueDate: '2026-05-10', handledOn: '2026-05-08' });
  await incoming({ form: 'paper', channel: 'postal', dueDate: '2026-05-10', handledOn: '2026-05-12' });
  await incoming({ confidential: true, form: 'paper', channel: 'hand', dueDate: '2026-06-01' }); // open, late on 15/6
  await incoming({ dueDate: '2026-06-30' }); // open, not yet due
  await incoming({});
  const f = (
    await req(
      'GET',
      `/api/documents/figures?unitId=${s.school.id}&from=2026-01-01&to=2026-12-31`,
      s.clerk.cookie,
    )
  ).json<Page['figures']>();
  expect(f.counts).toMatchObject({
    outgoing: 4,
    outgoingConfidential: 1,
    outgoingElectronic: 2,
    outgoingSigned: 1,
    outgoingOfficialChannel: 2,
    incoming: 5,
    incomingConfidential: 1,
    incomingElectronic: 3,
    incomingOfficialChannel: 3,
    withDeadline: 4,
    handledOnTime: 1,
    handledLate: 1,
    openOnTime: 1,
    openLate: 1,
  });
  expect(f.electronic).toMatchObject({ numerator: 5, denominator: 7, value: 71.43 });
  expect(f.signed).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
  expect(f.officialChannel).toMatchObject({ numerator: 5, denominator: 7 });
  expect(f.incomingOnTime).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
  // The superior's subtree adds its own (none) to the school's.
  const sub = (
    await req(
      'GET',
      `/api/documents/figures?unitId=${s.ward.id}&subtree=1&from=2026-01-01&to=2026-12-31`,
      s.superior.cookie,
    )
  ).json<Page['figures']>();
  expect(sub.electronic).toMatchObject({ numerator: 5, denominator: 7 });
  // The register page carries the same figures.
  const page = (
    await req('GET', `/api/documents?unitId=${s.school.id}&year=2026`, s.clerk.cookie)
  ).json<Page>();
  expect(page.figures.signed.value).toBe(33.33);
  expect(page.total).toBe(10);
  // The incoming due list: not handled, deadline within 7 days or past.
  const due = (
    await req('GET', `/api/documents?unitId=${s.school.id}&year=2026&dueWithinDays=7`, s.clerk.cookie)
  ).json<Page>();
  expect(due.items.map((d) => d.dueState)).toEqual(['late']);
}

async function searchesAndValidatesDates() {
  const s = await setup();
  await req(
    'POST',
    '/api/documents',
    s.clerk.cookie,
    outgoing(s, { summary: 'Quyết định kiện toàn Tổ công tác' }),
  );
  const page = (
    await req('GET', `/api/documents?unitId=${s.school.id}&year=2026&q=kien toan`, s.clerk.cookie)
  ).json<Page>();
  expect(page.items).toHaveLength(1);
  const future = await req(
    'POST',
    '/api/documents',
    s.clerk.cookie,
    outgoing(s, { documentDate: '2026-07-01' }),
  );
  expect(future.statusCode).toBe(400);
  const paperSigned = await req('POST', '/api/documents', s.clerk.cookie, outgoing(s, { form: 'paper' }));
  expect(paperSigned.statusCode).toBe(400);
}

async function numbersUnderConcurrency() {
  const s = await setup();
  // A registration that fails after taking a number gives it back with its transaction.
  await expect(
    t.db.kysely.transaction().execute(async (tx) => {
      await nextNumber(tx, s.school.id, 2026, 'di');
      throw new Error('rollback');
    }),
  ).rejects.toThrow('rollback');
  // A second app on its own connection pool: two "processes" on one database.
  const second = tdb.url ? openDatabase({ dialect: 'postgres', url: tdb.url }) : tdb.db;
  const t2 = await makeApp(second, { clock });
  try {
    const N = 40;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        (i % 2 === 0 ? t : t2).app.inject({
          method: 'POST',
          url: '/api/documents',
          headers: { cookie: s.clerk.cookie },
          payload: outgoing(s, { summary: `Văn bản số ${i}` }),
        }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const numbers = results.map((r) => r.json<DocumentOut>().number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  } finally {
    await t2.app.close();
    if (second !== tdb.db) await second.close();
  }
}

describeEachDb('document register', (open) => {
  appPerDb(open, { clock, config: { sessionHours: 24 * 365 } }, (d, a) => {
    tdb = d;
    t = a;
  });

  it('numbers outgoing documents by book and year (Decree 30), from 01, confidential ones apart', () =>
    numbersByBookAndYear());
  it('cancels with a reason and keeps the number; never reuses it; audits every change', () =>
    cancelsKeepingTheNumber());
  it('is scoped: a unit writes its own register, its superior reads without confidential content, others see nothing', () =>
    scopedByUnit());
  it('measures the figures against a hand count: confidential excluded from the shares, cancelled nowhere', () =>
    figuresAgainstAHandCount());
  it('searches without diacritics and validates dates', () => searchesAndValidatesDates());
  it('keeps numbers unique and gapless under concurrent registrations, and a rolled-back one gives its number back', () =>
    numbersUnderConcurrency());
});
