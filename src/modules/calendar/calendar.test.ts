import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, multipartBody, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { importPlan } from '../../../tests/support/plans.js';
import type { Clock } from '../../lib/clock.js';
import type { PlanDetail, TaskOut } from '../plans/schema.js';
import { readScheduleFile } from './file.js';

/** 10/05/2026, 09:00 in Vietnam. */
const clock: Clock = { now: () => new Date('2026-05-10T02:00:00Z') };

function planWithDeadlines(year = 2026): string {
  const u = 'Trường Tiểu học Lịch Thử';
  return [
    'KẾ HOẠCH',
    `Thực hiện công tác cải cách hành chính năm ${year}`,
    'PHỤ LỤC 1',
    'STT\tNhiệm vụ cụ thể\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành',
    '1\tCông tác chỉ đạo, điều hành\t\t\t\t',
    `1.1\tBáo cáo CCHC định kỳ\tBáo cáo\t${u}\tTổ CCHC\tĐịnh kỳ hàng quý, năm trước ngày 5 hàng quý`,
    `1.2\tDuy trì chuyên mục CCHC\tChuyên mục\t${u}\tTổ CCHC\tThường xuyên`,
    `1.3\tKiện toàn Tổ CCHC\tQuyết định\t${u}\tTổ CCHC\tKhi có thay đổi`,
    `1.4\tKế hoạch tự kiểm tra\tKế hoạch\t${u}\tTổ CCHC\tQuý I/${year}`,
    `1.5\tTự kiểm tra\tBiên bản\t${u}\tTổ CCHC\tTháng 6/${year}`,
    `1.6\tViệc chưa rõ hạn\tBáo cáo\t${u}\tTổ CCHC\tSớm nhất có thể`,
  ].join('\n');
}

describe('schedule files', () => {
  it('reads CSV rows into years and reports every bad row by its line', () => {
    const ok = readScheduleFile('ngay,loai,ten\n2027-02-05,nghỉ,Tết (bổ sung)\n13/02/2027,làm bù,Làm bù Tết\n2028-01-02,nghi,Nghỉ bù', 'CV 123');
    expect(ok.schedules).toEqual([
      { year: 2027, daysOff: [{ date: '2027-02-05', name: 'Tết (bổ sung)' }], workingDays: [{ date: '2027-02-13', name: 'Làm bù Tết' }], source: 'CV 123' },
      { year: 2028, daysOff: [{ date: '2028-01-02', name: 'Nghỉ bù' }], workingDays: [], source: 'CV 123' },
    ]);
    const bad = '2027-13-01,nghỉ,X\n2027-02-05,đi chơi,Y\n2027-02-06,nghỉ,';
    expect(() => readScheduleFile(bad, null)).toThrow(/chưa lưu gì/);
    try {
      readScheduleFile(bad, null);
    } catch (e) {
      expect((e as { details: string[] }).details).toEqual([
        'dòng 1: ngày "2027-13-01" không hợp lệ',
        'dòng 2: loại "đi chơi" phải là "nghỉ" hoặc "làm bù"',
        'dòng 3: thiếu tên ngày',
      ]);
    }
  });
});

