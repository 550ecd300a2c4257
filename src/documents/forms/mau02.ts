/**
 * Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: what the applicant must add or correct,
 * why, and whom to contact. (Domain rule: more than one supplement request makes a dossier late,
 * so each request should list everything missing at once.)
 */
import { decree30Document } from '../decree30.js';
import type { Block } from '../decree30.js';
import { nfc, orBlank } from '../format.js';
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

export interface SupplementItem {
  /** What to add or correct. */
  content: string;
  /** Why (the legal requirement not met). */
  reason?: string;
}

/** The official who guides the applicant. */
export interface SupplementContact {
  name: string;
  position?: string;
  phone?: string;
  email?: string;
}

export interface Mau02Input {
  issuer: FormIssuer;
  number?: string;
  /** Date of the request. */
  issuedAt: DateInput;
  /** The applicant the request is addressed to. */
  addressee: Applicant;
  dossierCode: string;
  procedureName: string;
  /** When the dossier was received, if it was. */
  receivedAt?: DateInput;
  items: readonly SupplementItem[];
  /** A reason that applies to the whole request, printed after the list. */
  reason?: string;
  contact: SupplementContact;
  /** Default: "NGƯỜI HƯỚNG DẪN", the contact's name. */
  signer?: FormSigner;
  layout?: FormLayout;
}

export const MAU02_TITLE = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';

function contactSentence(contact: SupplementContact): string {
  const who = [
    requireText(contact.name, 'contact name'),
    contact.position ? nfc(contact.position) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const email = contact.email ? `, thư điện tử ${nfc(contact.email)}` : '';
  return (
    'Trong quá trình bổ sung, hoàn thiện hồ sơ nếu có vướng mắc, ông/bà/tổ chức liên hệ với ' +
    `${who}, số điện thoại ${orBlank(contact.phone)}${email} để được hướng dẫn.`
  );
}

export async function mau02(input: Mau02Input): Promise<Buffer> {
  requireNonEmpty(input.items, 'item to supplement');
  const a = input.addressee;
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
  if (input.receivedAt !== undefined)
    body.push(field('Thời gian tiếp nhận hồ sơ', dateTime(input.receivedAt)));
  body.push(
    paragraph(
      `Sau khi xem xét hồ sơ, ${officeName(input.issuer)} đề nghị ông/bà/tổ chức bổ sung, ` +
        'hoàn thiện hồ sơ gồm những nội dung sau:',
      { keepWithNext: true },
    ),
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 8, align: 'center' },
        { header: 'Nội dung cần bổ sung, hoàn thiện', width: 50 },
        { header: 'Lý do', width: 42 },
      ],
      rows: input.items.map((item, i) => [
        String(i + 1),
        requireText(item.content, 'item to supplement'),
        orBlank(item.reason),
      ]),
    },
  );
  if (input.reason) body.push(field('Lý do', input.reason));
  body.push(paragraph(contactSentence(input.contact)));

  return decree30Document({
    header: issuerHeader(input.issuer),
    number: input.number,
    placeDate: { place: input.issuer.place, date: input.issuedAt },
    title: MAU02_TITLE,
    body,
    signature: {
      authority: input.signer?.authority,
      title: input.signer?.title ?? 'Người hướng dẫn',
      name: input.signer?.name ?? input.contact.name,
    },
    layout: formLayout(input.layout),
  });
}
