// The project's own fixture plans (tests/fixtures/plans/), one per way real plans go wrong, and
// two .docx files built here with `docx` and read back through mammoth, as the app does.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import {
  NOT_A_PLAN,
  NOT_A_PLAN_MESSAGE,
  PlanImportError,
  assertIsPlan,
  detectNotAPlan,
  parsePlanHtml,
  parsePlanText,
} from './index.js';
import type { ParsedPlan, PlanTask } from './index.js';

const fixturesDir = path.resolve(process.cwd(), 'tests/fixtures/plans');
const fixture = (name: string): string => readFileSync(path.join(fixturesDir, name), 'utf8');

function task(plan: ParsedPlan, code: string): PlanTask {
  const t = plan.tasks.find((x) => x.code === code);
  if (!t) throw new Error(`no task ${code}`);
  return t;
}

const ANNEX_LINE =
  '(Ban hành kèm theo Kế hoạch số 08/KH-THHB ngày 20 tháng 01 năm 2026 của Trường Tiểu học Hòa Bình)';

// --- .docx built in the test -----------------------------------------------------------------

type CellSpec = string | string[] | { bold: string };

function docxCell(spec: CellSpec): TableCell {
  const paragraphs =
    typeof spec === 'string'
      ? [new Paragraph({ children: [new TextRun(spec)] })]
      : Array.isArray(spec)
        ? spec.map((line) => new Paragraph({ children: [new TextRun(line)] }))
        : [new Paragraph({ children: [new TextRun({ text: spec.bold, bold: true })] })];
  return new TableCell({ children: paragraphs });
}

function docxTable(header: readonly string[], rows: readonly (readonly CellSpec[])[]): Table {
  return new Table({
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => docxCell({ bold: h })) }),
      ...rows.map((r) => new TableRow({ children: r.map(docxCell) })),
    ],
  });
}

async function docxToHtml(children: (Paragraph | Table)[]): Promise<string> {
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  const { value } = await mammoth.convertToHtml({ buffer });
  return value;
}

const para = (text: string, bold = false): Paragraph =>
  new Paragraph({ children: [new TextRun({ text, bold })] });

// --- fixtures --------------------------------------------------------------------------------

describe('header repeated on every page (repeated-header.md)', () => {
  const plan = parsePlanText(fixture('repeated-header.md'));

  it('reads every table after its repeated header, and a header repeated inside a table', () => {
    expect(plan.tasks.map((t) => t.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '3.1', '3.2']);
    expect(plan.areas.map((a) => a.code)).toEqual(['1', '2', '3']);
    expect(plan.tasks.some((t) => /Nhiệm vụ cụ thể|STT/u.test(t.title))).toBe(false);
    // Rows are counted across the appendix's tables, headers included.
    expect(task(plan, '1.3').sourceRow).toBe(6);
    expect(task(plan, '2.2').sourceRow).toBe(10);
    expect(plan.warnings).toEqual([]);
  });
});

