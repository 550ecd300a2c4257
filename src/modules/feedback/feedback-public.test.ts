import { describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { multipartBody } from '../../../tests/support/app.js';
import { EXE, FeedbackHarness, PNG, newIp, vnIso } from './feedback.test-support.js';
import type { FeedbackDetail, FeedbackListItem } from './schema.js';

async function receivesPublicSubmission(h: FeedbackHarness) {
  const s = await h.setup();
  h.at('2026-05-12T09:00:00+07:00');
  const res = await h.submit(s, { file: { filename: 'anh-bang-tin.png', content: PNG } });
  expect(res.statusCode).toBe(200);
  const out = res.json<{ code: string; trackingToken: string; trackingUrl: string }>();
  expect(out.code).toMatch(new RegExp(`^PA-MN${s.ward.id}-260512-0001$`));
  expect(out.trackingUrl).toMatch(/\/phan-anh\/theo-doi\/[\w-]{20,}$/);

  const tr = await h.track(out.trackingToken);
  expect(tr.json()).toMatchObject({
    code: out.code,
    status: 'received',
    answer: null,
    answerDueAt: vnIso('2026-06-02T17:00:00+07:00'),
  });
  expect((await h.track('khong-phai-ma-that-1234')).statusCode).toBe(404);

  const list = (await h.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
    FeedbackListItem[]
  >();
  expect(list).toHaveLength(1);
  const d = (await h.get(s.officer.cookie, `/api/feedback/${list[0]!.id}`)).json<FeedbackDetail>();
  // Classify by Thu 14/5: two working days away, so due soon already.
  expect(d).toMatchObject({ source: 'web', status: 'received', due: 'due_soon', actions: ['classify'] });
  expect(d.sender).toMatchObject({
    phone: h.senders.at(-1)!.phone,
    email: h.senders.at(-1)!.email,
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
  const file = await h.get(s.officer.cookie, `/api/feedback/${d.id}/attachments/${d.attachments[0]!.id}`);
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-type']).toBe('image/png');

  // A superior's reviewer reads the item without the sender's contacts; the unit's staff likewise.
  for (const who of [s.reviewer, s.staff]) {
    const seen = (await h.get(who.cookie, `/api/feedback/${d.id}`)).json<FeedbackDetail>();
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
      (await h.get(who.cookie, `/api/feedback/${d.id}/attachments/${d.attachments[0]!.id}`)).statusCode,
    ).toBe(403);
  }
  expect(
    (await h.get(s.reviewer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<FeedbackListItem[]>()[0]!
      .senderName,
  ).not.toBe(h.senders.at(-1)!.name);
  // Another unit's user does not learn it exists.
  expect((await h.get(s.outsider.cookie, `/api/feedback/${d.id}`)).statusCode).toBe(404);
  expect(
    (await h.get(s.outsider.cookie, `/api/feedback/${d.id}/attachments/${d.attachments[0]!.id}`)).statusCode,
  ).toBe(404);
  expect((await h.get(s.outsider.cookie, `/api/feedback?unitId=${s.unit.id}`)).statusCode).toBe(404);
}

async function refusesWithReason(h: FeedbackHarness) {
  const s = await h.setup();
  h.at('2026-05-12T09:00:00+07:00');
  const { trackingToken } = (await h.submit(s)).json<{ trackingToken: string }>();
  const id = (await h.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
    FeedbackListItem[]
  >()[0]!.id;
  h.at('2026-05-14T16:00:00+07:00');
  const r = (
    await h.act(s.officer.cookie, id, {
      kind: 'classify',
      category: 'not_accepted',
      note: 'Nội dung đã được trả lời tại văn bản số 12/MN ngày 02/4/2026.',
    })
  ).json<FeedbackDetail>();
  expect(r).toMatchObject({ status: 'not_accepted', due: 'none', actions: [] });
  expect(r.events.at(-1)).toMatchObject({ kind: 'classify', late: false });
  expect((await h.track(trackingToken)).json()).toMatchObject({
    status: 'not_accepted',
    note: expect.stringMatching(/không được thụ lý: Nội dung đã được trả lời/),
  });
  expect((await h.act(s.head.cookie, id, { kind: 'assign', assigneeId: s.staff.user.id })).statusCode).toBe(
    409,
  );
}

async function throttlesBurst(h: FeedbackHarness) {
  const s = await h.setup();
  h.at('2026-05-12T09:00:00+07:00');
  const ip = newIp();
  const c = await h.challenge(ip);
  h.tick(5000);
  const who = h.sender();
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
    const r = await h.t.app.inject({
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
    (await h.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<FeedbackListItem[]>(),
  ).toHaveLength(1);
  // Another address submits; the staff API answers; the same address can still read answers.
  expect((await h.submit(s)).statusCode).toBe(200);
  expect(
    (await h.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<FeedbackListItem[]>(),
  ).toHaveLength(2);
  expect(
    (await h.t.app.inject({ method: 'GET', url: '/api/public/feedback/answers', remoteAddress: ip }))
      .statusCode,
  ).toBe(200);
}

async function refusesBadFiles(h: FeedbackHarness) {
  const s = await h.setup();
  const exe = await h.submit(s, { file: { filename: 'anh-chup.jpg', content: EXE } });
  expect(exe.statusCode).toBe(415);
  expect(exe.json().error.message).toMatch(/không phải ảnh \(JPG, PNG, GIF, WEBP\) hay PDF/);
  const big = new Uint8Array(6 * 1024 * 1024);
  big.set(PNG);
  const large = await h.submit(s, { file: { filename: 'anh-lon.png', content: big } });
  expect(large.statusCode).toBe(413);
  expect(large.json().error.message).toMatch(/vượt quá 5 MB/);
  expect(
    (await h.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<FeedbackListItem[]>(),
  ).toHaveLength(0);
}

async function refusesBots(h: FeedbackHarness) {
  const s = await h.setup();
  expect((await h.submit(s, { extra: { website: 'http://spam.example' } })).json().error.code).toBe(
    'FEEDBACK_REJECTED',
  );
  expect((await h.submit(s, { answer: '999' })).json().error.code).toBe('FEEDBACK_CHALLENGE');
  const fast = await h.submit(s, { wait: 100 });
  expect(fast.json().error.message).toMatch(/quá nhanh/);
  const noPhone = await h.submit(s, { extra: { phone: '' } });
  expect(noPhone.statusCode).toBe(400);
  expect(noPhone.json().error.message).toMatch(/^Số điện thoại: /);
  const noAddress = await h.submit(s, { extra: { address: '' } });
  expect(noAddress.json().error.message).toBe('Địa chỉ: Vui lòng nhập địa chỉ liên hệ');
  const english = await h.submit(s, {
    title: 'Cheap pills here',
    content: 'Buy cheap pills now at our online shop.',
  });
  expect(english.json().error.message).toMatch(/tiếng Việt/);
  // A challenge is good once.
  const ip = newIp();
  const c = await h.challenge(ip);
  h.tick(5000);
  const who = h.sender();
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
      await h.t.app.inject({
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
      await h.t.app.inject({
        method: 'POST',
        url: '/api/public/feedback',
        payload: two.payload,
        headers: two.headers,
        remoteAddress: ip,
      })
    ).json().error.code,
  ).toBe('FEEDBACK_CHALLENGE');
}

async function neverLeaksPersonalData(h: FeedbackHarness) {
  // Runs last: every public response of the tests above was kept.
  const s = await h.setup();
  h.at('2026-05-12T09:00:00+07:00');
  const who = h.sender();
  const { trackingToken } = (
    await h.submit(s, {
      who,
      content: `Tôi là ${who.name}, số điện thoại ${who.phone}, thư ${who.email}, CCCD 079199012345. Đề nghị xem lại học phí.`,
    })
  ).json<{ trackingToken: string }>();
  h.idNumbers.push('079199012345');
  const id = (await h.get(s.officer.cookie, `/api/feedback?unitId=${s.unit.id}`)).json<
    FeedbackListItem[]
  >()[0]!.id;
  await h.act(s.officer.cookie, id, { kind: 'classify', category: 'regulation' });
  await h.act(s.officer.cookie, id, {
    kind: 'answer',
    text: `Kính gửi ông/bà, nhà trường đã liên hệ số ${who.phone} để trao đổi.`,
  });
  await h.act(s.head.cookie, id, { kind: 'approve' });
  // Staff forget to redact: the public guard still hides contacts.
  await h.act(s.officer.cookie, id, {
    kind: 'publish',
    title: 'Học phí',
    content: `Phụ huynh (${who.email}, ${who.phone}) đề nghị xem lại học phí.`,
    answer: `Đã liên hệ số ${who.phone}.`,
  });
  await h.track(trackingToken);
  await h.answers('hoc phi');
  await h.answers('');
  await h.pub(
    await h.t.app.inject({ method: 'GET', url: '/api/public/feedback/challenge', remoteAddress: newIp() }),
  );
  expect(h.publicBodies.length).toBeGreaterThan(30);
  const all = h.publicBodies.join('\n');
  expect(all).toContain('[đã ẩn]');
  for (const x of h.senders) {
    expect(all).not.toContain(x.phone);
    expect(all).not.toContain(x.email);
    expect(all).not.toContain(x.address);
  }
  for (const n of h.idNumbers) expect(all).not.toContain(n);
}

describeEachDb('citizens’ feedback and petitions (PAKN): the public side', (open) => {
  const h = new FeedbackHarness(open);
  it('receives a public submission with an image, gives a tracking link, and shows contacts only to the unit’s handlers', () =>
    receivesPublicSubmission(h));
  it('refuses an item within 2 working days and tells the sender why', () => refusesWithReason(h));
  describe('abuse', () => {
    it(
      'throttles a burst of 1,000 submissions from one address with a Vietnamese message; others still work',
      () => throttlesBurst(h),
      180_000,
    ); // 1,000 requests: over 30 s on PostgreSQL when the machine is loaded.
    it('refuses an executable renamed .jpg and an oversized file with Vietnamese messages', () =>
      refusesBadFiles(h));
    it('refuses a filled honeypot, a wrong, too fast or reused challenge, missing contacts and non-Vietnamese text', () =>
      refusesBots(h));
  });
  it('never returns a sender’s phone, e-mail, address or ID number in a public response', () =>
    neverLeaksPersonalData(h));
});
