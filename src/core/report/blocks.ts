/**
 * The register blocks of a periodic report (dossiers, satisfaction, feedback, documents) and how
 * they print: labelled rows for the .docx table and the .xlsx sheet, percentages with a decimal
 * comma, "chưa có số liệu" for no data.
 */
import type { DossierFigures, FeedbackCounts, TargetThreshold } from '../metrics/index.js';
import { feedbackRates, satisfactionRate } from '../metrics/index.js';
import type { DocumentFigures } from '../documents/figures.js';
import type {
  AreaFigures,
  DocumentBlock,
  DossierBlock,
  FeedbackBlock,
  SatisfactionBlock,
} from './content.js';

export const NO_DATA = 'chưa có số liệu';

/** 93.33 → "93,33%", 100 → "100%"; null → "chưa có số liệu". */
export function formatPercent(value: number | null): string {
  if (value === null) return NO_DATA;
  return `${String(value).replace('.', ',')}%`;
}

export function thresholdText(t: TargetThreshold | null): string {
  if (!t) return '';
  switch (t.kind) {
    case 'percent':
      return `${t.op === '>=' ? '≥' : t.op === '<=' ? '≤' : '='} ${formatPercent(t.value)}`;
    case 'not_lower_than_year':
      return `Không thấp hơn năm ${t.year}`;
    case 'text':
      return t.text;
  }
}

export function dossierBlock(f: DossierFigures): DossierBlock {
  return {
    received: f.received.total,
    online: f.received.online,
    direct: f.received.direct,
    postal: f.received.postal,
    handled: f.handled,
    finishedOnTime: f.finished.early + f.finished.onTime,
    finishedLate: f.finished.late,
    inProgressOnTime: f.inProgress.onTime,
    inProgressLate: f.inProgress.late,
    onTimeRate: f.onTimeRate.value,
    onlineShare: f.onlineShare.value,
    onlinePaymentShare: f.onlinePaymentShare.value,
    digitisation: f.digitisation.value,
  };
}

export function satisfactionBlock(f: DossierFigures): SatisfactionBlock {
  return { ...f.ratings, rate: satisfactionRate(f.ratings).value };
}

export function feedbackBlock(c: FeedbackCounts): FeedbackBlock {
  const rates = feedbackRates(c);
  return {
    received: c.received,
    answered: c.answered,
    answeredOnTime: c.answeredOnTime,
    published: c.published,
    answeredOnTimeRate: rates.answeredOnTime.value,
    publishedRate: rates.published.value,
  };
}

export function documentBlock(f: DocumentFigures): DocumentBlock {
  const c = f.counts;
  return {
    outgoing: c.outgoing,
    incoming: c.incoming,
    confidential: c.outgoingConfidential + c.incomingConfidential,
    electronic: f.electronic.value,
    electronicOutgoing: f.electronicOutgoing.value,
    electronicIncoming: f.electronicIncoming.value,
    signed: f.signed.value,
    officialChannel: f.officialChannel.value,
    incomingWithDeadline: c.withDeadline,
    incomingOnTime: f.incomingOnTime.value,
  };
}

/** "Nhiệm vụ đến hạn trong kỳ: 3; đã hoàn thành: 2 (trong đó trễ hạn: 1); …" — one line per area. */
export function areaSummary(f: AreaFigures): string {
  return (
    `Tổng số nhiệm vụ: ${f.tasks}. Nhiệm vụ đến hạn trong kỳ: ${f.due}; đã hoàn thành: ${f.done} ` +
    `(trong đó trễ hạn: ${f.doneLate}); quá hạn chưa hoàn thành: ${f.overdue}; chưa đến hạn: ${f.notYetDue}; ` +
    `không thực hiện: ${f.notApplicable}.`
  );
}

export interface FigureRow {
  label: string;
  value: string;
}

const n = (v: number) => String(v);

