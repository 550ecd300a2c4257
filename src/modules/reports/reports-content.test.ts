import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { plainText, readDocx } from '../../documents/docx-reader.test-support.js';
import { feedbackRates } from '../../core/metrics/index.js';
import type { FeedbackCounts } from '../../core/metrics/index.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { figuresMeasure } from '../figures/measure.js';
import type { PlanDetail } from '../plans/schema.js';
import { PERIOD, clock, reportsApp } from './harness.test-support.js';
import type { ReportsApp } from './harness.test-support.js';
import { reportsService } from './service.js';

const feedbackFamily = (counts: FeedbackCounts) => ({ counts, rates: feedbackRates(counts) });

type Areas = ReturnType<ReportsApp['expectedAreas']>;

/** The .docx's text: header, one section per area with the counted figures, the registers, Phụ lục 2. */
function expectReportText(text: string, plan: PlanDetail, areas: Areas, sentence: ReportsApp['sentence']) {
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
}

/** The workbook: the same figures as the .docx. */
function expectReportWorkbook(wb: ExcelJS.Workbook, plan: PlanDetail, areas: Areas) {
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
}

describeEachDb('periodic CCHC reports: the generated report', (open) => {
  const h = reportsApp(open);
  const { req, setup, url, progress, register, expectedAreas, sentence } = h;

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

    expectReportText(text, plan, areas, sentence);

    // The workbook: the same figures.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await req('GET', url(s, '/report.xlsx'), s.officer.cookie)).rawPayload as unknown as ArrayBuffer,
    );
    expectReportWorkbook(wb, plan, areas);
  });
});

describeEachDb('periodic CCHC reports: layout and wired figures', (open) => {
  const h = reportsApp(open);
  const { req, setup, url } = h;

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

  it('prints the feedback figures when a feedback provider is wired', async () => {
    const s = await setup();
    const service = reportsService({
      db: h.t.db.kysely,
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
