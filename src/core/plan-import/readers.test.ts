// The building blocks: HTML and Markdown readers, codes, columns, thresholds, names.

import { describe, expect, it } from 'vitest';
import { splitNames } from './appendix.js';
import type { Block } from './blocks.js';
import { makePara } from './blocks.js';
import { checkSequence, normaliseStt, splitCode } from './codes.js';
import { columnRole } from './columns.js';
import { decodeEntities, htmlToBlocks, tokenize } from './html.js';
import { textToBlocks } from './markdown.js';
import { parseThreshold } from './threshold.js';
import { cleanName, findOrdinaryCase, fold, initials, isUpperish, recaseName } from './text.js';

const texts = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.para.text] : ['<table>']));

function table(blocks: Block[], index = 0): string[][] {
  const tables = blocks.filter((b) => b.kind === 'table');
  const t = tables[index];
  if (!t) throw new Error('no table');
  return t.rows.map((r) => r.cells.map((c) => c.paragraphs.map((p) => p.text).join(' / ')));
}

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &apos;')).toBe(
      `a & b <c> "d" 'e' '`,
    );
    expect(decodeEntities('Đ&#7871;n &#x1EBF; x&nbsp;y')).toBe('Đến ế x\u00a0y');
    expect(decodeEntities('&unknown; &#0; &#xD800; & ;')).toBe('&unknown; &#0; &#xD800; & ;');
  });
});

describe('tokenize', () => {
  it('reads tags, attributes and text, and leaves a lone "<" as text', () => {
    const tokens = tokenize('<td colspan="2" title=\'a>b\'>x < 5 ngày<br/></td><!-- c --><?xml x?>');
    expect(tokens).toEqual([
      { type: 'open', name: 'td', attrs: { colspan: '2', title: 'a>b' }, selfClosing: false },
      { type: 'text', text: 'x < 5 ngày' },
      { type: 'open', name: 'br', attrs: {}, selfClosing: true },
      { type: 'close', name: 'td' },
    ]);
  });

  it('skips script and style content', () => {
    expect(tokenize('<style>p{}</style><p>a</p>').filter((t) => t.type === 'text')).toEqual([
      { type: 'text', text: 'a' },
    ]);
  });
});

describe('htmlToBlocks', () => {
  it('splits paragraphs at <br>, marks bold, headings and lists', () => {
    const blocks = htmlToBlocks(
      '<h2>I. MỤC TIÊU</h2><p><strong>A</strong><br />b <em>c</em></p><ul><li>d</li></ul><ol><li>e<ul><li>f</li></ul></li></ol>',
    );
    const paras = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.para] : []));
    expect(paras.map((p) => [p.text, p.bold, p.heading, p.list, p.listDepth])).toEqual([
      ['I. MỤC TIÊU', false, 2, null, 0],
      ['A', true, 0, null, 0],
      ['b c', false, 0, null, 0],
      ['d', false, 0, 'ul', 1],
      ['e', false, 0, 'ol', 1],
      ['f', false, 0, 'ul', 2],
    ]);
  });

  it('tolerates missing end tags', () => {
    expect(texts(htmlToBlocks('<p>a<p>b<table><tr><td>x<td>y<tr><td>z</table><p>c'))).toEqual([
      'a',
      'b',
      '<table>',
      'c',
    ]);
    expect(table(htmlToBlocks('<table><tr><td>x<td>y<tr><td>z</table>'))).toEqual([['x', 'y'], ['z']]);
  });

  it('expands colspan and carries rowspan down', () => {
    const rows = table(
      htmlToBlocks(
        '<table><tr><td>1</td><td colspan="2">A</td></tr><tr><td rowspan="2">L</td><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>',
      ),
    );
    expect(rows).toEqual([
      ['1', 'A', ''],
      ['L', 'b', 'c'],
      ['L', 'd', 'e'],
    ]);
  });

  it('marks header rows and flattens a table nested in a cell', () => {
    const blocks = htmlToBlocks(
      '<table><thead><tr><th>STT</th></tr></thead><tbody><tr><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></tbody></table>',
    );
    const t = blocks[0];
    expect(t?.kind === 'table' && t.rows.map((r) => r.header)).toEqual([true, false]);
    expect(table(blocks)).toEqual([['STT'], ['x / y']]);
  });
});

