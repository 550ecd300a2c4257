import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { TEST_PASSWORD, createUnit, createUser, makeApp, multipartBody } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { importPlan, smallPlanText } from '../../../tests/support/plans.js';
import type { Clock } from '../../lib/clock.js';
import type { PlanDetail } from '../plans/schema.js';
import type { FeedbackDetail, FeedbackListItem } from './schema.js';

/** A clock the test moves: Vietnam time strings in, UTC instants out. */
let nowIso = new Date('2026-05-12T09:00:00+07:00').toISOString();
const clock: Clock = { now: () => new Date(nowIso) };
const at = (vn: string) => {
  nowIso = new Date(vn).toISOString();
  return nowIso;
};
const tick = (ms: number) => {
  nowIso = new Date(Date.parse(nowIso) + ms).toISOString();
};
const vnIso = (vn: string) => new Date(vn).toISOString();

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
// "MZ" header of a Windows executable.
const EXE = new Uint8Array([
  0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff,
]);

let ipSeq = 10;
const newIp = () => `10.9.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;

interface Sender {
  name: string;
  phone: string;
  email: string;
  address: string;
}

describeEachDb('citizens’ feedback and petitions (PAKN)', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  /** Every public response body, scanned for personal data at the end. */
  const publicBodies: string[] = [];
  const senders: Sender[] = [];
  const idNumbers: string[] = [];

  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { clock, config: { sessionHours: 24 * 365 } });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  /** Logs in from an address of its own: the login limit counts per address. */
  async function userWithSession(unitId: number, roles: Parameters<typeof createUser>[2]) {
    const user = await createUser(t, unitId, roles);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
      remoteAddress: newIp(),
    });
    return { user, cookie: `cchc_session=${res.cookies.find((c) => c.name === 'cchc_session')!.value}` };
  }

  async function setup() {
    const ward = await createUnit(t, { kind: 'ward', name: 'Ủy ban nhân dân phường Hòa Bình' });
    const unit = await createUnit(t, {
      parentId: ward.id,
      name: 'Trường Mầm non Sao Mai',
      code: `MN${ward.id}`,
    });
    const head = await userWithSession(unit.id, ['head']);
    const officer = await userWithSession(unit.id, ['officer']);
    const staff = await userWithSession(unit.id, ['staff']);
    const reviewer = await userWithSession(ward.id, ['reviewer']);
    const outsider = await userWithSession((await createUnit(t)).id, ['admin', 'head', 'officer']);
    return { ward, unit, head, officer, staff, reviewer, outsider };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;

  const pub = async (res: LightMyRequestResponse) => {
    publicBodies.push(res.body);
    return res;
  };

  async function challenge(ip: string) {
    const res = await pub(
      await t.app.inject({ method: 'GET', url: '/api/public/feedback/form', remoteAddress: ip }),
    );
    expect(res.statusCode).toBe(200);
    const c = res.json<{ challenge: { token: string; question: string } }>().challenge;
    const [a, b] = c.question.match(/\d+/g)!.map(Number);
    return { token: c.token, answer: String(a! + b!) };
  }

  let senderSeq = 0;
  function sender(): Sender {
    const n = senderSeq++;
    const s = {
      name: `Trần Thị Bình ${n}`,
      phone: `09${String(12345670 + n).padStart(8, '0')}`,
      email: `binh${n}@example.vn`,
      address: `${n} Lê Lợi, phường Hòa Bình`,
    };
    senders.push(s);
    return s;
  }

  async function submit(
    s: Setup,
    opts: {
      ip?: string;
      content?: string;
      title?: string;
      file?: { filename: string; content: Uint8Array };
      extra?: Record<string, string>;
      answer?: string;
      wait?: number;
      who?: Sender;
    } = {},
  ) {
    const ip = opts.ip ?? newIp();
    const c = await challenge(ip);
    tick(opts.wait ?? 5000);
    const who = opts.who ?? sender();
    const body = multipartBody(
      {
        unitId: String(s.unit.id),
        name: who.name,
        address: who.address,
        phone: who.phone,
        email: who.email,
        title: opts.title ?? 'Đề nghị công khai khoản thu đầu năm học',
        content:
          opts.content ??
          'Kính đề nghị nhà trường công khai các khoản thu đầu năm học 2026–2027 trên bảng tin.',
        challengeToken: c.token,
        challengeAnswer: opts.answer ?? c.answer,
        website: '',
        ...opts.extra,
      },
      opts.file ? { field: 'files', filename: opts.file.filename, content: opts.file.content } : undefined,
    );
    return pub(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/feedback',
        payload: body.payload,
        headers: body.headers,
        remoteAddress: ip,
      }),
    );
  }

  const act = (cookie: string, id: number, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/feedback/${id}/actions`, headers: { cookie }, payload: body });
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const track = async (token: string) =>
    pub(
      await t.app.inject({
        method: 'GET',
        url: `/api/public/feedback/track/${token}`,
        remoteAddress: newIp(),
      }),
    );
  const answers = async (q = '') =>
    pub(
      await t.app.inject({
        method: 'GET',
        url: `/api/public/feedback/answers?q=${encodeURIComponent(q)}`,
        remoteAddress: newIp(),
      }),
    );

  async function enter(s: Setup, body: Record<string, unknown> = {}) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: { cookie: s.officer.cookie },
      payload: {
        unitId: s.unit.id,
        source: 'phone',
        sender: {
          name: 'Lê Văn Cường',
          address: '5 Trần Hưng Đạo',
          phone: '0987654321',
          idNumber: '079088001234',
        },
        title: 'Phản ánh giờ đón trẻ',
        content: 'Phụ huynh phản ánh giờ đón trẻ buổi chiều chưa phù hợp với giờ tan làm.',
        ...body,
      },
    });
    idNumbers.push('079088001234');
    senders.push({
      name: 'Lê Văn Cường',
      phone: '0987654321',
      email: 'khong-co@example.vn',
      address: '5 Trần Hưng Đạo',
    });
    return res;
  }

  it('receives a public submission with an image, gives a tracking link, and shows contacts only to the unit’s handlers', async () => {
    const s = await setup();
    at('2026-05-12T09:00:00+07:00');
    const res = await submit(s, { file: { filename: 'anh-bang-tin.png', content: PNG } });
    expect(res.statusCode).toBe(200);
    const out = res.json<{ code: string; trackingToken: string; trackingUrl: string }>();
    expect(out.code).toMatch(new RegExp(`^PA-MN${s.ward.id}-260512-0001$`));
    expect(out.trackingUrl).toMatch(/\/phan-anh\/theo-doi\/[\w-]{20,}$/);

    const tr = await track(out.trackingToken);
    expect(tr.json()).toMatchObject({
      code: out.code,
      status: 'received',
      answer: null,
      answerDueAt: vnIso('2026-06-02T17:00:00+07:00'),
    });
    expect((await track('khong-phai-ma-that-1234')).statusCode).toBe(404);

    const list = (await get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
      FeedbackListItem[]
    >();
    expect(list).toHaveLength(1);
    const d = (await get(s.officer.cookie, `/api/feedback/${list[0]!.id}`)).json<FeedbackDetail>();
    // Classify by Thu 14/5: two working days away, so due soon already.
    expect(d).toMatchObject({ source: 'web', status: 'received', due: 'due_soon', actions: ['classify'] });
    expect(d.sender).toMatchObject({
      phone: senders.at(-1)!.phone,
      email: senders.at(-1)!.email,
      full: true,
    });
    expect(d.deadlines).toEqual({
      classify: vnIso('2026-05-14T17:00:00+07:00'),
      forward: vnIso('2026-05-19T17:00:00+07:00'),
      answer: vnIso('2026-06-02T17:00:00+07:00'),
      publish: null,
    });
    expect(d.attachments).toEqual([
      expect.objectContaining({ filename: 'anh-bang-tin.png', mime: 'image/png', size: PNG.length }),
    ]);
    const file = await get(s.officer.cookie, `/api/feedback/${d.id}/attachments/${d.attachments[0]!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');

    // A superior's reviewer reads the item without the sender's contacts; the unit's staff likewise.
    for (const who of [s.reviewer, s.staff]) {
      const seen = (await get(who.cookie, `/api/feedback/${d.id}`)).json<FeedbackDetail>();
      expect(seen.sender).toEqual({
        name: expect.stringMatching(/^Trần T\*+ B\*+/),
        address: null,
        phone: null,
        email: null,
        idNumber: null,
        full: false,
      });
      expect(seen.attachments).toEqual([]);
      expect(seen.actions).toEqual([]);
      expect(
        (await get(who.cookie, `/api/feedback/${d.id}/attachments/${d.attachments[0]!.id}`)).statusCode,
      ).toBe(403);
    }
    expect(
      (await get(s.reviewer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<FeedbackListItem[]>()[0]!
        .senderName,
    ).not.toBe(senders.at(-1)!.name);
    // Another unit's user does not learn it exists.
    expect((await get(s.outsider.cookie, `/api/feedback/${d.id}`)).statusCode).toBe(404);
    expect(
      (await get(s.outsider.cookie, `/api/feedback/${d.id}/attachments/${d.attachments[0]!.id}`)).statusCode,
    ).toBe(404);
    expect((await get(s.outsider.cookie, `/api/feedback?unitId=${s.unit.id}`)).statusCode).toBe(404);
  });

  it('answers, has the head approve, publishes a redacted text, withdraws and republishes', async () => {
    const s = await setup();
    at('2026-05-12T09:00:00+07:00');
    const res = await submit(s, {
      content:
        'Con tôi học lớp Chồi 2, cô giáo gọi 0909 111 222 của tôi. <script>alert(1)</script> Đề nghị xem lại học phí.',
    });
    const { trackingToken } = res.json<{ trackingToken: string }>();
    const id = (await get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
      FeedbackListItem[]
    >()[0]!.id;

    at('2026-05-13T09:00:00+07:00');
    expect(
      (await act(s.officer.cookie, id, { kind: 'classify', category: 'regulation' })).json(),
    ).toMatchObject({ status: 'accepted', due: 'ok', dueAt: vnIso('2026-06-02T17:00:00+07:00') });
    // The officer picks an assignee among the unit's own users; outsiders and staff get none.
    expect(
      (await get(s.officer.cookie, `/api/feedback/assignees?unitId=${s.unit.id}`))
        .json<{ id: number }[]>()
        .map((u) => u.id),
    ).toContain(s.staff.user.id);
    expect((await get(s.staff.cookie, `/api/feedback/assignees?unitId=${s.unit.id}`)).statusCode).toBe(403);
    expect((await get(s.outsider.cookie, `/api/feedback/assignees?unitId=${s.unit.id}`)).statusCode).toBe(
      404,
    );
    // An assignee must work in the unit.
    expect(
      (await act(s.officer.cookie, id, { kind: 'assign', assigneeId: s.outsider.user.id })).statusCode,
    ).toBe(400);
    expect(
      (await act(s.officer.cookie, id, { kind: 'assign', assigneeId: s.staff.user.id })).json(),
    ).toMatchObject({ status: 'assigned', assigneeName: `Người dùng ${s.staff.user.username}` });
    // Staff and the superior's reviewer do not handle feedback.
    expect(
      (await act(s.staff.cookie, id, { kind: 'answer', text: 'Nhà trường xin trả lời như sau …' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await act(s.reviewer.cookie, id, { kind: 'answer', text: 'Nhà trường xin trả lời như sau …' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await act(s.outsider.cookie, id, { kind: 'answer', text: 'Nhà trường xin trả lời như sau …' }))
        .statusCode,
    ).toBe(404);

    const answer =
      'Nhà trường xin trả lời: học phí năm học 2026–2027 thực hiện theo Nghị quyết của HĐND Thành phố. <b>Trân trọng</b>.';
    expect(
      (await act(s.officer.cookie, id, { kind: 'answer', text: 'Bản nháp chưa đủ ý.' })).json(),
    ).toMatchObject({ status: 'answered' });
    // Only the head approves or returns the draft.
    const officerApproves = await act(s.officer.cookie, id, { kind: 'approve' });
    expect(officerApproves.statusCode).toBe(403);
    expect(officerApproves.json().error.message).toMatch(/thủ trưởng/);
    expect(
      (await act(s.head.cookie, id, { kind: 'return', reason: 'Bổ sung căn cứ pháp lý' })).json(),
    ).toMatchObject({ status: 'assigned' });
    expect((await act(s.officer.cookie, id, { kind: 'answer', text: answer })).json()).toMatchObject({
      status: 'answered',
      actions: [],
    });
    expect((await track(trackingToken)).json()).toMatchObject({ answer: null });

    at('2026-05-20T10:00:00+07:00');
    const approved = (await act(s.head.cookie, id, { kind: 'approve' })).json<FeedbackDetail>();
    // Approved Wed 20/5 → publish by Fri 22/5 17:00.
    expect(approved).toMatchObject({
      status: 'approved',
      answeredOnTime: true,
      dueAt: vnIso('2026-05-22T17:00:00+07:00'),
      deadlines: { publish: vnIso('2026-05-22T17:00:00+07:00') },
      actions: ['publish'],
    });
    expect((await act(s.head.cookie, id, { kind: 'approve' })).statusCode).toBe(409);
    // The citizen reads the approved answer through the secret link.
    expect((await track(trackingToken)).json()).toMatchObject({
      status: 'approved',
      answer,
      published: false,
    });

    // The published text is a separate, staff-edited field: the phone in the content is redacted.
    const published = {
      kind: 'publish',
      title: 'Đề nghị xem lại học phí lớp Chồi',
      content: 'Phụ huynh lớp Chồi 2 đề nghị xem lại học phí. <script>alert(1)</script>',
      answer,
    };
    at('2026-05-21T10:00:00+07:00');
    const p = (await act(s.officer.cookie, id, published)).json<FeedbackDetail>();
    expect(p).toMatchObject({ status: 'published', due: 'none', dueAt: null, actions: ['withdraw'] });
    expect(p.events.find((e) => e.kind === 'publish')!.late).toBe(false);
    const list = (await answers('hoc phi lop choi')).json<{
      items: { code: string; title: string; content: string; answer: string }[];
    }>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ title: published.title, content: published.content, answer });
    expect(JSON.stringify(list)).not.toMatch(/0909|Trần Thị Bình/);
    expect((await answers('HỌC PHÍ Chồi')).json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await answers('đường sắt')).json<{ items: unknown[] }>().items).toHaveLength(0);

    const w = await act(s.officer.cookie, id, { kind: 'withdraw', reason: 'Cần che thêm thông tin lớp học' });
    expect(w.json()).toMatchObject({ status: 'unpublished', actions: ['publish'] });
    expect((await answers('hoc phi lop choi')).json<{ items: unknown[] }>().items).toHaveLength(0);
    expect((await track(trackingToken)).json()).toMatchObject({
      status: 'unpublished',
      published: false,
      answer,
    });
    const again = await act(s.officer.cookie, id, {
      ...published,
      content: 'Phụ huynh đề nghị xem lại học phí lớp Chồi.',
    });
    expect(again.json()).toMatchObject({
      status: 'published',
      published: { content: 'Phụ huynh đề nghị xem lại học phí lớp Chồi.', withdrawnAt: null },
    });
    expect(
      (await answers('hoc phi')).json<{ items: { content: string }[] }>().items.map((i) => i.content),
    ).toEqual(['Phụ huynh đề nghị xem lại học phí lớp Chồi.']);

    // Every step is in the history.
    const d = (await get(s.head.cookie, `/api/feedback/${id}`)).json<FeedbackDetail>();
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
  });

  it('refuses an item within 2 working days and tells the sender why', async () => {
    const s = await setup();
    at('2026-05-12T09:00:00+07:00');
    const { trackingToken } = (await submit(s)).json<{ trackingToken: string }>();
    const id = (await get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
      FeedbackListItem[]
    >()[0]!.id;
    at('2026-05-14T16:00:00+07:00');
    const r = (
      await act(s.officer.cookie, id, {
        kind: 'classify',
        category: 'not_accepted',
        note: 'Nội dung đã được trả lời tại văn bản số 12/MN ngày 02/4/2026.',
      })
    ).json<FeedbackDetail>();
    expect(r).toMatchObject({ status: 'not_accepted', due: 'none', actions: [] });
    expect(r.events.at(-1)).toMatchObject({ kind: 'classify', late: false });
    expect((await track(trackingToken)).json()).toMatchObject({
      status: 'not_accepted',
      note: expect.stringMatching(/không được thụ lý: Nội dung đã được trả lời/),
    });
    expect((await act(s.head.cookie, id, { kind: 'assign', assigneeId: s.staff.user.id })).statusCode).toBe(
      409,
    );
  });

  it('forwards an item outside the unit’s competence within 5 working days, and marks a late forwarding', async () => {
    const s = await setup();
    at('2026-05-12T09:00:00+07:00');
    const { trackingToken } = (
      await submit(s, {
        title: 'Phản ánh đèn đường hỏng',
        content: 'Đèn đường trước cổng trường bị hỏng nhiều ngày, đề nghị sửa chữa.',
      })
    ).json<{ trackingToken: string }>();
    const id = (await get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
      FeedbackListItem[]
    >()[0]!.id;
    at('2026-05-13T09:00:00+07:00');
    const c = (
      await act(s.officer.cookie, id, { kind: 'classify', category: 'outside_competence' })
    ).json<FeedbackDetail>();
    // Received Tue 12/5: forwarded by Tue 19/5 17:00.
    expect(c).toMatchObject({
      status: 'to_forward',
      dueAt: vnIso('2026-05-19T17:00:00+07:00'),
      actions: ['forward'],
    });
    at('2026-05-18T09:00:00+07:00');
    expect(
      (await get(s.officer.cookie, `/api/feedback/due?unitId=${s.unit.id}`))
        .json<{ dueSoon: FeedbackListItem[] }>()
        .dueSoon.map((x) => x.id),
    ).toEqual([id]);
    at('2026-05-20T09:00:00+07:00');
    expect(
      (await get(s.officer.cookie, `/api/feedback/due?unitId=${s.unit.id}`))
        .json<{ overdue: FeedbackListItem[] }>()
        .overdue.map((x) => x.id),
    ).toEqual([id]);
    const f = (
      await act(s.officer.cookie, id, { kind: 'forward', to: 'Ủy ban nhân dân phường Hòa Bình' })
    ).json<FeedbackDetail>();
    expect(f).toMatchObject({
      status: 'forwarded',
      forwardedTo: 'Ủy ban nhân dân phường Hòa Bình',
      due: 'none',
    });
    expect(f.events.at(-1)).toMatchObject({ kind: 'forward', late: true });
    expect((await track(trackingToken)).json()).toMatchObject({
      status: 'forwarded',
      note: expect.stringContaining('đã được chuyển đến Ủy ban nhân dân phường Hòa Bình'),
    });

    // Conduct of staff is forwarded too; on time this time.
    at('2026-05-12T10:00:00+07:00');
    const cond = (await enter(s, { title: 'Phản ánh thái độ nhân viên bảo vệ' })).json<FeedbackDetail>();
    at('2026-05-19T16:00:00+07:00');
    await act(s.officer.cookie, cond.id, { kind: 'classify', category: 'conduct' });
    const fc = (
      await act(s.officer.cookie, cond.id, { kind: 'forward', to: 'Hội đồng kỷ luật nhà trường' })
    ).json<FeedbackDetail>();
    expect(fc.events.at(-1)).toMatchObject({ kind: 'forward', late: false });
  });

  it('keeps the source and external code of items staff enter, with deadlines from the day they arrived', async () => {
    const s = await setup();
    at('2026-05-15T09:00:00+07:00');
    const missing = await enter(s, { source: 'portal_1022' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/Cổng 1022/);
    // Arrived on the 1022 portal on Fri 24/4/2026 (Giỗ Tổ on Mon 27/4, 30/4 and 1/5 off).
    const r = await enter(s, {
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
      (await get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}&q=1022-2604`))
        .json<FeedbackListItem[]>()
        .map((x) => x.id),
    ).toEqual([d.id]);
    const letter = (await enter(s, { source: 'letter', externalCode: 'CV 15/PHHS' })).json<FeedbackDetail>();
    expect(letter).toMatchObject({
      source: 'letter',
      externalCode: 'CV 15/PHHS',
      events: [
        expect.objectContaining({ kind: 'received', data: expect.objectContaining({ source: 'letter' }) }),
      ],
    });
    // Only the unit's handlers enter items.
    for (const who of [s.staff, s.reviewer]) {
      const denied = await t.app.inject({
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
    const outside = await t.app.inject({
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
  });

  it('lists overdue and due-soon items per step, and uses the unit’s own limits', async () => {
    const s = await setup();
    // The unit answers within 10 working days; the outsider and staff may not change that.
    const put = (cookie: string, body: object) =>
      t.app.inject({
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
    expect((await get(s.outsider.cookie, `/api/feedback/settings?unitId=${s.unit.id}`)).statusCode).toBe(404);
    expect((await get(s.reviewer.cookie, `/api/feedback/settings?unitId=${s.unit.id}`)).json()).toMatchObject(
      { answerDays: 10 },
    );

    at('2026-05-04T09:00:00+07:00'); // Mon
    const a = (await enter(s)).json<FeedbackDetail>(); // classify by Wed 6/5
    expect(a.deadlines.answer).toBe(vnIso('2026-05-18T17:00:00+07:00')); // 10 working days
    const b = (await enter(s)).json<FeedbackDetail>();
    await act(s.officer.cookie, b.id, { kind: 'classify', category: 'regulation' }); // answer by Mon 18/5
    at('2026-05-07T09:00:00+07:00');
    const c = (await enter(s)).json<FeedbackDetail>(); // classify by Mon 11/5

    at('2026-05-08T09:00:00+07:00'); // Fri
    const due = (await get(s.officer.cookie, `/api/feedback/due?unitId=${s.unit.id}`)).json<{
      overdue: FeedbackListItem[];
      dueSoon: FeedbackListItem[];
    }>();
    expect(due.overdue.map((x) => x.id)).toEqual([a.id]);
    expect(due.dueSoon.map((x) => x.id)).toEqual([c.id]);
    expect(due.overdue[0]).toMatchObject({ due: 'overdue', dueLabel: 'Quá hạn' });
    expect(
      (await get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}&state=overdue`))
        .json<FeedbackListItem[]>()
        .map((x) => x.id),
    ).toEqual([a.id]);

    at('2026-05-15T09:00:00+07:00'); // Fri: b due Mon 18/5
    const later = (await get(s.officer.cookie, `/api/feedback/due?unitId=${s.unit.id}`)).json<{
      overdue: FeedbackListItem[];
      dueSoon: FeedbackListItem[];
    }>();
    expect(later.overdue.map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
    expect(later.dueSoon.map((x) => x.id)).toEqual([b.id]);
    // The superior sees the subtree's lists; the outsider sees nothing.
    const sup = (await get(s.reviewer.cookie, `/api/feedback/due?unitId=${s.ward.id}&subtree=1`)).json<{
      overdue: FeedbackListItem[];
    }>();
    expect(sup.overdue).toHaveLength(2);
    expect((await get(s.outsider.cookie, `/api/feedback/due?unitId=${s.unit.id}`)).statusCode).toBe(404);

    // Answered after its deadline: counted as late.
    at('2026-05-19T09:00:00+07:00');
    await act(s.officer.cookie, b.id, {
      kind: 'answer',
      text: 'Nhà trường xin trả lời như sau: giờ đón trẻ giữ nguyên.',
    });
    const late = (await act(s.head.cookie, b.id, { kind: 'approve' })).json<FeedbackDetail>();
    expect(late).toMatchObject({ answeredOnTime: false, dueAt: vnIso('2026-05-21T17:00:00+07:00') });
    expect(late.events.at(-1)).toMatchObject({ kind: 'approve', late: true });
    at('2026-05-22T09:00:00+07:00');
    expect(
      (await get(s.officer.cookie, `/api/feedback/due?unitId=${s.unit.id}`))
        .json<{ overdue: FeedbackListItem[] }>()
        .overdue.map((x) => x.id),
    ).toContain(b.id);
  });

  it('keeps reusable answer templates per unit', async () => {
    const s = await setup();
    const body = {
      unitId: s.unit.id,
      title: 'Trả lời về học phí',
      body: 'Kính gửi Quý phụ huynh, nhà trường xin trả lời như sau: …',
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/feedback/templates',
      headers: { cookie: s.officer.cookie },
      payload: body,
    });
    expect(created.statusCode).toBe(200);
    const id = created.json<{ id: number }>().id;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/feedback/templates',
          headers: { cookie: s.staff.cookie },
          payload: body,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/feedback/templates',
          headers: { cookie: s.outsider.cookie },
          payload: body,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/feedback/templates/${id}`,
          headers: { cookie: s.outsider.cookie },
          payload: body,
        })
      ).statusCode,
    ).toBe(404);
    const upd = await t.app.inject({
      method: 'PUT',
      url: `/api/feedback/templates/${id}`,
      headers: { cookie: s.head.cookie },
      payload: { ...body, title: 'Trả lời về học phí (mới)' },
    });
    expect(upd.json()).toMatchObject({ id, title: 'Trả lời về học phí (mới)' });
    expect((await get(s.staff.cookie, `/api/feedback/templates?unitId=${s.unit.id}`)).json()).toEqual([
      expect.objectContaining({ id, title: 'Trả lời về học phí (mới)' }),
    ]);
    expect((await get(s.outsider.cookie, `/api/feedback/templates?unitId=${s.unit.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/feedback/templates/${id}`,
          headers: { cookie: s.outsider.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/feedback/templates/${id}`,
          headers: { cookie: s.staff.cookie },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/feedback/templates/${id}`,
          headers: { cookie: s.officer.cookie },
        })
      ).statusCode,
    ).toBe(200);
    expect((await get(s.officer.cookie, `/api/feedback/templates?unitId=${s.unit.id}`)).json()).toEqual([]);
  });

  it('counts the period’s figures and measures the plan’s PAKN targets with them', async () => {
    const s = await setup();
    at('2026-03-02T09:00:00+07:00');
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await enter(s)).json<FeedbackDetail>().id);
    const refused = (await enter(s)).json<FeedbackDetail>().id;
    await act(s.officer.cookie, refused, {
      kind: 'classify',
      category: 'not_accepted',
      note: 'Đơn nặc danh.',
    });
    for (const id of ids) await act(s.officer.cookie, id, { kind: 'classify', category: 'regulation' });
    // Three answered: two on time (one of them published), one late.
    at('2026-03-10T09:00:00+07:00');
    for (const id of ids.slice(0, 2)) {
      await act(s.officer.cookie, id, { kind: 'answer', text: 'Nhà trường xin trả lời như sau: …' });
      await act(s.head.cookie, id, { kind: 'approve' });
    }
    await act(s.officer.cookie, ids[0]!, {
      kind: 'publish',
      title: 'Giờ đón trẻ',
      content: 'Phụ huynh phản ánh giờ đón trẻ.',
      answer: 'Nhà trường xin trả lời như sau: …',
    });
    at('2026-04-01T09:00:00+07:00');
    await act(s.officer.cookie, ids[2]!, { kind: 'answer', text: 'Nhà trường xin trả lời như sau: …' });
    await act(s.head.cookie, ids[2]!, { kind: 'approve' });

    at('2026-05-05T09:00:00+07:00');
    const fig = (
      await get(s.officer.cookie, `/api/feedback/figures?unitId=${s.unit.id}&from=2026-01-01&to=2026-05-05`)
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
        await get(
          s.reviewer.cookie,
          `/api/feedback/figures?unitId=${s.ward.id}&subtree=1&from=2026-01-01&to=2026-05-05`,
        )
      ).json(),
    ).toMatchObject({ counts: { total: 5 } });
    expect(
      (await t.services.feedback.figures({ unitId: s.ward.id, subtree: true }, '2026-01-01', '2026-05-05'))
        .counts.answered,
    ).toBe(3);
    expect((await t.services.feedback.figures(s.ward.id, '2026-01-01', '2026-05-05')).counts.total).toBe(0);
    expect(
      (
        await get(
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
    const { planId } = await importPlan(t, s.officer.cookie, s.unit.id, text);
    const plan = (await get(s.officer.cookie, `/api/plans/${planId}`)).json<PlanDetail>();
    const onTime = plan.targets.find((x) => x.metric === 'feedback_answered_on_time');
    const published = plan.targets.find((x) => x.metric === 'feedback_published');
    expect(onTime).toMatchObject({
      state: 'not_met',
      measured: { value: 50, numerator: 2, denominator: 4, from: '2026-01-01', to: '2026-05-05' },
    });
    expect(published).toMatchObject({ state: 'not_met', measured: { numerator: 1, denominator: 3 } });
  });

  describe('abuse', () => {
    it('throttles a burst of 1,000 submissions from one address with a Vietnamese message; others still work', async () => {
      const s = await setup();
      at('2026-05-12T09:00:00+07:00');
      const ip = newIp();
      const c = await challenge(ip);
      tick(5000);
      const who = sender();
      const body = multipartBody({
        unitId: String(s.unit.id),
        name: who.name,
        address: who.address,
        phone: who.phone,
        email: who.email,
        title: 'Thư rác tự động gửi',
        content: 'Nội dung gửi tự động lặp lại nhiều lần để thử.',
        challengeToken: c.token,
        challengeAnswer: c.answer,
        website: '',
      });
      const codes = new Map<number, number>();
      let message = '';
      for (let i = 0; i < 1000; i++) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/public/feedback',
          payload: body.payload,
          headers: body.headers,
          remoteAddress: ip,
        });
        codes.set(r.statusCode, (codes.get(r.statusCode) ?? 0) + 1);
        if (r.statusCode === 429) message = r.json<{ error: { message: string } }>().error.message;
      }
      // The first goes through; the challenge is single-use, so the next four are refused; then 429s.
      expect(codes.get(200)).toBe(1);
      expect(codes.get(400)).toBe(4);
      expect(codes.get(429)).toBe(995);
      expect(message).toMatch(/^Bạn đã gửi quá nhiều phản ánh, kiến nghị/);
      expect(
        (await get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<FeedbackListItem[]>(),
      ).toHaveLength(1);
      // Another address submits; the staff API answers; the same address can still read answers.
      expect((await submit(s)).statusCode).toBe(200);
      expect(
        (await get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<FeedbackListItem[]>(),
      ).toHaveLength(2);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/public/feedback/answers', remoteAddress: ip }))
          .statusCode,
      ).toBe(200);
    }, 180_000); // 1,000 requests: over 30 s on PostgreSQL when the machine is loaded.

    it('refuses an executable renamed .jpg and an oversized file with Vietnamese messages', async () => {
      const s = await setup();
      const exe = await submit(s, { file: { filename: 'anh-chup.jpg', content: EXE } });
      expect(exe.statusCode).toBe(415);
      expect(exe.json().error.message).toMatch(/không phải ảnh \(JPG, PNG, GIF, WEBP\) hay PDF/);
      const big = new Uint8Array(6 * 1024 * 1024);
      big.set(PNG);
      const large = await submit(s, { file: { filename: 'anh-lon.png', content: big } });
      expect(large.statusCode).toBe(413);
      expect(large.json().error.message).toMatch(/vượt quá 5 MB/);
      expect(
        (await get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<FeedbackListItem[]>(),
      ).toHaveLength(0);
    });

    it('refuses a filled honeypot, a wrong, too fast or reused challenge, missing contacts and non-Vietnamese text', async () => {
      const s = await setup();
      expect((await submit(s, { extra: { website: 'http://spam.example' } })).json().error.code).toBe(
        'FEEDBACK_REJECTED',
      );
      expect((await submit(s, { answer: '999' })).json().error.code).toBe('FEEDBACK_CHALLENGE');
      const fast = await submit(s, { wait: 100 });
      expect(fast.json().error.message).toMatch(/quá nhanh/);
      const noPhone = await submit(s, { extra: { phone: '' } });
      expect(noPhone.statusCode).toBe(400);
      expect(noPhone.json().error.message).toMatch(/^Số điện thoại: /);
      const noAddress = await submit(s, { extra: { address: '' } });
      expect(noAddress.json().error.message).toBe('Địa chỉ: Vui lòng nhập địa chỉ liên hệ');
      const english = await submit(s, {
        title: 'Cheap pills here',
        content: 'Buy cheap pills now at our online shop.',
      });
      expect(english.json().error.message).toMatch(/tiếng Việt/);
      // A challenge is good once.
      const ip = newIp();
      const c = await challenge(ip);
      tick(5000);
      const who = sender();
      const fields = {
        unitId: String(s.unit.id),
        name: who.name,
        address: who.address,
        phone: who.phone,
        email: who.email,
        title: 'Đề nghị sửa bảng tin',
        content: 'Đề nghị nhà trường sửa bảng tin trước cổng.',
        challengeToken: c.token,
        challengeAnswer: c.answer,
      };
      const one = multipartBody(fields);
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/public/feedback',
            payload: one.payload,
            headers: one.headers,
            remoteAddress: ip,
          })
        ).statusCode,
      ).toBe(200);
      const two = multipartBody(fields);
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/public/feedback',
            payload: two.payload,
            headers: two.headers,
            remoteAddress: ip,
          })
        ).json().error.code,
      ).toBe('FEEDBACK_CHALLENGE');
    });
  });

  it('never returns a sender’s phone, e-mail, address or ID number in a public response', async () => {
    // Runs last: every public response of the tests above was kept.
    const s = await setup();
    at('2026-05-12T09:00:00+07:00');
    const who = sender();
    const { trackingToken } = (
      await submit(s, {
        who,
        content: `Tôi là ${who.name}, số điện thoại ${who.phone}, thư ${who.email}, CCCD 079199012345. Đề nghị xem lại học phí.`,
      })
    ).json<{ trackingToken: string }>();
    idNumbers.push('079199012345');
    const id = (await get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
      FeedbackListItem[]
    >()[0]!.id;
    await act(s.officer.cookie, id, { kind: 'classify', category: 'regulation' });
    await act(s.officer.cookie, id, {
      kind: 'answer',
      text: `Kính gửi ông/bà, nhà trường đã liên hệ số ${who.phone} để trao đổi.`,
    });
    await act(s.head.cookie, id, { kind: 'approve' });
    // Staff forget to redact: the public guard still hides contacts.
    await act(s.officer.cookie, id, {
      kind: 'publish',
      title: 'Học phí',
      content: `Phụ huynh (${who.email}, ${who.phone}) đề nghị xem lại học phí.`,
      answer: `Đã liên hệ số ${who.phone}.`,
    });
    await track(trackingToken);
    await answers('hoc phi');
    await answers('');
    await pub(
      await t.app.inject({ method: 'GET', url: '/api/public/feedback/challenge', remoteAddress: newIp() }),
    );
    expect(publicBodies.length).toBeGreaterThan(30);
    const all = publicBodies.join('\n');
    expect(all).toContain('[đã ẩn]');
    for (const x of senders) {
      expect(all).not.toContain(x.phone);
      expect(all).not.toContain(x.email);
      expect(all).not.toContain(x.address);
    }
    for (const n of idNumbers) expect(all).not.toContain(n);
  });
});
