import { expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { appPerDb } from '../documents/app.test-support.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { Clock } from '../../lib/clock.js';
import type { DocumentOut } from '../documents/schema.js';
import type { RegulationOut } from './schema.js';

let nowIso = '2026-03-01T09:00:00+07:00';
const clock: Clock = { now: () => new Date(nowIso) };

let tdb: TestDb;

let t: TestApp;

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

type Session = Awaited<ReturnType<typeof userWithSession>>;

async function keepsTheListReviewsAndRepeal() {
  nowIso = '2026-03-01T09:00:00+07:00';
  const ward = await createUnit(t, { kind: 'ward', name: 'Phường Quy Chế' });
  const school = await createUnit(t, { parentId: ward.id, name: 'Trường Quy Chế', code: `QC${ward.id}` });
  const other = await createUnit(t, { name: 'Trường Khác Quy Chế' });
  const head = await userWithSession(t, school.id, ['head']);
  const staff = await userWithSession(t, school.id, ['staff']);
  const superior = await userWithSession(t, ward.id, ['reviewer']);
  const stranger = await userWithSession(t, other.id, ['admin']);
  const decision = (
    await req('POST', '/api/documents', head.cookie, {
      unitId: school.id,
      direction: 'outgoing',
      docType: 'QĐ',
      documentDate: '2025-03-15',
      summary: 'Quyết định ban hành Quy chế chi tiêu nội bộ',
      form: 'electronic',
      channel: 'eoffice',
    })
  ).json<DocumentOut>();

  const created = await req('POST', '/api/regulations', head.cookie, {
    unitId: school.id,
    title: 'Quy chế chi tiêu nội bộ năm 2025',
    kind: 'chi_tieu_noi_bo',
    adoptionDocumentId: decision.id,
    reviewMonths: 12,
  });
  expect(created.statusCode, created.body).toBe(200);
  const chi = created.json<RegulationOut>();
  // Adopted 15/03/2025, reviewed yearly: due 15/03/2026, within 30 days of 01/03/2026.
  expect(chi).toMatchObject({
    adoption: { documentId: decision.id, number: `01/QĐ-QC${ward.id}`, date: '2025-03-15' },
    nextReviewOn: '2026-03-15',
    dueState: 'due_soon',
    daysLeft: 14,
    actions: { edit: true, review: true, repeal: true },
  });
  const dcs = (
    await req('POST', '/api/regulations', head.cookie, {
      unitId: school.id,
      title: 'Quy chế thực hiện dân chủ ở cơ sở',
      kind: 'dan_chu_co_so',
      adoptionNumber: '05/QĐ-CU',
      adoptedOn: '2024-01-10',
      reviewMonths: 24,
    })
  ).json<RegulationOut>();
  expect(dcs).toMatchObject({ nextReviewOn: '2026-01-10', dueState: 'overdue', daysLeft: -50 });
  expect(
    (
      await req('POST', '/api/regulations', staff.cookie, {
        unitId: school.id,
        title: 'Quy chế của nhân viên',
        kind: 'other',
        reviewMonths: 12,
      })
    ).statusCode,
  ).toBe(403);
  // Another unit's decision cannot adopt our regulation.
  const foreign = await req('POST', '/api/regulations', stranger.cookie, {
    unitId: other.id,
    title: 'Quy chế mượn văn bản',
    kind: 'other',
    adoptionDocumentId: decision.id,
    reviewMonths: 12,
  });
  expect(foreign.statusCode).toBe(400);

  const list = (await req('GET', `/api/regulations?unitId=${school.id}`, head.cookie)).json<{
    items: RegulationOut[];
    counts: object;
    actions: { create: boolean };
  }>();
  expect(list.counts).toEqual({ inForce: 2, overdue: 1, dueSoon: 1 });
  expect(list.items.map((r) => r.id)).toEqual([dcs.id, chi.id]);
  expect(list.actions.create).toBe(true);
  const seen = (await req('GET', `/api/regulations?unitId=${ward.id}&subtree=1`, superior.cookie)).json<{
    items: RegulationOut[];
    actions: { create: boolean };
  }>();
  expect(seen.items).toHaveLength(2);
  expect(seen.items[0]!.actions).toEqual({ edit: false, review: false, repeal: false });
  expect((await req('GET', `/api/regulations/${chi.id}`, stranger.cookie)).statusCode).toBe(404);

  await reviewThenRepeal(head, chi, dcs);
}

/** A review moves the next date on; a repealed regulation cannot change. */
async function reviewThenRepeal(head: Session, chi: RegulationOut, dcs: RegulationOut) {
  // A review moves the next date one cycle on from it.
  const reviewed = await req('POST', `/api/regulations/${dcs.id}/reviews`, head.cookie, {
    reviewedOn: '2026-02-20',
    outcome: 'kept',
    note: 'Vẫn phù hợp',
  });
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  const detail = reviewed.json<{
    regulation: RegulationOut;
    reviews: { outcome: string; nextReviewOn: string }[];
  }>();
  expect(detail.regulation).toMatchObject({
    lastReviewedOn: '2026-02-20',
    nextReviewOn: '2028-02-20',
    dueState: null,
  });
  expect(detail.reviews).toMatchObject([{ outcome: 'kept', nextReviewOn: '2028-02-20' }]);
  const noNote = await req('POST', `/api/regulations/${chi.id}/reviews`, head.cookie, {
    reviewedOn: '2026-02-28',
    outcome: 'amended',
  });
  expect(noNote.statusCode).toBe(400);

  const repealed = await req('POST', `/api/regulations/${chi.id}/repeal`, head.cookie, {
    reason: 'Thay bằng quy chế mới năm 2026',
  });
  expect(repealed.json<RegulationOut>()).toMatchObject({
    status: 'repealed',
    dueState: null,
    actions: { edit: false },
  });
  expect(
    (await req('PATCH', `/api/regulations/${chi.id}`, head.cookie, { title: 'Sửa quy chế đã bãi bỏ' }))
      .statusCode,
  ).toBe(409);
  const audit = await tdb.db.kysely
    .selectFrom('audit_log')
    .select('action')
    .where('entity', '=', 'regulation')
    .where('entity_id', '=', chi.id)
    .orderBy('id')
    .execute();
  expect(audit.map((a) => a.action)).toEqual(['create', 'repeal']);
}

async function remindsWhenAReviewComesDue() {
  nowIso = '2026-03-01T09:00:00+07:00';
  const school = await createUnit(t, { name: 'Trường Nhắc Quy Chế' });
  const officer = await userWithSession(t, school.id, ['officer']);
  await userWithSession(t, school.id, ['staff']);
  const r = (
    await req('POST', '/api/regulations', officer.cookie, {
      unitId: school.id,
      title: 'Quy chế quản lý, sử dụng tài sản công',
      kind: 'tai_san_cong',
      adoptedOn: '2025-05-01',
      reviewMonths: 12,
    })
  ).json<RegulationOut>();
  const reminders = () =>
    tdb.db.kysely
      .selectFrom('outbox')
      .select(['user_id', 'event_key', 'subject'])
      .where('unit_id', '=', school.id)
      .where('kind', '=', 'regulation_review')
      .orderBy('id')
      .execute();
  await t.services.reminders.sweep();
  expect(await reminders()).toEqual([]); // 01/05/2026 is more than 30 days away
  nowIso = '2026-04-05T09:00:00+07:00';
  await t.services.reminders.sweep();
  await t.services.reminders.sweep();
  const soon = await reminders();
  expect(soon).toHaveLength(1);
  expect(soon[0]).toMatchObject({
    user_id: officer.user.id,
    event_key: `regulation:${r.id}:2026-05-01:due_soon`,
  });
  expect(soon[0]!.subject).toBe(
    '[CCHC] Sắp đến hạn rà soát: Quy chế quản lý, sử dụng tài sản công (hạn 01/05/2026)',
  );
  nowIso = '2026-05-04T09:00:00+07:00';
  await t.services.reminders.sweep();
  expect((await reminders()).map((x) => x.event_key)).toEqual([
    `regulation:${r.id}:2026-05-01:due_soon`,
    `regulation:${r.id}:2026-05-01:overdue`,
  ]);
  // Reviewed: the next cycle is a year away, nothing more now.
  await req('POST', `/api/regulations/${r.id}/reviews`, officer.cookie, {
    reviewedOn: '2026-05-04',
    outcome: 'kept',
  });
  nowIso = '2026-05-20T09:00:00+07:00';
  await t.services.reminders.sweep();
  expect(await reminders()).toHaveLength(2);
}

describeEachDb('internal regulations', (open) => {
  appPerDb(open, { clock, config: { sessionHours: 24 * 3650 } }, (d, a) => {
    tdb = d;
    t = a;
  });

  it('keeps a list with the adopting decision, due states from the review cycle, reviews and repeal', () =>
    keepsTheListReviewsAndRepeal());
  it('reminds the unit when a review comes due and again when it is late, once each', () =>
    remindsWhenAReviewComesDue());
});
