/**
 * Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (receipt and appointment), handed to the
 * applicant when a complete dossier is received. Fields as in Circular 01/2018/TT-VPCP, kept by
 * Circular 03/2025/TT-VPCP; a QR code links to the public status page of the dossier.
 */
import QRCode from 'qrcode';
import { decree30Document } from '../decree30.js';
import type { Block, TableCellValue } from '../decree30.js';
import { nfc, orBlank, twoDigits } from '../format.js';
import type { DateInput } from '../format.js';
import {
  dateTime,
  dossierCodeLine,
  field,
  fields,
  instantOf,
  formLayout,
  issuerHeader,
  officeName,
  paragraph,
  requireNonEmpty,
  requireText,
} from './common.js';
import type { Applicant, FormIssuer, FormLayout } from './common.js';

export type DocumentCopyKind = 'original' | 'copy' | 'certified_copy' | 'electronic';

export const DOCUMENT_COPY_KIND_LABELS: Record<DocumentCopyKind, string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao có chứng thực',
  electronic: 'Bản điện tử',
};

/** One document (thành phần hồ sơ) received. */
export interface ReceivedDocument {
  name: string;
  /** Số lượng (bản); default 1. */
  copies?: number;
  /** Bản chính / bản sao…; default 'original'. */
  kind?: DocumentCopyKind;
}

export interface Mau01Input {
  issuer: FormIssuer;
  /** Số, ký hiệu of the receipt, if the unit numbers them. */
  number?: string;
  dossierCode: string;
  applicant: Applicant;
  /** Nội dung yêu cầu giải quyết: the procedure's name. */
  procedureName: string;
  documents: readonly ReceivedDocument[];
  /** Số lượng hồ sơ (bộ); default 1. */
  dossierSets?: number;
  /** Thời gian giải quyết theo quy định: free text ("05 ngày làm việc") or a number of working days. */
  timeLimit: string | number;
  receivedAt: DateInput;
  /** Thời gian trả kết quả (the appointment). */
  appointmentAt: DateInput;
  /** Đăng ký nhận kết quả tại: where (or how) the result is returned. */
  resultReturnPlace: string;
  /** Vào Sổ theo dõi hồ sơ: register book and entry number. */
  register: { book: string | number; entry: string | number };
  /**
   * Public page where the applicant follows the dossier, encoded in the QR code. It must carry no
   * personal data (Personal Data Protection Law): a dossier code or an opaque token only.
   */
  lookupUrl: string;
  /** Người nộp hồ sơ, when not the applicant (an authorised person); default the applicant's name. */
  submitterName?: string;
  /** Người tiếp nhận hồ sơ. */
  receiverName?: string;
  layout?: FormLayout;
}

export const MAU01_TITLE = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả';
export const MAU01_QR_CAPTION = 'Quét mã để tra cứu tình trạng hồ sơ';
/** Printed size of the QR code: large enough for any phone camera at reading distance. */
const QR_SIZE_MM = 25;

export function formatTimeLimit(limit: string | number): string {
  if (typeof limit === 'number') {
    if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`Invalid time limit: ${limit}`);
    return `${twoDigits(limit)} ngày làm việc`;
  }
  return requireText(limit, 'time limit');
}

function checkLookupUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`Invalid lookup URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new RangeError(`The lookup URL must be http(s): ${url}`);
  }
  return parsed.href;
}

/** PNG of the QR code for the lookup URL. */
export async function lookupQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(checkLookupUrl(url), {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 320,
  });
}

function documentRows(documents: readonly ReceivedDocument[]): TableCellValue[][] {
  return documents.map((doc, i) => {
    const copies = doc.copies ?? 1;
    if (!Number.isInteger(copies) || copies <= 0) throw new RangeError(`Invalid number of copies: ${copies}`);
    return [
      String(i + 1),
      requireText(doc.name, 'document name'),
      DOCUMENT_COPY_KIND_LABELS[doc.kind ?? 'original'],
      twoDigits(copies),
    ];
  });
}

export async function mau01(input: Mau01Input): Promise<Buffer> {
  requireNonEmpty(input.documents, 'received document');
  if (instantOf(input.appointmentAt) < instantOf(input.receivedAt)) {
    throw new RangeError('The appointment cannot be before the time the dossier was received');
  }
  const qr = await lookupQrPng(input.lookupUrl);
  const a = input.applicant;
  const sets = input.dossierSets ?? 1;
  if (!Number.isInteger(sets) || sets <= 0) throw new RangeError(`Invalid number of dossier sets: ${sets}`);

  const body: Block[] = [
    dossierCodeLine(input.dossierCode),
    paragraph(officeName(input.issuer), { indent: false }),
    field('Tiếp nhận hồ sơ của', requireText(a.name, 'applicant name'), true),
    field('Số định danh cá nhân/mã định danh tổ chức', a.idNumber),
    field('Địa chỉ', a.address),
    fields([
      ['Số điện thoại', a.phone],
      ['Email', a.email],
    ]),
    field('Nội dung yêu cầu giải quyết', requireText(input.procedureName, 'procedure name')),
    paragraph('1. Thành phần hồ sơ nộp gồm:', { indent: false, keepWithNext: true }),
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 8, align: 'center' },
        { header: 'Tên giấy tờ', width: 56 },
        { header: 'Bản chính/bản sao', width: 22, align: 'center' },
        { header: 'Số lượng', width: 14, align: 'center' },
      ],
      rows: documentRows(input.documents),
    },
    field('2. Số lượng hồ sơ', `${twoDigits(sets)} (bộ)`),
    field('3. Thời gian giải quyết hồ sơ theo quy định', formatTimeLimit(input.timeLimit)),
    field('4. Thời gian nhận hồ sơ', dateTime(input.receivedAt)),
    field('5. Thời gian trả kết quả giải quyết hồ sơ', dateTime(input.appointmentAt), true),
    field('6. Đăng ký nhận kết quả tại', requireText(input.resultReturnPlace, 'result return place')),
    paragraph(
      `Vào Sổ theo dõi hồ sơ, Quyển số ${orBlank(input.register.book)}, Số thứ tự ${orBlank(input.register.entry)}`,
      { indent: false, italic: true },
    ),
    {
      // The QR code sits bottom left, beside the two signatures, so the receipt keeps to one page.
      kind: 'columns',
      columns: [
        {
          width: 26,
          blocks: [
            {
              kind: 'image',
              type: 'png',
              data: qr,
              widthMm: QR_SIZE_MM,
              heightMm: QR_SIZE_MM,
              caption: MAU01_QR_CAPTION,
              altText: `Mã QR tra cứu hồ sơ ${nfc(input.dossierCode)}`,
            },
          ],
        },
        {
          width: 37,
          blocks: [
            {
              kind: 'signature',
              signature: { title: 'Người nộp hồ sơ', name: nfc(input.submitterName ?? a.name) },
            },
          ],
        },
        {
          width: 37,
          blocks: [
            { kind: 'signature', signature: { title: 'Người tiếp nhận hồ sơ', name: input.receiverName } },
          ],
        },
      ],
    },
  ];

  return decree30Document({
    header: issuerHeader(input.issuer),
    number: input.number,
    placeDate: { place: input.issuer.place, date: input.receivedAt },
    title: MAU01_TITLE,
    body,
    layout: formLayout(input.layout),
  });
}
