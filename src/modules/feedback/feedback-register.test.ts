import { expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { importPlan, smallPlanText } from '../../../tests/support/plans.js';
import type { PlanDetail } from '../plans/schema.js';
import { FeedbackHarness, vnIso } from './feedback.test-support.js';
import type { FeedbackDetail, FeedbackListItem } from './schema.js';

async function listsDueItems(h: FeedbackHarness) {
  const s = await h.setup();
  // The unit answers within 10 working days; the outsider and staff may not change that.
  const put = (cookie: string, body: object) =>
    h.t.app.inject({
      method: 'PUT',
      url: '/api/feedback/settings',
      headers: { cookie },
      payload: {
        unitId: s.unit.id,
        classifyDays: 2,
        forwardDays: 5,
        answerDays: 10,
        publishDays: 2,
        ...body,
      },
    });
  expect((await put(s.staff.cookie, {})).statusCode).toBe(403);
  expect((await put(s.outsider.cookie, {})).statusCode).toBe(404);
  expect((await put(s.officer.cookie, {})).json()).toMatchObject({ answerDays: 10, inheritedFrom: 'own' });
  expect((await h.get(s.outsider.cookie, `/api/feedback/settings?unitId=${s.unit.id}`)).statusCode).toBe(404);
  expect((await h.get(s.reviewer.cookie, `/api/feedback/settings?unitId=${s.unit.id}`)).json()).toMatchObject(
    { answerDays: 10 },
  );

  h.at('2026-05-04T09:00:00+07:00'); // Mon
  const a = (await h.enter(s)).json<FeedbackDetail>(); // classify by Wed 6/5
  expect(a.deadlines.answer).toBe(vnIso('2026-05-18T17:00:00+07:00')); // 10 working days
  const b = (await h.enter(s)).json<FeedbackDetail>();
  await h.act(s.officer.cookie, b.id, { kind: 'classify', category: 'regulation' }); // answer by Mon 18/5
  h.at('2026-05-07T09:00:00+07:00');
  const c = (await h.enter(s)).json<FeedbackDetail>(); // classify by Mon 11/5

  h.at('2026-05-08T09:00:00+07:00'); // Fri
  const due = (await h.get(s.officer.cookie, `/api/feedback/due?unitId=${s.unit.id}`)).json<{
    overdue: FeedbackListItem[];
    dueSoon: FeedbackListItem[];
  }>();
  expect(due.overdue.map((x) => x.id)).toEqual([a.id]);
  expect(due.dueSoon.map((x) => x.id)).toEqual([c.id]);
  expect(due.overdue[0]).toMatchObject({ due: 'overdue', dueLabel: 'Quá hạn' });
  expect(
    (await h.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}&state=overdue`))
      .json<FeedbackListItem[]>()
      .map((x) => x.id),
  ).toEqual([a.id]);

  h.at('2026-05-15T09:00:00+07:00'); // Fri: b due Mon 18/5
  const later = (await h.get(s.officer.cookie, `/api/feedback/due?unitId=${s.unit.id}`)).json<{
    overdue: FeedbackListItem[];
    dueSoon: FeedbackListItem[];
  }>();
  expect(later.overdue.map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
  expect(later.dueSoon.map((x) => x.id)).toEqual([b.id]);
  // The superior sees the subtree's lists; the outsider sees nothing.
  const sup = (await h.get(s.reviewer.cookie, `/api/feedback/due?unitId=${s.ward.id}&subtree=1`)).json<{
    overdue: FeedbackListItem[];
  }>();
  expect(sup.overdue).toHaveLength(2);
  expect((await h.get(s.outsider.cookie, `/api/feedback/due?unitId=${s.unit.id}`)).statusCode).toBe(404);

  // Answered after its deadline: counted as late.
  h.at('2026-05-19T09:00:00+07:00');
  await h.act(s.officer.cookie, b.id, {
    kind: 'answer',
    text: 'Nhà trường xin trả lời như sau: giờ đón trẻ giữ nguyên.',
  });
  const late = (await h.act(s.head.cookie, b.id, { kind: 'approve' })).json<FeedbackDetail>();
  expect(late).toMatchObject({ answeredOnTime: false, dueAt: vnIso('2026-05-21T17:00:00+07:00') });
  expect(late.events.at(-1)).toMatchObject({ kind: 'approve', late: true });
  h.at('2026-05-22T09:00:00+07:00');
  expect(
    (await h.get(s.officer.cookie, `/api/feedback/due?unitId=${s.unit.id}`))
      .json<{ overdue: FeedbackListItem[] }>()
      .overdue.map((x) => x.id),
  ).toContain(b.id);
}

async function keepsTemplates(h: FeedbackHarness) {
  const s = await h.setup();
  const body = {
    unitId: s.unit.id,
    title: 'Trả lời về học phí',
    body: 'Kính gửi Quý phụ huynh, nhà trường xin trả lời như sau: …',
  };
  const created = await h.t.app.inject({
    method: 'POST',
    url: '/api/feedback/templates',
    headers: { cookie: s.officer.cookie },
    payload: body,
  });
  expect(created.statusCode).toBe(200);
  const id = created.json<{ id: number }>().id;
  expect(
    (
      await h.t.app.inject({
        method: 'POST',
        url: '/api/feedback/templates',
        headers: { cookie: s.staff.cookie },
        payload: body,
      })
    ).statusCode,
  ).toBe(403);
  expect(
    (
      await h.t.app.inject({
        method: 'POST',
        url: '/api/feedback/templates',
        headers: { cookie: s.outsider.cookie },
        payload: body,
      })
    ).statusCode,
  ).toBe(404);
  expect(
    (
      await h.t.app.inject({
        method: 'PUT',
        url: `/api/feedback/templates/${id}`,
        headers: { cookie: s.outsider.cookie },
        payload: body,
      })
    ).statusCode,
  ).toBe(404);
  const upd = await h.t.app.inject({
    method: 'PUT',
    url: `/api/feedback/templates/${id}`,
    headers: { cookie: s.head.cookie },
    payload: { ...body, title: 'Trả lời về học phí (mới)' },
  });
  expect(upd.json()).toMatchObject({ id, title: 'Trả lời về học phí (mới)' });
  expect((await h.get(s.staff.cookie, `/api/feedback/templates?unitId=${s.unit.id}`)).json()).toEqual([
    expect.objectContaining({ id, title: 'Trả lời về học phí (mới)' }),
  ]);
  expect((await h.get(s.outsider.cookie, `/api/feedback/templates?unitId=${s.unit.id}`)).statusCode).toBe(
    404,
  );
  expect(
    (
      await h.t.app.inject({
        method: 'DELETE',
        url: `/api/feedback/templates/${id}`,
        headers: { cookie: s.outsider.cookie },
      })
    ).statusCode,
  ).toBe(404);
  expect(
    (
      await h.t.app.inject({
        method: 'DELETE',
        url: `/api/feedback/templates/${id}`,
        headers: { cookie: s.staff.cookie },
      })
    ).statusCode,
  ).toBe(403);
  expect(
    (
      await h.t.app.inject({
        method: 'DELETE',
        url: `/api/feedback/templates/${id}`,
        headers: { cookie: s.officer.cookie },
      })
    ).statusCode,
  ).toBe(200);
  expect((await h.get(s.officer.cookie, `/api/feedback/templates?unitId=${s.unit.id}`)).json()).toEqual([]);
}

async function countsFigures(h: FeedbackHarness) {
  const s = await h.setup();
  h.at('2026-03-02T09:00:00+07:00');
  const ids: number[] = [];
  for (let i = 0; i < 4; i++) ids.push((await h.enter(s)).json<FeedbackDetail>().id);
  const refused = (await h.enter(s)).json<FeedbackDetail>().id;
  await h.act(s.officer.cookie, refused, {
    kind: 'classify',
    category: 'not_accepted',
    note: 'Đơn nặc danh.',
  });
  for (const id of ids) await h.act(s.officer.cookie, id, { kind: 'classify', category: 'regulation' });
  // Three answered: two on time (one of them published), one late.
  h.at('2026-03-10T09:00:00+07:00');
  for (const id of ids.slice(0, 2)) {
    await h.act(s.officer.cookie, id, { kind: 'answer', text: 'Nhà trường xin trả lời như sau: …' });
    await h.act(s.head.cookie, id, { kind: 'approve' });
  }
  await h.act(s.officer.cookie, ids[0]!, {
    kind: 'publish',
    title: 'Giờ đón trẻ',
    content: 'Phụ huynh phản ánh giờ đón trẻ.',
    answer: 'Nhà trường xin trả lời như sau: …',
  });
  h.at('2026-04-01T09:00:00+07:00');
  await h.act(s.officer.cookie, ids[2]!, { kind: 'answer', text: 'Nhà trường xin trả lời như sau: …' });
  await h.act(s.head.cookie, ids[2]!, { kind: 'approve' });

  h.at('2026-05-05T09:00:00+07:00');
  const fig = (
    await h.get(s.officer.cookie, `/api/feedback/figures?unitId=${s.unit.id}&from=2026-01-01&to=2026-05-05`)
  ).json();
  expect(fig).toMatchObject({
    counts: {
      total: 5,
      received: 4,
      notAccepted: 1,
      forwarded: 0,
      answered: 3,
      answeredOnTime: 2,
      published: 1,
      open: 3,
      overdue: 3,
    },
    rates: {
      answeredOnTime: { value: 50, numerator: 2, denominator: 4 },
      published: { numerator: 1, denominator: 3 },
    },
  });
  // Over the superior's subtree, and through the service function other modules call.
  expect(
    (
      await h.get(
        s.reviewer.cookie,
        `/api/feedback/figures?unitId=${s.ward.id}&subtree=1&from=2026-01-01&to=2026-05-05`,
      )
    ).json(),
  ).toMatchObject({ counts: { total: 5 } });
  expect(
    (await h.t.services.feedback.figures({ unitId: s.ward.id, subtree: true }, '2026-01-01', '2026-05-05'))
      .counts.answered,
  ).toBe(3);
  expect((await h.t.services.feedback.figures(s.ward.id, '2026-01-01', '2026-05-05')).counts.total).toBe(0);
  expect(
    (
      await h.get(
        s.outsider.cookie,
        `/api/feedback/figures?unitId=${s.unit.id}&from=2026-01-01&to=2026-05-05`,
      )
    ).statusCode,
  ).toBe(404);

  const text = smallPlanText()
    .replace(
      '3. Chỉ số cải cách hành chính',
      '3. 100% phản ánh, kiến nghị được xử lý đúng thời hạn.\n4. Chỉ số cải cách hành chính',
    )
    .replace(
      /(2\tMức độ hài lòng của người dân đạt 100%\.\t[^\n]*)/,
      '$1\n3\tCông khai kết quả xử lý PAKN đạt 100%.\tTrường\tVăn phòng',
    );
  const { planId } = await importPlan(h.t, s.officer.cookie, s.unit.id, text);
  const plan = (await h.get(s.officer.cookie, `/api/plans/${planId}`)).json<PlanDetail>();
  const onTime = plan.targets.find((x) => x.metric === 'feedback_answered_on_time');
  const published = plan.targets.find((x) => x.metric === 'feedback_published');
  expect(onTime).toMatchObject({
    state: 'not_met',
    measured: { value: 50, numerator: 2, denominator: 4, from: '2026-01-01', to: '2026-05-05' },
  });
  expect(published).toMatchObject({ state: 'not_met', measured: { numerator: 1, denominator: 3 } });
}

describeEachDb('citizens’ feedback and petitions (PAKN): due lists, templates, figures', (open) => {
  const h = new FeedbackHarness(open);
  it('lists overdue and due-soon items per step, and uses the unit’s own limits', () => listsDueItems(h));
  it('keeps reusable answer templates per unit', () => keepsTemplates(h));
  it('counts the period’s figures and measures the plan’s PAKN targets with them', () => countsFigures(h));
});
