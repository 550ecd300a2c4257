/**
 * Mẫu 06 — Sổ theo dõi hồ sơ (the dossier register) for a period, as an Excel workbook: the
 * Decree 30 header (unit, national title) in the first rows, then one row per dossier. Dates are
 * real Excel dates (shown dd/mm/yyyy), so the register can be sorted and filtered.
 */
import ExcelJS from 'exceljs';
import type { Alignment, Borders, Font } from 'exceljs';
import { DECREE30_FONT } from '../decree30.js';
import { formatShortDate, nfc, upper, vietnamCalendarDay } from '../format.js';
import type { DateInput } from '../format.js';
import { requireText } from './common.js';
import type { FormIssuer } from './common.js';

export type ResultReturnMethod = 'direct' | 'postal' | 'online';

export const RESULT_RETURN_METHOD_LABELS: Record<ResultReturnMethod, string> = {
  direct: 'Trực tiếp',
  postal: 'Bưu chính công ích',
  online: 'Trực tuyến',
};

export interface DossierRegisterEntry {
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  address?: string;
  phone?: string;
  /** Cơ quan chủ trì giải quyết. */
  leadBody?: string;
  receivedAt: DateInput;
  appointmentAt: DateInput;
  /** Ngày chuyển hồ sơ đến cơ quan giải quyết. */
  transferredAt?: DateInput;
  /** Ngày có kết quả / trả kết quả. */
  resultAt?: DateInput;
  returnMethod?: ResultReturnMethod;
  /** Ký nhận: usually left blank for the handwritten signature. */
  signedBy?: string;
  note?: string;
}

export interface Mau06Input {
  issuer: FormIssuer;
  /** The period covered: a label ("Quý I năm 2026") or a date range. */
  period: string | { from: DateInput; to: DateInput };
  /** Quyển số. */
  book?: string | number;
  entries: readonly DossierRegisterEntry[];
}

export const MAU06_TITLE = 'SỔ THEO DÕI HỒ SƠ';

interface Column {
  header: string;
  width: number;
  kind: 'text' | 'date' | 'number';
}

export const MAU06_COLUMNS: readonly Column[] = [
  { header: 'STT', width: 5, kind: 'number' },
  { header: 'Mã hồ sơ', width: 20, kind: 'text' },
  { header: 'Tên TTHC', width: 32, kind: 'text' },
  { header: 'Tên cá nhân/tổ chức', width: 22, kind: 'text' },
  { header: 'Địa chỉ/Số điện thoại', width: 26, kind: 'text' },
  { header: 'Cơ quan chủ trì giải quyết', width: 20, kind: 'text' },
  { header: 'Ngày nhận hồ sơ', width: 12, kind: 'date' },
  { header: 'Ngày hẹn trả kết quả', width: 12, kind: 'date' },
  { header: 'Ngày chuyển hồ sơ đến cơ quan giải quyết', width: 14, kind: 'date' },
  { header: 'Ngày có kết quả/trả kết quả', width: 13, kind: 'date' },
  { header: 'Hình thức trả kết quả', width: 14, kind: 'text' },
  { header: 'Ký nhận', width: 12, kind: 'text' },
  { header: 'Ghi chú', width: 16, kind: 'text' },
];

/** Row of the column headers; the rows above hold the header block and the title. */
export const MAU06_HEADER_ROW = 7;
const DATE_FORMAT = 'dd/mm/yyyy';
const LAST_COLUMN = MAU06_COLUMNS.length;

const THIN: Borders = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
};

function font(size: number, extra: Partial<Font> = {}): Partial<Font> {
  return { name: DECREE30_FONT, size, ...extra };
}

function periodLabel(period: Mau06Input['period']): string {
  if (typeof period === 'string') return requireText(period, 'period');
  return `Từ ngày ${formatShortDate(period.from)} đến ngày ${formatShortDate(period.to)}`;
}

