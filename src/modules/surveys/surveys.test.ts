import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { importPlan, smallPlanText } from '../../../tests/support/plans.js';
import { SIPAS_ELEMENTS } from '../../core/survey/index.js';
import type { SurveyQuestion } from '../../core/survey/index.js';
import type { PlanDetail } from '../plans/schema.js';
import { insertResponse } from './repository.js';
import type { SurveyOut } from './schema.js';
import { KINDS, SurveyHarness } from './surveys.test-support.js';
import type { Setup } from './surveys.test-support.js';

async function validatesBuilder(h: SurveyHarness) {
  const s = await h.setup();
  const templates = (
    await h.t.app.inject({
      method: 'GET',
      url: '/api/surveys/templates',
      headers: { cookie: s.officer.cookie },
    })
  ).json<{ id: string; questions: SurveyQuestion[] }[]>();
  const sipas = templates.find((x) => x.id === 'sipas')!;
  expect(sipas.questions.filter((q) => q.satisfaction).map((q) => q.key)).toEqual(
    SIPAS_ELEMENTS.map((e) => e.key),
  );
  expect(templates.find((x) => x.id === 'dossier_rating')!.questions[0]!.options).toEqual([
    'Rất hài lòng',
    'Hài lòng',
    'Không hài lòng',
  ]);

  const empty = await h.create(s, { questions: [] });
  expect(empty.statusCode).toBe(400);
  expect(empty.json<{ error: { message: string } }>().error.message).toBe(
    'Phiếu khảo sát cần ít nhất một câu hỏi.',
  );
  const oneOption = await h.create(s, {
    questions: [{ key: 'a', kind: 'single', text: 'Chọn', required: true, options: ['Có'] }],
  });
  expect(oneOption.statusCode).toBe(400);
  expect(oneOption.json<{ error: { message: string } }>().error.message).toContain('ít nhất hai phương án');
  const badDates = await h.create(s, { opensOn: '2026-06-01', closesOn: '2026-05-01' });
  expect(badDates.json<{ error: { message: string } }>().error.message).toBe(
    'Ngày kết thúc khảo sát phải sau ngày bắt đầu.',
  );
  const ok = await h.create(s, { template: 'sipas', questions: sipas.questions });
  expect(ok.statusCode, ok.body).toBe(200);
  expect(ok.json<SurveyOut>()).toMatchObject({
    state: 'open',
    responses: 0,
    actions: { edit: true, editQuestions: true, invite: false },
  });
  expect(ok.json<SurveyOut>().publicUrl).toMatch(/\/khao-sat\/[A-Za-z0-9_-]+$/);
}

