import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUnit, makeApp, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { importPlan } from '../../../tests/support/plans.js';
import type { Clock } from '../../lib/clock.js';
import { reportPlanText } from '../reports/fixtures.test-support.js';

let nowIso = '2026-02-25T08:00:00+07:00';
const clock: Clock = { now: () => new Date(nowIso) };

describeEachDb('reminders of periodic reports and of feedback', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { clock, config: { sessionHours: 24 * 3650 } });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  /** The unit's reminders of one kind in the outbox, in the order they were made. */
  async function remindersOf(unitId: number, kind: 'report_due' | 'feedback_due') {
    return tdb.db.kysely
      .selectFrom('outbox')
      .select(['user_id', 'event_key', 'link', 'subject'])
      .where('unit_id', '=', unitId)
      .where('kind', '=', kind)
      .orderBy('id')
      .execute();
  }
  const reportReminders = (unitId: number) => remindersOf(unitId, 'report_due');

  it('reminds the unit’s officers of a report coming due, again when it is late, and never after it is submitted', async () => {
    nowIso = '2026-02-25T08:00:00+07:00';
    const unit = await createUnit(t, { name: 'Trường Tiểu học Nhắc Báo Cáo' });
    const officer = await userWithSession(t, unit.id, ['officer']);
    const head = await userWithSession(t, unit.id, ['head']);
    const staff = await userWithSession(t, unit.id, ['staff']);
    await importPlan(t, officer.cookie, unit.id, reportPlanText());
    const q1 = await t.app.inject({
      method: 'GET',
      url: `/api/reports/units/${unit.id}/periods/2026-Q1`,
      headers: { cookie: officer.cookie },
    });
    expect(q1.statusCode).toBe(200);
    const due = q1.json<{ period: { dueDate: string } }>().period.dueDate;
    const dayBefore = (iso: string, days: number) =>
      new Date(Date.parse(`${iso}T08:00:00+07:00`) - days * 86_400_000).toISOString();

    // Eight days before the due date: nothing yet.
    nowIso = dayBefore(due, 8);
    await t.services.reminders.sweep();
    expect(await reportReminders(unit.id)).toEqual([]);

    // A week before: the officer and the head (who draft and submit it) are reminded, once.
    nowIso = dayBefore(due, 7);
    await t.services.reminders.sweep();
    await t.services.reminders.sweep();
    const soon = await reportReminders(unit.id);
    expect(soon.map((r) => r.user_id).sort()).toEqual([officer.user.id, head.user.id].sort());
    expect(
      soon.every((r) => r.link === `/bao-cao/${unit.id}/2026-Q1` && r.event_key.endsWith(':due_soon')),
    ).toBe(true);
    expect(soon[0]!.subject).toContain('Sắp đến hạn gửi');
    expect(soon.some((r) => r.user_id === staff.user.id)).toBe(false);
    const bell = await t.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: { cookie: officer.cookie },
    });
    expect(
      bell.json<{ items: { kind: string }[] }>().items.filter((i) => i.kind === 'report_due'),
    ).toHaveLength(1);

    // The day after the due date, not submitted: a second reminder each, that it is late.
    nowIso = dayBefore(due, -1);
    await t.services.reminders.sweep();
    await t.services.reminders.sweep();
    const late = (await reportReminders(unit.id)).filter((r) => r.event_key.endsWith(':overdue'));
    expect(late.map((r) => r.user_id).sort()).toEqual([officer.user.id, head.user.id].sort());
    expect(late[0]!.subject).toContain('Quá hạn gửi');

    // Submitted (late): no further reminder for it on later sweeps.
    const submit = await t.app.inject({
      method: 'POST',
      url: `/api/reports/units/${unit.id}/periods/2026-Q1/submit`,
      headers: { cookie: officer.cookie },
    });
    expect(submit.statusCode).toBe(200);
    const before = (await reportReminders(unit.id)).length;
    nowIso = dayBefore(due, -3);
    await t.services.reminders.sweep();
    expect((await reportReminders(unit.id)).filter((r) => r.event_key.includes(':2026-Q1:'))).toHaveLength(
      before,
    );
  });

  it('reminds the assigned officer and the handlers of a feedback step near its deadline, once per step', async () => {
    nowIso = '2026-05-11T09:00:00+07:00'; // Monday
    const unit = await createUnit(t, { name: 'Trường Tiểu học Nhắc Phản Ánh' });
    const officer = await userWithSession(t, unit.id, ['officer']);
    const head = await userWithSession(t, unit.id, ['head']);
    const staff = await userWithSession(t, unit.id, ['staff']);
    const entered = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: { cookie: officer.cookie },
      payload: {
        unitId: unit.id,
        source: 'phone',
        sender: { name: 'Lê Văn Cường', address: '5 Trần Hưng Đạo', phone: '0987654321' },
        title: 'Phản ánh giờ đón trẻ',
        content: 'Phụ huynh phản ánh giờ đón trẻ buổi chiều chưa phù hợp với giờ tan làm.',
      },
    });
    expect(entered.statusCode).toBe(200);
    const item = entered.json<{ id: number; code: string }>();
    // Classification is due within 2 working days of receipt: due soon at once, to the handlers.
    await t.services.reminders.sweep();
    await t.services.reminders.sweep();
    const first = await remindersOf(unit.id, 'feedback_due');
    expect(first.map((r) => r.user_id).sort()).toEqual([officer.user.id, head.user.id].sort());
    expect(first.every((r) => r.link === `/pakn/${item.id}` && r.subject.includes(item.code))).toBe(true);
    expect(first[0]!.subject).toContain('phân loại');
    expect(first.some((r) => r.user_id === staff.user.id)).toBe(false);
    // Past the classification deadline without a step: one more each, that it is late.
    nowIso = '2026-05-14T09:00:00+07:00';
    await t.services.reminders.sweep();
    await t.services.reminders.sweep();
    const late = (await remindersOf(unit.id, 'feedback_due')).filter((r) => r.event_key.endsWith(':overdue'));
    expect(late.map((r) => r.user_id).sort()).toEqual([officer.user.id, head.user.id].sort());
    expect(late[0]!.subject).toContain('Quá hạn');
  });
});