describe('a row split over a page break (split-row.txt)', () => {
  const plan = parsePlanText(fixture('split-row.txt'));

  it('joins the continuation row to the row above, cell by cell', () => {
    expect(plan.tasks.map((t) => t.code)).toEqual(['1.1', '1.2']);
    const t = task(plan, '1.1');
    expect(t.title).toBe(
      'Tổ chức hội nghị triển khai kế hoạch cải cách hành chính năm 2026 đến toàn thể cán bộ, giáo viên, nhân viên của trường và ký cam kết thực hiện',
    );
    expect(t.deliverables.map((d) => d.name)).toEqual(['Kế hoạch', 'Biên bản hội nghị']);
    expect(t.lead).toBe('Trường Tiểu học Hòa Bình');
    expect(t.cooperators.map((c) => c.name)).toEqual(['Công đoàn', 'Đoàn Thanh niên']);
    expect(t.deadlineText).toBe('- Kế hoạch: Tháng 01/2026 - Biên bản: Tháng 02/2026');
    expect(plan.warnings).toEqual([]);
  });

  it('does the same in a .docx read through mammoth', async () => {
    const header = [
      'STT',
      'Nhiệm vụ cụ thể',
      'Sản phẩm',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian hoàn thành',
    ];
    const html = await docxToHtml([
      para('PHỤ LỤC 1', true),
      para(ANNEX_LINE),
      docxTable(header, [
        ['1', { bold: 'Công tác chỉ đạo, điều hành' }, '', '', '', ''],
        [
          '1.1',
          'Rà soát, cập nhật danh mục thủ tục hành chính và quy trình nội bộ của',
          'Danh mục',
          'Trường Tiểu học Hòa Bình',
          'Tổ văn phòng',
          'Quý I/2026',
        ],
      ]),
      para(''),
      docxTable(header, [
        ['', 'trường theo quy định mới', 'Quy trình nội bộ', '', '', ''],
        [
          '1.2',
          'Niêm yết danh mục tại bảng tin',
          'Bảng niêm yết',
          'Trường Tiểu học Hòa Bình',
          'Tổ văn phòng',
          'Quý II/2026',
        ],
      ]),
    ]);
    const plan = parsePlanHtml(html);
    expect(plan.tasks.map((t) => t.code)).toEqual(['1.1', '1.2']);
    expect(task(plan, '1.1').title).toBe(
      'Rà soát, cập nhật danh mục thủ tục hành chính và quy trình nội bộ của trường theo quy định mới',
    );
    expect(task(plan, '1.1').deliverables.map((d) => d.name)).toEqual(['Danh mục', 'Quy trình nội bộ']);
    expect(plan.number).toBe('08/KH-THHB');
    expect(plan.warnings).toEqual([]);
  });

  it('warns about a continuation row with nothing above it', () => {
    const plan = parsePlanText(
      ['PHỤ LỤC 1', 'STT\tNhiệm vụ cụ thể\tCơ quan chủ trì\tThời gian hoàn thành', '\tdòng lạc\t\t'].join(
        '\n',
      ),
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toContain('orphan_continuation');
  });
});

describe('columns in another order, named differently (reordered-columns.md)', () => {
  const plan = parsePlanText(fixture('reordered-columns.md'));

  it('maps columns by meaning, keeps "Ghi chú" as the note and warns about the unknown column', () => {
    const t = task(plan, '1.1');
    expect(t).toMatchObject({
      title: 'Ban hành kế hoạch kiểm tra nội bộ năm học',
      lead: 'Trường Tiểu học Hòa Bình',
      deadlineText: 'Tháng 9/2026',
      deliverables: [{ name: 'Kế hoạch kiểm tra', optional: false }],
      cooperators: [{ name: 'Ban kiểm tra nội bộ', optional: false }],
      note: 'Theo năm học',
    });
    expect(task(plan, '1.2').cooperators.map((c) => c.name)).toEqual(['Các tổ chuyên môn', 'Tổ văn phòng']);
    expect(task(plan, '1.2').note).toBeNull();
    expect(task(plan, '2.1').deliverables.map((d) => d.name)).toEqual([
      'Biên bản niêm yết',
      'Thông báo công khai',
    ]);
    expect(plan.warnings.map((w) => [w.code, w.where])).toEqual([
      ['unknown_column', 'Phụ lục 1, tiêu đề bảng'],
    ]);
    expect(plan.warnings[0]?.message).toContain('Kinh phí (triệu đồng)');
  });

  it('reads Phụ lục 2 with "Nội dung" and the lead after the co-operators', () => {
    expect(plan.appendixTargets.map((t) => [t.code, t.isGroup, t.lead])).toEqual([
      ['1', true, null],
      ['1.1', false, 'Trường Tiểu học Hòa Bình'],
      ['1.2', false, 'Trường Tiểu học Hòa Bình'],
    ]);
    expect(plan.appendixTargets[2]?.threshold).toEqual({ kind: 'percent', op: '<=', value: 2 });
  });

  it('does the same in a .docx read through mammoth', async () => {
    const html = await docxToHtml([
      para('PHỤ LỤC 1', true),
      para(ANNEX_LINE),
      docxTable(
        ['Thời gian', 'Nội dung', 'Phối hợp', 'Chủ trì', 'Kết quả', 'TT', 'Ghi chú', 'Người ký'],
        [
          ['', { bold: 'Cải cách thủ tục hành chính' }, '', '', '', '1', '', ''],
          [
            ['- Kế hoạch: Tháng 3/2026', '- Báo cáo: Hàng quý'],
            'Công khai tỷ lệ hồ sơ giải quyết đúng hạn',
            'Tổ văn phòng (nếu có)',
            'Trường Tiểu học Hòa Bình.',
            ['- Kế hoạch', '- Báo cáo'],
            '1.1',
            'Đăng trên trang thông tin điện tử',
            'Hiệu trưởng',
          ],
        ],
      ),
    ]);
    const plan = parsePlanHtml(html);
    expect(plan.areas).toEqual([{ code: '1', title: 'Cải cách thủ tục hành chính' }]);
    expect(plan.tasks).toEqual([
      {
        code: '1.1',
        areaCode: '1',
        title: 'Công khai tỷ lệ hồ sơ giải quyết đúng hạn',
        deliverables: [
          { name: 'Kế hoạch', optional: false },
          { name: 'Báo cáo', optional: false },
        ],
        lead: 'Trường Tiểu học Hòa Bình',
        leadOptional: false,
        cooperators: [{ name: 'Tổ văn phòng', optional: true }],
        deadlineText: '- Kế hoạch: Tháng 3/2026 - Báo cáo: Hàng quý',
        optional: false,
        note: 'Đăng trên trang thông tin điện tử',
        sourceRow: 3,
      },
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['unknown_column']);
    expect(plan.warnings[0]?.message).toContain('Người ký');
  });
});

describe('bold and paragraph marks in cells (cell-markup.html)', () => {
  const plan = parsePlanHtml(fixture('cell-markup.html'));

  it('reads the header table, title and sections', () => {
    expect(plan).toMatchObject({
      number: '09/KH-THHB',
      issuedOn: '2026-01-22',
      place: 'Hòa Bình',
      title: 'Kế hoạch cải cách hành chính năm 2026',
      year: 2026,
      unitName: 'Trường Tiểu học Hòa Bình',
      superiorName: 'Ủy ban nhân dân phường Hòa Bình',
      objectives: ['Nâng cao chất lượng phục vụ học sinh và cha mẹ học sinh.'],
    });
    expect(plan.targets.map((t) => [t.code, t.threshold])).toEqual([
      ['1', { kind: 'percent', op: '>=', value: 100 }],
      ['2', { kind: 'percent', op: '>=', value: 95 }],
    ]);
    expect(plan.focusItems[1]?.text).toBe(
      'Niêm yết công khai thủ tục hành chính & hướng dẫn thực hiện tại bảng tin.',
    );
    expect(plan.warnings).toEqual([]);
  });

  it('reads cells with several paragraphs, bold runs, lists, entities, colspan and rowspan', () => {
    expect(plan.areas.map((a) => a.title)).toEqual([
      'Công tác chỉ đạo, điều hành',
      'Cải cách thủ tục hành chính',
    ]);
    const t11 = task(plan, '1.1');
    expect(t11.title).toBe('Xây dựng kế hoạch cải cách hành chính năm 2026');
    expect(t11.deliverables.map((d) => d.name)).toEqual(['Kế hoạch', 'Báo cáo quý']);
    expect(t11.cooperators.map((d) => d.name)).toEqual(['Tổ văn phòng', 'Công đoàn trường']);
    expect(t11.deadlineText).toBe('- Kế hoạch: Tháng 01/2026 - Báo cáo: Hàng quý');
    const t12 = task(plan, '1.2');
    expect(t12.lead).toBe('Trường Tiểu học Hòa Bình'); // from the cell spanning two rows
    expect(t12.title).toBe(
      'Cập nhật chuyên mục “Cải cách hành chính” trên trang thông tin điện tử của trường (xem mẫu)',
    );
    expect(t12.cooperators).toEqual([{ name: 'Tổ tin học – thư viện', optional: false }]);
    const t21 = task(plan, '2.1');
    expect(t21.title).toBe('Rà soát quy trình cấp bản sao học bạ và giấy chứng nhận hoàn thành chương trình');
    expect(t21.deliverables.map((d) => d.name)).toEqual(['Quy trình', 'Báo cáo rà soát']);
  });
});

describe('stray dots and spaces (stray-dots.txt)', () => {
  const plan = parsePlanText(fixture('stray-dots.txt'));

  it('cleans names, codes and deliverables', () => {
    expect(plan.areas).toEqual([{ code: '1', title: 'Công tác chỉ đạo, điều hành' }]);
    expect(plan.tasks.map((t) => t.code)).toEqual(['1.1', '1.2', '1.3']);
    const t11 = task(plan, '1.1');
    expect(t11.title).toBe('Cập nhật kế hoạch cải cách hành chính');
    expect(t11.deliverables.map((d) => d.name)).toEqual(['Kế hoạch', 'Báo cáo']);
    expect(t11.lead).toBe('Phòng Văn hóa - Xã hội');
    expect(t11.cooperators).toEqual([{ name: 'Trường Tiểu học Hòa Bình', optional: false }]);
    expect(t11.deadlineText).toBe('Quý I/2026');
    const t12 = task(plan, '1.2');
    expect(t12.optional).toBe(true);
    expect(t12.title).toBe('Tham gia tập huấn nghiệp vụ');
    expect(t12.lead).toBe('Trường Tiểu học Hòa Bình');
    expect(t12.cooperators.map((c) => c.name)).toEqual(['Tổ văn phòng', 'Tổ chuyên môn khối 5']);
    const t13 = task(plan, '1.3');
    expect(t13.deliverables).toEqual([{ name: 'Phiếu khảo sát', optional: false }]);
    expect(t13.lead).toBe('Trường Tiểu học Hòa Bình');
    expect(t13.leadOptional).toBe(true);
    expect(t13.cooperators).toEqual([{ name: 'Ban đại diện cha mẹ học sinh', optional: true }]);
    // Deadlines keep their text as written.
    expect(t13.deadlineText).toBe('Tháng 5/2026.');
    expect(plan.warnings).toEqual([]);
  });
});

describe('decomposed Unicode (decomposed-nfd.md)', () => {
  const raw = fixture('decomposed-nfd.md');

  it('is stored decomposed (NFD)', () => {
    expect(raw).not.toBe(raw.normalize('NFC'));
  });

  it('reads as if it were NFC', () => {
    const plan = parsePlanText(raw);
    expect(plan).toEqual(parsePlanText(raw.normalize('NFC')));
    expect(plan.unitName).toBe('Trường Tiểu học Hòa Bình');
    expect(plan.superiorName).toBe('Ủy ban nhân dân phường Hòa Bình');
    expect(plan.number).toBe('13/KH-THHB');
    expect(plan.issuedOn).toBe('2026-02-12');
    const t = task(plan, '1.1');
    expect(t.title).toBe('Tổ chức đối thoại với cha mẹ học sinh');
    expect(t.title).toBe(t.title.normalize('NFC'));
    expect(t.optional).toBe(true);
    expect(t.deliverables).toEqual([{ name: 'Biên bản đối thoại', optional: true }]);
    expect(t.lead).toBe('Phòng Văn hóa - Xã hội');
    expect(t.leadOptional).toBe(true);
    expect(plan.warnings).toEqual([]);
  });

  it('reads NFD HTML too', () => {
    const html = fixture('cell-markup.html');
    expect(parsePlanHtml(html.normalize('NFD'))).toEqual(parsePlanHtml(html));
  });
});

describe('codes written "1.4." (dotted-codes.md)', () => {
  const plan = parsePlanText(fixture('dotted-codes.md'));

  it('drops the trailing dot in every section and appendix', () => {
    expect(plan.tasks.map((t) => t.code)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(plan.areas).toEqual([{ code: '1', title: 'Công tác chỉ đạo, điều hành' }]);
    expect(plan.focusItems.map((f) => f.code)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(plan.targets.map((t) => [t.code, t.parentCode])).toEqual([
      ['1', null],
      ['2', null],
      ['2.1', '2'],
      ['2.2', '2'],
    ]);
    expect(plan.appendixTargets.map((t) => [t.code, t.parentCode, t.isGroup])).toEqual([
      ['1', null, true],
      ['1.1', '1', false],
      ['1.2', '1', false],
    ]);
    expect(task(plan, '1.4').deliverables.map((d) => d.name)).toEqual(['Báo cáo 6 tháng', 'Báo cáo năm']);
    expect(plan.warnings).toEqual([]);
  });
});

describe('Markdown pipe tables (pipe-tables.md)', () => {
  const plan = parsePlanText(fixture('pipe-tables.md'));

  it('reads the header block, the title and both appendices', () => {
    expect(plan).toMatchObject({
      number: '07/KH-THHB',
      issuedOn: '2026-01-16',
      place: 'Hòa Bình',
      title: 'Kế hoạch cải cách hành chính năm 2026',
      unitName: 'Trường Tiểu học Hòa Bình',
      superiorName: 'Ủy ban nhân dân phường Hòa Bình',
    });
    expect(plan.targets.map((t) => t.code)).toEqual(['1', '2']);
    expect(plan.tasks.map((t) => t.code)).toEqual(['1.1', '1.2', '2.1']);
    expect(plan.appendixTargets.filter((t) => !t.isGroup)).toHaveLength(2);
    expect(plan.warnings).toEqual([]);
  });

  it('reads <br> and escaped pipes inside cells', () => {
    const t = task(plan, '1.2');
    expect(t.title).toBe('Công khai tỷ lệ hồ sơ đúng hạn | trễ hạn trên bảng tin');
    expect(t.deliverables.map((d) => d.name)).toEqual(['Bảng tổng hợp', 'Thông báo']);
    expect(t.cooperators.map((d) => d.name)).toEqual(['Tổ văn phòng', 'Tổ tin học']);
    expect(t.deadlineText).toBe('- Bảng tổng hợp: Hàng tháng - Thông báo: Hàng quý');
  });
});

describe('tab-separated text (tab-separated.txt)', () => {
  const plan = parsePlanText(fixture('tab-separated.txt'));

  it('reads a whole plan, with its header block laid out as a two-column table', () => {
    expect(plan).toMatchObject({
      number: '11/KH-THHB',
      issuedOn: '2026-02-03',
      place: 'Hòa Bình',
      title: 'Kế hoạch thực hiện công tác cải cách hành chính năm 2026',
      year: 2026,
      unitName: 'Trường Tiểu học Hòa Bình',
      superiorName: 'Ủy ban nhân dân phường Hòa Bình',
      objectives: ['Nâng cao ý thức trách nhiệm của cán bộ, giáo viên, nhân viên trong phục vụ người dân.'],
      reportDueText: 'Các bộ phận báo cáo kết quả thực hiện gửi trước ngày 02/3, 02/6, 02/9, 02/12 hằng năm.',
    });
    expect(plan.legalBases).toHaveLength(1);
    expect(plan.targets[0]?.threshold).toEqual({ kind: 'not_lower_than_year', year: 2025 });
    expect(plan.tasks.map((t) => [t.code, t.lead, t.deadlineText])).toEqual([
      ['1.1', 'Trường Tiểu học Hòa Bình', 'Tháng 02/2026'],
      ['1.2', 'Trường Tiểu học Hòa Bình', 'Định kỳ hàng quý, năm'],
    ]);
    expect(plan.appendixTargets).toHaveLength(1);
    expect(plan.warnings).toEqual([]);
  });
});

describe('a plan with 7 areas (ward-7-areas.md)', () => {
  const plan = parsePlanText(fixture('ward-7-areas.md'));

  it('has areas 1–7 and no area 8', () => {
    expect(plan.areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(plan.tasks.map((t) => t.areaCode)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(plan.warnings).toEqual([]);
  });

  it('reads a ward header written "ỦY BAN NHÂN DÂN" / "PHƯỜNG TÂN AN" as one unit', () => {
    expect(plan.unitName).toBe('Ủy ban nhân dân phường Tân An');
    expect(plan.superiorName).toBeNull();
    expect(plan.number).toBe('15/KH-UBND');
    expect(plan.place).toBe('Tân An');
  });
});

describe('a document that is not a plan (not-a-plan.md)', () => {
  const plan = parsePlanText(fixture('not-a-plan.md'));

  it('is detected', () => {
    expect(plan.tasks).toEqual([]);
    expect(plan.targets).toEqual([]);
    expect(plan.appendixTargets).toEqual([]);
    expect(detectNotAPlan(plan)).toBe(NOT_A_PLAN);
    expect(() => assertIsPlan(plan)).toThrow(PlanImportError);
    expect(() => assertIsPlan(plan)).toThrow(NOT_A_PLAN_MESSAGE);
  });

  it('an empty document is not a plan either', () => {
    expect(detectNotAPlan(parsePlanText(''))).toBe(NOT_A_PLAN);
    expect(detectNotAPlan(parsePlanHtml('<p>Xin chào</p>'))).toBe(NOT_A_PLAN);
  });

  it('a plan passes', () => {
    expect(() => assertIsPlan(parsePlanText(fixture('pipe-tables.md')))).not.toThrow();
  });
});

describe('warnings', () => {
  it('flags a task without a lead or a deadline, duplicates and numbers out of order', () => {
    const plan = parsePlanText(
      [
        'PHỤ LỤC 1',
        'STT\tNhiệm vụ cụ thể\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành',
        '1\tCông tác chỉ đạo, điều hành\t\t\t\t',
        '1.1\tViệc không có người chủ trì\tKế hoạch\t\tTổ văn phòng\tQuý I/2026',
        '1.2\tViệc không có thời hạn\tBáo cáo\tTrường Tiểu học Hòa Bình\tTổ văn phòng\t',
        '1.2\tViệc ghi trùng số\tBáo cáo\tTrường Tiểu học Hòa Bình\tTổ văn phòng\tQuý II/2026',
        '2.1\tViệc sai lĩnh vực\tBáo cáo\tTrường Tiểu học Hòa Bình\tTổ văn phòng\tQuý II/2026',
        '1.0\tViệc lùi số\tBáo cáo\tTrường Tiểu học Hòa Bình\tTổ văn phòng\tQuý II/2026',
      ].join('\n'),
    );
    const codes = plan.warnings.map((w) => `${w.code}@${w.where}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'missing_lead@Phụ lục 1, dòng 1.1',
        'missing_deadline@Phụ lục 1, dòng 1.2',
        'duplicate_code@Phụ lục 1, dòng 1.2',
        'code_outside_area@Phụ lục 1, dòng 2.1',
        'code_out_of_order@Phụ lục 1, dòng 1.0',
        'missing_number@Đầu văn bản',
        'missing_date@Đầu văn bản',
      ]),
    );
    for (const w of plan.warnings) expect(w.message).toMatch(/\p{L}[\u0300-\u036f]|[À-ỹ]/u); // Vietnamese
  });

  it('keeps the header number and warns when an appendix disagrees', () => {
    const plan = parsePlanText(
      [
        'Số: 05/KH-THHB',
        'Hòa Bình, ngày 02 tháng 01 năm 2026',
        'PHỤ LỤC 2',
        '(Ban hành kèm theo Kế hoạch số 50/KH-THHB ngày 02 tháng 01 năm 2026 của Trường Tiểu học Hòa Bình)',
        'STT\tChỉ tiêu\tCơ quan chủ trì\tCơ quan phối hợp',
        '1\tTỷ lệ hồ sơ đúng hạn đạt 100%\tTrường Tiểu học Hòa Bình\tTổ văn phòng',
      ].join('\n'),
    );
    expect(plan.number).toBe('05/KH-THHB');
    expect(plan.issuedOn).toBe('2026-01-02');
    expect(plan.warnings.map((w) => w.code)).toEqual(['number_conflict']);
  });

  it('never invents a date left blank in a draft', () => {
    const plan = parsePlanText(
      [
        'Số: 05/KH-THHB',
        'Hòa Bình, ngày     tháng 01 năm 2026',
        'II. CHỈ TIÊU',
        '1. Đạt 100% kế hoạch.',
      ].join('\n'),
    );
    expect(plan.place).toBe('Hòa Bình');
    expect(plan.issuedOn).toBeNull();
    expect(plan.warnings.map((w) => w.code)).toEqual(['missing_date']);
  });

  it('does not merge the rows of a table whose STT column is empty throughout (Word auto-numbering)', () => {
    const plan = parsePlanText(
      [
        'PHỤ LỤC 1',
        'STT\tNhiệm vụ cụ thể\tCơ quan chủ trì\tThời gian hoàn thành\t',
        '\tViệc thứ nhất\tTrường Tiểu học Hòa Bình\tQuý I/2026\t',
        '\tViệc thứ hai\tTrường Tiểu học Hòa Bình\tQuý II/2026\t',
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => t.title)).toEqual(['Việc thứ nhất', 'Việc thứ hai']);
    // Each row is flagged; the blank trailing column is not.
    expect(
      plan.warnings
        .filter((w) => w.code !== 'missing_number' && w.code !== 'missing_date')
        .map((w) => w.code),
    ).toEqual(['invalid_code', 'invalid_code']);
  });

  it('flags a table in an appendix whose columns it cannot read', () => {
    const plan = parsePlanText(
      ['PHỤ LỤC 1', 'A\tB\tC', '1\t2\t3', '4\t5\t6', 'II. CHỈ TIÊU', '1. Đạt 100% kế hoạch.'].join('\n'),
    );
    expect(plan.warnings.map((w) => w.code)).toContain('unrecognised_table');
  });
});
