import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { TEST_PASSWORD, createUnit, login, makeApp, uniq } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { Clock } from '../../lib/clock.js';
import type { Role } from '../auth/roles.js';
import { startTestSmtpServer } from './smtp-server.test-support.js';
import type { TestSmtpServer } from './smtp-server.test-support.js';
import { planWithOccurrences } from './test-support.js';

/** The clock the tests move: Vietnam wall-clock strings in. */
let nowIso = '2026-06-02T08:00:00+07:00';
const clock: Clock = { now: () => new Date(nowIso) };
const setNow = (vn: string) => {
  nowIso = vn;
};

interface OutboxItem {
  id: number;
  unitId: number;
  recipientName: string | null;
  emailTo: string | null;
  kind: string;
  subject: string;
  text: string;
  link: string | null;
  inApp: boolean;
  emailStatus: string;
  attempts: number;
  lastError: string | null;
}
interface NotificationItem {
  id: number;
  kind: string;
  subject: string;
  link: string | null;
  readAt: string | null;
}

describeEachDb('reminders', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  let smtp: TestSmtpServer;
  let mailing: TestApp;

  beforeAll(async () => {
    tdb = await open();
    // The clock moves over months: sessions must outlive it.
    t = await makeApp(tdb.db, { clock, config: { sessionHours: 24 * 3650 } });
    smtp = await startTestSmtpServer();
    mailing = await makeApp(tdb.db, {
      clock,
      config: {
        sessionHours: 24 * 3650,
        smtpUrl: smtp.url,
        mailFrom: 'CCHC <cchc@donvi.gov.vn>',
        appUrl: 'https://cchc.donvi.gov.vn',
      },
    });
  });
  afterAll(async () => {
    await mailing.app.close();
    await t.app.close();
    await smtp.close();
    await tdb.drop();
  });

  async function person(unitId: number, roles: Role[], email: string | null = null) {
    const username = `u${uniq().toLowerCase()}`;
    const user = await t.services.users.create(null, {
      unitId,
      username,
      fullName: `Người ${username}`,
      roles,
      password: TEST_PASSWORD,
      email,
    });
    return { id: user.id, name: user.full_name, email, cookie: await login(t, username) };
  }

  // The plans made here are active, so their periodic reports come due too: those reminders have
  // their own test (more-sources.test.ts) and are left out of what this file compares.
  const notReports = <T extends { kind: string }>(items: T[]) => items.filter((i) => i.kind !== 'report_due');

  async function outboxOf(cookie: string, unitId: number, subtree = false): Promise<OutboxItem[]> {
    const items: OutboxItem[] = [];
    for (let page = 1; ; page++) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/outbox?unitId=${unitId}&subtree=${subtree ? 1 : 0}&page=${page}`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ items: OutboxItem[]; pageSize: number }>();
      items.push(...notReports(body.items));
      if (body.items.length < body.pageSize) return items;
    }
  }

  const notificationsOf = async (cookie: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: NotificationItem[]; unread: number }>();
    const reports = body.items.filter((i) => i.kind === 'report_due' && i.readAt === null).length;
    return { items: notReports(body.items), unread: body.unread - reports };
  };

  /** (recipient name, kind, link) triples, sorted, for readable assertions. */
  const triples = (items: OutboxItem[]) => items.map((i) => `${i.recipientName}|${i.kind}|${i.link}`).sort();

  it('reminds the right people of each kind: assignees, the officers when nobody is assigned, overdue to both, dossiers to handlers', async () => {
    setNow('2026-06-02T08:00:00+07:00'); // Tuesday
    const unit = await createUnit(t, { name: 'Trường Tiểu học Nhắc Việc' });
    const admin = await person(unit.id, ['admin']);
    const head = await person(unit.id, ['head']);
    const officer = await person(unit.id, ['officer']);
    const staff1 = await person(unit.id, ['staff']);
    const staff2 = await person(unit.id, ['staff']);
    const [assigned, unassigned, overdue, done, later] = await planWithOccurrences(t.db.kysely, unit.id, [
      { due: '2026-06-11', assignees: [staff1.id] }, // Thursday: exactly 7 working days ahead
      { due: '2026-06-11' },
      { due: '2026-06-01', assignees: [staff2.id] }, // yesterday
      { due: '2026-06-11', assignees: [staff1.id], status: 'done' },
      { due: '2026-06-12', assignees: [staff1.id] }, // 8 working days: not yet
    ]);
    // A dossier received today with a 1-working-day limit: its appointment is tomorrow.
    const proc = await t.app.inject({
      method: 'POST',
      url: '/api/procedures',
      headers: { cookie: officer.cookie },
      payload: {
        unitId: unit.id,
        code: '1.001',
        name: 'Xác nhận học sinh đang học',
        limitUnit: 'working_days',
        limitAmount: 1,
        feeBearing: false,
        onlineLevel: 'partial',
        resultType: 'paper',
      },
    });
    expect(proc.statusCode).toBe(200);
    const dossier = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { cookie: officer.cookie },
      payload: {
        unitId: unit.id,
        procedureId: proc.json<{ id: number }>().id,
        channel: 'direct',
        applicant: { name: 'Trần Thị Bình' },
        documents: [{ name: 'Đơn đề nghị' }],
      },
    });
    expect(dossier.statusCode).toBe(200);
    const dossierId = dossier.json<{ id: number }>().id;

    const r = await t.services.reminders.sweep();
    expect(r.sourceErrors).toEqual([]);
    const out = await outboxOf(admin.cookie, unit.id);
    expect(triples(out)).toEqual(
      [
        `${staff1.name}|task_due_7|/tasks/${assigned!.taskId}`,
        `${officer.name}|task_due_7|/tasks/${unassigned!.taskId}`,
        `${staff2.name}|task_overdue|/tasks/${overdue!.taskId}`,
        `${officer.name}|task_overdue|/tasks/${overdue!.taskId}`,
        `${admin.name}|dossier_due|/ho-so/${dossierId}`,
        `${head.name}|dossier_due|/ho-so/${dossierId}`,
        `${officer.name}|dossier_due|/ho-so/${dossierId}`,
      ].sort(),
    );
    expect(out.some((o) => o.link === `/tasks/${done!.taskId}` || o.link === `/tasks/${later!.taskId}`)).toBe(
      false,
    );
    const mine = out.find((o) => o.recipientName === staff1.name)!;
    expect(mine.subject).toBe('[CCHC] Sắp đến hạn: 1.1. Nhiệm vụ thử 1 (hạn 11/06/2026)');
    expect(mine.text).toContain('còn 7 ngày làm việc');
    // No SMTP server here: nothing is sent, every message is kept (no e-mail address on file).
    expect(new Set(out.filter((o) => o.kind !== 'dossier_due').map((o) => o.emailStatus))).toEqual(
      new Set(['no_address']),
    );
    expect(new Set(out.filter((o) => o.kind === 'dossier_due').map((o) => o.emailStatus))).toEqual(
      new Set(['off']),
    );
    // Each recipient's bell holds their own.
    const bell = await notificationsOf(staff1.cookie);
    expect(bell.unread).toBe(1);
    expect(bell.items.map((n) => n.link)).toEqual([`/tasks/${assigned!.taskId}`]);
  });

  it('never makes a reminder twice: repeated sweeps, later days in the window, then the 1-day and overdue reminders once each', async () => {
    setNow('2026-06-02T08:00:00+07:00');
    const unit = await createUnit(t);
    const admin = await person(unit.id, ['admin']);
    const staff = await person(unit.id, ['staff']);
    await planWithOccurrences(t.db.kysely, unit.id, [{ due: '2026-06-11', assignees: [staff.id] }]);
    const kinds = async () =>
      (await outboxOf(admin.cookie, unit.id))
        .filter((o) => o.recipientName === staff.name)
        .map((o) => o.kind)
        .sort();

    await t.services.reminders.sweep();
    await t.services.reminders.sweep();
    expect(await kinds()).toEqual(['task_due_7']);
    for (const day of ['2026-06-03', '2026-06-05', '2026-06-08', '2026-06-09']) {
      setNow(`${day}T08:00:00+07:00`);
      await t.services.reminders.sweep();
    }
    expect(await kinds()).toEqual(['task_due_7']);
    setNow('2026-06-10T08:00:00+07:00');
    await t.services.reminders.sweep();
    setNow('2026-06-10T15:00:00+07:00');
    await t.services.reminders.sweep();
    setNow('2026-06-11T08:00:00+07:00');
    await t.services.reminders.sweep();
    expect(await kinds()).toEqual(['task_due_1', 'task_due_7']);
    for (const day of ['2026-06-12', '2026-06-15', '2026-06-22']) {
      setNow(`${day}T08:00:00+07:00`);
      await t.services.reminders.sweep();
    }
    expect(await kinds()).toEqual(['task_due_1', 'task_due_7', 'task_overdue']);
    const bell = await notificationsOf(staff.cookie);
    expect(bell.items).toHaveLength(3);
    expect(bell.unread).toBe(3);
  });

  it('sends the first reminder when a sweep missed the exact day, and only once', async () => {
    setNow('2026-06-05T08:00:00+07:00'); // Friday: 4 working days before Thursday 11/06
    const unit = await createUnit(t);
    const admin = await person(unit.id, ['admin']);
    const staff = await person(unit.id, ['staff']);
    await planWithOccurrences(t.db.kysely, unit.id, [{ due: '2026-06-11', assignees: [staff.id] }]);
    await t.services.reminders.sweep();
    setNow('2026-06-08T08:00:00+07:00');
    await t.services.reminders.sweep();
    const out = (await outboxOf(admin.cookie, unit.id)).filter((o) => o.recipientName === staff.name);
    expect(out.map((o) => o.kind)).toEqual(['task_due_7']);
    expect(out[0]!.text).toContain('còn 4 ngày làm việc');
  });

  it("counts working days in the unit's calendar: over Tết 2026, past weekends, and with a unit that works on Saturdays", async () => {
    const unit = await createUnit(t);
    const admin = await person(unit.id, ['admin']);
    const staff = await person(unit.id, ['staff']);
    const saturdays = await createUnit(t);
    const satAdmin = await person(saturdays.id, ['admin']);
    const satStaff = await person(saturdays.id, ['staff']);
    const settings = await t.app.inject({
      method: 'PUT',
      url: `/api/units/${saturdays.id}/calendar-settings`,
      headers: { cookie: satAdmin.cookie },
      payload: { weekend: [0] },
    });
    expect(settings.statusCode).toBe(200);
    // Due Thursday 26/02/2026, after the Tết break (Mon 16 – Fri 20/02, weekends around it).
    const [tet, june] = await planWithOccurrences(t.db.kysely, unit.id, [
      { due: '2026-02-26', assignees: [staff.id] },
      { due: '2026-06-11', assignees: [staff.id] },
    ]);
    const [satJune] = await planWithOccurrences(t.db.kysely, saturdays.id, [
      { due: '2026-06-11', assignees: [satStaff.id] },
    ]);
    const linksOf = async (cookie: string, unitId: number) =>
      (await outboxOf(cookie, unitId)).map((o) => o.link).sort();

    setNow('2026-02-09T08:00:00+07:00');
    await t.services.reminders.sweep();
    expect(await linksOf(admin.cookie, unit.id)).toEqual([]);
    setNow('2026-02-10T08:00:00+07:00'); // 16 calendar days before: 7 working days over Tết
    await t.services.reminders.sweep();
    expect(await linksOf(admin.cookie, unit.id)).toEqual([`/tasks/${tet!.taskId}`]);

    setNow('2026-06-01T08:00:00+07:00'); // Monday: 8 working days before Thursday 11/06
    await t.services.reminders.sweep();
    expect(await linksOf(admin.cookie, unit.id)).toEqual([`/tasks/${tet!.taskId}`]);
    setNow('2026-06-02T08:00:00+07:00'); // Tuesday: 7, the weekend 6–7/06 skipped
    await t.services.reminders.sweep();
    expect(await linksOf(admin.cookie, unit.id)).toEqual(
      [`/tasks/${tet!.taskId}`, `/tasks/${june!.taskId}`].sort(),
    );
    // Working Saturday 06/06 counts: 8 working days on Tuesday, 7 on Wednesday.
    expect(await linksOf(satAdmin.cookie, saturdays.id)).toEqual([]);
    setNow('2026-06-03T08:00:00+07:00');
    await t.services.reminders.sweep();
    expect(await linksOf(satAdmin.cookie, saturdays.id)).toEqual([`/tasks/${satJune!.taskId}`]);
  });

  it('respects preferences: off makes nothing, e-mail off leaves only the notification; and mails the rest over SMTP', async () => {
    setNow('2026-06-02T08:00:00+07:00');
    smtp.received.length = 0;
    const unit = await createUnit(t, { name: 'Trường Mầm non Hoa Sen' });
    const admin = await person(unit.id, ['admin']);
    const both = await person(unit.id, ['staff'], `both.${unit.id}@example.vn`);
    const inAppOnly = await person(unit.id, ['staff'], `inapp.${unit.id}@example.vn`);
    const nothing = await person(unit.id, ['staff'], `none.${unit.id}@example.vn`);
    const put = async (cookie: string, items: object[]) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/notifications/preferences',
        headers: { cookie },
        payload: { items },
      });
    expect(
      (await put(inAppOnly.cookie, [{ kind: 'task_due_7', email: false, inApp: true }])).statusCode,
    ).toBe(200);
    expect((await put(nothing.cookie, [{ kind: 'task_due_7', email: false, inApp: false }])).statusCode).toBe(
      200,
    );
    const bad = await put(nothing.cookie, [{ kind: 'gui_thu_rac', email: true, inApp: true }]);
    expect(bad.statusCode).toBe(400);
    const prefs = (
      await t.app.inject({
        method: 'GET',
        url: '/api/notifications/preferences',
        headers: { cookie: inAppOnly.cookie },
      })
    ).json<{
      items: { kind: string; email: boolean; inApp: boolean; isDefault: boolean }[];
      emailAddress: string | null;
    }>();
    expect(prefs.items.find((i) => i.kind === 'task_due_7')).toMatchObject({
      email: false,
      inApp: true,
      isDefault: false,
    });
    expect(prefs.items.find((i) => i.kind === 'task_due_1')).toMatchObject({
      email: true,
      inApp: true,
      isDefault: true,
    });
    expect(prefs.emailAddress).toBe(inAppOnly.email);

    const [task] = await planWithOccurrences(t.db.kysely, unit.id, [
      {
        due: '2026-06-11',
        assignees: [both.id, inAppOnly.id, nothing.id],
        title: 'Niêm yết công khai thủ tục hành chính',
      },
    ]);
    const r = await mailing.services.reminders.sweep();
    expect(r.emailsFailed).toBe(0);

    const out = (await outboxOf(admin.cookie, unit.id)).sort((a, b) => a.id - b.id);
    expect(out.map((o) => [o.recipientName, o.emailStatus, o.inApp])).toEqual(
      expect.arrayContaining([
        [both.name, 'sent', true],
        [inAppOnly.name, 'off', true],
      ]),
    );
    expect(out).toHaveLength(2);
    expect((await notificationsOf(both.cookie)).items).toHaveLength(1);
    expect((await notificationsOf(inAppOnly.cookie)).items).toHaveLength(1);
    expect((await notificationsOf(nothing.cookie)).items).toHaveLength(0);

    // The SMTP server got exactly one message, to the one who wants e-mail, as the outbox says.
    const got = smtp.received.filter((m) => m.to.some((a) => a.endsWith(`.${unit.id}@example.vn`)));
    expect(got).toHaveLength(1);
    const mail = got[0]!;
    expect(mail.to).toEqual([both.email]);
    expect(mail.from).toBe('cchc@donvi.gov.vn');
    expect(mail.subject).toBe(
      '[CCHC] Sắp đến hạn: 1.1. Niêm yết công khai thủ tục hành chính (hạn 11/06/2026)',
    );
    expect(mail.text).toContain('còn 7 ngày làm việc');
    expect(mail.text).toContain(`Xem chi tiết: https://cchc.donvi.gov.vn/tasks/${task!.taskId}`);

    // Sweeping again sends nothing more.
    await mailing.services.reminders.sweep();
    expect(smtp.received.filter((m) => m.to.some((a) => a.endsWith(`.${unit.id}@example.vn`)))).toHaveLength(
      1,
    );
  });

  it('keeps an e-mail the server refused and sends it on a later sweep', async () => {
    setNow('2026-06-02T08:00:00+07:00');
    const unit = await createUnit(t);
    const admin = await person(unit.id, ['admin']);
    const staff = await person(unit.id, ['staff'], `retry.${unit.id}@example.vn`);
    await planWithOccurrences(t.db.kysely, unit.id, [{ due: '2026-06-11', assignees: [staff.id] }]);
    smtp.failing = true;
    try {
      const r = await mailing.services.reminders.sweep();
      expect(r.emailsFailed).toBeGreaterThan(0);
    } finally {
      smtp.failing = false;
    }
    const [waiting] = await outboxOf(admin.cookie, unit.id);
    expect(waiting).toMatchObject({ emailStatus: 'pending', attempts: 1 });
    expect(waiting!.lastError).toContain('451');
    await mailing.services.reminders.sweep();
    const [sent] = await outboxOf(admin.cookie, unit.id);
    expect(sent).toMatchObject({ emailStatus: 'sent', attempts: 2, lastError: null });
    expect(smtp.received.filter((m) => m.to.includes(staff.email!))).toHaveLength(1);
  });

  it('scopes notifications to their recipient and the outbox to administrators of the unit or a superior', async () => {
    setNow('2026-06-02T08:00:00+07:00');
    const ward = await createUnit(t, { kind: 'ward' });
    const school = await createUnit(t, { parentId: ward.id });
    const other = await createUnit(t);
    const wardAdmin = await person(ward.id, ['admin']);
    const schoolAdmin = await person(school.id, ['admin']);
    const officer = await person(school.id, ['officer']);
    const staff = await person(school.id, ['staff']);
    const otherAdmin = await person(other.id, ['admin']);
    await planWithOccurrences(t.db.kysely, school.id, [{ due: '2026-06-11', assignees: [staff.id] }]);
    await planWithOccurrences(t.db.kysely, ward.id, [{ due: '2026-06-11', assignees: [wardAdmin.id] }]);
    await t.services.reminders.sweep();

    const mine = await notificationsOf(staff.cookie);
    expect(mine.items).toHaveLength(1);
    const id = mine.items[0]!.id;
    // Nobody else reads or marks it: a 404, as if it did not exist.
    expect((await notificationsOf(officer.cookie)).items.some((n) => n.id === id)).toBe(false);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/notifications/${id}/read`,
          headers: { cookie: officer.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/notifications/${id}/read`,
          headers: { cookie: wardAdmin.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${id}/read`,
      headers: { cookie: staff.cookie },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json<NotificationItem>().readAt).not.toBeNull();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/notifications/unread-count',
          headers: { cookie: staff.cookie },
        })
      ).json(),
    ).toEqual({ count: 0 });

    // The outbox: the school's administrator sees the school's; the ward's sees its subtree.
    expect((await outboxOf(schoolAdmin.cookie, school.id)).map((o) => o.recipientName)).toEqual([staff.name]);
    expect((await outboxOf(wardAdmin.cookie, ward.id, true)).map((o) => o.recipientName).sort()).toEqual(
      [staff.name, wardAdmin.name].sort(),
    );
    expect((await outboxOf(wardAdmin.cookie, ward.id)).map((o) => o.recipientName)).toEqual([wardAdmin.name]);
    const get = (cookie: string, unitId: number) =>
      t.app.inject({ method: 'GET', url: `/api/outbox?unitId=${unitId}`, headers: { cookie } });
    expect((await get(officer.cookie, school.id)).statusCode).toBe(403);
    expect((await get(staff.cookie, school.id)).statusCode).toBe(403);
    expect((await get(schoolAdmin.cookie, ward.id)).statusCode).toBe(404);
    expect((await get(otherAdmin.cookie, school.id)).statusCode).toBe(404);
  });

  it('marks all read and pages the list', async () => {
    setNow('2026-06-02T08:00:00+07:00');
    const unit = await createUnit(t);
    const staff = await person(unit.id, ['staff']);
    await planWithOccurrences(t.db.kysely, unit.id, [
      { due: '2026-06-11', assignees: [staff.id] },
      { due: '2026-06-10', assignees: [staff.id] },
      { due: '2026-06-01', assignees: [staff.id] },
    ]);
    await t.services.reminders.sweep();
    expect((await notificationsOf(staff.cookie)).unread).toBe(3);
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { cookie: staff.cookie },
    });
    expect(all.json()).toEqual({ updated: 3 });
    const after = await notificationsOf(staff.cookie);
    expect(after.unread).toBe(0);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
    const unreadOnly = await t.app.inject({
      method: 'GET',
      url: '/api/notifications?unread=1',
      headers: { cookie: staff.cookie },
    });
    expect(unreadOnly.json<{ items: unknown[] }>().items).toEqual([]);
  });
});
