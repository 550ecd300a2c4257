/**
 * Reads a spreadsheet for the imports: .xlsx through exceljs (first sheet with data), or text
 * (.csv / .txt exported by other one-stop software) through a small parser: UTF-8 with or
 * without BOM, UTF-16 with BOM (Excel's "Unicode text"), Windows-1258 when the bytes are not
 * UTF-8; comma, semicolon or tab separated (whichever the first line uses most outside quotes);
 * quoted fields with "" escapes and line breaks; CRLF, LF or CR line ends.
 *
 * The result is a grid of cells with the row number a user sees (Excel's row number, or the
 * record's number in the CSV counting the header line as 1).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.js';
import { assertZipWithinLimits, DEFAULT_ZIP_LIMITS } from '../../lib/zip-limits.js';
import type { ZipLimits } from '../../lib/zip-limits.js';

import type { Cell } from '../../core/register-import/index.js';

export type { Cell };

export interface Sheet {
  kind: 'xlsx' | 'csv';
  rows: { row: number; cells: Cell[] }[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export interface ReadLimits {
  zip: ZipLimits;
  /** Most data rows (besides the heading row). */
  maxRows: number;
}
export const DEFAULT_READ_LIMITS: ReadLimits = { zip: DEFAULT_ZIP_LIMITS, maxRows: 200_000 };

function assertRowCount(sheet: Sheet, maxRows: number): Sheet {
  // One heading row on top of the data rows.
  if (sheet.rows.length - 1 > maxRows)
    throw new AppError(
      'TOO_MANY_ROWS',
      `Tệp có ${(sheet.rows.length - 1).toLocaleString('vi-VN')} dòng dữ liệu, vượt quá ${maxRows.toLocaleString('vi-VN')} dòng cho một lần nhập. Hãy chia tệp thành nhiều phần rồi nhập lần lượt.`,
    );
  return sheet;
}

/**
 * Reads the file by its content (the name only breaks ties in messages), within `limits`.
 * `mergedOnce`: a merged range's value is given at its first cell only (the others are null), as
 * criteria sheets need (a field's title merged over the points column must not read as points).
 */
export async function readSheet(
  bytes: Uint8Array,
  filename: string | null,
  limits: ReadLimits & { mergedOnce?: boolean } = DEFAULT_READ_LIMITS,
): Promise<Sheet> {
  if (bytes.length === 0) throw new AppError('FILE_EMPTY');
  if (startsWith(bytes, ZIP)) {
    assertZipWithinLimits(bytes, limits.zip);
    return assertRowCount(await readXlsx(bytes, limits.mergedOnce ?? false), limits.maxRows);
  }
  if (startsWith(bytes, OLE))
    throw new AppError(
      'FILE_TYPE',
      'Tệp Excel 97–2003 (.xls) hoặc tệp được đặt mật khẩu: hãy mở bằng Excel và lưu lại dạng .xlsx hoặc .csv.',
    );
  const text = decodeText(bytes);
  if (text.includes('\u0000'))
    throw new AppError('FILE_TYPE', `Tệp ${filename ?? ''} không phải .xlsx hay .csv.`.replace('  ', ' '));
  const records = parseCsv(text);
  return assertRowCount(
    { kind: 'csv', rows: records.map((cells, i) => ({ row: i + 1, cells })) },
    limits.maxRows,
  );
}

/** UTF-8 (BOM stripped), UTF-16 with a BOM, else Windows-1258 (Vietnamese ANSI). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2)).normalize('NFC');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2)).normalize('NFC');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).normalize('NFC');
  } catch {
    return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  }
}

/**
 * The separator the first line uses most outside quotes; on a tie tab, then ';', then ',' (text
 * holds commas far more often than tabs or semicolons).
 */
function detectSeparator(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]!++;
  }
  let best = '\t';
  for (const sep of [';', ',']) if (counts[sep]! > counts[best]!) best = sep;
  return best;
}

/**
 * RFC 4180 with the usual liberties: quotes only count at the start of a field (a stray quote
 * inside an unquoted field is kept), trailing blank lines dropped, cells trimmed.
 */
export function parseCsv(input: string, separator?: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const endField = () => {
    record.push(field.trim());
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '"' && field.trim() === '') {
      // A quoted field: up to the closing quote, "" is a quote.
      field = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the separator is kept (lenient).
      while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') field += text[i++]!;
      continue;
    }
    if (c === sep) {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Fast path: copy up to the next special character.
      let j = i + 1;
      while (j < n) {
        const d = text[j]!;
        if (d === sep || d === '\r' || d === '\n') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || record.length > 0) endRecord();
  while (records.length > 0 && records[records.length - 1]!.every((f) => f === '')) records.pop();
  return records;
}

type ExcelValue = ExcelJS.CellValue;

/** A cell's value as the grid keeps it: text, number, boolean, date or null. */
function excelCell(v: ExcelValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return excelCell((v as { result?: ExcelValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

async function readXlsx(bytes: Uint8Array, mergedOnce: boolean): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    throw new AppError('FILE_CORRUPT', 'Tệp .xlsx bị hỏng hoặc không đọc được.');
  }
  const sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new AppError('FILE_EMPTY', 'Bảng tính không có dữ liệu.');
  const rows: Sheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const values = row.values as ExcelValue[];
    // exceljs rows are 1-based: values[0] is always empty.
    for (let c = 1; c < values.length; c++) {
      if (mergedOnce) {
        const cell = row.getCell(c);
        if (cell.isMerged && cell.master.address !== cell.address) {
          cells.push(null);
          continue;
        }
      }
      const v = excelCell(values[c]);
      cells.push(typeof v === 'string' ? v.normalize('NFC').trim() : v);
    }
    rows.push({ row: rowNumber, cells });
  });
  return { kind: 'xlsx', rows };
}
