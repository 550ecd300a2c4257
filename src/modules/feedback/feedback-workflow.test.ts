import { expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { FeedbackHarness, vnIso } from './feedback.test-support.js';
import type { Setup } from './feedback.test-support.js';
import type { FeedbackDetail, FeedbackListItem } from './schema.js';

async function answersApprovesPublishes(h: FeedbackHarness) {
  const s = await h.setup();
  h.at('2026-05-12T09:00:00+07:00');
  const res = await h.submit(s, {
    content:
      'Con tôi học lớp Chồi 2, cô giáo gọi 0909 111 222 của tôi. <script>alert(1)</script> Đề nghị xem lại học phí.',
  });
  const { trackingToken } = res.json<{ trackingToken: string }>();
  const id = (await h.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
    FeedbackListItem[]
  >()[0]!.id;

  h.at('2026-05-13T09:00:00+07:00');
  expect(
    (await h.act(s.officer.cookie, id, { kind: 'classify', category: 'regulation' })).json(),
  ).toMatchObject({ status: 'accepted', due: 'ok', dueAt: vnIso('2026-06-02T17:00:00+07:00') });
  // The officer picks an assignee among the unit's own users; outsiders and staff get none.
  expect(
    (await h.get(s.officer.cookie, `/api/feedback/assignees?unitId=${s.unit.id}`))
      .json<{ id: number }[]>()
      .map((u) => u.id),
  ).toContain(s.staff.user.id);
  expect((await h.get(s.staff.cookie, `/api/feedback/assignees?unitId=${s.unit.id}`)).statusCode).toBe(403);
  expect((await h.get(s.outsider.cookie, `/api/feedback/assignees?unitId=${s.unit.id}`)).statusCode).toBe(
    404,
  );
  // An assignee must work in the unit.
  expect(
    (await h.act(s.officer.cookie, id, { kind: 'assign', assigneeId: s.outsider.user.id })).statusCode,
  ).toBe(400);
  expect(
    (await h.act(s.officer.cookie, id, { kind: 'assign', assigneeId: s.staff.user.id })).json(),
  ).toMatchObject({ status: 'assigned', assigneeName: `Người dùng ${s.staff.user.username}` });
  // Staff and the superior's reviewer do not handle feedback.
  expect(
    (await h.act(s.staff.cookie, id, { kind: 'answer', text: 'Nhà trường xin trả lời như sau …' }))
      .statusCode,
  ).toBe(403);
  expect(
    (await h.act(s.reviewer.cookie, id, { kind: 'answer', text: 'Nhà trường xin trả lời như sau …' }))
      .statusCode,
  ).toBe(403);
  expect(
    (await h.act(s.outsider.cookie, id, { kind: 'answer', text: 'Nhà trường xin trả lời như sau …' }))
      .statusCode,
  ).toBe(404);

  const answer =
    'Nhà trường xin trả lời: học phí năm học 2026–2027 thực hiện theo Nghị quyết của HĐND Thành phố. <b>Trân trọng</b>.';
  expect(
    (await h.act(s.officer.cookie, id, { kind: 'answer', text: 'Bản nháp chưa đủ ý.' })).json(),
  ).toMatchObject({ status: 'answered' });
  // Only the head approves or returns the draft.
  const officerApproves = await h.act(s.officer.cookie, id, { kind: 'approve' });
  expect(officerApproves.statusCode).toBe(403);
  expect(officerApproves.json().error.message).toMatch(/thủ trưởng/);
  expect(
    (await h.act(s.head.cookie, id, { kind: 'return', reason: 'Bổ sung căn cứ pháp lý' })).json(),
  ).toMatchObject({ status: 'assigned' });
  expect((await h.act(s.officer.cookie, id, { kind: 'answer', text: answer })).json()).toMatchObject({
    status: 'answered',
    actions: [],
  });
  expect((await h.track(trackingToken)).json()).toMatchObject({ answer: null });

  h.at('2026-05-20T10:00:00+07:00');
  const approved = (await h.act(s.head.cookie, id, { kind: 'approve' })).json<FeedbackDetail>();
  // Approved Wed 20/5 → publish by Fri 22/5 17:00.
  expect(approved).toMatchObject({
    status: 'approved',
    answeredOnTime: true,
    dueAt: vnIso('2026-05-22T17:00:00+07:00'),
    deadlines: { publish: vnIso('2026-05-22T17:00:00+07:00') },
    actions: ['publish'],
  });
  expect((await h.act(s.head.cookie, id, { kind: 'approve' })).statusCode).toBe(409);
  // The citizen reads the approved answer through the secret link.
  expect((await h.track(trackingToken)).json()).toMatchObject({
    status: 'approved',
    answer,
    published: false,
  });

  await publishesWithdrawsRepublishes(h, s, id, trackingToken, answer);
}

/** The publish, withdraw and republish steps of the item answered and approved above. */
async function publishesWithdrawsRepublishes(
  h: FeedbackHarness,
  s: Setup,
  id: number,
  trackingToken: string,
  answer: string,
) {
  // The published text is a separate, staff-edited field: the phone in the content is redacted.
  const published = {
    kind: 'publish',
    title: 'Đề nghị xem lại học phí lớp Chồi',
    content: 'Phụ huynh lớp Chồi 2 đề nghị xem lại học phí. <script>alert(1)</script>',
    answer,
  };
  h.at('2026-05-21T10:00:00+07:00');
  const p = (await h.act(s.officer.cookie, id, published)).json<FeedbackDetail>();
  expect(p).toMatchObject({ status: 'published', due: 'none', dueAt: null, actions: ['withdraw'] });
  expect(p.events.find((e) => e.kind === 'publish')!.late).toBe(false);
  const list = (await h.answers('hoc phi lop choi')).json<{
    items: { code: string; title: string; content: string; answer: string }[];
  }>();
  expect(list.items).toHaveLength(1);
  expect(list.items[0]).toMatchObject({ title: published.title, content: published.content, answer });
  expect(JSON.stringify(list)).not.toMatch(/0909|Trần Thị Bình/);
  expect((await h.answers('HỌC PHÍ Chồi')).json<{ items: unknown[] }>().items).toHaveLength(1);
  expect((await h.answers('đường sắt')).json<{ items: unknown[] }>().items).toHaveLength(0);

  const w = await h.act(s.officer.cookie, id, { kind: 'withdraw', reason: 'Cần che thêm thông tin lớp học' });
  expect(w.json()).toMatchObject({ status: 'unpublished', actions: ['publish'] });
  expect((await h.answers('hoc phi lop choi')).json<{ items: unknown[] }>().items).toHaveLength(0);
  expect((await h.track(trackingToken)).json()).toMatchObject({
    status: 'unpublished',
    published: false,
    answer,
  });
  const again = await h.act(s.officer.cookie, id, {
    ...published,
    content: 'Phụ huynh đề nghị xem lại học phí lớp Chồi.',
  });
  expect(again.json()).toMatchObject({
    status: 'published',
    published: { content: 'Phụ huynh đề nghị xem lại học phí lớp Chồi.', withdrawnAt: null },
  });
  expect(
    (await h.answers('hoc phi')).json<{ items: { content: string }[] }>().items.map((i) => i.content),
  ).toEqual(['Phụ huynh đề nghị xem lại học phí lớp Chồi.']);

  // Every step is in the history.
  const d = (await h.get(s.head.cookie, `/api/feedback/${id}`)).json<FeedbackDetail>();
  expect(d.events.map((e) => e.kind)).toEqual([
    'received',
    'classify',
    'assign',
    'answer',
    'return',
    'answer',
    'approve',
    'publish',
    'withdraw',
    'publish',
  ]);
}

async function forwardsOutsideCompetence(h: FeedbackHarness) {
  const s = await h.setup();
  h.at('2026-05-12T09:00:00+07:00');
  const { trackingToken } = (
    await h.submit(s, {
      title: 'Phản ánh đèn đường hỏng',
      content: 'Đèn đường trước cổng trường bị hỏng nhiều ngày, đề nghị sửa chữa.',
    })
  ).json<{ trackingToken: string }>();
  const id = (await h.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
    FeedbackListItem[]
  >()[0]!.id;
  h.at('2026-05-13T09:00:00+07:00');
  const c = (
    await h.act(s.officer.cookie, id, { kind: 'classify', category: 'outside_competence' })
  ).json<FeedbackDetail>();
  // Received Tue 12/5: forwarded by Tue 19/5 17:00.
  expect(c).toMatchObject({
    status: 'to_forward',
    dueAt: vnIso('2026-05-19T17:00:00+07:00'),
    actions: ['forward'],
  });
  h.at('2026-05-18T09:00:00+07:00');
  expect(
    (await h.get(s.officer.cookie, `/api/feedback/due?unitId=${s.unit.id}`))
      .json<{ dueSoon: FeedbackListItem[] }>()
      .dueSoon.map((x) => x.id),
  ).toEqual([id]);
  h.at('2026-05-20T09:00:00+07:00');
  expect(
    (await h.get(s.officer.cookie, `/api/feedback/due?unitId=${s.unit.id}`))
      .json<{ overdue: FeedbackListItem[] }>()
      .overdue.map((x) => x.id),
  ).toEqual([id]);
  const f = (
    await h.act(s.officer.cookie, id, { kind: 'forward', to: 'Ủy ban nhân dân phường Hòa Bình' })
  ).json<FeedbackDetail>();
  expect(f).toMatchObject({
    status: 'forwarded',
    forwardedTo: 'Ủy ban nhân dân phường Hòa Bình',
    due: 'none',
  });
  expect(f.events.at(-1)).toMatchObject({ kind: 'forward', late: true });
  expect((await h.track(trackingToken)).json()).toMatchObject({
    status: 'forwarded',
    note: expect.stringContaining('đã được chuyển đến Ủy ban nhân dân phường Hòa Bình'),
  });

  // Conduct of staff is forwarded too; on time this time.
  h.at('2026-05-12T10:00:00+07:00');
  const cond = (await h.enter(s, { title: 'Phản ánh thái độ nhân viên bảo vệ' })).json<FeedbackDetail>();
  h.at('2026-05-19T16:00:00+07:00');
  await h.act(s.officer.cookie, cond.id, { kind: 'classify', category: 'conduct' });
  const fc = (
    await h.act(s.officer.cookie, cond.id, { kind: 'forward', to: 'Hội đồng kỷ luật nhà trường' })
  ).json<FeedbackDetail>();
  expect(fc.events.at(-1)).toMatchObject({ kind: 'forward', late: false });
}

async function keepsStaffEntrySource(h: FeedbackHarness) {
  const s = await h.setup();
  h.at('2026-05-15T09:00:00+07:00');
  const missing = await h.enter(s, { source: 'portal_1022' });
  expect(missing.statusCode).toBe(400);
  expect(missing.json().error.message).toMatch(/Cổng 1022/);
  // Arrived on the 1022 portal on Fri 24/4/2026 (Giỗ Tổ on Mon 27/4, 30/4 and 1/5 off).
  const r = await h.enter(s, {
    source: 'portal_1022',
    externalCode: '1022-2604-00077',
    receivedAt: '2026-04-24T10:00:00+07:00',
  });
  expect(r.statusCode).toBe(200);
  const d = r.json<FeedbackDetail>();
  expect(d).toMatchObject({
    source: 'portal_1022',
    sourceLabel: 'Cổng 1022 Thành phố',
    externalCode: '1022-2604-00077',
    code: expect.stringMatching(/-260424-0001$/),
  });
  expect(d.deadlines).toMatchObject({
    classify: vnIso('2026-04-29T17:00:00+07:00'),
    forward: vnIso('2026-05-06T17:00:00+07:00'),
  });
  expect(d.sender).toMatchObject({ idNumber: '079088001234', full: true });
  // Overdue at once: not classified by 29/4.
  expect(d.due).toBe('overdue');
  expect(
    (await h.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}&q=1022-2604`))
      .json<FeedbackListItem[]>()
      .map((x) => x.id),
  ).toEqual([d.id]);
  const letter = (await h.enter(s, { source: 'letter', externalCode: 'CV 15/PHHS' })).json<FeedbackDetail>();
  expect(letter).toMatchObject({
    source: 'letter',
    externalCode: 'CV 15/PHHS',
    events: [
      expect.objectContaining({ kind: 'received', data: expect.objectContaining({ source: 'letter' }) }),
    ],
  });
  // Only the unit's handlers enter items.
  for (const who of [s.staff, s.reviewer]) {
    const denied = await h.t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: { cookie: who.cookie },
      payload: {
        unitId: s.unit.id,
        source: 'phone',
        sender: { name: 'Lê Văn Cường', address: '5 Trần Hưng Đạo', phone: '0987654321' },
        title: 'Phản ánh giờ đón trẻ',
        content: 'Phụ huynh phản ánh giờ đón trẻ buổi chiều.',
      },
    });
    expect(denied.statusCode).toBe(403);
  }
  const outside = await h.t.app.inject({
    method: 'POST',
    url: '/api/feedback',
    headers: { cookie: s.outsider.cookie },
    payload: {
      unitId: s.unit.id,
      source: 'phone',
      sender: { name: 'Lê Văn Cường', address: '5 Trần Hưng Đạo', phone: '0987654321' },
      title: 'Phản ánh giờ đón trẻ',
      content: 'Phụ huynh phản ánh giờ đón trẻ buổi chiều.',
    },
  });
  expect(outside.statusCode).toBe(404);
}

describeEachDb('citizens’ feedback and petitions (PAKN): the workflow', (open) => {
  const h = new FeedbackHarness(open);
  it('answers, has the head approve, publishes a redacted text, withdraws and republishes', () =>
    answersApprovesPublishes(h));
  it('forwards an item outside the unit’s competence within 5 working days, and marks a late forwarding', () =>
    forwardsOutsideCompetence(h));
  it('keeps the source and external code of items staff enter, with deadlines from the day they arrived', () =>
    keepsStaffEntrySource(h));
});
