/**
 * What every use case of the document register shares: its dependencies, the day, access to a
 * unit or an entry, the audit line, and the signature check against the installation's roots.
 */
import { countsAsSigned, verifyPdfSignatures } from '../../core/pdf-signature/index.js';
import type { PdfVerification } from '../../core/pdf-signature/index.js';
import { foldForSearch } from '../../core/feedback/text.js';
import type { UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import { callerUserId } from '../auth/roles.js';
import type { Actor, Caller } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import type { DocumentWithUnit } from './repository.js';
import { findDocument, listTrustedRoots } from './repository.js';

export interface DocumentsDeps {
  db: Q;
  clock: Clock;
  uploadMaxBytes: number;
  /** Called after any change the public figures show (the transparency page's cache). */
  onChange?: (() => void | Promise<void>) | undefined;
}

export interface DocumentsContext extends DocumentsDeps {
  today: () => string;
  nowIso: () => string;
  changed: () => Promise<void>;
}

export function documentsContext(deps: DocumentsDeps): DocumentsContext {
  return {
    ...deps,
    today: () => vietnamToday(deps.clock),
    nowIso: () => deps.clock.now().toISOString(),
    changed: async () => {
      await deps.onChange?.();
    },
  };
}

/** The text the register's search reads: number, summary, sender, recipients, folded. */
export function searchTextOf(d: {
  number_text: string;
  summary: string;
  sender?: string | null;
  recipients?: string | null;
  handling_unit?: string | null;
  signer?: string | null;
}): string {
  return foldForSearch(
    [d.number_text, d.summary, d.sender, d.recipients, d.handling_unit, d.signer].filter(Boolean).join(' | '),
  );
}

/** A new entry's columns before any file, verdict or cancellation. */
export const NO_FILE_YET = {
  file_blob_id: null,
  file_name: null,
  file_mime: null,
  file_size: null,
  sig_status: null,
  sig_json: null,
  sig_checked_at: null,
  status: 'active',
  cancel_reason: null,
  cancelled_at: null,
  cancelled_by: null,
} as const;

/** The verdict as stored on the row, and whether the attached file counts as digitally signed. */
export function verificationColumns(v: PdfVerification, at: string) {
  const good = v.signatures.find((s) => countsAsSigned(s.status));
  return {
    sig_status: v.status,
    sig_json: JSON.stringify(v.signatures),
    sig_checked_at: at,
    signedByFile: v.signatures.some((s) => countsAsSigned(s.status)),
    signerOfFile: good?.signer
      ? [good.signer.commonName, good.signer.organization].filter(Boolean).join(' — ') || null
      : null,
  };
}

export async function readableUnit(ctx: DocumentsContext, actor: Actor, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(ctx.db, unitId);
  if (!unit || !policy.readUnit(actor, unit.path)) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

export async function loadReadable(
  ctx: DocumentsContext,
  actor: Actor,
  id: number,
): Promise<DocumentWithUnit> {
  const d = await findDocument(ctx.db, id);
  if (!d || !policy.readUnit(actor, d.unit_path)) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản.');
  return d;
}

export async function loadWritable(
  ctx: DocumentsContext,
  actor: Actor,
  id: number,
): Promise<DocumentWithUnit> {
  const d = await loadReadable(ctx, actor, id);
  if (!policy.manageDocuments(actor, d.unit_id))
    throw new AppError(
      'FORBIDDEN',
      'Chỉ văn thư, cán bộ của chính đơn vị mới sửa được sổ văn bản của đơn vị.',
    );
  if (d.status === 'cancelled') throw new AppError('DOCUMENT_CANCELLED');
  return d;
}

/** The signatures of a PDF against the installation's trusted roots. */
export async function verifyBytes(ctx: DocumentsContext, bytes: Uint8Array): Promise<PdfVerification> {
  const trustedRoots = (await listTrustedRoots(ctx.db)).map((r) => new Uint8Array(r.der));
  return verifyPdfSignatures(bytes, { trustedRoots, now: ctx.clock.now() });
}

export async function auditDocument(
  ctx: DocumentsContext,
  tx: Q,
  caller: Caller,
  d: { id: number; unit_id: number },
  action: string,
  before: unknown,
  after: unknown,
  requestId?: string,
) {
  await insertAudit(tx, {
    unitId: d.unit_id,
    userId: callerUserId(caller),
    entity: 'document',
    entityId: d.id,
    action,
    before,
    after,
    at: ctx.nowIso(),
    requestId: requestId ?? null,
  });
}
