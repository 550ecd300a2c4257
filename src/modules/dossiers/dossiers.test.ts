import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { Clock } from '../../lib/clock.js';
import type { DossierDetail } from './schema.js';
import type { PlanDetail } from '../plans/schema.js';
import { importPlan, smallPlanText } from '../../../tests/support/plans.js';

/** A clock the test moves: Vietnam time strings in, UTC instants out. */
let nowIso = '2026-02-13T10:00:00+07:00';
const clock: Clock = { now: () => new Date(nowIso) };
const at = (vn: string) => {
  nowIso = vn;
  return new Date(vn).toISOString();
};

async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
}

describeEachDb('one-stop dossier register', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    // The test's clock moves over weeks: sessions must outlive it.
    t = await makeApp(tdb.db, { clock, config: { sessionHours: 24 * 365 } });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  async function setup() {
    const ward = await createUnit(t, { kind: 'ward', name: 'Ủy ban nhân dân phường Hòa Bình' });
    const unit = await createUnit(t, { parentId: ward.id, name: 'Trường Mầm non Sao Mai', code: `MN${ward.id}` });
    const officer = await userWithSession(t, unit.id, ['officer']);
    const staff = await userWithSession(t, unit.id, ['staff']);
    const reviewer = await userWithSession(t, ward.id, ['reviewer']);
    const outsider = await userWithSession(t, (await createUnit(t)).id, ['admin', 'officer']);
    const proc = await t.app.inject({
      method: 'POST',
      url: '/api/procedures',
      headers: { cookie: officer.cookie },
      payload: { unitId: unit.id, code: '1.001', name: 'Chuyển trường đối với học sinh', limitUnit: 'working_days', limitAmount: 5, feeBearing: false, onlineLevel: 'partial', resultType: 'paper' },
    });
    expect(proc.statusCode).toBe(200);
    return { ward, unit, officer, staff, reviewer, outsider, procedureId: proc.json<{ id: number }>().id };
  }

  const receive = (s: Awaited<ReturnType<typeof setup>>, receivedAt?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { cookie: s.officer.cookie },
      payload: {
        unitId: s.unit.id,
        procedureId: s.procedureId,
        channel: 'direct',
        applicant: { name: 'Nguyễn Văn An', idNumber: '079123456789', address: '12 Nguyễn Trãi', phone: '0901234567', email: 'an@example.vn' },
        documents: [{ name: 'Đơn xin chuyển trường', copies: 1, kind: 'original' }, { name: 'Học bạ', kind: 'copy' }],
        ...(receivedAt ? { receivedAt } : {}),
      },
    });
  const step = (s: Awaited<ReturnType<typeof setup>>, id: number, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/dossiers/${id}/steps`, headers: { cookie: s.officer.cookie }, payload: body });

  it('receives a dossier with a code, a register entry and a working-day appointment, and prints Mẫu 01', async () => {
    const s = await setup();
    at('2026-02-13T10:00:00+07:00');
    const res = await receive(s);
    expect(res.statusCode).toBe(200);
    const d = res.json<DossierDetail>();
    expect(d.code).toMatch(new RegExp(`^MN${s.ward.id}-260213-0001$`));
    // Friday 13/2/2026 + 5 working days, over the Tết break 14–22/2: Friday 27/2/2026, 17:00.
    expect(d.appointmentAt).toBe(new Date('2026-02-27T17:00:00+07:00').toISOString());
    expect(d).toMatchObject({ registerBook: '2026', registerNo: 1, status: 'received', applicant: { idNumber: '079123456789', full: true } });
    const form = await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}/forms/mau01`, headers: { cookie: s.officer.cookie } });
    expect(form.statusCode).toBe(200);
    const text = await docxText(form.rawPayload);
    for (const field of [d.code, 'Nguyễn Văn An', '079123456789', '0901234567', 'Chuyển trường đối với học sinh', 'Đơn xin chuyển trường', 'Học bạ', '05 ngày làm việc', 'TRƯỜNG MẦM NON SAO MAI']) expect(text).toContain(field);
    const zip = await JSZip.loadAsync(form.rawPayload);
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(true);
    // Viewing and printing personal data is logged.
    const log = (await t.app.inject({ method: 'GET', url: `/api/dossiers/access-log?unitId=${s.unit.id}`, headers: { cookie: s.officer.cookie } })).json<{ kind: string }[]>();
    expect(log.map((l) => l.kind).sort()).toEqual(['export', 'view']);
  });

  it('pauses the clock while the citizen supplements, marks a second request late, and keeps a late dossier late', async () => {
    const s = await setup();
    at('2026-03-02T09:00:00+07:00'); // Monday
    const d = (await receive(s)).json<DossierDetail>();
    expect(d.appointmentAt).toBe(new Date('2026-03-09T17:00:00+07:00').toISOString());
    at('2026-03-04T09:00:00+07:00'); // Wednesday: ask for a supplement
    expect((await step(s, d.id, { kind: 'supplement_requested', reason: 'Thiếu bản sao giấy khai sinh' })).statusCode).toBe(200);
    at('2026-03-06T09:00:00+07:00'); // Friday: the citizen brings it
    const back = (await step(s, d.id, { kind: 'supplement_received' })).json<DossierDetail>();
    // Working days after the request day up to the supplement day: Thu 5, Fri 6 → +2: Wed 11/3.
    expect(back.appointmentAt).toBe(new Date('2026-03-11T17:00:00+07:00').toISOString());
    const mau02 = await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}/forms/mau02`, headers: { cookie: s.officer.cookie } });
    expect(await docxText(mau02.rawPayload)).toContain('Thiếu bản sao giấy khai sinh');
    at('2026-03-09T09:00:00+07:00');
    const second = (await step(s, d.id, { kind: 'supplement_requested', reason: 'Thiếu xác nhận của trường cũ' })).json<DossierDetail>();
    expect(second).toMatchObject({ late: true, supplementRequests: 2 });
    at('2026-03-10T09:00:00+07:00');
    await step(s, d.id, { kind: 'supplement_received' });
    const resolved = (await step(s, d.id, { kind: 'resolved' })).json<DossierDetail>();
    expect(resolved).toMatchObject({ status: 'resolved', late: true, timeliness: 'late' });
    // Nothing can follow a withdrawal or a return except… nothing: the core says why.
    const returned = await step(s, d.id, { kind: 'returned', method: 'direct' });
    const after = await step(s, d.id, { kind: 'supplement_requested', reason: 'Yêu cầu muộn' });
    expect(returned.statusCode).toBe(200);
    expect(after.statusCode).toBe(400);
    expect(after.json().error.message).toMatch(/Hồ sơ đã trả kết quả/);
  });

  it('issues a Mẫu 04 apology before the appointment, not after; a late dossier stays late; the citizen rates it once', async () => {
    const s = await setup();
    at('2026-03-02T09:00:00+07:00');
    const d = (await receive(s)).json<DossierDetail>();
    at('2026-03-09T10:00:00+07:00'); // appointment day, before 17:00
    const apology = await step(s, d.id, { kind: 'apology_issued', reason: 'Chờ xác nhận của trường cũ', newAppointment: '2026-03-12T17:00:00+07:00' });
    expect(apology.statusCode).toBe(200);
    expect(apology.json<DossierDetail>().apologyAppointmentAt).toBe(new Date('2026-03-12T17:00:00+07:00').toISOString());
    const mau04 = await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}/forms/mau04`, headers: { cookie: s.officer.cookie } });
    expect(await docxText(mau04.rawPayload)).toContain('Chờ xác nhận của trường cũ');
    at('2026-03-11T09:00:00+07:00');
    await step(s, d.id, { kind: 'transferred', from: 'Bộ phận một cửa', to: 'Hiệu trưởng' });
    const done = (await step(s, d.id, { kind: 'resolved' })).json<DossierDetail>();
    expect(done).toMatchObject({ late: true, timeliness: 'late' });
    expect(done.handovers).toMatchObject([{ from: 'Bộ phận một cửa', to: 'Hiệu trưởng', status: 'late', statusLabel: 'Quá hạn' }]);
    const ret = await step(s, d.id, { kind: 'returned', method: 'direct' });
    const ratingUrl = ret.json<{ ratingUrl: string }>().ratingUrl;
    expect(ratingUrl).toMatch(/\/danh-gia\//);
    const token = ratingUrl.split('/').pop()!;
    const rate = await t.app.inject({ method: 'POST', url: `/api/public/ratings/${token}`, payload: { rating: 'satisfied', comment: 'Cán bộ nhiệt tình' } });
    expect(rate.json()).toMatchObject({ ok: true });
    const again = await t.app.inject({ method: 'POST', url: `/api/public/ratings/${token}`, payload: { rating: 'not_satisfied' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('đã được đánh giá');

    // An apology after the appointment passed is refused.
    at('2026-03-02T09:00:00+07:00');
    const late = (await receive(s)).json<DossierDetail>();
    at('2026-03-10T09:00:00+07:00');
    const refused = await step(s, late.id, { kind: 'apology_issued', reason: 'Quá hạn rồi', newAppointment: '2026-03-13T17:00:00+07:00' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/trước thời điểm hẹn trả/);
  });

  it('pages the register and counts every line the filter selects', async () => {
    const s = await setup();
    at('2026-05-04T09:00:00+07:00');
    // 53 dossiers: one more page than the 50 shown at once, and 3 of them ended.
    const ids: number[] = [];
    for (let i = 0; i < 53; i++) ids.push((await receive(s)).json<DossierDetail>().id);
    for (const id of ids.slice(0, 3)) await step(s, id, { kind: 'withdrawn', reason: 'Người nộp rút hồ sơ' });
    const list = (query: string, cookie = s.officer.cookie) => t.app.inject({ method: 'GET', url: `/api/dossiers?unitId=${s.unit.id}${query}`, headers: { cookie } });
    type Page = { items: DossierDetail[]; total: number; page: number; pageSize: number };
    const first = (await list('')).json<Page>();
    expect(first).toMatchObject({ total: 53, page: 1, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    const second = (await list('&page=2')).json<Page>();
    expect(second).toMatchObject({ total: 53, page: 2 });
    expect(second.items).toHaveLength(3);
    // No line is on both pages, and together they are the whole register.
    expect(new Set([...first.items, ...second.items].map((d) => d.id))).toEqual(new Set(ids));
    expect((await list('&status=ended')).json<Page>()).toMatchObject({ total: 3 });
    expect((await list('&status=open')).json<Page>()).toMatchObject({ total: 50 });
    // The ward reviewer counts the subtree; another unit is not found.
    const ward = (await t.app.inject({ method: 'GET', url: `/api/dossiers?unitId=${s.ward.id}&subtree=1`, headers: { cookie: s.reviewer.cookie } })).json<Page>();
    expect(ward.total).toBe(53);
    expect((await list('', s.outsider.cookie)).statusCode).toBe(404);
  });

  it('issues the rating link again for a returned dossier not yet rated; the old link stops working', async () => {
    const s = await setup();
    at('2026-04-06T09:00:00+07:00');
    const d = (await receive(s)).json<DossierDetail>();
    const reissue = (cookie: string) => t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/rating-link`, headers: { cookie } });
    // Before the result is returned there is nothing to rate.
    expect(d.actions.reissueRatingLink).toBe(false);
    expect((await reissue(s.officer.cookie)).statusCode).toBe(409);
    at('2026-04-07T09:00:00+07:00');
    await step(s, d.id, { kind: 'resolved' });
    const first = (await step(s, d.id, { kind: 'returned', method: 'direct' })).json<{ ratingUrl: string; actions: DossierDetail['actions'] }>();
    expect(first.actions.reissueRatingLink).toBe(true);
    const oldToken = first.ratingUrl.split('/').pop()!;
    // Only the unit's dossier handlers may issue it; another unit does not see the dossier.
    expect((await reissue(s.staff.cookie)).statusCode).toBe(403);
    expect((await reissue(s.reviewer.cookie)).statusCode).toBe(403);
    expect((await reissue(s.outsider.cookie)).statusCode).toBe(404);
    const again = await reissue(s.officer.cookie);
    expect(again.statusCode).toBe(200);
    const newToken = again.json<{ ratingUrl: string }>().ratingUrl.split('/').pop()!;
    expect(newToken).not.toBe(oldToken);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/ratings/${oldToken}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/public/ratings/${oldToken}`, payload: { rating: 'satisfied' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/public/ratings/${newToken}`, payload: { rating: 'very_satisfied' } })).statusCode).toBe(200);
    // Once rated, no new link.
    expect((await reissue(s.officer.cookie)).statusCode).toBe(409);
    const after = (await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}`, headers: { cookie: s.officer.cookie } })).json<DossierDetail>();
    expect(after).toMatchObject({ rating: 'very_satisfied', actions: { reissueRatingLink: false } });
    const audit = await tdb.db.kysely.selectFrom('audit_log').select('action').where('entity', '=', 'dossier').where('entity_id', '=', d.id).execute();
    expect(audit.map((a) => a.action)).toContain('rating_link_reissued');
  });

  it('counts a withdrawal and a refusal as finished in the period, by when they ended', async () => {
    const s = await setup();
    at('2026-06-01T09:00:00+07:00'); // Monday; 5 working days → Mon 8/6 17:00
    const a = (await receive(s)).json<DossierDetail>();
    const b = (await receive(s)).json<DossierDetail>();
    at('2026-06-03T10:00:00+07:00');
    expect((await step(s, a.id, { kind: 'withdrawn' })).json<DossierDetail>()).toMatchObject({ status: 'withdrawn', timeliness: 'early' });
    at('2026-06-09T10:00:00+07:00'); // the day after the appointment
    const refused = (await step(s, b.id, { kind: 'refused', reasons: ['Hồ sơ không thuộc thẩm quyền của đơn vị'] })).json<DossierDetail>();
    expect(refused).toMatchObject({ status: 'refused', late: true, timeliness: 'late' });
    const mau03 = await t.app.inject({ method: 'GET', url: `/api/dossiers/${b.id}/forms/mau03`, headers: { cookie: s.officer.cookie } });
    expect(await docxText(mau03.rawPayload)).toContain('Hồ sơ không thuộc thẩm quyền của đơn vị');
    // Nothing may follow a withdrawal.
    expect((await step(s, a.id, { kind: 'resolved' })).statusCode).toBe(400);
    at('2026-07-01T09:00:00+07:00');
    const f = (await t.app.inject({ method: 'GET', url: `/api/dossiers/figures?unitId=${s.unit.id}&from=2026-06-01&to=2026-06-30`, headers: { cookie: s.officer.cookie } })).json<{
      finished: { total: number; early: number; late: number; withdrawn: number; refused: number };
      onTimeRate: { numerator: number; denominator: number };
    }>();
    expect(f.finished).toMatchObject({ total: 2, early: 1, late: 1, withdrawn: 1, refused: 1 });
    expect(f.onTimeRate).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('lets a citizen look a dossier up by code with the name masked and no other personal data', async () => {
    const s = await setup();
    at('2026-04-01T08:30:00+07:00');
    const d = (await receive(s)).json<DossierDetail>();
    const res = await t.app.inject({ method: 'GET', url: `/api/public/dossiers/${d.code.toLowerCase()}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: d.code, applicantName: 'Nguyễn V** A*', statusLabel: expect.any(String) });
    for (const secret of ['079123456789', '0901234567', 'an@example.vn', '12 Nguyễn Trãi', 'Nguyễn Văn An']) expect(res.body).not.toContain(secret);
    // The lookup is cached briefly, but a step recorded here shows at once.
    await step(s, d.id, { kind: 'resolved' });
    const after = await t.app.inject({ method: 'GET', url: `/api/public/dossiers/${d.code}` });
    expect(after.json()).toMatchObject({ status: 'resolved', endedAt: expect.any(String) });
    const missing = await t.app.inject({ method: 'GET', url: '/api/public/dossiers/KHONG-CO-0001' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('Không tìm thấy hồ sơ');
    // The lookup is rate-limited per address, with a Vietnamese message.
    const strict = await makeApp(tdb.db, { clock, config: { publicRateLimit: 3 } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await strict.app.inject({ method: 'GET', url: `/api/public/dossiers/${d.code}`, remoteAddress: '203.0.113.9' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const limited = await strict.app.inject({ method: 'GET', url: `/api/public/dossiers/${d.code}`, remoteAddress: '203.0.113.9' });
    expect(limited.json().error.message).toContain('thao tác quá nhanh');
    await strict.app.close();
  });

  it('keeps dossiers within scope: other units see nothing, the superior reads masked data and changes nothing', async () => {
    const s = await setup();
    at('2026-04-01T08:30:00+07:00');
    const d = (await receive(s)).json<DossierDetail>();
    expect((await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}`, headers: { cookie: s.outsider.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/steps`, headers: { cookie: s.outsider.cookie }, payload: { kind: 'resolved' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/dossiers?unitId=${s.unit.id}`, headers: { cookie: s.outsider.cookie } })).statusCode).toBe(404);
    const seen = (await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}`, headers: { cookie: s.reviewer.cookie } })).json<DossierDetail>();
    expect(seen.applicant).toEqual({ name: 'Nguyễn V** A*', idNumber: null, address: null, phone: null, email: null, full: false });
    expect((await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}`, headers: { cookie: s.staff.cookie } })).json<DossierDetail>().applicant.full).toBe(false);
    expect((await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/steps`, headers: { cookie: s.reviewer.cookie }, payload: { kind: 'resolved' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}/forms/mau01`, headers: { cookie: s.reviewer.cookie } })).statusCode).toBe(403);
    const list = (await t.app.inject({ method: 'GET', url: `/api/dossiers?unitId=${s.unit.id}`, headers: { cookie: s.reviewer.cookie } })).json<{ items: { applicantName: string }[] }>().items;
    expect(list.map((x) => x.applicantName)).toEqual(['Nguyễn V** A*']);
    expect((await t.app.inject({ method: 'POST', url: '/api/procedures', headers: { cookie: s.staff.cookie }, payload: { unitId: s.unit.id, code: 'X', name: 'Thủ tục thử', limitUnit: 'working_days', limitAmount: 3, feeBearing: false, onlineLevel: 'none', resultType: 'paper' } })).statusCode).toBe(403);
  });

  it('computes a period’s figures: finished early / on time / late, open overdue counted late', async () => {
    const s = await setup();
    const ids: number[] = [];
    // Four dossiers received in April 2026 (5 working days each).
    for (const day of ['2026-04-06', '2026-04-06', '2026-04-13', '2026-04-20']) {
      at(`${day}T09:00:00+07:00`);
      ids.push((await receive(s)).json<DossierDetail>().id);
    }
    at('2026-04-08T09:00:00+07:00'); // #1 early (due Mon 13/4)
    await step(s, ids[0]!, { kind: 'resolved' });
    at('2026-04-13T15:00:00+07:00'); // #2 on its appointment day: on time
    await step(s, ids[1]!, { kind: 'resolved' });
    at('2026-04-23T09:00:00+07:00'); // #3 due Mon 20/4: late
    await step(s, ids[2]!, { kind: 'resolved' });
    // #4 (due Mon 27/4… but 27/4/2026 is the Giỗ Tổ day off → due Wed 29/4) still open at 30/4: late.
    at('2026-05-05T09:00:00+07:00');
    const f = (await t.app.inject({ method: 'GET', url: `/api/dossiers/figures?unitId=${s.unit.id}&from=2026-04-01&to=2026-04-30`, headers: { cookie: s.officer.cookie } })).json<{
      received: { total: number };
      finished: { total: number; early: number; onTime: number; late: number };
      inProgress: { total: number; onTime: number; late: number };
      onTimeRate: { value: number; numerator: number; denominator: number; definition: string };
    }>();
    expect(f.received.total).toBe(4);
    expect(f.finished).toMatchObject({ total: 3, early: 1, onTime: 1, late: 1 });
    expect(f.inProgress).toMatchObject({ total: 1, onTime: 0, late: 1 });
    // On time = (early + on time) ÷ handled = 2 ÷ 4.
    expect(f.onTimeRate).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect(f.onTimeRate.definition.length).toBeGreaterThan(10);
    // The superior sees the same figures over its subtree.
    const w = (await t.app.inject({ method: 'GET', url: `/api/dossiers/figures?unitId=${s.ward.id}&subtree=1&from=2026-04-01&to=2026-04-30`, headers: { cookie: s.reviewer.cookie } })).json<{ received: { total: number } }>();
    expect(w.received.total).toBe(4);

    // #4 has passed its appointment without a new step: the register's "late" filter still finds it.
    const lateList = (await t.app.inject({ method: 'GET', url: `/api/dossiers?unitId=${s.unit.id}&status=late`, headers: { cookie: s.officer.cookie } })).json<{ items: { id: number; late: boolean }[] }>().items;
    expect(lateList.map((x) => x.id).sort()).toEqual([ids[2]!, ids[3]!].sort());
    expect(lateList.every((x) => x.late)).toBe(true);
    // A period not yet over is counted up to now: a dossier due after today is on time, not late.
    at('2026-05-04T09:00:00+07:00');
    await receive(s);
    at('2026-05-05T09:00:00+07:00');
    const may = (await t.app.inject({ method: 'GET', url: `/api/dossiers/figures?unitId=${s.unit.id}&from=2026-05-01&to=2026-05-31`, headers: { cookie: s.officer.cookie } })).json<{ period: { to: string }; inProgress: { onTime: number; late: number } }>();
    expect(may.period.to).toBe(new Date('2026-05-05T09:00:00+07:00').toISOString());
    // #4 (overdue) and the new one (due 11/5) are open at 5/5.
    expect(may.inProgress).toMatchObject({ onTime: 1, late: 1 });

    // The plan's target "Tỷ lệ giải quyết hồ sơ … đúng hạn: từ 98% trở lên" is measured by the register.
    const { planId } = await importPlan(t, s.officer.cookie, s.unit.id, smallPlanText());
    const plan = (await t.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: { cookie: s.officer.cookie } })).json<PlanDetail>();
    const bound = plan.targets.find((x) => x.source === 'appendix' && x.code === '1.1')!;
    // 1/1–5/5/2026: the four April dossiers (2 on time) and the one received on 4/5 (open, on time) → 3 of 5.
    expect(bound).toMatchObject({ metric: 'dossier_on_time', state: 'not_met', measured: { value: 60, numerator: 3, denominator: 5, from: '2026-01-01', to: '2026-05-05' } });
    // "Mức độ hài lòng của người dân đạt 100%" is measured by the surveys, not by the dossiers.
    expect(plan.targets.find((x) => x.source === 'section' && x.code === '2')!.metric).toBe('survey_satisfaction');
    // An officer may unbind it and enter the value by hand.
    const unbound = await t.app.inject({ method: 'PATCH', url: `/api/targets/${bound.id}`, headers: { cookie: s.officer.cookie }, payload: { metric: null, achievedValue: 99 } });
    expect(unbound.json()).toMatchObject({ metric: null, measured: null, state: 'met' });

    // Mẫu 06 for the period re-reads with exceljs.
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/dossiers/register.xlsx?unitId=${s.unit.id}&from=2026-04-01&to=2026-04-30`, headers: { cookie: s.officer.cookie } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect((text.match(new RegExp(`MN${s.ward.id}-2604`, 'g')) ?? []).length).toBe(4);
  });
});
