import { describe, expect, it } from 'vitest';
import { decree30Document, mmToTwip, resolveLayout, textWidthTwips } from './decree30.js';
import type { Decree30DocumentSpec } from './decree30.js';
import {
  fontsUsed,
  mammothText,
  paragraphWith,
  plainText,
  readDocx,
  runWith,
  sectionGeometry,
} from './docx-reader.test-support.js';

const plan: Decree30DocumentSpec = {
  header: { superior: 'Phòng Giáo dục và Đào tạo Quận 8', unit: 'Trường Mầm non Tuổi Thơ' },
  number: '71/KH-MNTT',
  placeDate: { place: 'Quận 8', date: '2023-03-17' },
  title: 'Kế hoạch',
  subtitle: 'Thực hiện công tác cải cách hành chính năm 2023',
  body: [
    {
      kind: 'paragraph',
      text: 'Căn cứ Kế hoạch số 39/KH-PGDĐT ngày 15/3/2023 của Phòng Giáo dục và Đào tạo Quận 8,',
    },
    { kind: 'heading', text: 'I. MỤC TIÊU' },
    {
      kind: 'paragraph',
      text: [
        { text: '1. ', bold: true },
        { text: 'Phấn đấu Chỉ số cải cách hành chính năm 2023 cao hơn năm 2022.' },
      ],
    },
    { kind: 'heading', text: '1.1. Tự kiểm tra', level: 3 },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 1, align: 'center' },
        { header: 'Chỉ tiêu', width: 6 },
        { header: 'Đơn vị chủ trì', width: 3 },
      ],
      rows: [
        ['1', 'Tỷ lệ hồ sơ giải quyết đúng hạn từ 98% trở lên', 'Bộ phận một cửa'],
        [{ content: 'Ghi chú chung cho cả bảng', columnSpan: 3, italic: true }],
      ],
    },
    { kind: 'pageBreak' },
    { kind: 'paragraph', text: 'Trang sau.', align: 'left', indent: false },
  ],
  recipients: ['Phòng GDĐT Quận 8;', '- Lưu: VT.'],
  signature: { authority: 'KT. Hiệu trưởng', title: 'Phó Hiệu trưởng', name: 'Trần Thị Bích Ngọc' },
  appendices: [
    {
      title: 'Nhiệm vụ cải cách hành chính năm 2023',
      orientation: 'landscape',
      body: [
        {
          kind: 'table',
          columns: [
            { header: 'STT', width: 1 },
            { header: 'Nhiệm vụ cụ thể', width: 8 },
            { header: 'Thời gian hoàn thành', width: 3 },
          ],
          rows: [['1', 'Xây dựng kế hoạch cải cách hành chính năm 2023', 'Quý I/2023']],
        },
      ],
    },
  ],
};

describe('mmToTwip', () => {
  it('converts millimetres to twips, rounding to the nearest', () => {
    expect(mmToTwip(20)).toBe(1134);
    expect(mmToTwip(25)).toBe(1417);
    expect(mmToTwip(30)).toBe(1701);
    expect(mmToTwip(35)).toBe(1984);
    expect(mmToTwip(15)).toBe(850);
    expect(mmToTwip(210)).toBe(11906);
    expect(mmToTwip(297)).toBe(16838);
  });
});

describe('resolveLayout', () => {
  it('defaults to 20/20/30/15 mm, 14 pt, 1.15 lines', () => {
    expect(resolveLayout()).toEqual({
      margins: { top: 20, bottom: 20, left: 30, right: 15 },
      bodySize: 14,
      lineSpacing: 1.15,
    });
    expect(textWidthTwips(resolveLayout())).toBe(11906 - 1701 - 850);
  });

  it("refuses values outside Decree 30's ranges", () => {
    expect(() => resolveLayout({ margins: { left: 25 } })).toThrow(/margin left/);
    expect(() => resolveLayout({ margins: { top: 30 } })).toThrow(/margin top/);
    expect(() => resolveLayout({ margins: { right: 10 } })).toThrow(/margin right/);
    expect(() => resolveLayout({ bodySize: 12 })).toThrow(/body size/);
    expect(() => resolveLayout({ lineSpacing: 2 })).toThrow(/line spacing/);
    expect(resolveLayout({ margins: { top: 25, left: 35 }, bodySize: 13 }).margins).toEqual({
      top: 25,
      bottom: 20,
      left: 35,
      right: 15,
    });
  });
});

