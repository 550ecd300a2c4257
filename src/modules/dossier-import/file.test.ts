import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, readSheet } from './file.js';

describe('CSV reader', () => {
  it('reads quotes, "" escapes, separators in quotes, line breaks in quotes, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3\r\n\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['1', '', '3'],
    ]);
  });

  it('detects semicolons and tabs from the first line, ignoring separators inside quotes', () => {
    expect(parseCsv('"Phí, lệ phí";Mã\n"10.000, đồng";1.001')).toEqual([
      ['Phí, lệ phí', 'Mã'],
      ['10.000, đồng', '1.001'],
    ]);
    expect(parseCsv('a\tb, c\n1\t2')).toEqual([
      ['a', 'b, c'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\rc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('decodes UTF-8, UTF-16 with a BOM and Windows-1258, and refuses legacy .xls', async () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFNgày tiếp nhận'))).toBe('Ngày tiếp nhận');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mã hồ sơ\tNgười nộp', 'utf16le')]);
    expect(decodeText(utf16)).toBe('Mã hồ sơ\tNgười nộp');
    // "Mã" in Windows-1258: M, a, combining tilde (0xDE); read as NFC.
    expect(decodeText(new Uint8Array([0x4d, 0x61, 0xde]))).toBe('Mã');
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readSheet(xls, 'cu.xls')).rejects.toMatchObject({ code: 'FILE_TYPE' });
    await expect(readSheet(new Uint8Array(), 'rong.csv')).rejects.toMatchObject({ code: 'FILE_EMPTY' });
    await expect(
      readSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'hong.xlsx'),
    ).rejects.toMatchObject({ code: 'FILE_CORRUPT' });
  });
});