describeEachDb('working-day calendar and task occurrences', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { clock });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('turns each deadline into dated occurrences at import, with due flags', async () => {
    const unit = await createUnit(t);
    const { cookie } = await userWithSession(t, unit.id, ['officer']);
    const { planId, preview } = await importPlan(t, cookie, unit.id, planWithDeadlines());
    // The preview carries each deadline's reading, with the phrase's span.
    const reading = preview.draft.tasks.find((x) => x.code === '1.4')!.reading!;
    expect(reading.schedule).toMatchObject({ kind: 'fixed', dues: [{ date: '2026-03-31' }] });
    expect('Quý I/2026'.slice(reading.spans[0]!.start, reading.spans[0]!.end)).toBe('Quý I/2026');

    const plan = (await get(`/api/plans/${planId}`, cookie)).json<PlanDetail>();
    const task = (code: string) => plan.tasks.find((x) => x.code === code)!;
    const dues = (x: TaskOut) => x.occurrences.map((o) => o.due);
    // "Định kỳ hàng quý, năm trước ngày 5 hàng quý": four quarters and the year, each due on the 5th.
    expect(task('1.1').occurrences.map((o) => `${o.key} ${o.due}`)).toEqual([
      '2026-Q1 2026-03-05',
      '2026-Q2 2026-06-05',
      '2026-Q3 2026-09-05',
      '2026-Q4 2026-12-05',
      '2026-Y 2026-12-05',
    ]);
    // Continuous: one per reporting period, due with each report (05/3, 05/6, 05/9, 05/12).
    expect(dues(task('1.2'))).toEqual(['2026-03-05', '2026-06-05', '2026-09-05', '2026-12-05']);
    expect(task('1.3').scheduleKind).toBe('event');
    expect(task('1.3').occurrences).toMatchObject([{ due: null }]);
    // Today is 10/05/2026: Q1 is overdue, 1.5 (end of June) is upcoming, nothing due within 7 days.
    expect(task('1.4')).toMatchObject({ flag: 'overdue', nextDue: '2026-03-31' });
    expect(task('1.5').occurrences[0]).toMatchObject({ due: '2026-06-30', state: 'upcoming' });
    expect(task('1.6')).toMatchObject({ scheduleKind: 'unparsed', flag: null });
    expect(task('1.6').occurrences).toMatchObject([{ key: 'unparsed', due: null }]);
  });

  it('records an occurrence done late, an event for an event-driven task, and keeps them on re-import', async () => {
    const unit = await createUnit(t);
    const { cookie } = await userWithSession(t, unit.id, ['officer']);
    const { planId } = await importPlan(t, cookie, unit.id, planWithDeadlines());
    const plan = (await get(`/api/plans/${planId}`, cookie)).json<PlanDetail>();
    const q1 = plan.tasks.find((x) => x.code === '1.4')!.occurrences[0]!;
    const done = await t.app.inject({ method: 'PATCH', url: `/api/occurrences/${q1.id}`, headers: { cookie }, payload: { status: 'done', completedOn: '2026-04-02' } });
    expect(done.statusCode).toBe(200);
    expect(done.json().task.occurrences[0]).toMatchObject({ status: 'done', timeliness: 'late', state: 'none' });
    expect(done.json().task.flag).toBeNull();

    const eventTask = plan.tasks.find((x) => x.code === '1.3')!;
    const ev = await t.app.inject({ method: 'POST', url: `/api/tasks/${eventTask.id}/events`, headers: { cookie }, payload: { date: '2026-05-12', note: 'Thay đổi hiệu trưởng' } });
    expect(ev.json().task.occurrences).toMatchObject([{ key: 'event:2026-05-12', due: '2026-05-12', state: 'due_soon', note: 'Thay đổi hiệu trưởng' }]);
    expect(ev.json().task.flag).toBe('due_soon');
    // Evidence can be filed against one occurrence.
    const pdf = multipartBody({ occurrenceId: String(q1.id) }, { field: 'file', filename: 'bien-ban-quy-1.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const up = await t.app.inject({ method: 'POST', url: `/api/tasks/${plan.tasks.find((x) => x.code === '1.4')!.id}/evidence`, headers: { cookie, ...pdf.headers }, payload: pdf.payload });
    expect(up.json()).toMatchObject({ occurrenceId: q1.id });
    const wrong = multipartBody({ occurrenceId: String(q1.id) }, { field: 'file', filename: 'x.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') });
    expect((await t.app.inject({ method: 'POST', url: `/api/tasks/${eventTask.id}/evidence`, headers: { cookie, ...wrong.headers }, payload: wrong.payload })).statusCode).toBe(400);

    // Replace with the same document: statuses and events stay.
    await importPlan(t, cookie, unit.id, planWithDeadlines(), 'replace');
    const again = (await get(`/api/plans/${planId}`, cookie)).json<PlanDetail>();
    expect(again.tasks.find((x) => x.code === '1.4')!.occurrences[0]).toMatchObject({ id: q1.id, status: 'done' });
    expect(again.tasks.find((x) => x.code === '1.3')!.occurrences.map((o) => o.key)).toEqual(['event:2026-05-12']);
    // A new version carries them over too.
    const v2 = await importPlan(t, cookie, unit.id, planWithDeadlines(), 'new_version');
    const p2 = (await get(`/api/plans/${v2.planId}`, cookie)).json<PlanDetail>();
    expect(p2.tasks.find((x) => x.code === '1.4')!.occurrences[0]).toMatchObject({ status: 'done', completedOn: '2026-04-02' });
    expect(p2.tasks.find((x) => x.code === '1.3')!.occurrences.map((o) => o.key)).toEqual(['event:2026-05-12']);
  });

  it('shows a month with holidays, swapped days and the unit’s due dates, within scope only', async () => {
    const ward = await createUnit(t, { kind: 'ward' });
    const unit = await createUnit(t, { parentId: ward.id });
    const other = await createUnit(t, { parentId: ward.id });
    const { cookie } = await userWithSession(t, unit.id, ['officer']);
    const outsider = await userWithSession(t, other.id, ['officer']);
    const reviewer = await userWithSession(t, ward.id, ['reviewer']);
    await importPlan(t, cookie, unit.id, planWithDeadlines());

    const feb = (await get(`/api/calendar/month?month=2026-02`, cookie)).json<{ days: { date: string; off: boolean; holiday: string | null }[] }>();
    const day = (d: string) => feb.days.find((x) => x.date === d)!;
    expect(day('2026-02-17')).toMatchObject({ off: true, holiday: expect.stringContaining('Tết') });
    expect(day('2026-02-13').off).toBe(false);
    expect(day('2026-02-23').off).toBe(false);
    const jan = (await get(`/api/calendar/month?month=2026-01`, cookie)).json<{ days: { date: string; off: boolean; makeUpWorkingDay: string | null }[] }>();
    expect(jan.days.find((x) => x.date === '2026-01-02')!.off).toBe(true);
    expect(jan.days.find((x) => x.date === '2026-01-10')).toMatchObject({ off: false, makeUpWorkingDay: expect.any(String) });

    const march = (await get(`/api/calendar/month?month=2026-03`, cookie)).json<{ dues: { due: string; taskCode: string }[] }>();
    expect(march.dues.map((d) => `${d.due} ${d.taskCode}`)).toEqual(['2026-03-05 1.1', '2026-03-05 1.2', '2026-03-31 1.4']);
    expect((await get(`/api/calendar/month?month=2026-03&unitId=${unit.id}`, outsider.cookie)).statusCode).toBe(404);
    const rolled = (await get(`/api/calendar/month?month=2026-03&subtree=1`, reviewer.cookie)).json<{ dues: unknown[] }>();
    expect(rolled.dues).toHaveLength(3);
    const occ = (await get(`/api/calendar/month?month=2026-03`, cookie)).json<{ dues: { occurrenceId: number }[] }>().dues[0]!;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/occurrences/${occ.occurrenceId}`, headers: { cookie: outsider.cookie }, payload: { status: 'done' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/occurrences/${occ.occurrenceId}`, headers: { cookie: reviewer.cookie }, payload: { status: 'done' } })).statusCode).toBe(403);
  });

  it('lists open deadlines, overdue first, within the caller’s scope', async () => {
    const ward = await createUnit(t, { kind: 'ward' });
    const unit = await createUnit(t, { parentId: ward.id });
    const { cookie } = await userWithSession(t, unit.id, ['officer']);
    const reviewer = await userWithSession(t, ward.id, ['reviewer']);
    const outsider = await userWithSession(t, (await createUnit(t)).id, ['officer']);
    const { planId } = await importPlan(t, cookie, unit.id, planWithDeadlines());
    type Deadlines = { today: string; items: { due: string; taskCode: string; state: string }[] };
    const d = (await get('/api/deadlines?days=30', cookie)).json<Deadlines>();
    expect(d.today).toBe('2026-05-10');
    // Overdue: 05/03 (1.1 Q1, 1.2 Q1), 31/03 (1.4); within 30 days: 05/06 (1.1 Q2, 1.2 H1).
    expect(d.items.map((i) => `${i.due} ${i.taskCode} ${i.state}`)).toEqual([
      '2026-03-05 1.1 overdue',
      '2026-03-05 1.2 overdue',
      '2026-03-31 1.4 overdue',
      '2026-06-05 1.1 upcoming',
      '2026-06-05 1.2 upcoming',
    ]);
    // Done tasks drop out.
    const plan = (await get(`/api/plans/${planId}`, cookie)).json<PlanDetail>();
    await t.app.inject({ method: 'PATCH', url: `/api/tasks/${plan.tasks.find((x) => x.code === '1.4')!.id}`, headers: { cookie }, payload: { status: 'done' } });
    expect((await get('/api/deadlines?days=30', cookie)).json<Deadlines>().items.map((i) => i.taskCode)).not.toContain('1.4');
    expect((await get('/api/deadlines?subtree=1', reviewer.cookie)).json<Deadlines>().items.length).toBeGreaterThan(0);
    expect((await get(`/api/deadlines?unitId=${unit.id}`, outsider.cookie)).statusCode).toBe(404);
  });

  it('imports a schedule file pasted on the admin screen, all or nothing', async () => {
    const root = await createUnit(t, { kind: 'province' });
    const admin = await userWithSession(t, root.id, ['admin']);
    const ok = await t.app.inject({ method: 'POST', url: '/api/calendar/schedules/import-text', headers: { cookie: admin.cookie }, payload: { text: 'ngay,loai,ten\n2028-02-14,nghỉ,Nghỉ thêm\n', source: 'Thử' } });
    expect(ok.json<{ saved: { year: number }[] }>().saved.map((x) => x.year)).toEqual([2028]);
    const school = await userWithSession(t, (await createUnit(t, { parentId: root.id })).id, ['admin']);
    const notAllowed = await t.app.inject({ method: 'POST', url: '/api/calendar/schedules/import-text', headers: { cookie: school.cookie }, payload: { text: 'không phải CSV' } });
    expect(notAllowed.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/calendar/schedules/import-text', headers: { cookie: admin.cookie }, payload: { text: '2029-02-14,nghỉ,A\n2029-02-30,nghỉ,B\n' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('dòng 2');
    expect((await get('/api/calendar/schedules/2029', admin.cookie)).json()).toEqual([]);
  });

  it('keeps the announced schedule as versioned data that only a top-level administrator edits', async () => {
    const root = await createUnit(t, { kind: 'province' });
    const child = await createUnit(t, { parentId: root.id });
    const rootAdmin = await userWithSession(t, root.id, ['admin']);
    const childAdmin = await userWithSession(t, child.id, ['admin']);
    const body = { daysOff: [{ date: '2027-02-12', name: 'Nghỉ Tết (bổ sung)' }], workingDays: [{ date: '2027-02-20', name: 'Làm bù' }], source: 'Thông báo thử' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/calendar/schedules/2027', headers: { cookie: childAdmin.cookie }, payload: body })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/calendar/schedules/2027', headers: { cookie: rootAdmin.cookie }, payload: { ...body, workingDays: [{ date: '2027-02-12', name: 'x' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('vừa là ngày nghỉ vừa là ngày làm việc');
    const v1 = await t.app.inject({ method: 'PUT', url: '/api/calendar/schedules/2027', headers: { cookie: rootAdmin.cookie }, payload: body });
    const v2 = await t.app.inject({ method: 'PUT', url: '/api/calendar/schedules/2027', headers: { cookie: rootAdmin.cookie }, payload: body });
    expect(v2.json<{ version: number }>().version).toBe(v1.json<{ version: number }>().version + 1);
    const versions = (await get('/api/calendar/schedules/2027', rootAdmin.cookie)).json<{ status: string }[]>();
    expect(versions.map((v) => v.status)).toEqual(['active', ...versions.slice(1).map(() => 'superseded')]);
    const feb = (await get(`/api/calendar/month?month=2027-02&unitId=${child.id}`, childAdmin.cookie)).json<{ days: { date: string; off: boolean }[] }>();
    expect(feb.days.find((d) => d.date === '2027-02-12')!.off).toBe(true);
    expect(feb.days.find((d) => d.date === '2027-02-20')!.off).toBe(false);
    const shipped = (await get('/api/calendar/schedules/2026', rootAdmin.cookie)).json<{ version: number; workingDays: { date: string }[] }[]>();
    expect(shipped.at(-1)).toMatchObject({ version: 1, workingDays: [{ date: '2026-01-10' }] });
  });

  it('lets a unit set its own rules, inherited by the units below it', async () => {
    const ward = await createUnit(t, { kind: 'ward' });
    const school = await createUnit(t, { parentId: ward.id });
    const admin = await userWithSession(t, ward.id, ['admin']);
    const staff = await userWithSession(t, school.id, ['staff']);
    const put = await t.app.inject({ method: 'PUT', url: `/api/units/${ward.id}/calendar-settings`, headers: { cookie: admin.cookie }, payload: { weekend: [0], afternoonCutoff: '16:00' } });
    expect(put.json()).toMatchObject({ own: { weekend: [0] }, inheritedFrom: 'own' });
    const inherited = (await get(`/api/units/${school.id}/calendar-settings`, staff.cookie)).json();
    expect(inherited).toMatchObject({ own: null, effective: { weekend: [0], afternoonCutoff: '16:00' }, inheritedFrom: String(ward.id) });
    const may = (await get(`/api/calendar/month?month=2026-05`, staff.cookie)).json<{ days: { date: string; off: boolean }[] }>();
    expect(may.days.find((d) => d.date === '2026-05-09')!.off).toBe(false); // a Saturday, now worked
    expect((await t.app.inject({ method: 'PUT', url: `/api/units/${school.id}/calendar-settings`, headers: { cookie: staff.cookie }, payload: { weekend: [0, 6] } })).statusCode).toBe(403);
  });

  it('publishes a personal iCalendar feed at a secret URL that can be revoked', async () => {
    const unit = await createUnit(t);
    const { cookie } = await userWithSession(t, unit.id, ['officer']);
    await importPlan(t, cookie, unit.id, planWithDeadlines());
    const created = (await t.app.inject({ method: 'POST', url: '/api/calendar/feed', headers: { cookie } })).json<{ url: string; active: boolean }>();
    expect(created.active).toBe(true);
    const path = new URL(created.url).pathname;
    const ics = await t.app.inject({ method: 'GET', url: path });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20260331');
    expect(ics.body.replace(/\r\n /g, '')).toContain('[1.4]');
    // A new link replaces the old one; revoking ends it.
    const second = (await t.app.inject({ method: 'POST', url: '/api/calendar/feed', headers: { cookie } })).json<{ url: string }>();
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    await t.app.inject({ method: 'DELETE', url: '/api/calendar/feed', headers: { cookie } });
    expect((await t.app.inject({ method: 'GET', url: new URL(second.url).pathname })).statusCode).toBe(404);
  });
});
