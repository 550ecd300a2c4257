/**
 * Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả: when a dossier will be late, the head of
 * the unit apologises, gives the reason and a new return date. It is sent before the original
 * appointment passes (checking that is the caller's business: a reprint later is legitimate).
 */
import { decree30Document } from '../decree30.js';
import type { Block } from '../decree30.js';
import { formatDateTime, formatLongDate, nfc } from '../format.js';
import type { DateInput } from '../format.js';
import {
  dossierCodeLine,
  field,
  instantOf,
  formLayout,
  issuerHeader,
  paragraph,
  requireText,
} from './common.js';
import type { Applicant, FormIssuer, FormLayout, FormSigner } from './common.js';

export interface Mau04Input {
  issuer: FormIssuer;
  number?: string;
  /** Date of the letter. */
  issuedAt: DateInput;
  addressee: Applicant;
  dossierCode: string;
  procedureName: string;
  receivedAt: DateInput;
  /** The appointment written on the receipt (Mẫu 01). */
  originalAppointmentAt: DateInput;
  /** Why the result is late. */
  delayReason: string;
  /** The apology; default the standard sentence of the form. */
  apology?: string;
  /** The new return date (after the original appointment). */
  newAppointmentAt: DateInput;
  /** Default title "THỦ TRƯỞNG CƠ QUAN". */
  signer: FormSigner;
  /** Default ['Như trên;', 'Lưu: VT.']. */
  recipients?: readonly string[];
  layout?: FormLayout;
}

export const MAU04_TITLE = 'Phiếu xin lỗi và hẹn lại ngày trả kết quả';

export function defaultApology(unitName: string): string {
  return (
    'Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của ông/bà/tổ chức. ' +
    `${nfc(unitName)} trân trọng xin lỗi ông/bà/tổ chức và sẽ trả kết quả giải quyết hồ sơ vào thời gian hẹn lại dưới đây.`
  );
}

export async function mau04(input: Mau04Input): Promise<Buffer> {
  if (instantOf(input.newAppointmentAt) <= instantOf(input.originalAppointmentAt)) {
    throw new RangeError('The new return date must be after the original appointment');
  }
  const unit = nfc(input.issuer.name);
  const applicant = requireText(input.addressee.name, 'addressee name');
  const body: Block[] = [
    dossierCodeLine(input.dossierCode),
    field('Kính gửi', applicant, true),
    paragraph(
      `Ngày ${formatLongDate(input.receivedAt).replace(/^ngày /, '')}, ${unit} tiếp nhận hồ sơ của ${applicant} ` +
        `đề nghị giải quyết thủ tục hành chính “${requireText(input.procedureName, 'procedure name')}”, ` +
        `mã hồ sơ ${nfc(input.dossierCode)}.`,
    ),
    paragraph(
      'Thời hạn trả kết quả giải quyết hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả: ' +
        `${formatDateTime(input.originalAppointmentAt)}.`,
    ),
    paragraph(
      `Tuy nhiên đến nay, ${unit} chưa trả kết quả giải quyết hồ sơ đúng thời hạn nêu trên, lý do: ` +
        `${requireText(input.delayReason, 'delay reason').replace(/\.$/, '')}.`,
    ),
    paragraph(input.apology === undefined ? defaultApology(unit) : requireText(input.apology, 'apology')),
    paragraph([
      { text: 'Thời gian hẹn trả kết quả mới: ' },
      { text: `${formatDateTime(input.newAppointmentAt)}.`, bold: true },
    ]),
    paragraph('Xin trân trọng cảm ơn./.'),
  ];

  return decree30Document({
    header: issuerHeader(input.issuer),
    number: input.number,
    placeDate: { place: input.issuer.place, date: input.issuedAt },
    title: MAU04_TITLE,
    body,
    recipients: input.recipients ?? ['Như trên;', 'Lưu: VT.'],
    signature: {
      authority: input.signer.authority,
      title: input.signer.title ?? 'Thủ trưởng cơ quan',
      name: input.signer.name,
    },
    layout: formLayout(input.layout),
  });
}
