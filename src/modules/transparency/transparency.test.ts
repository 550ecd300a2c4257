import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, multipartBody, uniq, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { importPlan, smallPlanText } from '../../../tests/support/plans.js';
import { surveyTemplate } from '../../core/survey/index.js';
import type { Clock } from '../../lib/clock.js';
import { listTasks, updateTaskRow } from '../plans/repository.js';
import type { SurveyOut } from '../surveys/schema.js';
import type { PostOut } from './schema.js';
import { transparencyService } from './service.js';
import { figure } from '../../core/metrics/index.js';

const nowIso = '2026-05-05T10:00:00+07:00';
const clock: Clock = { now: () => new Date(nowIso) };

/** Citizens' personal data put in the fixtures: none of it may appear in a public response. */
const APPLICANTS = [
  {
    name: 'Lê Thị Cẩm Tú',
    idNumber: '079200001111',
    phone: '0909111222',
    email: 'camtu.phuhuynh@example.vn',
    address: '45 Hẻm 12 Âu Dương Lân',
  },
  {
    name: 'Đặng Văn Khoa',
    idNumber: '079200002222',
    phone: '0912333444',
    email: 'khoa.dang@example.vn',
    address: '7 Phạm Thế Hiển',
  },
  {
    name: 'Hồ Ngọc Yến',
    idNumber: '079200003333',
    phone: '0988777666',
    email: 'yen.ho@example.vn',
    address: '3 Bến Bình Đông',
  },
];
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

