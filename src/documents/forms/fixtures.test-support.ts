/** Shared data and checks for the form tests. */
import { expect } from 'vitest';
import { mmToTwip } from '../decree30.js';
import { fontsUsed, mammothText, plainText, readDocx, sectionGeometry } from '../docx-reader.test-support.js';
import type { Applicant, FormIssuer } from './common.js';

export const issuer: FormIssuer = {
  superior: 'Ủy ban nhân dân phường Chánh Hưng',
  name: 'Trường Mầm non Tuổi Thơ',
  place: 'Phường Chánh Hưng',
};

export const applicant: Applicant = {
  name: 'Nguyễn Thị Hồng Nhung',
  idNumber: '079186001234',
  address: '123 Phạm Thế Hiển, phường Chánh Hưng, Thành phố Hồ Chí Minh',
  phone: '0903123456',
  email: 'nhung.nguyen@example.vn',
};

/** 08:30 on 12 May 2026, Vietnam time. */
export const RECEIVED_AT = '2026-05-12T08:30:00+07:00';
/** 16:00 on 19 May 2026, Vietnam time. */
export const APPOINTMENT_AT = '2026-05-19T16:00:00+07:00';

export interface CheckedDocx {
  text: string;
  mammoth: string;
  documentXml: string;
  media: string[];
  readMedia(path: string): Promise<Buffer>;
}

/**
 * Reads a form back and checks what every Decree 30 document must have: A4 portrait, the default
 * margins, Times New Roman only, the header block. Returns the text for the form's own checks.
 */
export async function readForm(buffer: Buffer): Promise<CheckedDocx> {
  const parts = await readDocx(buffer);
  const geometry = sectionGeometry(parts.documentXml);
  expect(geometry.pgSz).toEqual(['<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>']);
  expect(geometry.pgMar[0]).toContain(`w:top="${mmToTwip(20)}"`);
  expect(geometry.pgMar[0]).toContain('w:top="1134"');
  expect(geometry.pgMar[0]).toContain('w:bottom="1134"');
  expect(geometry.pgMar[0]).toContain('w:left="1701"');
  expect(geometry.pgMar[0]).toContain('w:right="850"');
  expect(fontsUsed(parts.documentXml)).toEqual(new Set(['Times New Roman']));
  // Word refuses a table cell that does not end with a paragraph.
  expect(parts.documentXml).not.toContain('</w:tbl></w:tc>');
  expect(parts.stylesXml).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/);

  const text = plainText(parts.documentXml);
  const viaMammoth = await mammothText(buffer);
  for (const t of [text, viaMammoth]) {
    expect(t).toContain('ỦY BAN NHÂN DÂN PHƯỜNG CHÁNH HƯNG');
    expect(t).toContain('TRƯỜNG MẦM NON TUỔI THƠ');
    expect(t).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(t).toContain('Độc lập - Tự do - Hạnh phúc');
    // Everything written is NFC.
    expect(t).toBe(t.normalize('NFC'));
  }
  return {
    text,
    mammoth: viaMammoth,
    documentXml: parts.documentXml,
    media: parts.media,
    readMedia: (path) => parts.zip.file(path)!.async('nodebuffer'),
  };
}

/** Both readers see every expected string. */
export function expectTexts(doc: CheckedDocx, expected: readonly string[]): void {
  for (const s of expected) {
    expect(doc.text, `document.xml should contain “${s}”`).toContain(s);
    expect(doc.mammoth, `mammoth text should contain “${s}”`).toContain(s);
  }
}
