/**
 * The periodic CCHC report (báo cáo định kỳ) as a .docx in the Decree 30/2020 layout, from a
 * report's content (core/report `ReportContent`): header blocks, number and date, title and
 * subject, a section per area of the plan with its task figures and narrative, the dossier,
 * satisfaction and feedback figures, the targets, "Nơi nhận" and the signature; Phụ lục 1 (task
 * progress) and Phụ lục 2 (target results) as tables.
 */
import {
  NO_DATA,
  areaSummary,
  dossierRows,
  documentRows,
  feedbackRows,
  periodPhrase,
  reportSubject,
  satisfactionRows,
} from '../core/report/index.js';
import type { FigureRow, ReportContent } from '../core/report/index.js';
import { formatViDate } from '../core/calendar/index.js';
import { decree30Document } from './decree30.js';
import type { Block, TableCellValue } from './decree30.js';

const figureTable = (rows: FigureRow[]): Block => ({
  kind: 'table',
  columns: [
    { header: 'STT', width: 1, align: 'center' },
    { header: 'Nội dung', width: 7 },
    { header: 'Số liệu', width: 3, align: 'center' },
  ],
  rows: rows.map((r, i) => [String(i + 1), r.label, r.value]),
});

const para = (text: string): Block => ({ kind: 'paragraph', text });