async function answersEachKind(h: SurveyHarness) {
  const s = await h.setup();
  const sv = (await h.create(s, {})).json<SurveyOut>();
  const form = await h.t.app.inject({ method: 'GET', url: `/api/public/surveys/${sv.slug}` });
  expect(form.json()).toMatchObject({
    state: 'open',
    needsToken: false,
    questions: [{ kind: 'single' }, { kind: 'scale' }, { kind: 'multiple' }, { kind: 'text' }],
  });

  const given = [
    { rating: 0, access: 5, channels: [0, 2], comment: '<script>alert("x")</script>' },
    { rating: 1, access: 3, channels: [1] },
    { rating: 2, access: 4 },
    { rating: 1, access: 2, comment: 'Cần thêm ghế chờ' },
  ];
  for (const a of given)
    expect((await h.answer(sv.slug, { answers: a, browserId: h.browser() })).statusCode).toBe(200);

  // Invalid answers are refused with a reason.
  const bad = await h.answer(sv.slug, { answers: { rating: 0, access: 9 }, browserId: h.browser() });
  expect(bad.statusCode).toBe(400);
  expect(bad.json<{ error: { message: string } }>().error.message).toBe('Câu 2: điểm phải từ 1 đến 5.');
  const missing = await h.answer(sv.slug, { answers: { access: 4 }, browserId: h.browser() });
  expect(missing.json<{ error: { message: string } }>().error.message).toBe(
    'Câu 1 là câu bắt buộc: vui lòng trả lời.',
  );

  // One answer per browser: the same id again, or the cookie set by the first answer, is refused.
  const id = h.browser();
  const first = await h.answer(sv.slug, { answers: { rating: 0, access: 5 }, browserId: id });
  expect(first.statusCode).toBe(200);
  const cookie = first.cookies.find((c) => c.name === 'cchc_browser');
  expect(cookie?.value).toBe(id);
  expect((await h.answer(sv.slug, { answers: { rating: 0, access: 5 }, browserId: id })).statusCode).toBe(
    409,
  );
  const viaCookie = await h.answer(
    sv.slug,
    { answers: { rating: 0, access: 5 }, browserId: h.browser() },
    `cchc_browser=${id}`,
  );
  expect(viaCookie.statusCode).toBe(409);
  expect(viaCookie.json<{ error: { message: string } }>().error.message).toBe(
    'Bạn đã trả lời khảo sát này rồi. Cảm ơn bạn!',
  );
  expect((await h.answer(sv.slug, { answers: { rating: 0, access: 5 } })).statusCode).toBe(400);
  // The database itself refuses a second answer from the same browser (two requests racing).
  const row = {
    survey_id: sv.id,
    unit_id: s.unit.id,
    invitation_id: null,
    browser_id: id,
    answers_json: '{}',
    very_satisfied: 0,
    satisfied: 0,
    not_satisfied: 0,
    submitted_at: new Date(h.nowIso).toISOString(),
  };
  await expect(insertResponse(h.tdb.db.kysely, row)).rejects.toThrow();
  const all = [...given, { rating: 0, access: 5 }];

  // By hand: single choice "Rất hài lòng"/"Hài lòng" and scale 4–5 are satisfied answers.
  const satisfied = all.filter((a) => a.rating <= 1).length + all.filter((a) => a.access >= 4).length;
  const answersCounted = all.length * 2;
  const res = (
    await h.t.app.inject({
      method: 'GET',
      url: `/api/surveys/${sv.id}/results`,
      headers: { cookie: s.officer.cookie },
    })
  ).json<{
    responses: number;
    satisfaction: { value: number; numerator: number; denominator: number };
    questions: { answered: number; options?: { count: number }[]; scores?: number[]; texts?: string[] }[];
  }>();
  expect(res.responses).toBe(all.length);
  expect(res.satisfaction).toMatchObject({
    numerator: satisfied,
    denominator: answersCounted,
    value: Math.round((satisfied / answersCounted) * 10_000) / 100,
  });
  expect(res.questions[0]!.options!.map((o) => o.count)).toEqual(
    [0, 1, 2].map((i) => all.filter((a) => a.rating === i).length),
  );
  expect(res.questions[1]!.scores).toEqual(
    [1, 2, 3, 4, 5].map((n) => all.filter((a) => a.access === n).length),
  );
  expect(res.questions[2]!.options!.map((o) => o.count)).toEqual([1, 1, 1]);
  expect(res.questions[3]!.texts).toEqual(['Cần thêm ghế chờ', '<script>alert("x")</script>']);
  const rate = await h.t.services.surveys.satisfaction(s.unit.id, '2026-05-01', '2026-05-31');
  expect(rate).toMatchObject({ numerator: satisfied, denominator: answersCounted });
  expect((await h.t.services.surveys.satisfaction(s.unit.id, '2026-04-01', '2026-04-30')).denominator).toBe(
    0,
  );
  await locksExportsArchives(h, s, sv, all, res.satisfaction.value);
}