describe('textToBlocks', () => {
  it('reads headings, bullets, emphasis and escapes', () => {
    const blocks = textToBlocks('# Tiêu đề #\n\n- **Đậm** và *nghiêng*\n\n1\\. Mục\n\n---\n(_ghi chú_)\n');
    const paras = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.para] : []));
    expect(paras.map((p) => [p.text, p.heading, p.list])).toEqual([
      ['Tiêu đề', 1, null],
      ['Đậm và nghiêng', 0, 'ul'],
      ['1. Mục', 0, null],
      ['(ghi chú)', 0, null],
    ]);
    expect(textToBlocks('**5.** Năm').flatMap((b) => (b.kind === 'paragraph' ? [b.para.bold] : []))).toEqual([
      false,
    ]);
  });

  it('reads tab-separated rows, with HTML inside cells', () => {
    const blocks = textToBlocks('STT\tA\n1\t<b>x</b>\n\t<p>y</p> <p>z</p>\n\nsau bảng');
    expect(table(blocks)).toEqual([
      ['STT', 'A'],
      ['1', 'x'],
      ['', 'y / z'],
    ]);
    expect(texts(blocks)).toEqual(['<table>', 'sau bảng']);
  });

  it('treats a leading tab outside a table as indentation', () => {
    expect(texts(textToBlocks('\t- mục thụt lề\n\tđoạn thụt lề'))).toEqual(['mục thụt lề', 'đoạn thụt lề']);
  });

  it('reads pipe tables: header before the separator, escaped pipes, <br>', () => {
    const blocks = textToBlocks('| a | b |\n|:-:|---|\n| x \\| y | 1<br>2 |');
    const t = blocks[0];
    expect(t?.kind === 'table' && t.rows.map((r) => r.header)).toEqual([true, false]);
    expect(table(blocks)).toEqual([
      ['a', 'b'],
      ['x | y', '1 / 2'],
    ]);
  });

  it('passes an HTML table in Markdown to the HTML reader', () => {
    expect(table(textToBlocks('<table>\n<tr><td>a</td></tr>\n</table>'))).toEqual([['a']]);
  });
});

describe('splitCode', () => {
  it.each([
    ['3.1. Tỷ lệ', { code: '3.1', rest: 'Tỷ lệ' }],
    ['1.4 Tự kiểm tra', { code: '1.4', rest: 'Tự kiểm tra' }],
    ['2.1.Nâng cao', { code: '2.1', rest: 'Nâng cao' }],
    ['5. 100% phản ánh', { code: '5', rest: '100% phản ánh' }],
    ['10. Xây dựng', { code: '10', rest: 'Xây dựng' }],
    ['1) Nội dung', { code: '1', rest: 'Nội dung' }],
  ])('%s', (text, expected) => {
    expect(splitCode(text)).toEqual(expected);
  });

  it.each(['5 cán bộ', '100% hồ sơ', '3/2023', '2.5% hồ sơ', '1.000 người', '2023 là năm', 'Tháng 3'])(
    'not a code: %s',
    (text) => {
      expect(splitCode(text)).toBeNull();
    },
  );
});

describe('normaliseStt', () => {
  it.each([
    ['1.4.', '1.4'],
    [' 1 . 4 ', '1.4'],
    ['2 .', '2'],
    ['II', '2'],
    ['(3)', '3'],
    ['a', 'a'],
    ['', ''],
  ])('%j → %j', (raw, code) => {
    expect(normaliseStt(raw)).toBe(code);
  });
});

