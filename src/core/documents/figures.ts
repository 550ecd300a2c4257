/**
 * Figures of the document register for targets of group 10 of a CCHC plan (issue 13 item 3):
 * the share of documents handled electronically (10.1, confidential documents excluded), the share
 * of outgoing documents digitally signed (10.2), the share sent or received through official
 * e-mail or the e-office system (10.4), and incoming documents handled by their deadline. One
 * definition here; the repository counts the same counters in SQL (`documentCounts` must agree).
 */
import { figure } from '../metrics/figure.js';
import type { Figure } from '../metrics/types.js';
import { OFFICIAL_CHANNELS } from './register.js';
import type { Direction, DocumentChannel, DocumentForm } from './register.js';

/** What the figures read of one register entry. */
export interface DocumentFact {
  direction: Direction;
  /** Outgoing: the document's date; incoming: the day it arrived. 'YYYY-MM-DD'. */
  day: string;
  form: DocumentForm;
  signed: boolean;
  confidential: boolean;
  channel: DocumentChannel;
  /** Incoming: the handling deadline and the day it was handled. */
  dueDate: string | null;
  handledOn: string | null;
  cancelled: boolean;
}

export interface DocumentCounts {
  outgoing: number;
  outgoingConfidential: number;
  outgoingElectronic: number;
  outgoingSigned: number;
  outgoingOfficialChannel: number;
  incoming: number;
  incomingConfidential: number;
  incomingElectronic: number;
  incomingOfficialChannel: number;
  /** Incoming documents with a handling deadline (confidential included). */
  withDeadline: number;
  handledOnTime: number;
  handledLate: number;
  /** Not handled by the period's end and not past the deadline then. */
  openOnTime: number;
  openLate: number;
}

export const DOCUMENT_COUNT_KEYS = [
  'outgoing',
  'outgoingConfidential',
  'outgoingElectronic',
  'outgoingSigned',
  'outgoingOfficialChannel',
  'incoming',
  'incomingConfidential',
  'incomingElectronic',
  'incomingOfficialChannel',
  'withDeadline',
  'handledOnTime',
  'handledLate',
  'openOnTime',
  'openLate',
] as const satisfies readonly (keyof DocumentCounts)[];

export const emptyDocumentCounts = (): DocumentCounts =>
  Object.fromEntries(DOCUMENT_COUNT_KEYS.map((k) => [k, 0])) as unknown as DocumentCounts;

export const DOCUMENT_FIGURE_DEFINITIONS = Object.freeze({
  electronic:
    'Tỷ lệ văn bản trao đổi dưới dạng điện tử = số văn bản đi và đến (trừ văn bản mật) ở dạng điện tử ÷ tổng số văn bản đi và đến (trừ văn bản mật) trong kỳ.',
  electronicOutgoing:
    'Tỷ lệ văn bản đi dạng điện tử = số văn bản đi (trừ văn bản mật) phát hành dạng điện tử ÷ số văn bản đi (trừ văn bản mật) trong kỳ.',
  electronicIncoming:
    'Tỷ lệ văn bản đến dạng điện tử = số văn bản đến (trừ văn bản mật) nhận dạng điện tử ÷ số văn bản đến (trừ văn bản mật) trong kỳ.',
  signed:
    'Tỷ lệ văn bản đi được ký số = số văn bản đi (trừ văn bản mật) có chữ ký số ÷ số văn bản đi (trừ văn bản mật) trong kỳ.',
  officialChannel:
    'Tỷ lệ văn bản gửi, nhận qua hệ thống quản lý văn bản hoặc thư điện tử công vụ = số văn bản đi và đến (trừ văn bản mật) qua các kênh này ÷ tổng số văn bản đi và đến (trừ văn bản mật) trong kỳ.',
  incomingOnTime:
    'Tỷ lệ văn bản đến được xử lý đúng hạn = số văn bản đến có hạn xử lý đã xử lý trong hạn hoặc đang xử lý chưa quá hạn ÷ số văn bản đến có hạn xử lý nhận trong kỳ.',
});

export interface DocumentFigures {
  counts: DocumentCounts;
  electronic: Figure;
  electronicOutgoing: Figure;
  electronicIncoming: Figure;
  signed: Figure;
  officialChannel: Figure;
  incomingOnTime: Figure;
}

/**
 * Adds one entry to the counters of the period [from, to] judged as of `asOf` (the period's end,
 * or today when the period has not ended). Cancelled entries and those outside the period count
 * nowhere.
 */
export function countDocument(
  c: DocumentCounts,
  d: DocumentFact,
  from: string,
  to: string,
  asOf: string,
): void {
  if (d.cancelled || d.day < from || d.day > to) return;
  const open = !d.confidential;
  const electronic = open && d.form === 'electronic';
  const official = open && OFFICIAL_CHANNELS.includes(d.channel);
  if (d.direction === 'outgoing') {
    c.outgoing++;
    if (d.confidential) c.outgoingConfidential++;
    if (electronic) c.outgoingElectronic++;
    if (open && d.signed) c.outgoingSigned++;
    if (official) c.outgoingOfficialChannel++;
    return;
  }
  c.incoming++;
  if (d.confidential) c.incomingConfidential++;
  if (electronic) c.incomingElectronic++;
  if (official) c.incomingOfficialChannel++;
  if (d.dueDate === null) return;
  c.withDeadline++;
  // Handled after `asOf` was still open then.
  if (d.handledOn !== null && d.handledOn <= asOf) {
    if (d.handledOn <= d.dueDate) c.handledOnTime++;
    else c.handledLate++;
  } else if (d.dueDate < asOf) c.openLate++;
  else c.openOnTime++;
}

export function documentFiguresFromCounts(c: DocumentCounts): DocumentFigures {
  const outOpen = c.outgoing - c.outgoingConfidential;
  const inOpen = c.incoming - c.incomingConfidential;
  const D = DOCUMENT_FIGURE_DEFINITIONS;
  return {
    counts: c,
    electronic: figure(c.outgoingElectronic + c.incomingElectronic, outOpen + inOpen, D.electronic),
    electronicOutgoing: figure(c.outgoingElectronic, outOpen, D.electronicOutgoing),
    electronicIncoming: figure(c.incomingElectronic, inOpen, D.electronicIncoming),
    signed: figure(c.outgoingSigned, outOpen, D.signed),
    officialChannel: figure(
      c.outgoingOfficialChannel + c.incomingOfficialChannel,
      outOpen + inOpen,
      D.officialChannel,
    ),
    incomingOnTime: figure(c.handledOnTime + c.openOnTime, c.withDeadline, D.incomingOnTime),
  };
}

/** The figures of a period [from, to] (dates, both included) as of `asOf`. */
export function documentFigures(
  facts: readonly DocumentFact[],
  from: string,
  to: string,
  asOf: string = to,
): DocumentFigures {
  const c = emptyDocumentCounts();
  const at = asOf < to ? asOf : to;
  for (const d of facts) countDocument(c, d, from, to, at);
  return documentFiguresFromCounts(c);
}

/** The figure that measures each document metric (core/metrics binding.ts). */
export const DOCUMENT_METRIC_FIGURE = {
  document_electronic: 'electronic',
  document_signed: 'signed',
  document_official_channel: 'officialChannel',
  document_incoming_on_time: 'incomingOnTime',
} as const satisfies Record<string, keyof Omit<DocumentFigures, 'counts'>>;
export type DocumentMetric = keyof typeof DOCUMENT_METRIC_FIGURE;

export function documentMetricFigure(metric: DocumentMetric, f: DocumentFigures): Figure {
  return f[DOCUMENT_METRIC_FIGURE[metric]];
}