/** The body paragraphs and tables of the report, in order. */
export function reportBody(c: ReportContent): Block[] {
  const phrase = periodPhrase(c.period.code, c.period.year);
  const planRef = [
    c.plan.number ? `Kế hoạch số ${c.plan.number}` : c.plan.title,
    c.plan.issuedOn ? `ngày ${formatViDate(c.plan.issuedOn)}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const body: Block[] = [
    para(
      `Thực hiện ${planRef} của ${c.unit.name} về cải cách hành chính năm ${c.period.year}, ${c.unit.name} báo cáo ` +
        `kết quả thực hiện công tác cải cách hành chính ${phrase} (số liệu từ ngày ${formatViDate(c.period.cutoffFrom)} ` +
        `đến ngày ${formatViDate(c.period.cutoffTo)}, tổng hợp ngày ${formatViDate(c.asOf)}) như sau:`,
    ),
    { kind: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ' },
  ];
  for (const a of c.areas) {
    body.push({ kind: 'heading', level: 2, text: `${a.code}. ${a.title}` });
    body.push(para(areaSummary(a.figures)));
    for (const p of a.narrative
      .split(/\n+/)
      .map((s) => s.trim())
      .filter(Boolean))
      body.push(para(p));
  }
  body.push(para('Chi tiết tiến độ từng nhiệm vụ tại Phụ lục 1 kèm theo.'));

  const leaves = c.targets.filter((t) => !t.isGroup);
  const met = leaves.filter((t) => t.state === 'met').length;
  body.push({ kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU' });
  body.push(
    para(
      leaves.length === 0
        ? 'Kế hoạch không có chỉ tiêu.'
        : `Số chỉ tiêu: ${leaves.length}; đạt: ${met}; chưa đạt hoặc chưa đánh giá: ${leaves.length - met}. Chi tiết tại Phụ lục 2 kèm theo.`,
    ),
  );

  body.push({ kind: 'heading', text: 'III. SỐ LIỆU GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH' });
  if (!c.dossiers) body.push(para(`Số liệu giải quyết hồ sơ: ${NO_DATA}.`));
  body.push(figureTable(dossierRows(c.dossiers)));

  body.push({ kind: 'heading', text: 'IV. MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC' });
  if (!c.satisfaction) body.push(para(`Số liệu đánh giá sự hài lòng: ${NO_DATA}.`));
  body.push(figureTable(satisfactionRows(c.satisfaction)));

  body.push({ kind: 'heading', text: 'V. TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ' });
  if (!c.feedback) body.push(para(`Số liệu phản ánh, kiến nghị: ${NO_DATA}.`));
  body.push(figureTable(feedbackRows(c.feedback)));

  body.push({ kind: 'heading', text: 'VI. VĂN BẢN ĐIỆN TỬ, CHỮ KÝ SỐ' });
  if (!c.documents) body.push(para(`Số liệu sổ văn bản: ${NO_DATA}.`));
  body.push(figureTable(documentRows(c.documents)));

  body.push({ kind: 'heading', text: 'VII. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG' });
  const general = c.general
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (general.length === 0) body.push(para('(Chưa có nội dung.)'));
  for (const p of general) body.push(para(p));
  body.push(
    para(
      `Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính ${phrase} của ${c.unit.name}./.`,
    ),
  );
  return body;
}

export const APPENDIX1_COLUMNS = [
  'STT',
  'Nhiệm vụ cụ thể',
  'Sản phẩm',
  'Cơ quan chủ trì',
  'Thời gian hoàn thành',
  'Hạn trong kỳ',
  'Kết quả',
  'Ghi chú',
] as const;

export const APPENDIX2_COLUMNS = [
  'STT',
  'Chỉ tiêu',
  'Cơ quan chủ trì, theo dõi',
  'Kết quả đạt được',
  'Đánh giá',
] as const;

/** Phụ lục 1 rows: an area row (bold, spanning) then its tasks. */
export function appendix1Rows(c: ReportContent): TableCellValue[][] {
  const rows: TableCellValue[][] = [];
  for (const a of c.areas) {
    rows.push([
      { content: a.code, bold: true, align: 'center' },
      { content: a.title, bold: true, columnSpan: APPENDIX1_COLUMNS.length - 1 },
    ]);
    for (const t of c.tasks.filter((x) => x.areaCode === a.code))
      rows.push([t.code, t.title, t.deliverables, t.lead, t.deadlineText, t.dueInWindow, t.result, t.note]);
  }
  return rows;
}

export function appendix2Rows(c: ReportContent): TableCellValue[][] {
  return c.targets.map((t) =>
    t.isGroup
      ? [
          { content: t.code, bold: true, align: 'center' },
          { content: t.text, bold: true, columnSpan: 4 },
        ]
      : [t.code, t.threshold ? `${t.text} (${t.threshold})` : t.text, t.lead, t.valueText, t.stateLabel],
  );
}

/** The report as a .docx file. */
export async function reportDocx(c: ReportContent): Promise<Buffer> {
  const upperPhrase = periodPhrase(c.period.code, c.period.year).toLocaleUpperCase('vi-VN');
  const note = `(Kèm theo Báo cáo${c.document.number ? ` số ${c.document.number}` : ''} ngày ${formatViDate(c.document.date)} của ${c.unit.name})`;
  return decree30Document({
    header: { ...(c.unit.superiorName ? { superior: c.unit.superiorName } : {}), unit: c.unit.name },
    number: c.document.number ?? `      /BC-${c.unit.code}`,
    placeDate: { place: c.document.place, date: c.document.date },
    title: 'Báo cáo',
    subtitle: reportSubject(c.period.code, c.period.year),
    body: reportBody(c),
    recipients: c.document.recipients,
    signature: {
      title: c.document.signerTitle,
      ...(c.document.signerName ? { name: c.document.signerName } : {}),
      note: null,
    },
    appendices: [
      {
        title: `Kết quả thực hiện nhiệm vụ cải cách hành chính ${upperPhrase}`,
        note,
        orientation: 'landscape',
        body: [
          {
            kind: 'table',
            fontSize: 11,
            columns: [
              { header: APPENDIX1_COLUMNS[0], width: 0.6, align: 'center' },
              { header: APPENDIX1_COLUMNS[1], width: 4 },
              { header: APPENDIX1_COLUMNS[2], width: 1.6 },
              { header: APPENDIX1_COLUMNS[3], width: 1.8 },
              { header: APPENDIX1_COLUMNS[4], width: 1.8 },
              { header: APPENDIX1_COLUMNS[5], width: 1.4, align: 'center' },
              { header: APPENDIX1_COLUMNS[6], width: 1.4, align: 'center' },
              { header: APPENDIX1_COLUMNS[7], width: 1.6 },
            ],
            rows: appendix1Rows(c),
          },
        ],
      },
      {
        title: `Kết quả thực hiện chỉ tiêu cải cách hành chính ${upperPhrase}`,
        note,
        body:
          c.targets.length === 0
            ? [para('Kế hoạch không có chỉ tiêu.')]
            : [
                {
                  kind: 'table',
                  fontSize: 12,
                  columns: [
                    { header: APPENDIX2_COLUMNS[0], width: 0.7, align: 'center' },
                    { header: APPENDIX2_COLUMNS[1], width: 4.5 },
                    { header: APPENDIX2_COLUMNS[2], width: 2 },
                    { header: APPENDIX2_COLUMNS[3], width: 1.6, align: 'center' },
                    { header: APPENDIX2_COLUMNS[4], width: 1.4, align: 'center' },
                  ],
                  rows: appendix2Rows(c),
                },
              ],
      },
    ],
  });
}
