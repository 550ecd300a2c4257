/**
 * Evidence of a leaf (tài liệu kiểm chứng): an uploaded file (stored in `file_blob`, like every
 * evidence), or a link to what the system already holds (a task's evidence file, a submitted
 * periodic report); withdrawn, never deleted.
 */
import { AppError } from '../../errors.js';
import { EVIDENCE_TYPES_TEXT, safeFilename, sniffEvidenceType } from '../../lib/file-type.js';
import { sha256 } from '../../lib/hash.js';
import type { ParLinkKind } from '../../shared/par.js';
import type { Actor } from '../auth/roles.js';
import { insertBlob, readBlob } from '../files/repository.js';
import type { ParContext } from './context.js';
import { audit, leafOf, loadAssessment, requireSelf } from './context.js';
import type { UploadedFile } from './criteria-sets.js';
import { reload } from './present.js';
import {
  findParEvidence,
  findReportSubmission,
  findTaskEvidence,
  insertParEvidence,
  withdrawParEvidence,
} from './repository.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Writes one evidence row of a leaf and its audit line, then shows the assessment again. */
async function addEvidence(
  ctx: ParContext,
  actor: Actor,
  a: { id: number; unit_id: number },
  row: Omit<
    Parameters<typeof insertParEvidence>[1],
    'created_by' | 'created_at' | 'withdrawn_at' | 'file_blob_id'
  >,
  file: { blob: Uint8Array | null; id: number | null },
  audited: { action: string; after: unknown },
) {
  await ctx.db.transaction().execute(async (tx) => {
    const blobId = file.blob ? await insertBlob(tx, sha256(file.blob), file.blob) : file.id;
    const e = await insertParEvidence(tx, {
      ...row,
      file_blob_id: blobId,
      created_by: actor.userId,
      created_at: ctx.nowIso(),
      withdrawn_at: null,
    });
    await audit(ctx, tx, actor, {
      unitId: a.unit_id,
      entity: 'par_evidence',
      entityId: e.id,
      action: audited.action,
      after: audited.after,
    });
  });
  return reload(ctx, actor, a.id);
}

/** Attaches an uploaded file as evidence of a leaf. */
export async function attachFile(
  ctx: ParContext,
  actor: Actor,
  id: number,
  criterionId: number,
  file: UploadedFile,
) {
  const a = await loadAssessment(ctx, actor, id);
  requireSelf(actor, a, ['draft', 'returned'], 'nộp minh chứng');
  const { s } = await leafOf(ctx, a, criterionId);
  if (file.bytes.length === 0) throw new AppError('FILE_EMPTY', 'Tệp minh chứng rỗng.');
  if (file.bytes.length > ctx.uploadMaxBytes)
    throw new AppError(
      'FILE_TOO_LARGE',
      `Tệp minh chứng vượt quá ${Math.round(ctx.uploadMaxBytes / 1048576)} MB.`,
    );
  const type = sniffEvidenceType(file.bytes, file.filename);
  if (!type) throw new AppError('FILE_TYPE', `Chỉ nhận tệp minh chứng dạng ${EVIDENCE_TYPES_TEXT}.`);
  const name = safeFilename(file.filename);
  const row = {
    score_id: s.id,
    kind: 'file',
    file_name: name,
    content_type: type.mime,
    size: file.bytes.length,
    ref_id: null,
    label: name,
  };
  const after = { kind: 'file', name, size: file.bytes.length };
  return addEvidence(ctx, actor, a, row, { blob: file.bytes, id: null }, { action: 'attach', after });
}

/** The stored file and label of what a link points to, checked to belong to the unit. */
async function linkedValues(ctx: ParContext, unitId: number, link: { kind: ParLinkKind; refId: number }) {
  if (link.kind === 'task_evidence') {
    const ev = await findTaskEvidence(ctx.db, link.refId);
    if (!ev || ev.unit_id !== unitId || ev.withdrawn_at)
      throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng của nhiệm vụ trong đơn vị.');
    return {
      blobId: ev.file_id,
      file_name: ev.filename,
      content_type: ev.content_type,
      size: ev.size,
      label: `Minh chứng nhiệm vụ ${ev.task_code}: ${ev.filename}`,
    };
  }
  const r = await findReportSubmission(ctx.db, link.refId);
  if (!r || r.unit_id !== unitId)
    throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo đã gửi của đơn vị.');
  return {
    blobId: r.docx_file_id,
    file_name: `bao-cao-${r.period}-lan-${r.seq}.docx`,
    content_type: DOCX,
    size: null,
    label: `Báo cáo CCHC kỳ ${r.period} (gửi ngày ${r.submitted_at.slice(0, 10).split('-').reverse().join('/')})`,
  };
}

/** Links what the system already holds: a task's evidence file or a submitted periodic report. */
export async function attachLink(
  ctx: ParContext,
  actor: Actor,
  id: number,
  criterionId: number,
  link: { kind: ParLinkKind; refId: number },
) {
  const a = await loadAssessment(ctx, actor, id);
  requireSelf(actor, a, ['draft', 'returned'], 'nộp minh chứng');
  const { s } = await leafOf(ctx, a, criterionId);
  const { blobId, ...values } = await linkedValues(ctx, a.unit_id, link);
  const row = { score_id: s.id, kind: link.kind, ref_id: link.refId, ...values };
  const after = { kind: link.kind, refId: link.refId };
  return addEvidence(ctx, actor, a, row, { blob: null, id: blobId }, { action: 'link', after });
}

export async function withdrawEvidence(ctx: ParContext, actor: Actor, evidenceId: number) {
  const e = await findParEvidence(ctx.db, evidenceId);
  if (!e) throw new AppError('NOT_FOUND', 'Không tìm thấy minh chứng.');
  const a = await loadAssessment(ctx, actor, e.assessment_id);
  requireSelf(actor, a, ['draft', 'returned'], 'rút minh chứng');
  await ctx.db.transaction().execute(async (tx) => {
    await withdrawParEvidence(tx, e.id, ctx.nowIso());
    await audit(ctx, tx, actor, {
      unitId: a.unit_id,
      entity: 'par_evidence',
      entityId: e.id,
      action: 'withdraw',
      after: { withdrawn: true },
    });
  });
  return reload(ctx, actor, a.id);
}

export async function evidenceFile(ctx: ParContext, actor: Actor, evidenceId: number) {
  const e = await findParEvidence(ctx.db, evidenceId);
  if (!e || e.withdrawn_at) throw new AppError('NOT_FOUND', 'Không tìm thấy minh chứng.');
  await loadAssessment(ctx, actor, e.assessment_id);
  if (e.file_blob_id === null) throw new AppError('NOT_FOUND', 'Minh chứng không có tệp.');
  const bytes = await readBlob(ctx.db, e.file_blob_id);
  if (!bytes) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng.');
  return { bytes, name: e.file_name ?? 'minh-chung', type: e.content_type ?? 'application/octet-stream' };
}
