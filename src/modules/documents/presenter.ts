import { BOOK_LABELS, documentTypeName } from '../../core/documents/index.js';
import type { Book } from '../../core/documents/index.js';
import { addDays } from '../../core/calendar/index.js';
import { SIGNATURE_STATUS_LABELS } from '../../core/pdf-signature/index.js';
import type { SignatureStatus, SignatureVerdict } from '../../core/pdf-signature/index.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { TrustedRootRow } from '../../db/tables.js';
import type { DocumentWithUnit } from './repository.js';
import type { DocumentOut } from './schema.js';

/** What a confidential entry shows to readers outside its unit's handlers. */
export const CONFIDENTIAL_SUMMARY = '[Văn bản mật: nội dung chỉ văn thư, cán bộ của đơn vị được xem]';

/** An incoming document's standing against its deadline on `today`; null without a deadline. */
export function documentDueState(
  d: { direction: string; due_date: string | null; handled_on: string | null },
  today: string,
): DocumentOut['dueState'] {
  if (d.direction !== 'incoming' || d.due_date === null) return null;
  if (d.handled_on !== null) return d.handled_on <= d.due_date ? 'handled_on_time' : 'handled_late';
  if (d.due_date < today) return 'late';
  return d.due_date <= addDays(today, 2) ? 'due_soon' : 'on_time';
}

export function presentDocument(actor: Actor, d: DocumentWithUnit, today: string): DocumentOut {
  const manage = policy.manageDocuments(actor, d.unit_id);
  const hidden = d.confidential === 1 && !manage;
  const active = d.status === 'active';
  const sig = d.sig_status as SignatureStatus | 'unsigned' | null;
  return {
    id: d.id,
    unit: { id: d.unit_id, code: d.unit_code, name: d.unit_name },
    direction: d.direction as DocumentOut['direction'],
    book: d.book as Book,
    bookLabel: BOOK_LABELS[d.book as Book] ?? d.book,
    year: d.year,
    number: d.number,
    numberText: d.number_text,
    docType: d.doc_type,
    docTypeName: documentTypeName(d.doc_type),
    documentDate: d.document_date,
    receivedOn: d.received_on,
    summary: hidden ? CONFIDENTIAL_SUMMARY : d.summary,
    sender: d.sender,
    recipients: hidden ? null : d.recipients,
    handlingUnit: d.handling_unit,
    dueDate: d.due_date,
    handledOn: d.handled_on,
    dueState: documentDueState(d, today),
    form: d.form as DocumentOut['form'],
    signed: d.signed === 1,
    signer: d.signer,
    confidential: d.confidential === 1,
    channel: d.channel as DocumentOut['channel'],
    file:
      d.file_blob_id !== null && !hidden
        ? { name: d.file_name ?? '', mime: d.file_mime ?? '', size: d.file_size ?? 0 }
        : null,
    signatureStatus: sig,
    signatureStatusLabel: sig ? SIGNATURE_STATUS_LABELS[sig] : null,
    source: d.source === 'import' ? 'import' : 'manual',
    status: active ? 'active' : 'cancelled',
    cancelReason: d.cancel_reason,
    cancelledAt: d.cancelled_at,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    actions: {
      edit: manage && active,
      cancel: manage && active,
      attach: manage && active,
      recheck: manage && active && d.file_mime === 'application/pdf',
      download: d.file_blob_id !== null && !hidden,
    },
  };
}

/** A stored verdict as the API shows it. */
export function presentVerification(
  status: SignatureStatus | 'unsigned',
  signatures: SignatureVerdict[],
  checkedAt: string,
  rootsChangedSince: boolean,
  trustedRoots: number,
) {
  return {
    status,
    statusLabel: SIGNATURE_STATUS_LABELS[status],
    signatures: signatures.map((s) => ({ ...s, statusLabel: SIGNATURE_STATUS_LABELS[s.status] })),
    checkedAt,
    rootsChangedSince,
    trustedRoots,
  };
}

export function presentTrustedRoot(r: TrustedRootRow) {
  return {
    id: r.id,
    fingerprint: r.fingerprint,
    subject: r.subject,
    notBefore: r.not_before,
    notAfter: r.not_after,
    addedAt: r.added_at,
    removedAt: r.removed_at,
  };
}
