/**
 * The periodic report's figures and appendices as an Excel workbook: "Số liệu" (the figures of
 * each area, dossiers, satisfaction, feedback), "Phụ lục 1" (task progress) and "Phụ lục 2"
 * (target results), each under the Decree 30 header lines, in Times New Roman on A4.
 */
import ExcelJS from 'exceljs';
import type { Borders, Font } from 'exceljs';
import {
  documentRows,
  dossierRows,
  feedbackRows,
  reportSubject,
  satisfactionRows,
} from '../core/report/index.js';
import type { ReportContent } from '../core/report/index.js';
import { formatViDate } from '../core/calendar/index.js';
import { DECREE30_FONT } from './decree30.js';
import { nfc, upper } from './format.js';
import { APPENDIX1_COLUMNS, APPENDIX2_COLUMNS } from './report.js';

const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

const font = (size: number, extra: Partial<Font> = {}): Partial<Font> => ({
  name: DECREE30_FONT,
  size,
  ...extra,
});

/** The first data row of every sheet (row of column headers). */
export const REPORT_XLSX_HEADER_ROW = 5;

export const AREA_COLUMNS = [
  'Mã lĩnh vực',
  'Lĩnh vực',
  'Tổng số nhiệm vụ',
  'Đến hạn trong kỳ',
  'Đã hoàn thành',
  'Trong đó trễ hạn',
  'Quá hạn chưa hoàn thành',
  'Chưa đến hạn',
  'Không thực hiện',
] as const;

function sheetOf(
  wb: ExcelJS.Workbook,
  name: string,
  c: ReportContent,
  title: string,
  widths: number[],
  landscape: boolean,
) {
  const sheet = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // Inches: Decree 30 margins (top/bottom 20 mm, left 30 mm, right 15 mm).
      margins: { left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = widths.map((width) => ({ width }));
  const last = widths.length;
  const line = (row: number, text: string, f: Partial<Font>) => {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    cell.value = nfc(text);
    cell.font = f;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  line(1, upper(c.unit.name), font(12, { bold: true }));
  line(2, upper(title), font(13, { bold: true }));
  line(
    3,
    `${reportSubject(c.period.code, c.period.year)} — số liệu từ ${formatViDate(c.period.cutoffFrom)} đến ${formatViDate(c.period.cutoffTo)}`,
    font(12, { italic: true }),
  );
  return sheet;
}

function table(
  sheet: ExcelJS.Worksheet,
  headers: readonly string[],
  rows: (string | number)[][],
  boldRows: Set<number> = new Set(),
) {
  const header = sheet.getRow(REPORT_XLSX_HEADER_ROW);
  headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = font(11, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  });
  rows.forEach((values, r) => {
    const row = sheet.getRow(REPORT_XLSX_HEADER_ROW + 1 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = typeof v === 'string' ? nfc(v) : v;
      cell.font = font(11, { bold: boldRows.has(r) });
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = THIN;
    });
  });
}

export async function reportXlsx(c: ReportContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = nfc(c.unit.name);
  wb.title = reportSubject(c.period.code, c.period.year);
  // A fixed date keeps the workbook a function of its content.
  wb.created = new Date(`${c.document.date}T00:00:00Z`);
  wb.modified = wb.created;

  const figures = sheetOf(wb, 'Số liệu', c, 'Số liệu báo cáo', [10, 44, 12, 12, 12, 12, 14, 12, 12], false);
  const rows: (string | number)[][] = c.areas.map((a) => [
    a.code,
    a.title,
    a.figures.tasks,
    a.figures.due,
    a.figures.done,
    a.figures.doneLate,
    a.figures.overdue,
    a.figures.notYetDue,
    a.figures.notApplicable,
  ]);
  table(figures, AREA_COLUMNS, rows);
  // Below the area table: the register figures as label / value pairs.
  let r = REPORT_XLSX_HEADER_ROW + rows.length + 2;
  for (const [heading, list] of [
    ['Hồ sơ thủ tục hành chính', dossierRows(c.dossiers)],
    ['Sự hài lòng', satisfactionRows(c.satisfaction)],
    ['Phản ánh, kiến nghị', feedbackRows(c.feedback)],
    ['Văn bản điện tử, chữ ký số', documentRows(c.documents)],
  ] as const) {
    const h = figures.getCell(r, 1);
    h.value = heading;
    h.font = font(11, { bold: true });
    r++;
    for (const item of list) {
      figures.getCell(r, 2).value = item.label;
      figures.getCell(r, 3).value = item.value;
      figures.getCell(r, 2).font = font(11);
      figures.getCell(r, 3).font = font(11);
      r++;
    }
    r++;
  }

  const p1 = sheetOf(
    wb,
    'Phụ lục 1',
    c,
    'Phụ lục 1 — Kết quả thực hiện nhiệm vụ',
    [7, 48, 20, 22, 22, 14, 16, 24],
    true,
  );
  const p1Rows: (string | number)[][] = [];
  const bold = new Set<number>();
  for (const a of c.areas) {
    bold.add(p1Rows.length);
    p1Rows.push([a.code, a.title, '', '', '', '', '', '']);
    for (const t of c.tasks.filter((x) => x.areaCode === a.code))
      p1Rows.push([t.code, t.title, t.deliverables, t.lead, t.deadlineText, t.dueInWindow, t.result, t.note]);
  }
  table(p1, APPENDIX1_COLUMNS, p1Rows, bold);

  const p2 = sheetOf(
    wb,
    'Phụ lục 2',
    c,
    'Phụ lục 2 — Kết quả thực hiện chỉ tiêu',
    [7, 56, 24, 18, 18, 16],
    false,
  );
  const groups = new Set<number>();
  const p2Rows = c.targets.map((t, i) => {
    if (t.isGroup) groups.add(i);
    return [t.code, t.text, t.lead, t.valueText, t.stateLabel, t.threshold];
  });
  table(p2, [...APPENDIX2_COLUMNS, 'Chỉ tiêu đặt ra'], p2Rows, groups);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
