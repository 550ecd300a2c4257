import { expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { plainText, readDocx } from '../../documents/docx-reader.test-support.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { PERIOD, reportsApp, setNow } from './harness.test-support.js';
import type { Detail } from './harness.test-support.js';

describeEachDb('periodic CCHC reports: frozen submissions and scope', (open) => {
  const h = reportsApp(open);
  const { req, setup, url, progress, register } = h;

  it('freezes a submitted report: the download stays byte-identical after the data change', async () => {
    const s = await setup();
    const plan = await progress(s);
    const [, , d3] = await register(s);
    const submitted = await req('POST', url(s, '/submit'), s.officer.cookie);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ seq: 1, late: false });
    const docx1 = (await req('GET', url(s, '/report.docx'), s.officer.cookie)).rawPayload;
    const xlsx1 = (await req('GET', url(s, '/report.xlsx'), s.officer.cookie)).rawPayload;

    // A day later: a task occurrence and a dossier change.
    setNow('2026-03-04T09:00:00+07:00');
    const open = plan.tasks.flatMap((x) => x.occurrences).find((o) => o.due === '2026-02-20')!;
    expect(
      (
        await req('PATCH', `/api/occurrences/${open.id}`, s.officer.cookie, {
          status: 'done',
          completedOn: '2026-03-04',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await req('POST', `/api/dossiers/${d3!}/steps`, s.officer.cookie, { kind: 'resolved' })).statusCode,
    ).toBe(200);

    const again = await req('GET', url(s, '/report.docx'), s.superior.cookie);
    expect(again.headers['x-report-frozen']).toBe('1');
    expect(Buffer.compare(again.rawPayload, docx1)).toBe(0);
    expect(
      Buffer.compare((await req('GET', url(s, '/report.xlsx'), s.officer.cookie)).rawPayload, xlsx1),
    ).toBe(0);
    // A live generation would now differ: the frozen copy is what changed nothing.
    const live = await h.t.services.reports.file(SYSTEM_ACTOR, s.unit.id, PERIOD, 'docx', undefined);
    expect(live.frozen).toBe(true);
    const content = await h.t.services.reports.content(SYSTEM_ACTOR, s.unit.id, PERIOD);
    expect(content.dossiers!.finishedOnTime).toBe(2);
    // The frozen figures are still shown on the page.
    const detail = (await req('GET', url(s), s.superior.cookie)).json<
      Detail & { content: { dossiers: { finishedOnTime: number } } }
    >();
    expect(detail.frozen).toBe(true);
    expect(detail.content.dossiers.finishedOnTime).toBe(1);
  });

  it('keeps every endpoint inside the unit scope: a sibling gets 404, the superior reads but cannot edit', async () => {
    const s = await setup();
    await req('PUT', url(s), s.officer.cookie, { narratives: { general: 'Nháp.' } });
    for (const [method, tail, body] of [
      ['GET', '', undefined],
      ['PUT', '', { narratives: { general: 'x' } }],
      ['GET', '/report.docx', undefined],
      ['GET', '/report.xlsx', undefined],
      ['POST', '/submit', undefined],
      ['POST', '/return', { reason: 'Không được.' }],
    ] as const)
      expect(
        (await req(method, url(s, tail), s.siblingUser.cookie, body)).statusCode,
        `${method} ${tail}`,
      ).toBe(404);
    expect(
      (await req('GET', `/api/reports/schedule?unitId=${s.unit.id}`, s.siblingUser.cookie)).statusCode,
    ).toBe(404);
    expect(
      (await req('GET', `/api/reports/overview?unitId=${s.unit.id}&period=${PERIOD}`, s.siblingUser.cookie))
        .statusCode,
    ).toBe(404);
    // The superior reads the draft and downloads it, but cannot edit, submit, or return a draft.
    const read = await req('GET', url(s), s.superior.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json<Detail>()).toMatchObject({
      draft: { narratives: { general: 'Nháp.' } },
      actions: { edit: false, submit: false, return: false },
    });
    expect((await req('GET', url(s, '/report.docx'), s.superior.cookie)).statusCode).toBe(200);
    expect(
      (await req('PUT', url(s), s.superior.cookie, { narratives: { general: 'Cấp trên sửa.' } })).statusCode,
    ).toBe(403);
    expect((await req('POST', url(s, '/submit'), s.superior.cookie)).statusCode).toBe(403);
    expect(
      (await req('POST', url(s, '/return'), s.superior.cookie, { reason: 'Chưa gửi mà.' })).statusCode,
    ).toBe(409);
    // Staff of the unit read but do not write; the unit itself cannot return its own report.
    expect((await req('PUT', url(s), s.staff.cookie, { narratives: { general: 'x' } })).statusCode).toBe(403);
    await req('POST', url(s, '/submit'), s.officer.cookie);
    expect(
      (await req('POST', url(s, '/return'), s.officer.cookie, { reason: 'Tự trả lại.' })).statusCode,
    ).toBe(403);
    // A period outside the model is refused with a Vietnamese message.
    const q2 = await req('GET', `/api/reports/units/${s.unit.id}/periods/2026-Q2`, s.officer.cookie);
    expect(q2.statusCode).toBe(400);
    expect(q2.json().error.message).toMatch(/Kỳ báo cáo/);
  });
});

describeEachDb('periodic CCHC reports: return, re-submission and lateness', (open) => {
  const h = reportsApp(open);
  const { req, setup, url } = h;

  it('submits, is returned with a reason, is edited and re-submitted late; every step audited', async () => {
    const s = await setup();
    // Before the due date (05/03): a draft, then on-time submission.
    expect((await req('GET', url(s), s.officer.cookie)).json<Detail>().period.state).toBe('not_started');
    await req('PUT', url(s), s.officer.cookie, { narratives: { general: 'Bản đầu.' } });
    expect((await req('GET', url(s), s.officer.cookie)).json<Detail>().period.state).toBe('draft');
    expect((await req('POST', url(s, '/submit'), s.officer.cookie)).json()).toMatchObject({
      seq: 1,
      late: false,
    });
    // Submitted: the unit can no longer edit or submit again.
    expect((await req('PUT', url(s), s.officer.cookie, { narratives: { general: 'Sửa.' } })).statusCode).toBe(
      409,
    );
    expect((await req('POST', url(s, '/submit'), s.officer.cookie)).statusCode).toBe(409);
    // The superior sees it submitted, on time.
    const overview = (
      await req('GET', `/api/reports/overview?unitId=${s.ward.id}&period=${PERIOD}`, s.superior.cookie)
    ).json<{ units: { unitId: number; state: string; submittedLate: boolean }[] }>();
    expect(overview.units.find((u) => u.unitId === s.unit.id)).toMatchObject({
      state: 'submitted',
      submittedLate: false,
    });
    // The sibling has not submitted and the due date has not passed yet.
    expect(overview.units.find((u) => u.unitId === s.sibling.id)).toMatchObject({ state: 'not_started' });

    // The superior returns it (a reason is required).
    expect((await req('POST', url(s, '/return'), s.superior.cookie, { reason: '' })).statusCode).toBe(400);
    setNow('2026-03-06T09:00:00+07:00');
    const returned = await req('POST', url(s, '/return'), s.superior.cookie, {
      reason: 'Bổ sung số liệu lĩnh vực 2.',
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json<Detail>().period.state).toBe('returned');
    expect((await req('POST', url(s, '/return'), s.superior.cookie, { reason: 'Lần nữa.' })).statusCode).toBe(
      409,
    );
    // The unit edits and re-submits after the due date: late.
    expect(
      (await req('PUT', url(s), s.officer.cookie, { narratives: { areas: { '2': 'Bổ sung.' } } })).statusCode,
    ).toBe(200);
    const again = await req('POST', url(s, '/submit'), s.officer.cookie);
    expect(again.json()).toMatchObject({ seq: 2, late: true });
    const d = (await req('GET', url(s), s.superior.cookie)).json<Detail>();
    expect(d.period).toMatchObject({ state: 'submitted', submittedLate: true });
    expect(d.draft.narratives).toEqual({ areas: { '2': 'Bổ sung.' }, general: 'Bản đầu.' });
    expect(d.submissions).toMatchObject([
      { seq: 1, late: false, returnReason: 'Bổ sung số liệu lĩnh vực 2.' },
      { seq: 2, late: true, returnReason: null },
    ]);
    // Both submissions stay downloadable; the first one is the first text.
    const first = await req('GET', url(s, '/submissions/1/report.docx'), s.superior.cookie);
    expect(plainText((await readDocx(first.rawPayload)).documentXml)).toContain('Bản đầu.');
    expect(plainText((await readDocx(first.rawPayload)).documentXml)).not.toContain('Bổ sung.');
    const audit = await h.t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('entity', '=', 'report')
      .orderBy('id')
      .execute();
    const mine = audit
      .filter((a) => a.user_id === s.officer.user.id || a.user_id === s.superior.user.id)
      .map((a) => a.action);
    expect(mine).toEqual(['save_draft', 'submit', 'return', 'save_draft', 'resubmit']);
  });

  it('marks a report late when it is not submitted by its due date, in the schedule and for reminders', async () => {
    const s = await setup();
    setNow('2026-03-06T09:00:00+07:00');
    const schedule = (await req('GET', `/api/reports/schedule?year=2026`, s.officer.cookie)).json<{
      periods: { key: string; state: string; dueDate: string }[];
    }>();
    expect(schedule.periods.map((p) => [p.key, p.dueDate, p.state])).toEqual([
      ['2026-Q1', '2026-03-05', 'overdue'],
      ['2026-H1', '2026-06-05', 'not_started'],
      ['2026-Q3', '2026-09-05', 'not_started'],
      ['2026-Y', '2026-12-05', 'not_started'],
    ]);
    const overview = (
      await req('GET', `/api/reports/overview?unitId=${s.ward.id}&period=${PERIOD}`, s.superior.cookie)
    ).json<{ units: { unitId: number; state: string }[] }>();
    expect(overview.units.find((u) => u.unitId === s.unit.id)!.state).toBe('overdue');
    // Reminders: late on 06/03; on 30/05 the 6-month report is due soon (05/06) and Q1 still late.
    const late = (await h.t.services.reports.dueReports('2026-03-06')).filter((r) => r.unitId === s.unit.id);
    expect(late.map((r) => [r.periodKey, r.state])).toEqual([['2026-Q1', 'overdue']]);
    const soon = (await h.t.services.reports.dueReports('2026-05-30')).filter((r) => r.unitId === s.unit.id);
    expect(soon.map((r) => [r.periodKey, r.state])).toEqual([
      ['2026-Q1', 'overdue'],
      ['2026-H1', 'due_soon'],
    ]);
    await req('POST', url(s, '/submit'), s.officer.cookie);
    expect(
      (await h.t.services.reports.dueReports('2026-03-06')).filter((r) => r.unitId === s.unit.id),
    ).toEqual([]);
  });
});