describeEachDb('CCHC news column and public transparency page', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { clock, config: { sessionHours: 24 * 365, publicRateLimit: 100_000 } });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  async function setup() {
    const ward = await createUnit(t, { kind: 'ward', name: 'Ủy ban nhân dân phường Chánh Hưng' });
    const code = `CK${uniq()}`;
    const unit = await createUnit(t, { parentId: ward.id, name: 'Trường Mầm non Tuổi Thơ', code });
    const officer = await userWithSession(t, unit.id, ['officer']);
    const staff = await userWithSession(t, unit.id, ['staff']);
    const reviewer = await userWithSession(t, ward.id, ['reviewer']);
    const outsider = await userWithSession(t, (await createUnit(t)).id, ['admin', 'officer']);
    return { ward, unit, code, officer, staff, reviewer, outsider };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;
  const post = (s: Setup, body: Record<string, unknown>, cookie = s.officer.cookie) =>
    t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: { cookie },
      payload: { unitId: s.unit.id, title: 'Tin', body: '', published: false, ...body },
    });
  const upload = (s: Setup, id: number, filename: string, content: Buffer, cookie = s.officer.cookie) => {
    const m = multipartBody({}, { field: 'file', filename, content });
    return t.app.inject({
      method: 'POST',
      url: `/api/posts/${id}/files`,
      headers: { cookie, ...m.headers },
      payload: m.payload,
    });
  };
  const publicJson = async (s: Setup) => {
    const r = await t.app.inject({ method: 'GET', url: `/api/public/units/${s.code}/transparency` });
    expect(r.statusCode, r.body).toBe(200);
    return r;
  };

  it('runs a post through its life: draft, published, edited, unpublished, removed, never deleted, audited', async () => {
    const s = await setup();
    const created = await post(s, { title: 'Niêm yết thủ tục mới', body: 'Đoạn một.\n\nĐoạn hai.' });
    expect(created.statusCode, created.body).toBe(200);
    const p = created.json<PostOut>();
    expect(p).toMatchObject({ published: false, publishedAt: null, actions: { edit: true } });
    expect((await publicJson(s)).json<{ posts: unknown[] }>().posts).toEqual([]);

    const put = (body: Record<string, unknown>, cookie = s.officer.cookie) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/posts/${p.id}`,
        headers: { cookie },
        payload: { title: 'Niêm yết thủ tục mới', body: 'Đoạn một.\n\nĐoạn hai.', published: false, ...body },
      });
    const published = (await put({ published: true })).json<PostOut>();
    expect(published.publishedAt).toBe(new Date(nowIso).toISOString());
    expect((await publicJson(s)).json<{ posts: { title: string }[] }>().posts.map((x) => x.title)).toEqual([
      'Niêm yết thủ tục mới',
    ]);

    // Attachments: images and PDF checked by content and size.
    expect((await upload(s, p.id, 'anh.png', PNG)).statusCode).toBe(200);
    const exe = await upload(s, p.id, 'anh.png', Buffer.from('MZ\x90\x00 giả làm ảnh'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json<{ error: { message: string } }>().error.message).toBe(
      'Chỉ đính kèm được ảnh (JPG, PNG, GIF, WEBP) hoặc PDF.',
    );
    const docx = await upload(
      s,
      p.id,
      'van-ban.docx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]),
    );
    expect(docx.statusCode).toBe(415);
    const big = await upload(s, p.id, 'lon.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    const withFile = (
      await t.app.inject({ method: 'GET', url: `/api/posts/${p.id}`, headers: { cookie: s.officer.cookie } })
    ).json<PostOut>();
    expect(withFile.attachments).toHaveLength(1);
    const pub = (await publicJson(s)).json<{ posts: { attachments: { url: string; mime: string }[] }[] }>();
    const fileUrl = pub.posts[0]!.attachments[0]!.url;
    const file = await t.app.inject({ method: 'GET', url: fileUrl });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);

    // Unpublished: gone from the public page and its files; staff still read it.
    expect((await put({ published: false, title: 'Niêm yết thủ tục (sửa)' })).json<PostOut>()).toMatchObject({
      published: false,
      title: 'Niêm yết thủ tục (sửa)',
    });
    expect((await publicJson(s)).json<{ posts: unknown[] }>().posts).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: fileUrl })).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/posts/${p.id}/files/${withFile.attachments[0]!.id}`,
          headers: { cookie: s.officer.cookie },
        })
      ).statusCode,
    ).toBe(200);

    // Removed: no longer listed nor readable, but the row is kept.
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/posts/${p.id}`,
          headers: { cookie: s.officer.cookie },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/posts/${p.id}`,
          headers: { cookie: s.officer.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/posts?unitId=${s.unit.id}`,
          headers: { cookie: s.officer.cookie },
        })
      ).json<unknown[]>(),
    ).toEqual([]);
    const row = await tdb.db.kysely
      .selectFrom('post')
      .select(['id', 'removed_at'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.removed_at).not.toBeNull();
    const audit = await tdb.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'post')
      .where('entity_id', '=', p.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'publish', 'attach', 'unpublish', 'remove']);
  });

  it('keeps posts within the unit: another unit gets 404, staff and superiors cannot write', async () => {
    const s = await setup();
    const p = (await post(s, { title: 'Tin nội bộ', published: true })).json<PostOut>();
    const body = { title: 'X', body: '', published: true };
    for (const [method, url, payload] of [
      ['GET', `/api/posts/${p.id}`],
      ['PUT', `/api/posts/${p.id}`, body],
      ['DELETE', `/api/posts/${p.id}`],
      ['GET', `/api/posts?unitId=${s.unit.id}`],
    ] as const) {
      const r = await t.app.inject({
        method,
        url,
        headers: { cookie: s.outsider.cookie },
        ...(payload ? { payload } : {}),
      });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await upload(s, p.id, 'a.png', PNG, s.outsider.cookie)).statusCode).toBe(404);
    expect((await post(s, {}, s.outsider.cookie)).statusCode).toBe(404);
    for (const who of [s.staff, s.reviewer]) {
      expect(
        (
          await t.app.inject({ method: 'GET', url: `/api/posts/${p.id}`, headers: { cookie: who.cookie } })
        ).json<PostOut>().actions.edit,
      ).toBe(false);
      expect(
        (
          await t.app.inject({
            method: 'PUT',
            url: `/api/posts/${p.id}`,
            headers: { cookie: who.cookie },
            payload: body,
          })
        ).statusCode,
      ).toBe(403);
      expect((await upload(s, p.id, 'a.png', PNG, who.cookie)).statusCode).toBe(403);
      expect((await post(s, {}, who.cookie)).statusCode).toBe(403);
    }
  });

  it('publishes the figures it computes from the registers, surveys and plan, with no personal data', async () => {
    const s = await setup();
    const cookie = s.officer.cookie;
    // The plan: three tasks, one done.
    const { planId } = await importPlan(
      t,
      cookie,
      s.unit.id,
      smallPlanText({ unitName: 'Trường Mầm non Tuổi Thơ' }),
    );
    const tasks = await listTasks(tdb.db.kysely, planId);
    await updateTaskRow(tdb.db.kysely, tasks.find((x) => x.code === '1.1')!.id, { status: 'done' });

    // The register: A and B returned on time (A rated not satisfied, B satisfied), C open past its appointment.
    const proc = await t.app.inject({
      method: 'POST',
      url: '/api/procedures',
      headers: { cookie },
      payload: {
        unitId: s.unit.id,
        code: '1.001',
        name: 'Chuyển trường',
        limitUnit: 'working_days',
        limitAmount: 5,
        feeBearing: false,
        onlineLevel: 'partial',
        resultType: 'paper',
      },
    });
    const receive = async (i: number, receivedAt: string) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: { cookie },
        payload: {
          unitId: s.unit.id,
          procedureId: proc.json<{ id: number }>().id,
          channel: 'direct',
          applicant: APPLICANTS[i],
          documents: [{ name: 'Đơn' }],
          receivedAt,
        },
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ id: number }>().id;
    };
    const step = (id: number, body: object) =>
      t.app.inject({ method: 'POST', url: `/api/dossiers/${id}/steps`, headers: { cookie }, payload: body });
    const ratings = ['not_satisfied', 'satisfied'];
    for (const [i, day] of ['2026-03-03', '2026-03-04'].entries()) {
      const id = await receive(i, '2026-03-02T09:00:00+07:00');
      expect((await step(id, { kind: 'resolved', at: `${day}T09:00:00+07:00` })).statusCode).toBe(200);
      const returned = await step(id, { kind: 'returned', method: 'direct', at: `${day}T10:00:00+07:00` });
      const token = returned.json<{ ratingUrl: string }>().ratingUrl.split('/').pop()!;
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/public/ratings/${token}`,
            payload: { rating: ratings[i] },
          })
        ).statusCode,
      ).toBe(200);
    }
    await receive(2, '2026-04-01T09:00:00+07:00');
    const handled = 3;
    const onTime = 2;
    const rated = ratings.length;
    const ratedSatisfied = ratings.filter((r) => r !== 'not_satisfied').length;

    // A SIPAS survey answered twice.
    const sipas = surveyTemplate('sipas')!;
    const sv = (
      await t.app.inject({
        method: 'POST',
        url: '/api/surveys',
        headers: { cookie },
        payload: {
          unitId: s.unit.id,
          title: sipas.title,
          template: 'sipas',
          anonymous: true,
          published: true,
          questions: sipas.questions,
        },
      })
    ).json<SurveyOut>();
    const scores = [
      [5, 5, 4, 3, 2],
      [4, 1, 1, 5, 5],
    ];
    const answerSurvey = (sc: number[], id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/surveys/${sv.slug}/answers`,
        payload: {
          browserId: id,
          answers: {
            ...Object.fromEntries(sc.map((v, k) => [sipas.questions[k]!.key, v])),
            comment: APPLICANTS[0]!.phone,
          },
        },
      });
    for (const [i, sc] of scores.entries())
      expect((await answerSurvey(sc, `cong-khai-trinh-duyet-${i}-000`)).statusCode).toBe(200);

    // Posts: one published (with markup typed into it), one draft.
    await post(s, {
      title: 'Kết quả khảo sát <i>quý I</i>',
      body: 'Tỷ lệ hài lòng cao.\n<script>alert(1)</script>',
      published: true,
    });
    await post(s, { title: 'Bản nháp chưa đăng', body: 'Nội dung nháp', published: false });

    const res = await publicJson(s);
    expect(res.headers['cache-control']).toBe('public, max-age=30');
    const data = res.json<{
      period: { from: string; to: string };
      figures: {
        key: string;
        value: number | null;
        numerator: number | null;
        denominator: number | null;
        period: { from: string; to: string };
        definition: string;
        label: string;
      }[];
      plan: { areas: { code: string; done: number; total: number }[] };
      posts: { title: string; body: string }[];
    }>();
    expect(data.period).toEqual({ from: '2026-01-01', to: '2026-05-05' });
    const fig = (key: string) => data.figures.find((f) => f.key === key)!;
    const pct = (n: number, d: number) => Math.round((n * 10_000) / d) / 100;
    expect(fig('dossier_on_time')).toMatchObject({
      numerator: onTime,
      denominator: handled,
      value: pct(onTime, handled),
    });
    expect(fig('dossier_satisfaction')).toMatchObject({
      numerator: ratedSatisfied,
      denominator: rated,
      value: pct(ratedSatisfied, rated),
    });
    const flat = scores.flat();
    const surveyYes = flat.filter((v) => v >= 4).length;
    expect(fig('survey_satisfaction')).toMatchObject({
      numerator: surveyYes,
      denominator: flat.length,
      value: pct(surveyYes, flat.length),
    });
    expect(fig('plan_tasks_done')).toMatchObject({
      numerator: 1,
      denominator: tasks.length,
      value: pct(1, tasks.length),
    });
    // The feedback register (wired in services.ts) has nothing for this unit: counted as 0 of 0,
    // and a rate over nothing is no number ("chưa có số liệu"), never 0 % or 100 %.
    for (const key of ['feedback_answered_on_time', 'feedback_published'])
      expect(fig(key)).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    for (const f of data.figures) {
      expect(f.period).toEqual(data.period);
      expect(f.definition.length).toBeGreaterThan(20);
      expect(f.label.length).toBeGreaterThan(5);
    }
    expect(data.plan.areas.map((a) => [a.code, a.done, a.total])).toEqual([
      ['1', 1, tasks.filter((x) => x.code.startsWith('1.')).length],
      ['2', 0, tasks.filter((x) => x.code.startsWith('2.')).length],
    ]);
    expect(data.posts.map((p) => p.title)).toEqual(['Kết quả khảo sát <i>quý I</i>']);

    // The HTML page: markup typed by staff shows as text; no script at all.
    const page = await t.app.inject({ method: 'GET', url: `/cong-khai/${s.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Kết quả khảo sát &lt;i&gt;quý I&lt;/i&gt;');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toMatch(/<script/i);
    expect(page.body).toContain('chưa có số liệu');
    expect(page.body).toContain(`${String(pct(surveyYes, flat.length)).replace('.', ',')}%`);
    expect(page.body).not.toContain('Bản nháp chưa đăng');

    // No personal data in any public response (the survey comment above held a phone number and is not published).
    const publicBodies = [
      res.body,
      page.body,
      (await t.app.inject({ method: 'GET', url: `/api/public/surveys/${sv.slug}` })).body,
    ];
    for (const body of publicBodies)
      for (const a of APPLICANTS)
        for (const v of [a.name, a.idNumber, a.phone, a.email, a.address]) expect(body).not.toContain(v);

    // A new answer changes the published figure.
    expect((await answerSurvey([5, 5, 5, 5, 5], 'cong-khai-trinh-duyet-9-000')).statusCode).toBe(200);
    const after = (await publicJson(s)).json<typeof data>();
    expect(after.figures.find((f) => f.key === 'survey_satisfaction')).toMatchObject({
      numerator: surveyYes + 5,
      denominator: flat.length + 5,
    });
  });

  it('builds a unit’s page once for many concurrent requests, and again after a change', async () => {
    const s = await setup();
    let builds = 0;
    const svc = transparencyService({
      db: tdb.db.kysely,
      clock,
      providers: {
        dossier_on_time: async () => {
          builds += 1;
          await new Promise((r) => setTimeout(r, 20));
          return figure(1, 2, 'x');
        },
      },
    });
    const pages = await Promise.all(Array.from({ length: 50 }, () => svc.get(s.code)));
    expect(builds).toBe(1);
    expect(new Set(pages).size).toBe(1);
    await svc.invalidate();
    await svc.get(s.code);
    expect(builds).toBe(2);
  });

  it('serves a light page: the HTML and what it loads weigh under 150 KB gzipped, with no script', async () => {
    const s = await setup();
    await post(s, { title: 'Tin dài', body: 'Cải cách hành chính. '.repeat(500), published: true });
    const page = await t.app.inject({ method: 'GET', url: `/cong-khai/${s.code}` });
    const assets = [...page.body.matchAll(/<(?:link[^>]+href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(['/cong-khai.css']);
    let total = gzipSync(page.rawPayload).length;
    for (const url of assets) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(200);
      total += gzipSync(r.rawPayload).length;
    }
    expect(total).toBeLessThan(150 * 1024);
    // An unknown unit gets a small HTML page, not the web app.
    const missing = await t.app.inject({ method: 'GET', url: '/cong-khai/KHONG-CO' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Không tìm thấy đơn vị');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/public/units/KHONG-CO/transparency' })).statusCode,
    ).toBe(404);
  });
});