describe('decree30Document', () => {
  it('lays out a plan: header, number, date, title, body, table, recipients, signature, appendix', async () => {
    const buffer = await decree30Document(plan);
    const { documentXml: xml, stylesXml } = await readDocx(buffer);
    const text = plainText(xml);
    const raw = await mammothText(buffer);

    for (const t of [text, raw]) {
      for (const expected of [
        'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN 8',
        'TRƯỜNG MẦM NON TUỔI THƠ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 71/KH-MNTT',
        'Quận 8, ngày 17 tháng 3 năm 2023',
        'KẾ HOẠCH',
        'Thực hiện công tác cải cách hành chính năm 2023',
        'Căn cứ Kế hoạch số 39/KH-PGDĐT',
        'I. MỤC TIÊU',
        '1. Phấn đấu Chỉ số cải cách hành chính năm 2023 cao hơn năm 2022.',
        'Tỷ lệ hồ sơ giải quyết đúng hạn từ 98% trở lên',
        'Ghi chú chung cho cả bảng',
        'Nơi nhận:',
        '- Phòng GDĐT Quận 8;',
        '- Lưu: VT.',
        'KT. HIỆU TRƯỞNG',
        'PHÓ HIỆU TRƯỞNG',
        '(Ký, ghi rõ họ tên)',
        'Trần Thị Bích Ngọc',
        'PHỤ LỤC 1',
        'NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2023',
        '(Ban hành kèm theo Kế hoạch số 71/KH-MNTT ngày 17 tháng 3 năm 2023 của Trường Mầm non Tuổi Thơ)',
        'Xây dựng kế hoạch cải cách hành chính năm 2023',
      ]) {
        expect(t).toContain(expected);
      }
    }
    // Recipients given with their dash keep a single one.
    expect(text).not.toContain('- - Lưu');

    // A4 portrait for the body, A4 landscape for the appendix; Decree 30 margins on both.
    const { pgSz, pgMar } = sectionGeometry(xml);
    expect(pgSz).toEqual([
      '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
      '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
    ]);
    for (const m of pgMar) {
      expect(m).toMatch(/w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    }
    // Page numbers restart in the appendix; none on the first page of a section.
    expect(xml).toContain('<w:pgNumType w:start="1"/>');
    expect(xml.match(/<w:titlePg\/>/g)).toHaveLength(2);

    // Times New Roman everywhere, 14 pt body by default.
    expect(fontsUsed(xml)).toEqual(new Set(['Times New Roman']));
    expect(xml).not.toContain('</w:tbl></w:tc>');
    expect(stylesXml).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/,
    );

    // Header sizes and weights.
    expect(runWith(xml, 'PHÒNG GIÁO DỤC')).toContain('<w:sz w:val="26"/>');
    expect(runWith(xml, 'PHÒNG GIÁO DỤC')).not.toContain('<w:b/>');
    expect(runWith(xml, 'TRƯỜNG MẦM NON')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(runWith(xml, 'CỘNG HÒA')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(runWith(xml, 'Độc lập')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(runWith(xml, 'Quận 8, ngày')).toMatch(/<w:i\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(runWith(xml, 'KẾ HOẠCH')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(paragraphWith(xml, 'KẾ HOẠCH')).toContain('<w:jc w:val="center"/>');
    // The header table has no borders; rules are paragraph borders.
    expect(xml).toMatch(/<w:pBdr><w:top w:val="single"/);

    // Body: justified, first-line indent 1.27 cm, 1.15 lines, 6 pt after.
    const body = paragraphWith(xml, 'Căn cứ Kế hoạch');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain('w:firstLine="720"');
    expect(body).toMatch(/w:after="120"[^>]*w:line="276" w:lineRule="auto"/);
    expect(runWith(xml, 'I. MỤC TIÊU')).toContain('<w:b/>');
    expect(runWith(xml, '1.1. Tự kiểm tra')).toMatch(/<w:b\/>[\s\S]*<w:i\/>/);

    // Table: bold header row repeated on each page, borders, fixed column widths.
    expect(runWith(xml, 'Chỉ tiêu')).toContain('<w:b/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(xml).toContain('<w:gridSpan w:val="3"/>');

    // Nơi nhận: bold italic 12 pt, items 11 pt. Signature: bold caps, note italic, name bold.
    expect(runWith(xml, 'Nơi nhận:')).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(runWith(xml, 'Lưu: VT.')).toContain('<w:sz w:val="22"/>');
    expect(runWith(xml, 'PHÓ HIỆU TRƯỞNG')).toContain('<w:b/>');
    expect(runWith(xml, '(Ký, ghi rõ họ tên)')).toContain('<w:i/>');
    expect(runWith(xml, 'Trần Thị Bích Ngọc')).toContain('<w:b/>');

    // Appendix heading: bold label, italic note.
    expect(runWith(xml, 'PHỤ LỤC 1')).toContain('<w:b/>');
    expect(runWith(xml, '(Ban hành kèm theo')).toContain('<w:i/>');
    expect(xml).toContain('<w:br w:type="page"/>');
  });

  it('applies a chosen layout within the decree', async () => {
    const buffer = await decree30Document({
      ...plan,
      appendices: undefined,
      layout: { margins: { top: 25, bottom: 25, left: 35, right: 20 }, bodySize: 13, lineSpacing: 1.5 },
    });
    const { documentXml: xml, stylesXml } = await readDocx(buffer);
    expect(sectionGeometry(xml).pgMar[0]).toMatch(
      /w:top="1417" w:right="1134" w:bottom="1417" w:left="1984"/,
    );
    expect(stylesXml).toContain('<w:sz w:val="26"/>');
    expect(paragraphWith(xml, 'Căn cứ Kế hoạch')).toContain('w:line="360"');
    // The tables fill the narrower text width.
    expect(xml).toContain(`<w:tblW w:type="dxa" w:w="${11906 - 1984 - 1134}"/>`);
  });

  it('leaves blanks for an undated document and omits the number line when there is none', async () => {
    const buffer = await decree30Document({
      header: { unit: 'Trường Mầm non Tuổi Thơ' },
      placeDate: { place: 'Quận 8' },
      title: 'Báo cáo',
      body: [{ kind: 'paragraph', text: 'Nội dung.' }],
    });
    const text = plainText((await readDocx(buffer)).documentXml);
    expect(text).toContain('Quận 8, ngày … tháng … năm …');
    expect(text).not.toContain('Số:');
    expect(text).toContain('BÁO CÁO');
  });

  it('writes NFC text even from decomposed input', async () => {
    const nfd = (s: string): string => s.normalize('NFD');
    const buffer = await decree30Document({
      header: { unit: nfd('Trường Mầm non Tuổi Thơ') },
      placeDate: { place: nfd('Quận 8'), date: '2023-03-17' },
      title: nfd('Kế hoạch'),
      body: [{ kind: 'paragraph', text: nfd('Cải cách hành chính') }],
    });
    const { documentXml } = await readDocx(buffer);
    expect(documentXml).toBe(documentXml.normalize('NFC'));
    expect(plainText(documentXml)).toContain('Cải cách hành chính'.normalize('NFC'));
  });

  it('refuses a table row wider than its columns', async () => {
    await expect(
      decree30Document({
        header: { unit: 'Trường Mầm non Tuổi Thơ' },
        placeDate: { place: 'Quận 8' },
        title: 'Báo cáo',
        body: [{ kind: 'table', columns: [{ header: 'A', width: 1 }], rows: [['1', '2']] }],
      }),
    ).rejects.toThrow(/more cells/);
  });
});
