/**
 * PAR Index outputs (issue 18): the scoring sheet as .xlsx in the layout the criteria set came in
 * (the province's own sheet with columns added for the self score, the appraised score, the
 * reason, the explanation and the evidence list of each leaf), and the self-assessment report as
 * a .docx in the Decree 30/2020 layout.
 */
import ExcelJS from 'exceljs';
import type { Borders } from 'exceljs';
import { fmt } from '../core/par/index.js';
import { formatViDate } from '../core/calendar/index.js';
import { DECREE30_FONT, decree30Document } from './decree30.js';
import type { Block } from './decree30.js';

export interface ParSheetLeaf {
  code: string;
  title: string;
  depth: number;
  isLeaf: boolean;
  max: number | null;
  /** Row of the node in the original sheet. */
  row: number | null;
  selfScore: number | null;
  notApplicable: boolean;
  appraisedScore: number | null;
  appraisalReason: string | null;
  explanation: string | null;
  note: string | null;
  figureText: string | null;
  evidence: string[];
  selfSubtotal: number | null;
  appraisedSubtotal: number | null;
}

export interface ParSheetData {
  unitName: string;
  superiorName: string | null;
  year: number;
  setName: string;
  statusLabel: string;
  nodes: ParSheetLeaf[];
  selfTotal: number;
  reducedMax: number;
  selfIndex: number | null;
  appraisedTotal: number | null;
  finalIndex: number | null;
  /** The province's original sheet and where its header row and last column are. */
  original: { bytes: Uint8Array; headerRow: number } | null;
}

/** Added columns, in this order, right of the original table. */
export const PAR_XLSX_COLUMNS = [
  'Điểm tự chấm',
  'Điểm thẩm định',
  'Lý do điều chỉnh',
  'Giải trình của đơn vị',
  'Tài liệu kiểm chứng đã nộp',
  'Ghi chú, số liệu',
] as const;

const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

const scoreText = (n: ParSheetLeaf, v: number | null) =>
  n.notApplicable ? 'Không áp dụng' : v === null ? '' : v;