function entryValues(entry: DossierRegisterEntry, index: number): (string | number | Date | null)[] {
  const date = (value: DateInput | undefined): Date | null =>
    value === undefined ? null : vietnamCalendarDay(value);
  const contact = [entry.address, entry.phone]
    .filter((v): v is string => v !== undefined && v.trim() !== '')
    .map(nfc)
    .join('\n');
  return [
    index + 1,
    requireText(entry.dossierCode, 'dossier code'),
    requireText(entry.procedureName, 'procedure name'),
    requireText(entry.applicantName, 'applicant name'),
    contact,
    entry.leadBody ? nfc(entry.leadBody) : '',
    date(entry.receivedAt),
    date(entry.appointmentAt),
    date(entry.transferredAt),
    date(entry.resultAt),
    entry.returnMethod ? RESULT_RETURN_METHOD_LABELS[entry.returnMethod] : '',
    entry.signedBy ? nfc(entry.signedBy) : '',
    entry.note ? nfc(entry.note) : '',
  ];
}

function mergedLine(
  sheet: ExcelJS.Worksheet,
  row: number,
  from: number,
  to: number,
  text: string,
  style: Partial<Font>,
): void {
  sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.font = style;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

export async function mau06(input: Mau06Input): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = nfc(input.issuer.name);
  workbook.title = 'Sổ theo dõi hồ sơ';
  const sheet = workbook.addWorksheet('Sổ theo dõi hồ sơ', {
    views: [
      { state: 'frozen', xSplit: 0, ySplit: MAU06_HEADER_ROW, topLeftCell: `A${MAU06_HEADER_ROW + 1}` },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      // Inches; Decree 30's margins (20 mm, 15 mm on the right) for a landscape register.
      margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
      printTitlesRow: `${MAU06_HEADER_ROW}:${MAU06_HEADER_ROW}`,
    },
    headerFooter: { oddFooter: `&C&"${DECREE30_FONT},Regular"&11Trang &P/&N` },
  });
  sheet.columns = MAU06_COLUMNS.map((c) => ({ width: c.width }));

  // Decree 30 header block: superior and unit on the left, national title and motto on the right.
  const superior = input.issuer.superior;
  mergedLine(
    sheet,
    1,
    1,
    5,
    superior ? upper(superior) : upper(input.issuer.name),
    font(12, { bold: !superior }),
  );
  if (superior) mergedLine(sheet, 2, 1, 5, upper(input.issuer.name), font(12, { bold: true }));
  mergedLine(sheet, 1, 9, LAST_COLUMN, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', font(12, { bold: true }));
  mergedLine(
    sheet,
    2,
    9,
    LAST_COLUMN,
    'Độc lập - Tự do - Hạnh phúc',
    font(13, { bold: true, underline: true }),
  );

  mergedLine(sheet, 4, 1, LAST_COLUMN, MAU06_TITLE, font(14, { bold: true }));
  mergedLine(sheet, 5, 1, LAST_COLUMN, periodLabel(input.period), font(13, { italic: true }));
  if (input.book !== undefined) {
    mergedLine(sheet, 6, 1, LAST_COLUMN, `Quyển số: ${nfc(String(input.book))}`, font(13, { italic: true }));
  }
  sheet.getRow(4).height = 22;

  const headerAlignment: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const header = sheet.getRow(MAU06_HEADER_ROW);
  MAU06_COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = font(12, { bold: true });
    cell.alignment = headerAlignment;
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  header.height = 48;

  input.entries.forEach((entry, index) => {
    const row = sheet.getRow(MAU06_HEADER_ROW + 1 + index);
    entryValues(entry, index).forEach((value, i) => {
      const column = MAU06_COLUMNS[i]!;
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.font = font(12);
      cell.border = THIN;
      cell.alignment = {
        vertical: 'top',
        horizontal: column.kind === 'text' ? 'left' : 'center',
        wrapText: true,
      };
      if (column.kind === 'date') cell.numFmt = DATE_FORMAT;
    });
  });

  const data = await workbook.xlsx.writeBuffer();
  // exceljs types its result as an ArrayBuffer; in Node it is a Buffer already, copied here either way.
  return Buffer.from(data);
}
