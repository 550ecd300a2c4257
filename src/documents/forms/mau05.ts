/**
 * Mẫu 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ: travels with the dossier; every hand-over
 * between offices is a line with its time, both people's signatures and whether that step was
 * early, on time or late.
 */
import { decree30Document } from '../decree30.js';
import type { Block, TableCellValue } from '../decree30.js';
import { BLANK, formatDateTime, nfc, orBlank, toVietnamDateTime } from '../format.js';
import type { DateInput } from '../format.js';
import {
  dateTime,
  dossierCodeLine,
  field,
  instantOf,
  formLayout,
  issuerHeader,
  requireText,
} from './common.js';
import type { FormIssuer, FormLayout } from './common.js';

export type HandoverResult = 'early' | 'on_time' | 'late';

export const HANDOVER_RESULT_LABELS: Record<HandoverResult, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

export interface Handover {
  /** Bên giao (the office handing the dossier over), e.g. 'Bộ phận tiếp nhận và trả kết quả'. */
  from: string;
  /** Bên nhận. */
  to: string;
  /** When the dossier changed hands; missing: blank, to be filled in by hand. */
  at?: DateInput;
  /** Người giao, người nhận (they sign beside their names). */
  giver?: string;
  receiver?: string;
  /** The step's result; when absent it is worked out from `at` and `dueAt`. */
  result?: HandoverResult;
  /** The step's own deadline. */
  dueAt?: DateInput;
  note?: string;
}

export interface Mau05Input {
  issuer: FormIssuer;
  dossierCode: string;
  applicantName: string;
  procedureName: string;
  receivedAt: DateInput;
  appointmentAt: DateInput;
  /** Cơ quan (bộ phận) chủ trì giải quyết. */
  leadBody?: string;
  /** Cơ quan phối hợp giải quyết. */
  coordinatingBodies?: readonly string[];
  handovers: readonly Handover[];
  /** Empty lines added after the hand-overs, to be filled in by hand; default 0. */
  blankRows?: number;
  layout?: FormLayout;
}

export const MAU05_TITLE = 'Phiếu kiểm soát quá trình giải quyết hồ sơ';
export const MAU05_COLUMNS = [
  'Tên cơ quan/bộ phận',
  'Thời gian giao, nhận hồ sơ',
  'Kết quả giải quyết hồ sơ (Trước hạn/đúng hạn/quá hạn)',
  'Ghi chú',
] as const;

function dayKey(value: DateInput): number {
  const { year, month, day } = toVietnamDateTime(value);
  return Date.UTC(year, month - 1, day);
}

/**
 * A step's result from when it was done and its deadline: late when done after the deadline,
 * early when done on an earlier day than the deadline's, otherwise on time (the rule the domain
 * uses for whole dossiers: "early = before the appointment date"; check).
 */
export function handoverResult(at: DateInput, dueAt: DateInput): HandoverResult {
  if (instantOf(at) > instantOf(dueAt)) return 'late';
  return dayKey(at) < dayKey(dueAt) ? 'early' : 'on_time';
}

function handoverRow(h: Handover): TableCellValue[] {
  const result =
    h.result ?? (h.at !== undefined && h.dueAt !== undefined ? handoverResult(h.at, h.dueAt) : undefined);
  return [
    `1. Giao: ${requireText(h.from, 'hand-over sender')}\n2. Nhận: ${requireText(h.to, 'hand-over receiver')}`,
    `${h.at === undefined ? `… giờ … phút, ngày … tháng … năm …` : formatDateTime(h.at)}\n` +
      `Người giao: ${orBlank(h.giver)}\nNgười nhận: ${orBlank(h.receiver)}`,
    { content: result ? HANDOVER_RESULT_LABELS[result] : '', align: 'center' },
    h.note ? nfc(h.note) : '',
  ];
}

export async function mau05(input: Mau05Input): Promise<Buffer> {
  const blankRows = input.blankRows ?? 0;
  if (!Number.isInteger(blankRows) || blankRows < 0) throw new RangeError(`Invalid blankRows: ${blankRows}`);
  const rows: TableCellValue[][] = input.handovers.map(handoverRow);
  for (let i = 0; i < blankRows; i++) {
    rows.push([
      `1. Giao: ${BLANK}\n2. Nhận: ${BLANK}`,
      `… giờ … phút, ngày … tháng … năm …\nNgười giao:\nNgười nhận:`,
      '',
      '',
    ]);
  }
  if (rows.length === 0) throw new RangeError('Mẫu 05 needs at least one hand-over or blank row');

  const body: Block[] = [
    dossierCodeLine(input.dossierCode),
    field('Kèm theo hồ sơ của', requireText(input.applicantName, 'applicant name'), true),
    field('Nội dung yêu cầu giải quyết', requireText(input.procedureName, 'procedure name')),
    field('Thời gian nhận hồ sơ', dateTime(input.receivedAt)),
    field('Thời gian hẹn trả kết quả', dateTime(input.appointmentAt)),
    field('Cơ quan (bộ phận) chủ trì giải quyết', input.leadBody),
    field(
      'Cơ quan phối hợp giải quyết',
      input.coordinatingBodies && input.coordinatingBodies.length > 0
        ? input.coordinatingBodies.map(nfc).join('; ')
        : undefined,
    ),
    {
      kind: 'table',
      fontSize: 12,
      columns: [
        { header: MAU05_COLUMNS[0], width: 30 },
        { header: MAU05_COLUMNS[1], width: 36 },
        { header: MAU05_COLUMNS[2], width: 18, align: 'center' },
        { header: MAU05_COLUMNS[3], width: 16 },
      ],
      rows,
    },
  ];

  return decree30Document({
    header: issuerHeader(input.issuer),
    placeDate: { place: input.issuer.place, date: input.receivedAt },
    title: MAU05_TITLE,
    body,
    layout: formLayout(input.layout),
  });
}
