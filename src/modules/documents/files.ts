/**
 * A document's file: attaching it (a PDF's signatures verified at once), checking it again after
 * the trusted roots changed, downloading it, and checking a PDF without registering it.
 */
import { AppError } from '../../errors.js';
import { filenameForType, sniffEvidenceType } from '../../lib/file-type.js';
import { sha256 } from '../../lib/hash.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { insertBlob, readBlob } from '../files/repository.js';
import {
  auditDocument,
  loadReadable,
  loadWritable,
  searchTextOf,
  verificationColumns,
  verifyBytes,
} from './context.js';
import type { DocumentsContext } from './context.js';
import { presentVerification } from './presenter.js';
import { findDocument, listTrustedRoots, updateDocument } from './repository.js';

/** Empty, too large: the same two refusals for every upload here. */
function checkSize(ctx: DocumentsContext, bytes: Uint8Array) {
  if (bytes.length === 0) throw new AppError('FILE_EMPTY');
  if (bytes.length > ctx.uploadMaxBytes) throw new AppError('FILE_TOO_LARGE');
}

/**
 * Attaches the document's file (a PDF, Word, image…, checked by content). A PDF's signatures
 * are verified at once; a PDF with a signature that verifies makes the document "signed" (and
 * names the signer when none was entered); one without makes it unsigned.
 */
export async function attachFile(
  ctx: DocumentsContext,
  actor: Actor,
  id: number,
  file: { bytes: Uint8Array; filename: string },
  requestId?: string,
) {
  const d = await loadWritable(ctx, actor, id);
  checkSize(ctx, file.bytes);
  const type = sniffEvidenceType(file.bytes, file.filename);
  if (!type) throw new AppError('FILE_TYPE');
  const now = ctx.nowIso();
  const pdf = type.mime === 'application/pdf';
  const v = pdf ? verificationColumns(await verifyBytes(ctx, file.bytes), now) : null;
  if (v && v.signedByFile && d.form === 'paper')
    throw new AppError(
      'VALIDATION',
      'Tệp có chữ ký số: hãy ghi hình thức văn bản là điện tử trước khi đính kèm.',
    );
  const hash = sha256(file.bytes);
  await ctx.db.transaction().execute(async (tx) => {
    const blobId = await insertBlob(tx, hash, file.bytes);
    const patch = {
      file_blob_id: blobId,
      file_name: filenameForType(file.filename, type),
      file_mime: type.mime,
      file_size: file.bytes.length,
      sig_status: v?.sig_status ?? null,
      sig_json: v?.sig_json ?? null,
      sig_checked_at: v?.sig_checked_at ?? null,
      signed: v ? (v.signedByFile ? 1 : 0) : d.signed,
      signer: v?.signedByFile ? (d.signer ?? v.signerOfFile) : d.signer,
      updated_at: now,
    };
    await updateDocument(tx, d.id, { ...patch, search_text: searchTextOf({ ...d, signer: patch.signer }) });
    const before = d.file_blob_id ? { file: d.file_name, sigStatus: d.sig_status } : undefined;
    const after = {
      file: patch.file_name,
      sha256: hash,
      size: file.bytes.length,
      sigStatus: patch.sig_status,
      signed: patch.signed,
    };
    await auditDocument(ctx, tx, actor, d, 'attach', before, after, requestId);
  });
  await ctx.changed();
  return (await findDocument(ctx.db, d.id))!;
}

/** Checks the attached PDF's signatures again (after trusted roots changed). */
export async function recheckFile(ctx: DocumentsContext, actor: Actor, id: number, requestId?: string) {
  const d = await loadWritable(ctx, actor, id);
  if (!d.file_blob_id || d.file_mime !== 'application/pdf')
    throw new AppError('VALIDATION', 'Văn bản chưa có tệp PDF để kiểm tra chữ ký.');
  const bytes = await readBlob(ctx.db, d.file_blob_id);
  if (!bytes) throw new AppError('NOT_FOUND');
  const now = ctx.nowIso();
  const v = verificationColumns(await verifyBytes(ctx, new Uint8Array(bytes)), now);
  await ctx.db.transaction().execute(async (tx) => {
    await updateDocument(tx, d.id, {
      sig_status: v.sig_status,
      sig_json: v.sig_json,
      sig_checked_at: v.sig_checked_at,
      signed: v.signedByFile ? 1 : 0,
      signer: v.signedByFile ? (d.signer ?? v.signerOfFile) : d.signer,
      updated_at: now,
    });
    const [before, after] = [{ sigStatus: d.sig_status }, { sigStatus: v.sig_status }];
    await auditDocument(ctx, tx, actor, d, 'recheck', before, after, requestId);
  });
  if ((v.signedByFile ? 1 : 0) !== d.signed) await ctx.changed();
  return (await findDocument(ctx.db, d.id))!;
}

/** The attached file's bytes (confidential: the unit's own handlers only). */
export async function documentFile(ctx: DocumentsContext, actor: Actor, id: number) {
  const d = await loadReadable(ctx, actor, id);
  if (d.confidential === 1 && !policy.manageDocuments(actor, d.unit_id))
    throw new AppError('FORBIDDEN', 'Văn bản mật: chỉ văn thư, cán bộ của đơn vị mới tải được tệp.');
  if (!d.file_blob_id) throw new AppError('NOT_FOUND', 'Văn bản chưa có tệp đính kèm.');
  const bytes = await readBlob(ctx.db, d.file_blob_id);
  if (!bytes) throw new AppError('NOT_FOUND');
  return {
    bytes: Buffer.from(bytes),
    filename: d.file_name ?? `van-ban-${d.id}`,
    mime: d.file_mime ?? 'application/octet-stream',
  };
}

/** Checks a PDF's signatures without registering it (any signed-in user). */
export async function checkPdf(ctx: DocumentsContext, bytes: Uint8Array) {
  checkSize(ctx, bytes);
  if (sniffEvidenceType(bytes, 'x.pdf')?.mime !== 'application/pdf')
    throw new AppError('FILE_TYPE', 'Chỉ kiểm tra được chữ ký số của tệp PDF.');
  const v = await verifyBytes(ctx, bytes);
  const roots = await listTrustedRoots(ctx.db);
  return presentVerification(v.status, v.signatures, ctx.nowIso(), false, roots.length);
}
