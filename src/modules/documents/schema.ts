import { z } from 'zod';
import { FigureOut } from '../../http/contract.js';
import { BOOKS, CHANNELS, DIRECTIONS, DOCUMENT_TYPE_CODES, FORMS } from '../../core/documents/index.js';
import { SIGNATURE_STATUS_ORDER } from '../../core/pdf-signature/index.js';
import { DOCUMENT_LIMITS as L } from '../../shared/documents.js';

const day = z.iso.date({ error: 'Ngày phải có dạng yyyy-MM-dd.' });
const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} không quá ${max} ký tự.` });

export const DocumentQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  /** '1': the unit and every unit below it. */
  subtree: z.enum(['0', '1']).optional(),
  direction: z.enum(DIRECTIONS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['active', 'cancelled']).optional(),
  q: z.string().trim().max(L.search).optional(),
  /** Incoming documents not handled and due within this many days (or late). */
  dueWithinDays: z.coerce.number().int().min(0).max(365).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;

/** Registering a document. Outgoing ones get their number from the register. */
export const RegisterBody = z
  .object({
    unitId: z.number().int().positive().optional(),
    direction: z.enum(DIRECTIONS),
    docType: z.enum(DOCUMENT_TYPE_CODES),
    /** The document's date; outgoing: defaults to today. */
    documentDate: day.optional(),
    summary: text(L.summary, 'Trích yếu').min(3, { error: 'Hãy ghi trích yếu nội dung văn bản.' }),
    /** Outgoing: the symbol after the type ("MNTT", "MNTT-VP"); defaults to the unit's code. */
    issuer: text(L.issuer, 'Ký hiệu cơ quan').min(1).optional(),
    recipients: text(L.recipients, 'Nơi nhận').optional(),
    /** Incoming: the number and symbol printed by the sender. */
    numberText: text(L.numberText, 'Số, ký hiệu').optional(),
    sender: text(L.sender, 'Nơi gửi').optional(),
    /** Incoming: the day it arrived; defaults to today. */
    receivedOn: day.optional(),
    handlingUnit: text(L.handlingUnit, 'Đơn vị xử lý').optional(),
    dueDate: day.nullable().optional(),
    handledOn: day.nullable().optional(),
    form: z.enum(FORMS),
    signed: z.boolean().optional(),
    signer: text(L.signer, 'Người ký').optional(),
    confidential: z.boolean().optional(),
    channel: z.enum(CHANNELS),
  })
  .meta({ id: 'DocumentRegisterBody' });
export type RegisterBody = z.infer<typeof RegisterBody>;

/** What may change after registration (never the number, book, year, type or direction). */
export const PatchBody = z.object({
  summary: text(L.summary, 'Trích yếu').min(3).optional(),
  recipients: text(L.recipients, 'Nơi nhận').nullable().optional(),
  sender: text(L.sender, 'Nơi gửi').nullable().optional(),
  handlingUnit: text(L.handlingUnit, 'Đơn vị xử lý').nullable().optional(),
  dueDate: day.nullable().optional(),
  handledOn: day.nullable().optional(),
  form: z.enum(FORMS).optional(),
  signed: z.boolean().optional(),
  signer: text(L.signer, 'Người ký').nullable().optional(),
  channel: z.enum(CHANNELS).optional(),
});
export type PatchBody = z.infer<typeof PatchBody>;

export const CancelBody = z.object({
  reason: z
    .string()
    .trim()
    .min(3, { error: 'Hãy ghi rõ lý do hủy văn bản trong sổ.' })
    .max(L.cancelReason, { error: 'Lý do không quá 2.000 ký tự.' }),
});

export const SignatureVerdictOut = z
  .object({
    index: z.number(),
    status: z.enum(SIGNATURE_STATUS_ORDER as unknown as readonly [string, ...string[]]),
    statusLabel: z.string(),
    message: z.string(),
    checks: z.object({
      byteRange: z.boolean(),
      coversWholeFile: z.boolean(),
      modifiedAfter: z.boolean(),
      digestMatches: z.boolean().nullable(),
      signatureVerified: z.boolean().nullable(),
      certificateValidAtSigning: z.boolean().nullable(),
      chain: z.enum(['trusted', 'not_verified', 'untrusted']),
    }),
    signer: z
      .object({
        commonName: z.string().nullable(),
        organization: z.string().nullable(),
        organizationalUnit: z.string().nullable(),
        email: z.string().nullable(),
        subject: z.string(),
        issuer: z.string(),
        serialNumber: z.string(),
        notBefore: z.string(),
        notAfter: z.string(),
        fingerprint: z.string(),
      })
      .nullable(),
    signingTime: z.string().nullable(),
    signingTimeSource: z.enum(['timestamp', 'signed_attribute', 'pdf_dictionary']).nullable(),
    reason: z.string().nullable(),
    location: z.string().nullable(),
    byteRange: z.array(z.number()).nullable(),
    digestAlgorithm: z.string().nullable(),
    problems: z.array(z.string()),
  })
  .meta({ id: 'SignatureVerdict' });

export const SIGNATURE_STATES = ['unsigned', ...SIGNATURE_STATUS_ORDER] as const;

export const PdfVerificationOut = z
  .object({
    status: z.enum(SIGNATURE_STATES as unknown as readonly [string, ...string[]]),
    statusLabel: z.string(),
    signatures: z.array(SignatureVerdictOut),
    /** When it was checked, and whether trusted roots changed since (a new check may differ). */
    checkedAt: z.string(),
    rootsChangedSince: z.boolean(),
    trustedRoots: z.number(),
  })
  .meta({ id: 'PdfVerification' });

const Actions = z.object({
  edit: z.boolean(),
  cancel: z.boolean(),
  attach: z.boolean(),
  recheck: z.boolean(),
  download: z.boolean(),
});

export const DocumentOut = z
  .object({
    id: z.number(),
    unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
    direction: z.enum(DIRECTIONS),
    book: z.enum(BOOKS),
    bookLabel: z.string(),
    year: z.number(),
    number: z.number(),
    numberText: z.string(),
    docType: z.string(),
    docTypeName: z.string(),
    documentDate: z.string(),
    receivedOn: z.string().nullable(),
    summary: z.string(),
    sender: z.string().nullable(),
    recipients: z.string().nullable(),
    handlingUnit: z.string().nullable(),
    dueDate: z.string().nullable(),
    handledOn: z.string().nullable(),
    /** Incoming with a deadline: 'late' (past it, not handled), 'handled_late', 'on_time'…; else null. */
    dueState: z.enum(['on_time', 'due_soon', 'late', 'handled_on_time', 'handled_late']).nullable(),
    form: z.enum(FORMS),
    signed: z.boolean(),
    signer: z.string().nullable(),
    confidential: z.boolean(),
    channel: z.enum(CHANNELS),
    file: z.object({ name: z.string(), mime: z.string(), size: z.number() }).nullable(),
    signatureStatus: z.string().nullable(),
    signatureStatusLabel: z.string().nullable(),
    source: z.enum(['manual', 'import']),
    status: z.enum(['active', 'cancelled']),
    cancelReason: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    actions: Actions,
  })
  .meta({ id: 'Document' });
export type DocumentOut = z.infer<typeof DocumentOut>;

const FigureShape = FigureOut;

export const DocumentFiguresOut = z
  .object({
    scope: z.object({ unitId: z.number(), subtree: z.boolean() }),
    period: z.object({ from: z.string(), to: z.string(), asOf: z.string() }),
    counts: z.record(z.string(), z.number()),
    electronic: FigureShape,
    electronicOutgoing: FigureShape,
    electronicIncoming: FigureShape,
    signed: FigureShape,
    officialChannel: FigureShape,
    incomingOnTime: FigureShape,
  })
  .meta({ id: 'DocumentFigures' });

/** The register page in one request: a page of entries, the year's figures, what the caller may do. */
export const DocumentPage = z.object({
  items: z.array(DocumentOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  year: z.number(),
  figures: DocumentFiguresOut,
  /** Decree 30 types, forms, channels, books with their Vietnamese names, for the forms. */
  options: z.object({
    types: z.array(z.object({ code: z.string(), name: z.string() })),
    forms: z.array(z.object({ value: z.string(), label: z.string() })),
    channels: z.array(z.object({ value: z.string(), label: z.string() })),
  }),
  actions: z.object({ register: z.boolean(), import: z.boolean() }),
});

/** The document page in one request: the entry, its signature verdicts, its history. */
export const DocumentDetail = z.object({
  document: DocumentOut,
  verification: PdfVerificationOut.nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      user: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const FiguresQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['0', '1']).optional(),
  from: day,
  to: day,
});

export const TrustedRootOut = z.object({
  id: z.number(),
  fingerprint: z.string(),
  subject: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  addedAt: z.string(),
  removedAt: z.string().nullable(),
});

export const TrustedRootList = z.object({
  items: z.array(TrustedRootOut),
  actions: z.object({ add: z.boolean(), remove: z.boolean() }),
});