/** The dossier figures as labelled rows (the report's table and the .xlsx sheet). */
export function dossierRows(d: DossierBlock | null): FigureRow[] {
  const rows: [string, (b: DossierBlock) => string][] = [
    ['Số hồ sơ tiếp nhận trong kỳ', (b) => n(b.received)],
    ['Trong đó: trực tuyến', (b) => n(b.online)],
    ['Trong đó: trực tiếp', (b) => n(b.direct)],
    ['Trong đó: qua bưu chính', (b) => n(b.postal)],
    ['Số hồ sơ xử lý trong kỳ', (b) => n(b.handled)],
    ['Đã giải quyết đúng hạn, trước hạn', (b) => n(b.finishedOnTime)],
    ['Đã giải quyết quá hạn', (b) => n(b.finishedLate)],
    ['Đang giải quyết trong hạn', (b) => n(b.inProgressOnTime)],
    ['Đang giải quyết quá hạn', (b) => n(b.inProgressLate)],
    ['Tỷ lệ hồ sơ giải quyết đúng hạn', (b) => formatPercent(b.onTimeRate)],
    ['Tỷ lệ hồ sơ trực tuyến', (b) => formatPercent(b.onlineShare)],
    ['Tỷ lệ thanh toán trực tuyến', (b) => formatPercent(b.onlinePaymentShare)],
    ['Tỷ lệ số hóa hồ sơ', (b) => formatPercent(b.digitisation)],
  ];
  return rows.map(([label, f]) => ({ label, value: d ? f(d) : NO_DATA }));
}

export function satisfactionRows(s: SatisfactionBlock | null): FigureRow[] {
  const rows: [string, (b: SatisfactionBlock) => string][] = [
    ['Số đánh giá "rất hài lòng"', (b) => n(b.verySatisfied)],
    ['Số đánh giá "hài lòng"', (b) => n(b.satisfied)],
    ['Số đánh giá "không hài lòng"', (b) => n(b.notSatisfied)],
    ['Tỷ lệ hài lòng', (b) => formatPercent(b.rate)],
  ];
  return rows.map(([label, f]) => ({ label, value: s ? f(s) : NO_DATA }));
}

export function feedbackRows(fb: FeedbackBlock | null): FigureRow[] {
  const rows: [string, (b: FeedbackBlock) => string][] = [
    ['Số phản ánh, kiến nghị tiếp nhận trong kỳ', (b) => n(b.received)],
    ['Số đã trả lời', (b) => n(b.answered)],
    ['Số trả lời đúng hạn', (b) => n(b.answeredOnTime)],
    ['Số đã công khai kết quả', (b) => n(b.published)],
    ['Tỷ lệ xử lý đúng hạn', (b) => formatPercent(b.answeredOnTimeRate)],
    ['Tỷ lệ công khai kết quả', (b) => formatPercent(b.publishedRate)],
  ];
  return rows.map(([label, f]) => ({ label, value: fb ? f(fb) : NO_DATA }));
}

/** The document register's figures as labelled rows (issue 13). */
export function documentRows(d: DocumentBlock | null | undefined): FigureRow[] {
  const rows: [string, (b: DocumentBlock) => string][] = [
    ['Số văn bản đi trong kỳ', (b) => n(b.outgoing)],
    ['Số văn bản đến trong kỳ', (b) => n(b.incoming)],
    ['Trong đó: văn bản mật (không tính vào các tỷ lệ)', (b) => n(b.confidential)],
    ['Tỷ lệ văn bản trao đổi dưới dạng điện tử', (b) => formatPercent(b.electronic)],
    ['Tỷ lệ văn bản đi dạng điện tử', (b) => formatPercent(b.electronicOutgoing)],
    ['Tỷ lệ văn bản đến dạng điện tử', (b) => formatPercent(b.electronicIncoming)],
    ['Tỷ lệ văn bản đi được ký số', (b) => formatPercent(b.signed)],
    [
      'Tỷ lệ văn bản qua hệ thống quản lý văn bản, thư điện tử công vụ',
      (b) => formatPercent(b.officialChannel),
    ],
    ['Số văn bản đến có hạn xử lý', (b) => n(b.incomingWithDeadline)],
    ['Tỷ lệ văn bản đến được xử lý đúng hạn', (b) => formatPercent(b.incomingOnTime)],
  ];
  return rows.map(([label, f]) => ({ label, value: d ? f(d) : NO_DATA }));
}
