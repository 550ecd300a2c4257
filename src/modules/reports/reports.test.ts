import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { importPlan } from '../../../tests/support/plans.js';
import { plainText, readDocx } from '../../documents/docx-reader.test-support.js';
import type { Clock } from '../../lib/clock.js';
import type { PlanDetail } from '../plans/schema.js';
import { reportPlanText } from './fixtures.test-support.js';
import { reportsService } from './service.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { figuresMeasure } from '../figures/measure.js';
import { feedbackRates } from '../../core/metrics/index.js';
import type { FeedbackCounts } from '../../core/metrics/index.js';

const feedbackFamily = (counts: FeedbackCounts) => ({ counts, rates: feedbackRates(counts) });

/** A clock the test moves (Vietnam time in). */
let nowIso = '2026-03-03T09:00:00+07:00';
const clock: Clock = { now: () => new Date(nowIso) };
const setNow = (vn: string) => {
  nowIso = vn;
};

/** Quarter I of 2026 with the default settings (domain.md §4): figures 15/12/2025 – 14/03/2026, due 05/03. */
const WINDOW = { from: '2025-12-15', to: '2026-03-14' };
const PERIOD = '2026-Q1';

interface Detail {
  period: { state: string; status: string | null; dueDate: string; submittedLate: boolean };
  draft: { narratives: { areas: Record<string, string>; general: string } };
  frozen: boolean;
  submissions: { seq: number; late: boolean; returnReason: string | null }[];
  actions: { edit: boolean; submit: boolean; return: boolean };
}