export async function parScoringXlsx(d: ParSheetData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet;
  let headerRow: number;
  let first: number;
  const rowOf = new Map<ParSheetLeaf, number>();
  if (d.original) {
    await wb.xlsx.load(Buffer.from(d.original.bytes) as unknown as ExcelJS.Buffer);
    sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0)!;
    headerRow = d.original.headerRow;
    first = sheet.getRow(headerRow).cellCount + 1;
    for (const n of d.nodes) if (n.row !== null) rowOf.set(n, n.row);
  } else {
    sheet = wb.addWorksheet('Chấm điểm');
    sheet.getRow(1).values = [
      `BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${d.year}: ${d.unitName.toUpperCase()}`,
    ];
    headerRow = 3;
    sheet.getRow(headerRow).values = ['STT', 'Lĩnh vực, tiêu chí, tiêu chí thành phần', 'Điểm tối đa'];
    d.nodes.forEach((n, i) => {
      const r = headerRow + 1 + i;
      sheet.getRow(r).values = [n.code, n.title, n.max ?? ''];
      rowOf.set(n, r);
    });
    first = 4;
  }
  PAR_XLSX_COLUMNS.forEach((h, i) => {
    const cell = sheet.getRow(headerRow).getCell(first + i);
    cell.value = h;
    cell.font = { name: DECREE30_FONT, size: 12, bold: true };
    cell.border = THIN;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    sheet.getColumn(first + i).width = i < 2 ? 12 : 30;
  });
  let last = headerRow;
  for (const n of d.nodes) {
    const r = rowOf.get(n);
    if (r === undefined) continue;
    last = Math.max(last, r);
    const values = n.isLeaf
      ? [
          scoreText(n, n.selfScore),
          scoreText(n, n.appraisedScore),
          n.appraisalReason ?? '',
          n.explanation ?? '',
          n.evidence.join('\n'),
          [n.note, n.figureText].filter(Boolean).join('\n'),
        ]
      : [n.selfSubtotal ?? '', n.appraisedSubtotal ?? '', '', '', '', ''];
    values.forEach((v, i) => {
      const cell = sheet.getRow(r).getCell(first + i);
      cell.value = v;
      cell.font = { name: DECREE30_FONT, size: 12, bold: !n.isLeaf };
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const totalRow = sheet.getRow(last + 2);
  totalRow.getCell(first - 1).value = 'Tổng điểm';
  totalRow.getCell(first).value = d.selfTotal;
  totalRow.getCell(first + 1).value = d.appraisedTotal ?? '';
  totalRow.getCell(first + 2).value = `Điểm tối đa sau khi trừ tiêu chí không áp dụng: ${fmt(d.reducedMax)}`;
  const indexRow = sheet.getRow(last + 3);
  indexRow.getCell(first - 1).value = 'Chỉ số (thang 100)';
  indexRow.getCell(first).value = d.selfIndex ?? '';
  indexRow.getCell(first + 1).value = d.finalIndex ?? '';
  for (const row of [totalRow, indexRow])
    row.eachCell((c) => {
      c.font = { name: DECREE30_FONT, size: 12, bold: true };
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const scoreCell = (n: ParSheetLeaf, v: number | null) => (n.notApplicable ? 'KAD' : v === null ? '' : fmt(v));

/** The self-assessment report (báo cáo tự đánh giá) in the Decree 30 layout, with the scoring table as an appendix. */
export async function parReportDocx(d: ParSheetData & { place: string; date: string }): Promise<Buffer> {
  const fields = d.nodes.filter((n) => n.depth === 1);
  const lacking = d.nodes.filter(
    (n) => n.isLeaf && !n.notApplicable && n.selfScore !== null && n.max !== null && n.selfScore < n.max,
  );
  const na = d.nodes.filter((n) => n.isLeaf && n.notApplicable);
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện bộ tiêu chí "${d.setName}", ${d.unitName} báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${d.year} như sau:`,
    },
    { kind: 'heading', text: 'I. KẾT QUẢ TỰ ĐÁNH GIÁ' },
    {
      kind: 'paragraph',
      text: `Tổng điểm tự đánh giá: ${fmt(d.selfTotal)}/${fmt(d.reducedMax)} điểm${
        na.length ? ` (điểm tối đa đã trừ ${na.length} tiêu chí không áp dụng)` : ''
      }; Chỉ số quy về thang 100: ${d.selfIndex === null ? 'chưa có' : fmt(d.selfIndex)}.`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 1, align: 'center' },
        { header: 'Lĩnh vực', width: 7 },
        { header: 'Điểm tối đa', width: 2, align: 'center' },
        { header: 'Điểm tự chấm', width: 2, align: 'center' },
      ],
      rows: fields.map((f) => [
        f.code,
        f.title,
        f.max === null ? '' : fmt(f.max),
        f.selfSubtotal === null ? '' : fmt(f.selfSubtotal),
      ]),
    },
    { kind: 'heading', text: 'II. TỒN TẠI, HẠN CHẾ' },
    ...(lacking.length
      ? lacking.map((n): Block => ({
          kind: 'paragraph',
          text: `- ${n.code} ${n.title}: đạt ${fmt(n.selfScore!)}/${fmt(n.max!)} điểm${n.note ? ` (${n.note})` : ''}.`,
        }))
      : [{ kind: 'paragraph', text: 'Các tiêu chí đều đạt điểm tối đa.' } as Block]),
    ...(na.length
      ? [
          { kind: 'heading', text: 'III. TIÊU CHÍ KHÔNG ÁP DỤNG' } as Block,
          ...na.map((n): Block => ({
            kind: 'paragraph',
            text: `- ${n.code} ${n.title}${n.note ? `: ${n.note}` : ''}.`,
          })),
        ]
      : []),
    { kind: 'heading', text: `${na.length ? 'IV' : 'III'}. KIẾN NGHỊ, ĐỀ XUẤT` },
    { kind: 'paragraph', text: 'Đề nghị cấp trên xem xét, thẩm định kết quả tự đánh giá của đơn vị.' },
  ];
  return decree30Document({
    header: { ...(d.superiorName ? { superior: d.superiorName } : {}), unit: d.unitName },
    placeDate: { place: d.place, date: d.date },
    title: 'Báo cáo',
    subtitle: `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${d.year}`,
    body,
    recipients: ['Như trên;', 'Lưu: VT.'],
    signature: { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: null },
    appendices: [
      {
        title: `Bảng tự chấm điểm Chỉ số cải cách hành chính năm ${d.year}`,
        note: `(Kèm theo Báo cáo ngày ${formatViDate(d.date)} của ${d.unitName})`,
        orientation: 'landscape',
        body: [
          {
            kind: 'table',
            fontSize: 11,
            columns: [
              { header: 'STT', width: 0.8, align: 'center' },
              { header: 'Tiêu chí', width: 6 },
              { header: 'Điểm tối đa', width: 1.2, align: 'center' },
              { header: 'Tự chấm', width: 1.2, align: 'center' },
              { header: 'Tài liệu kiểm chứng', width: 4 },
              { header: 'Giải trình, ghi chú', width: 3 },
            ],
            rows: d.nodes.map((n) => [
              n.code,
              n.title,
              n.max === null ? '' : fmt(n.max),
              n.isLeaf ? scoreCell(n, n.selfScore) : n.selfSubtotal === null ? '' : fmt(n.selfSubtotal),
              n.evidence.join('; '),
              [n.note, n.figureText].filter(Boolean).join('; '),
            ]),
          },
        ],
      },
    ],
  });
}