/** The answered survey of answersEachKind: locked questions, the .xlsx export, archiving. */
async function locksExportsArchives(
  h: SurveyHarness,
  s: Setup,
  sv: SurveyOut,
  all: { rating: number; access: number }[],
  rate: number,
) {
  // The questions are locked once answered; the title is not.
  const locked = await h.t.app.inject({
    method: 'PUT',
    url: `/api/surveys/${sv.id}`,
    headers: { cookie: s.officer.cookie },
    payload: { title: 'Đổi', anonymous: true, published: true, questions: KINDS.slice(0, 2) },
  });
  expect(locked.statusCode).toBe(409);
  const renamed = await h.t.app.inject({
    method: 'PUT',
    url: `/api/surveys/${sv.id}`,
    headers: { cookie: s.officer.cookie },
    payload: { title: 'Khảo sát tháng 5', anonymous: true, published: true, questions: KINDS },
  });
  expect(renamed.json<SurveyOut>()).toMatchObject({
    title: 'Khảo sát tháng 5',
    responses: all.length,
    actions: { editQuestions: false },
  });

  // .xlsx export, re-read.
  const x = await h.t.app.inject({
    method: 'GET',
    url: `/api/surveys/${sv.id}/export.xlsx`,
    headers: { cookie: s.officer.cookie },
  });
  expect(x.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Câu trả lời']);
  const rows = wb.getWorksheet('Câu trả lời')!;
  expect(rows.rowCount).toBe(all.length + 1);
  expect(rows.getRow(1).getCell(3).value).toBe('Mức độ hài lòng');
  expect(rows.getRow(2).getCell(3).value).toBe('Rất hài lòng');
  expect(rows.getRow(2).getCell(4).value).toBe(5);
  expect(rows.getRow(2).getCell(5).value).toBe('Website; Zalo');
  expect(rows.getRow(2).getCell(6).value).toBe('<script>alert("x")</script>');
  expect(JSON.stringify(wb.getWorksheet('Tổng hợp')!.getSheetValues())).toContain(String(rate));

  // Archiving keeps every answer (never deleted) but takes the survey off line.
  expect(
    (
      await h.t.app.inject({
        method: 'DELETE',
        url: `/api/surveys/${sv.id}`,
        headers: { cookie: s.officer.cookie },
      })
    ).statusCode,
  ).toBe(200);
  expect((await h.t.app.inject({ method: 'GET', url: `/api/public/surveys/${sv.slug}` })).statusCode).toBe(
    404,
  );
  const kept = await h.tdb.db.kysely
    .selectFrom('survey_response')
    .select('id')
    .where('survey_id', '=', sv.id)
    .execute();
  expect(kept).toHaveLength(all.length);
}

async function oneAnswerPerToken(h: SurveyHarness) {
  const s = await h.setup();
  const sv = (await h.create(s, { anonymous: false })).json<SurveyOut>();
  expect(sv.actions.invite).toBe(true);
  const inv = await h.t.app.inject({
    method: 'POST',
    url: `/api/surveys/${sv.id}/invitations`,
    headers: { cookie: s.officer.cookie },
    payload: { count: 3 },
  });
  expect(inv.statusCode).toBe(200);
  const links = inv.json<{ links: string[] }>().links;
  expect(links).toHaveLength(3);
  expect(new Set(links).size).toBe(3);
  const tokens = links.map((l) => new URL(l).searchParams.get('t')!);
  const a = { rating: 1, access: 4 };
  expect((await h.answer(sv.slug, { answers: a, browserId: h.browser() })).statusCode).toBe(403);
  expect((await h.answer(sv.slug, { answers: a, token: 'khong-dung-ma-moi' })).statusCode).toBe(403);
  expect((await h.answer(sv.slug, { answers: a, token: tokens[0] })).statusCode).toBe(200);
  const again = await h.answer(sv.slug, { answers: a, token: tokens[0] });
  expect(again.statusCode).toBe(409);
  expect(again.json<{ error: { message: string } }>().error.message).toContain('đã được dùng');
  expect((await h.answer(sv.slug, { answers: a, token: tokens[1] })).statusCode).toBe(200);
  const got = (
    await h.t.app.inject({
      method: 'GET',
      url: `/api/surveys/${sv.id}`,
      headers: { cookie: s.officer.cookie },
    })
  ).json<SurveyOut>();
  expect(got).toMatchObject({ responses: 2, invitations: { total: 3, used: 2 } });
  // An anonymous survey has no invitations.
  const anon = (await h.create(s, {})).json<SurveyOut>();
  expect(
    (
      await h.t.app.inject({
        method: 'POST',
        url: `/api/surveys/${anon.id}/invitations`,
        headers: { cookie: s.officer.cookie },
        payload: { count: 2 },
      })
    ).statusCode,
  ).toBe(400);
}

async function refusesWhenClosed(h: SurveyHarness) {
  const s = await h.setup();
  const a = { answers: { rating: 0, access: 5 } };
  const closed = (await h.create(s, { opensOn: '2026-04-01', closesOn: '2026-05-04' })).json<SurveyOut>();
  expect(closed.state).toBe('closed');
  const r = await h.answer(closed.slug, { ...a, browserId: h.browser() });
  expect(r.statusCode).toBe(409);
  expect(r.json<{ error: { message: string } }>().error.message).toBe(
    'Khảo sát chưa mở hoặc đã kết thúc: không nhận thêm câu trả lời.',
  );
  const later = (await h.create(s, { opensOn: '2026-05-06' })).json<SurveyOut>();
  expect(later.state).toBe('scheduled');
  expect((await h.answer(later.slug, { ...a, browserId: h.browser() })).statusCode).toBe(409);
  const draft = (await h.create(s, { published: false })).json<SurveyOut>();
  expect(draft.state).toBe('draft');
  expect((await h.answer(draft.slug, { ...a, browserId: h.browser() })).statusCode).toBe(409);
  // The last day counts (Vietnam date).
  const today = (await h.create(s, { closesOn: '2026-05-05' })).json<SurveyOut>();
  expect((await h.answer(today.slug, { ...a, browserId: h.browser() })).statusCode).toBe(200);
  h.nowIso = '2026-05-05T23:30:00+07:00';
  expect((await h.answer(today.slug, { ...a, browserId: h.browser() })).statusCode).toBe(200);
  h.nowIso = '2026-05-06T00:10:00+07:00';
  expect((await h.answer(today.slug, { ...a, browserId: h.browser() })).statusCode).toBe(409);
  h.nowIso = '2026-05-05T10:00:00+07:00';
}

async function keepsWithinUnit(h: SurveyHarness) {
  const s = await h.setup();
  const sv = (await h.create(s, { anonymous: false })).json<SurveyOut>();
  const body = { title: 'X', anonymous: false, published: true, questions: KINDS };
  for (const [method, url, payload] of [
    ['GET', `/api/surveys/${sv.id}`],
    ['PUT', `/api/surveys/${sv.id}`, body],
    ['DELETE', `/api/surveys/${sv.id}`],
    ['GET', `/api/surveys/${sv.id}/results`],
    ['GET', `/api/surveys/${sv.id}/export.xlsx`],
    ['GET', `/api/surveys/${sv.id}/qr.png`],
    ['POST', `/api/surveys/${sv.id}/invitations`, { count: 1 }],
    ['GET', `/api/surveys?unitId=${s.unit.id}`],
  ] as const) {
    const r = await h.t.app.inject({
      method,
      url,
      headers: { cookie: s.outsider.cookie },
      ...(payload ? { payload } : {}),
    });
    expect(r.statusCode, `${method} ${url}`).toBe(404);
  }
  expect((await h.create(s, {}, s.outsider.cookie)).statusCode).toBe(404);
  // The unit's staff and the superior's reviewer read, but do not write.
  for (const who of [s.staff, s.reviewer]) {
    expect(
      (
        await h.t.app.inject({
          method: 'GET',
          url: `/api/surveys/${sv.id}/results`,
          headers: { cookie: who.cookie },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await h.t.app.inject({
          method: 'PUT',
          url: `/api/surveys/${sv.id}`,
          headers: { cookie: who.cookie },
          payload: body,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await h.t.app.inject({
          method: 'POST',
          url: `/api/surveys/${sv.id}/invitations`,
          headers: { cookie: who.cookie },
          payload: { count: 1 },
        })
      ).statusCode,
    ).toBe(403);
    expect((await h.create(s, {}, who.cookie)).statusCode).toBe(403);
  }
  const qr = await h.t.app.inject({
    method: 'GET',
    url: `/api/surveys/${sv.id}/qr.png`,
    headers: { cookie: s.officer.cookie },
  });
  expect(qr.headers['content-type']).toBe('image/png');
  expect(qr.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Without a session: 401.
  expect((await h.t.app.inject({ method: 'GET', url: `/api/surveys/${sv.id}` })).statusCode).toBe(401);
}

async function measuresPlanTarget(h: SurveyHarness) {
  const s = await h.setup();
  const { planId } = await importPlan(h.t, s.officer.cookie, s.unit.id, smallPlanText());
  const sv = (await h.create(s, {})).json<SurveyOut>();
  for (const a of [
    { rating: 0, access: 5 },
    { rating: 2, access: 2 },
    { rating: 1, access: 4 },
  ])
    expect((await h.answer(sv.slug, { answers: a, browserId: h.browser() })).statusCode).toBe(200);
  const plan = (
    await h.t.app.inject({
      method: 'GET',
      url: `/api/plans/${planId}`,
      headers: { cookie: s.officer.cookie },
    })
  ).json<PlanDetail>();
  const target = plan.targets.find((x) => x.source === 'section' && x.code === '2')!;
  // 4 of 6 answers satisfied (rating 0, 1; access 5, 4) against "đạt 100%".
  expect(target).toMatchObject({
    metric: 'survey_satisfaction',
    state: 'not_met',
    measured: { numerator: 4, denominator: 6, value: 66.67, from: '2026-01-01', to: '2026-05-05' },
  });
}

describeEachDb('satisfaction surveys', (open) => {
  const h = new SurveyHarness(open);
  it('validates the builder and ships the SIPAS and per-dossier templates', () => validatesBuilder(h));
  it('takes each kind of question, one answer per browser, and computes the rate by hand', () =>
    answersEachKind(h));
  it('takes one answer per invitation token', () => oneAnswerPerToken(h));
  it('refuses answers when the survey is closed, not yet open or not published', () => refusesWhenClosed(h));
  it('keeps every staff endpoint within the unit: another unit gets 404, staff and superiors cannot write', () =>
    keepsWithinUnit(h));
  it('measures a plan target bound to survey_satisfaction', () => measuresPlanTarget(h));
});

describeEachDb('satisfaction surveys: rate limit', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { config: { publicRateLimit: 6 } });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  it('limits public answers per address', async () => {
    const unit = await createUnit(t);
    const officer = await userWithSession(t, unit.id, ['officer']);
    const sv = (
      await t.app.inject({
        method: 'POST',
        url: '/api/surveys',
        headers: { cookie: officer.cookie },
        payload: { unitId: unit.id, title: 'Khảo sát', anonymous: true, published: true, questions: KINDS },
      })
    ).json<SurveyOut>();
    const send = (id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/surveys/${sv.slug}/answers`,
        payload: { answers: { rating: 0, access: 5 }, browserId: id },
      });
    expect((await send('gioi-han-0000000001')).statusCode).toBe(200);
    expect((await send('gioi-han-0000000002')).statusCode).toBe(429);
    // The transparency page and its JSON are limited too.
    const unitCode = (
      await tdb.db.kysely
        .selectFrom('unit')
        .select('code')
        .where('id', '=', unit.id)
        .executeTakeFirstOrThrow()
    ).code;
    for (const url of [`/cong-khai/${unitCode}`, `/api/public/units/${unitCode}/transparency`]) {
      const codes = [];
      for (let i = 0; i < 7; i++) codes.push((await t.app.inject({ method: 'GET', url })).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 200, 200, 429]);
    }
  });
});
