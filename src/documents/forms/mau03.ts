/**
 * Mẫu 03 — Phiếu từ chối tiếp nhận, giải quyết hồ sơ: tells the applicant, with reasons, that the
 * dossier is not received or not resolved.
 */
import { decree30Document } from '../decree30.js';
import type { Block } from '../decree30.js';
import type { DateInput } from '../format.js';
import {
  dateTime,
  dossierCodeLine,
  field,
  fields,
  formLayout,
  issuerHeader,
  officeName,
  paragraph,
  requireNonEmpty,
  requireText,
} from './common.js';
import type { Applicant, FormIssuer, FormLayout, FormSigner } from './common.js';

export interface Mau03Input {
  issuer: FormIssuer;
  number?: string;
  /** Date of the notice. */
  issuedAt: DateInput;
  addressee: Applicant;
  dossierCode: string;
  procedureName: string;
  /** When the dossier was submitted, if it was. */
  receivedAt?: DateInput;
  reasons: readonly string[];
  /** Default title "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  signer: FormSigner;
  layout?: FormLayout;
}

export const MAU03_TITLE = 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ';

export async function mau03(input: Mau03Input): Promise<Buffer> {
  requireNonEmpty(input.reasons, 'reason for refusal');
  const a = input.addressee;
  const office = officeName(input.issuer);
  const body: Block[] = [
    dossierCodeLine(input.dossierCode),
    field('Kính gửi', requireText(a.name, 'addressee name'), true),
    field('Địa chỉ', a.address),
    fields([
      ['Số điện thoại', a.phone],
      ['Email', a.email],
    ]),
    field('Nội dung yêu cầu giải quyết', requireText(input.procedureName, 'procedure name')),
  ];
  if (input.receivedAt !== undefined) body.push(field('Thời gian nộp hồ sơ', dateTime(input.receivedAt)));
  body.push(
    paragraph(
      `Qua xem xét, ${office} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
      { keepWithNext: true },
    ),
    ...input.reasons.map((reason, i) => paragraph(`${i + 1}. ${requireText(reason, 'reason for refusal')}`)),
    paragraph('Xin thông báo để ông/bà/tổ chức được biết và thực hiện./.'),
  );

  return decree30Document({
    header: issuerHeader(input.issuer),
    number: input.number,
    placeDate: { place: input.issuer.place, date: input.issuedAt },
    title: MAU03_TITLE,
    body,
    signature: {
      authority: input.signer.authority,
      title: input.signer.title ?? 'Người tiếp nhận hồ sơ',
      name: input.signer.name,
    },
    layout: formLayout(input.layout),
  });
}