describeEachDb('periodic CCHC reports', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { clock, config: { sessionHours: 24 * 365 } });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  const req = (method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  /** A ward, a school below it with the plan and a small register, a sibling school, their users. */
  async function setup() {
    setNow('2026-03-03T09:00:00+07:00');
    const ward = await createUnit(t, { kind: 'ward', name: 'Ủy ban nhân dân phường Báo Cáo' });
    const unit = await createUnit(t, {
      parentId: ward.id,
      name: 'Trường Tiểu học Báo Cáo',
      code: `THBC${ward.id}`,
    });
    const sibling = await createUnit(t, { parentId: ward.id, name: 'Trường Mầm non Bên Cạnh' });
    const officer = await userWithSession(t, unit.id, ['officer']);
    const staff = await userWithSession(t, unit.id, ['staff']);
    const superior = await userWithSession(t, ward.id, ['reviewer']);
    const siblingUser = await userWithSession(t, sibling.id, ['admin', 'officer']);
    const { planId } = await importPlan(t, officer.cookie, unit.id, reportPlanText());
    return { ward, unit, sibling, officer, staff, superior, siblingUser, planId };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;
  const url = (s: Setup, tail = '') => `/api/reports/units/${s.unit.id}/periods/${PERIOD}${tail}`;

  /**
   * The fixture's progress: occurrences by due date — 15/01 done on 10/01 (on time), 28/02 done
   * on 02/03 (late), 05/03 not applicable, 20/02 left open (overdue on 03/03), 10/03 open (not
   * yet due); the others as imported. Returns the plan as the API then shows it.
   */
  async function progress(s: Setup): Promise<PlanDetail> {
    const plan = (await req('GET', `/api/plans/${s.planId}`, s.officer.cookie)).json<PlanDetail>();
    const set: Record<string, object> = {
      '2026-01-15': { status: 'done', completedOn: '2026-01-10' },
      '2026-02-28': { status: 'done', completedOn: '2026-03-02' },
      '2026-03-05': { status: 'not_applicable' },
    };
    for (const task of plan.tasks)
      for (const o of task.occurrences) {
        const patch = o.due ? set[o.due] : undefined;
        if (patch)
          expect((await req('PATCH', `/api/occurrences/${o.id}`, s.officer.cookie, patch)).statusCode).toBe(
            200,
          );
      }
    // The hand-entered target: 95 %.
    const satisfaction = plan.targets.find((x) => x.source === 'appendix' && x.code === '2')!;
    expect(satisfaction.metric).toBeNull();
    expect(
      (await req('PATCH', `/api/targets/${satisfaction.id}`, s.officer.cookie, { achievedValue: 95 }))
        .statusCode,
    ).toBe(200);
    return (await req('GET', `/api/plans/${s.planId}`, s.officer.cookie)).json<PlanDetail>();
  }

  /**
   * The register: D1 received 02/02 direct, resolved 05/02 (early), rated "hài lòng"; D2 received
   * 03/02 online, resolved 27/02 (after its 10/02 appointment: late), rated "không hài lòng"; D3
   * received 02/03 direct, open and within its appointment (09/03) on 03/03.
   */
  async function register(s: Setup): Promise<number[]> {
    const proc = await req('POST', '/api/procedures', s.officer.cookie, {
      unitId: s.unit.id,
      code: '1.004440',
      name: 'Chuyển trường đối với học sinh tiểu học',
      limitUnit: 'working_days',
      limitAmount: 5,
      feeBearing: false,
      onlineLevel: 'partial',
      resultType: 'paper',
    });
    expect(proc.statusCode).toBe(200);
    const procedureId = proc.json<{ id: number }>().id;
    const receive = async (channel: string, receivedAt: string) => {
      const r = await req('POST', '/api/dossiers', s.officer.cookie, {
        unitId: s.unit.id,
        procedureId,
        channel,
        applicant: { name: 'Nguyễn Văn Bình' },
        documents: [{ name: 'Đơn xin chuyển trường', copies: 1, kind: 'original' }],
        receivedAt: new Date(receivedAt).toISOString(),
      });
      expect(r.statusCode).toBe(200);
      return r.json<{ id: number }>().id;
    };
    const finish = async (id: number, at: string, rating: string) => {
      expect(
        (
          await req('POST', `/api/dossiers/${id}/steps`, s.officer.cookie, {
            kind: 'resolved',
            at: new Date(at).toISOString(),
          })
        ).statusCode,
      ).toBe(200);
      const back = await req('POST', `/api/dossiers/${id}/steps`, s.officer.cookie, {
        kind: 'returned',
        method: 'direct',
        at: new Date(at).toISOString(),
      });
      expect(back.statusCode).toBe(200);
      const token = back.json<{ ratingUrl: string | null }>().ratingUrl?.split('/danh-gia/')[1];
      expect(token).toBeTruthy();
      const rated = await t.app.inject({
        method: 'POST',
        url: `/api/public/ratings/${token}`,
        payload: { rating },
      });
      expect(rated.statusCode).toBe(200);
    };
    const d1 = await receive('direct', '2026-02-02T09:00:00+07:00');
    const d2 = await receive('online', '2026-02-03T09:00:00+07:00');
    const d3 = await receive('direct', '2026-03-02T09:00:00+07:00');
    await finish(d1, '2026-02-05T10:00:00+07:00', 'satisfied');
    await finish(d2, '2026-02-27T10:00:00+07:00', 'not_satisfied');
    return [d1, d2, d3];
  }

  /** The test's own count of what each area's occurrences came to in the window on `asOf`. */
  function expectedAreas(plan: PlanDetail, asOf: string) {
    const out = new Map<
      string,
      {
        tasks: number;
        due: number;
        done: number;
        doneLate: number;
        overdue: number;
        notYetDue: number;
        na: number;
      }
    >();
    for (const a of plan.areas)
      out.set(a.code, { tasks: 0, due: 0, done: 0, doneLate: 0, overdue: 0, notYetDue: 0, na: 0 });
    for (const task of plan.tasks) {
      const e = out.get(task.areaCode)!;
      e.tasks++;
      for (const o of task.occurrences) {
        if (!o.due || o.due < WINDOW.from || o.due > WINDOW.to) continue;
        e.due++;
        if (o.status === 'done') {
          e.done++;
          if (o.completedOn && o.completedOn > o.due) e.doneLate++;
        } else if (o.status === 'not_applicable') e.na++;
        else if (o.due < asOf) e.overdue++;
        else e.notYetDue++;
      }
    }
    return out;
  }

  const sentence = (e: {
    tasks: number;
    due: number;
    done: number;
    doneLate: number;
    overdue: number;
    notYetDue: number;
    na: number;
  }) =>
    `Tổng số nhiệm vụ: ${e.tasks}. Nhiệm vụ đến hạn trong kỳ: ${e.due}; đã hoàn thành: ${e.done} (trong đó trễ hạn: ${e.doneLate}); ` +
    `quá hạn chưa hoàn thành: ${e.overdue}; chưa đến hạn: ${e.notYetDue}; không thực hiện: ${e.na}.`;

  it('generates the quarter I report whose every figure is the one counted from the fixture, in .docx and .xlsx', async () => {
    const s = await setup();
    const plan = await progress(s);
    await register(s);
    const areas = expectedAreas(plan, '2026-03-03');
    // The fixture has something of each kind to count.
    const all = [...areas.values()];
    for (const k of ['done', 'doneLate', 'overdue', 'notYetDue', 'na'] as const)
      expect(all.reduce((n, e) => n + e[k], 0)).toBeGreaterThan(0);

    const saved = await req('PUT', url(s), s.officer.cookie, {
      number: '15/BC-THBC',
      narratives: {
        areas: { '2': 'Đã niêm yết đầy đủ thủ tục tại bộ phận một cửa.' },
        general: 'Hoàn thành cơ bản các nhiệm vụ quý I.',
      },
    });
    expect(saved.statusCode).toBe(200);
    const res = await req('GET', url(s, '/report.docx'), s.officer.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['x-report-frozen']).toBe('0');
    const docx = await readDocx(res.rawPayload);
    const text = plainText(docx.documentXml);

    // Header, number, title, subject, closing.
    for (const s1 of [
      'ỦY BAN NHÂN DÂN PHƯỜNG BÁO CÁO',
      'TRƯỜNG TIỂU HỌC BÁO CÁO',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 15/BC-THBC',
      'BÁO CÁO',
      'Kết quả thực hiện công tác cải cách hành chính quý I năm 2026',
      'Nơi nhận:',
      'HIỆU TRƯỞNG',
      'PHỤ LỤC 1',
      'PHỤ LỤC 2',
      'ngày 03 tháng 3 năm 2026',
    ])
      expect(text).toContain(s1);
    // One section per area of the plan, with the figures the test counted, and the narrative.
    for (const a of plan.areas) {
      expect(text).toContain(`${a.code}. ${a.title}`);
      expect(text).toContain(sentence(areas.get(a.code)!));
    }
    expect(text).toContain('Đã niêm yết đầy đủ thủ tục tại bộ phận một cửa.');
    expect(text).toContain('Hoàn thành cơ bản các nhiệm vụ quý I.');
    // Dossiers: 3 received (1 online, 2 direct), 3 handled; 1 early, 1 late, 1 open in time.
    const pair = (label: string, value: string) => expect(text).toContain(`${label}\n${value}`);
    pair('Số hồ sơ tiếp nhận trong kỳ', '3');
    pair('Trong đó: trực tuyến', '1');
    pair('Trong đó: trực tiếp', '2');
    pair('Số hồ sơ xử lý trong kỳ', '3');
    pair('Đã giải quyết đúng hạn, trước hạn', '1');
    pair('Đã giải quyết quá hạn', '1');
    pair('Đang giải quyết trong hạn', '1');
    pair('Tỷ lệ hồ sơ giải quyết đúng hạn', '66,67%'); // (1 + 1) ÷ 3
    pair('Tỷ lệ hồ sơ trực tuyến', '33,33%'); // 1 ÷ 3
    pair('Tỷ lệ thanh toán trực tuyến', 'chưa có số liệu'); // no fee-bearing dossier
    // Satisfaction from the two ratings: 1 of 2.
    pair('Số đánh giá "hài lòng"', '1');
    pair('Số đánh giá "không hài lòng"', '1');
    pair('Tỷ lệ hài lòng', '50%');
    // The unit's feedback register (wired in services.ts) has nothing in the window: counts of 0,
    // and rates over nothing are "chưa có số liệu", never 0 % or 100 %.
    pair('Số phản ánh, kiến nghị tiếp nhận trong kỳ', '0');
    pair('Số đã công khai kết quả', '0');
    pair('Tỷ lệ xử lý đúng hạn', 'chưa có số liệu');
    // Phụ lục 2: the bound target measured over the window (66,67 % < 98 %), the entered one.
    expect(text).toMatch(
      /Tỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn: từ 98% trở lên\. \(≥ 98%\)\n[^\n]*\n66,67%\nChưa đạt/,
    );
    expect(text).toMatch(
      /Tỷ lệ cán bộ, giáo viên được bồi dưỡng kiến thức cải cách hành chính đạt 100%\.[^\n]*\n[^\n]*\n95%\n/,
    );

    // The workbook: the same figures.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await req('GET', url(s, '/report.xlsx'), s.officer.cookie)).rawPayload as unknown as ArrayBuffer,
    );
    const sheet = wb.getWorksheet('Số liệu')!;
    const byArea = new Map<string, unknown[]>();
    sheet.eachRow((row) => {
      const v = row.values as unknown[];
      if (typeof v[1] === 'string' && areas.has(v[1])) byArea.set(v[1], v.slice(1));
    });
    for (const [code, e] of areas)
      expect(byArea.get(code)!.slice(2)).toEqual([
        e.tasks,
        e.due,
        e.done,
        e.doneLate,
        e.overdue,
        e.notYetDue,
        e.na,
      ]);
    const labels = new Map<string, unknown>();
    sheet.eachRow((row) => {
      const v = row.values as unknown[];
      if (typeof v[2] === 'string') labels.set(v[2], v[3]);
    });
    expect(labels.get('Số hồ sơ tiếp nhận trong kỳ')).toBe('3');
    expect(labels.get('Tỷ lệ hồ sơ giải quyết đúng hạn')).toBe('66,67%');
    expect(labels.get('Tỷ lệ hài lòng')).toBe('50%');
    const p1 = wb.getWorksheet('Phụ lục 1')!;
    const p1Codes: string[] = [];
    p1.eachRow((row, n) => {
      if (n > 5) p1Codes.push(String((row.values as unknown[])[1]));
    });
    expect(p1Codes).toEqual(
      plan.areas.flatMap((a) => [
        a.code,
        ...plan.tasks.filter((x) => x.areaCode === a.code).map((x) => x.code),
      ]),
    );
    const p2 = wb.getWorksheet('Phụ lục 2')!;
    const p2Rows: unknown[][] = [];
    p2.eachRow((row, n) => {
      if (n > 5) p2Rows.push((row.values as unknown[]).slice(1));
    });
    expect(p2Rows.find((r) => r[0] === '1.1')!.slice(3, 5)).toEqual(['66,67%', 'Chưa đạt']);
    expect(p2Rows.find((r) => r[0] === '2')![3]).toBe('95%');
  });

  it('lays the report out in Times New Roman on A4 with the Decree 30 margins', async () => {
    const s = await setup();
    const res = await req('GET', url(s, '/report.docx'), s.officer.cookie);
    const { documentXml, stylesXml } = await readDocx(res.rawPayload);
    // Page size A4 (11906 × 16838 twips) on every section; margins top/bottom 20 mm, left 30 mm, right 15 mm.
    const sizes = [...documentXml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(sizes.length).toBe(3);
    for (const sz of sizes) {
      const w = Number(/w:w="(\d+)"/.exec(sz)![1]);
      const h = Number(/w:h="(\d+)"/.exec(sz)![1]);
      expect([w, h].sort((a, b) => a - b)).toEqual([11906, 16838]);
    }
    const mm = (twips: number) => (twips * 25.4) / 1440;
    for (const m of documentXml.matchAll(/<w:pgMar ([^>]*)\/>/g)) {
      const v = (k: string) => mm(Number(new RegExp(`w:${k}="(\\d+)"`).exec(m[1]!)![1]));
      expect(v('top')).toBeGreaterThanOrEqual(20 - 0.05);
      expect(v('top')).toBeLessThanOrEqual(25 + 0.05);
      expect(v('bottom')).toBeGreaterThanOrEqual(20 - 0.05);
      expect(v('bottom')).toBeLessThanOrEqual(25 + 0.05);
      expect(v('left')).toBeGreaterThanOrEqual(30 - 0.05);
      expect(v('left')).toBeLessThanOrEqual(35 + 0.05);
      expect(v('right')).toBeGreaterThanOrEqual(15 - 0.05);
      expect(v('right')).toBeLessThanOrEqual(20 + 0.05);
    }
    // The document default font and every run's font are Times New Roman.
    expect(stylesXml).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    const fonts = new Set([...documentXml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
  });

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
    const live = await t.services.reports.file(SYSTEM_ACTOR, s.unit.id, PERIOD, 'docx', undefined);
    expect(live.frozen).toBe(true);
    const content = await t.services.reports.content(SYSTEM_ACTOR, s.unit.id, PERIOD);
    expect(content.dossiers!.finishedOnTime).toBe(2);
    // The frozen figures are still shown on the page.
    const detail = (await req('GET', url(s), s.superior.cookie)).json<
      Detail & { content: { dossiers: { finishedOnTime: number } } }
    >();
    expect(detail.frozen).toBe(true);
    expect(detail.content.dossiers.finishedOnTime).toBe(1);
  });

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
    const audit = await t.db.kysely
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
    const late = (await t.services.reports.dueReports('2026-03-06')).filter((r) => r.unitId === s.unit.id);
    expect(late.map((r) => [r.periodKey, r.state])).toEqual([['2026-Q1', 'overdue']]);
    const soon = (await t.services.reports.dueReports('2026-05-30')).filter((r) => r.unitId === s.unit.id);
    expect(soon.map((r) => [r.periodKey, r.state])).toEqual([
      ['2026-Q1', 'overdue'],
      ['2026-H1', 'due_soon'],
    ]);
    await req('POST', url(s, '/submit'), s.officer.cookie);
    expect((await t.services.reports.dueReports('2026-03-06')).filter((r) => r.unitId === s.unit.id)).toEqual(
      [],
    );
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

  it('prints the feedback figures when a feedback provider is wired', async () => {
    const s = await setup();
    const service = reportsService({
      db: t.db.kysely,
      clock,
      reportingFor: async () => undefined,
      figures: figuresMeasure({
        feedback: async () => feedbackFamily({ received: 4, answered: 3, answeredOnTime: 2, published: 1 }),
      }),
    });
    const content = await service.content(SYSTEM_ACTOR, s.unit.id, PERIOD);
    expect(content.feedback).toEqual({
      received: 4,
      answered: 3,
      answeredOnTime: 2,
      published: 1,
      answeredOnTimeRate: 50,
      publishedRate: 33.33,
    });
    // Without a dossier provider the register figures are absent, never zero.
    expect(content.dossiers).toBeNull();
    expect(content.satisfaction).toBeNull();
    const f = await service.file(SYSTEM_ACTOR, s.unit.id, PERIOD, 'docx');
    const text = plainText((await readDocx(f.bytes)).documentXml);
    expect(text).toContain('Tỷ lệ xử lý đúng hạn\n50%');
    expect(text).toContain('Tỷ lệ công khai kết quả\n33,33%');
    expect(text).toContain('Số liệu giải quyết hồ sơ: chưa có số liệu.');
  });
});