describe('checkSequence', () => {
  it('reports gaps, duplicates and numbers going back', () => {
    const warnings = checkSequence(['1', '1.1', '1.3', '1.3', '1.2', '3'], (c) => `X, ${c}`);
    expect(warnings.map((w) => [w.code, w.where, w.message])).toEqual([
      ['code_gap', 'X, 1.3', 'Thiếu mục số 1.2 (sau 1.1 là 1.3).'],
      ['duplicate_code', 'X, 1.3', 'Số thứ tự 1.3 bị trùng.'],
      ['code_out_of_order', 'X, 1.2', 'Mục số 1.2 đứng sau mục số 1.3: thứ tự không liên tục.'],
      ['code_gap', 'X, 3', 'Thiếu mục số 2 (sau 1 là 3).'],
    ]);
  });
});

describe('columnRole', () => {
  it.each([
    ['STT', 'stt'],
    ['Số TT', 'stt'],
    ['Nhiệm vụ cụ thể', 'task'],
    ['Tên nhiệm vụ', 'task'],
    ['Nội dung', 'task'],
    ['Nhiệm vụ', 'task'],
    ['Sản phẩm', 'deliverable'],
    ['Kết quả/Sản phẩm', 'deliverable'],
    ['Kết quả', 'deliverable'],
    ['Cơ quan chủ trì', 'lead'],
    ['Đơn vị chủ trì', 'lead'],
    ['Chủ trì', 'lead'],
    ['Cơ quan chủ trì, theo dõi, tổng hợp', 'lead'],
    ['Đơn vị thực hiện', 'lead'],
    ['Cơ quan phối hợp', 'cooperators'],
    ['Đơn vị phối hợp', 'cooperators'],
    ['Phối hợp', 'cooperators'],
    ['Thời gian hoàn thành', 'deadline'],
    ['Thời gian', 'deadline'],
    ['Thời hạn', 'deadline'],
    ['Thời gian thực hiện', 'deadline'],
    ['Ghi chú', 'note'],
    ['Chỉ tiêu', 'target'],
    ['CƠ QUAN CHỦ TRÌ', 'lead'],
    ['Co quan phoi hop', 'cooperators'],
    ['Kinh phí', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (header, role) => {
    expect(columnRole(header)).toBe(role);
  });
});

describe('parseThreshold', () => {
  it.each([
    ['Tỷ lệ giải quyết hồ sơ đúng hạn: từ 98% trở lên.', { kind: 'percent', op: '>=', value: 98 }],
    ['Mức độ hài lòng đạt 100%.', { kind: 'percent', op: '>=', value: 100 }],
    ['100% hồ sơ được số hóa', { kind: 'percent', op: '>=', value: 100 }],
    ['đạt từ 90% trở lên', { kind: 'percent', op: '>=', value: 90 }],
    ['tối thiểu 40% cơ quan', { kind: 'percent', op: '>=', value: 40 }],
    ['Tỷ lệ trễ hạn không quá 2%', { kind: 'percent', op: '<=', value: 2 }],
    ['Tỷ lệ trễ hạn 1,5% trở xuống', { kind: 'percent', op: '<=', value: 1.5 }],
    ['Tỷ lệ bằng 50% số hồ sơ', { kind: 'percent', op: '=', value: 50 }],
    ['Chỉ số năm 2023 bằng hoặc cao hơn so với năm 2022.', { kind: 'not_lower_than_year', year: 2022 }],
    ['đảm bảo tỷ lệ bằng hoặc cao hơn năm 2022', { kind: 'not_lower_than_year', year: 2022 }],
    ['không thấp hơn kết quả năm 2025', { kind: 'not_lower_than_year', year: 2025 }],
  ])('%s', (text, expected) => {
    expect(parseThreshold(text)).toEqual(expected);
  });

  it('keeps several different figures as text, and returns null without a figure', () => {
    const text = 'đạt từ 90% trở lên; tỷ lệ giải ngân đạt từ 95% trở lên.';
    expect(parseThreshold(text)).toEqual({ kind: 'text', text });
    expect(parseThreshold('Thực hiện tự kiểm tra cải cách hành chính.')).toBeNull();
  });
});

describe('names', () => {
  it('cleans party names', () => {
    expect(cleanName('Phòng Giáo dục và Đào tạo..')).toEqual({
      name: 'Phòng Giáo dục và Đào tạo',
      optional: false,
    });
    expect(cleanName('Trường Mầm non Tuổi Thơ(nếu có).')).toEqual({
      name: 'Trường Mầm non Tuổi Thơ',
      optional: true,
    });
    expect(cleanName(' - Báo cáo ( nếu có ) ; ')).toEqual({ name: 'Báo cáo', optional: true });
    expect(cleanName('Phòng Tài chính - Kế hoạch')).toEqual({
      name: 'Phòng Tài chính - Kế hoạch',
      optional: false,
    });
  });

  it('folds case and diacritics, keeping length', () => {
    expect(fold('Phụ lục Ⅱ đường')).toBe('PHU LUC Ⅱ DUONG');
    expect(fold('Ủy ban')).toBe(fold('Uỷ ban'.normalize('NFC')));
    expect(fold('Trường').length).toBe('Trường'.length);
  });

  it('recognises capitals and finds a name written in ordinary case', () => {
    expect(isUpperish('TRƯỜNG MẦM NON TUỔI THƠ')).toBe(true);
    expect(isUpperish('Trường Mầm non')).toBe(false);
    expect(findOrdinaryCase('ỦY BAN NHÂN DÂN QUẬN 8', ['… của Uỷ ban nhân dân Quận 8 về …'])).toBe(
      'Uỷ ban nhân dân Quận 8',
    );
    expect(findOrdinaryCase('QUẬN 8', ['Quận 80'])).toBeNull();
  });

  it('recases a name in capitals when the document never writes it otherwise', () => {
    expect(recaseName('ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN')).toBe('Ủy ban nhân dân phường Tân An');
    expect(recaseName('TRƯỜNG TIỂU HỌC HÒA BÌNH')).toBe('Trường Tiểu học Hòa Bình');
    expect(recaseName('UBND QUẬN 8')).toBe('UBND Quận 8');
  });

  it('takes initials', () => {
    expect(initials('Trường Mầm non Tuổi Thơ')).toBe('TMNTT');
  });
});

describe('splitNames', () => {
  const names = (kind: 'parties' | 'deliverables', ...lines: string[]): string[] =>
    splitNames(
      lines.map((l) => makePara(l)),
      kind,
    ).map((n) => (n.optional ? `${n.name}?` : n.name));

  it('splits on bullets, ";" and paragraphs, never on commas', () => {
    expect(names('deliverables', '- Kế hoạch - Báo cáo (nếu có)', 'Biên bản')).toEqual([
      'Kế hoạch',
      'Báo cáo?',
      'Biên bản',
    ]);
    expect(names('parties', 'Cán bộ, giáo viên, nhân viên; Công đoàn')).toEqual([
      'Cán bộ, giáo viên, nhân viên',
      'Công đoàn',
    ]);
    expect(names('parties', 'Phòng Tài chính - Kế hoạch')).toEqual(['Phòng Tài chính - Kế hoạch']);
  });

  it('keeps office names that contain " - " in a bulleted list of parties', () => {
    expect(names('parties', '- Phòng Văn hóa - Xã hội - Trường Tiểu học Hòa Bình')).toEqual([
      'Phòng Văn hóa - Xã hội',
      'Trường Tiểu học Hòa Bình',
    ]);
    expect(names('parties', '- Phòng Nội vụ; - Phòng Tài chính - Kế hoạch')).toEqual([
      'Phòng Nội vụ',
      'Phòng Tài chính - Kế hoạch',
    ]);
  });
});
