import { randomBytes } from 'node:crypto';
import { dateOfMoment } from '../../core/calendar/index.js';
import { deadlinesFromReceipt, feedbackCode, looksVietnamese } from '../../core/feedback/index.js';
import type { FeedbackSource } from '../../core/feedback/index.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import { filenameForType, safeFilename, sniffEvidenceType } from '../../lib/file-type.js';
import { sha256 } from '../../lib/hash.js';
import { FEEDBACK_LIMITS } from '../../shared/feedback.js';
import { insertAudit } from '../audit/repository.js';
import type { Actor } from '../auth/roles.js';
import { counterScope, takeNumbers } from '../counters/repository.js';
import { insertBlob } from '../files/repository.js';
import { findUnitById, listUnitSubtree } from '../units/repository.js';
import type { UnitRow } from '../../db/tables.js';
import { calendarOf, handledUnit, iso, ms, nfc, settingsFor } from './context.js';
import type { FeedbackDeps } from './context.js';
import {
  findFeedbackByToken,
  insertAttachment,
  insertFeedback,
  insertFeedbackEvent,
  listFeedbackEvents,
} from './repository.js';

/** Attachments: images or PDF, by content; at most 3 of at most 5 MB each. */
export const FEEDBACK_FILE_MAX_BYTES = FEEDBACK_LIMITS.fileMb * 1024 * 1024;
export const FEEDBACK_MAX_FILES = FEEDBACK_LIMITS.files;
const ATTACHMENT_MIMES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export interface SenderInput {
  name: string;
  address: string;
  phone: string;
  email?: string | null | undefined;
  idNumber?: string | null | undefined;
}

export interface SubmitInput {
  unitId: number;
  sender: SenderInput;
  title: string;
  content: string;
}

export interface StaffEntryInput extends SubmitInput {
  source: FeedbackSource;
  externalCode?: string | null | undefined;
  /** Defaults to now; the day the letter, call or portal item arrived. */
  receivedAt?: string | undefined;
}

export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

interface ReceiptMeta {
  actorId: number | null;
  externalCode?: string | null | undefined;
  receivedAt?: number | undefined;
  requestId?: string | undefined;
}

type CheckedFile = UploadedFile & { mime: string };

/** Images or PDF by content, not empty, not over the size limit; each refusal names the file. */
function checkAttachments(files: UploadedFile[]): CheckedFile[] {
  return files.map((f) => {
    if (f.bytes.length === 0)
      throw new AppError('FILE_EMPTY', `Tệp đính kèm "${safeFilename(f.filename)}" rỗng.`);
    if (f.bytes.length > FEEDBACK_FILE_MAX_BYTES)
      throw new AppError(
        'FILE_TOO_LARGE',
        `Tệp đính kèm "${safeFilename(f.filename)}" vượt quá 5 MB cho phép.`,
      );
    const type = sniffEvidenceType(f.bytes, f.filename);
    if (!type || !ATTACHMENT_MIMES.has(type.mime))
      throw new AppError(
        'FEEDBACK_FILE_TYPE',
        `Tệp "${safeFilename(f.filename)}" không phải ảnh (JPG, PNG, GIF, WEBP) hay PDF: hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp.`,
      );
    return { ...f, mime: type.mime, filename: filenameForType(f.filename, type) };
  });
}

async function storeAttachments(tx: Q, feedbackId: number, files: CheckedFile[], at: string) {
  for (const f of files) {
    const blobId = await insertBlob(tx, sha256(f.bytes), f.bytes);
    await insertAttachment(tx, {
      feedback_id: feedbackId,
      blob_id: blobId,
      filename: f.filename,
      mime: f.mime,
      size: f.bytes.length,
      created_at: at,
    });
  }
}

/** Receives one item (public form or staff entry) in one transaction; returns the secret link token. */
export async function receiveFeedback(
  deps: FeedbackDeps,
  unitId: number,
  input: SubmitInput,
  source: FeedbackSource,
  meta: ReceiptMeta,
  files: UploadedFile[],
) {
  const { db, clock } = deps;
  const unit = await findUnitById(db, unitId);
  if (!unit || unit.archived_at) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị nhận phản ánh.');
  const now = clock.now();
  const receivedMs = meta.receivedAt ?? now.getTime();
  if (Number.isNaN(receivedMs) || receivedMs > now.getTime() + 60_000)
    throw new AppError('VALIDATION', 'Thời điểm tiếp nhận không được ở tương lai.');
  const checked = checkAttachments(files);
  const [settings, cal] = await Promise.all([settingsFor(deps, unit.id), calendarOf(deps, unit.id)]);
  const d = deadlinesFromReceipt(receivedMs, settings, cal);
  const token = randomBytes(24).toString('base64url');
  const row = await db.transaction().execute(async (tx) => {
    // Public form and staff entry share the day's sequence: one atomic step (ADR 008).
    const seq = await takeNumbers(tx, counterScope.feedbackCode(unit.code, dateOfMoment(receivedMs)));
    const r = await insertFeedback(tx, {
      ...feedbackRow(unit, input, source, meta),
      code: feedbackCode(unit.code, receivedMs, seq),
      received_at: iso(receivedMs),
      classify_due_at: iso(d.classifyDue),
      forward_due_at: iso(d.forwardDue),
      answer_due_at: iso(d.answerDue),
      due_at: iso(d.classifyDue),
      tracking_token_hash: sha256(token),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await storeAttachments(tx, r.id, checked, now.toISOString());
    await insertFeedbackEvent(tx, {
      feedback_id: r.id,
      kind: 'received',
      at: iso(receivedMs),
      data_json: JSON.stringify({ source, externalCode: r.external_code, attachments: checked.length }),
      late: 0,
      actor_id: meta.actorId,
    });
    await insertAudit(tx, {
      unitId: unit.id,
      userId: meta.actorId,
      entity: 'feedback',
      entityId: r.id,
      action: 'receive',
      after: { code: r.code, source, externalCode: r.external_code },
      at: now.toISOString(),
      requestId: meta.requestId ?? null,
    });
    return r;
  });
  return { row, token };
}

/** The sender's and the item's own columns, as they were typed (NFC, trimmed). */
function feedbackRow(unit: UnitRow, input: SubmitInput, source: FeedbackSource, meta: ReceiptMeta) {
  const s = input.sender;
  return {
    unit_id: unit.id,
    source,
    external_code: meta.externalCode?.trim() || null,
    sender_name: nfc(s.name),
    sender_address: nfc(s.address),
    sender_phone: s.phone.trim(),
    sender_email: s.email?.trim() || null,
    sender_id_number: s.idNumber?.trim() || null,
    title: nfc(input.title),
    content: nfc(input.content),
    status: 'received',
    created_by: meta.actorId,
  };
}

/** A citizen's submission through the public form (challenge and honeypot checked by the caller). */
export async function submitFeedback(
  deps: FeedbackDeps,
  input: SubmitInput,
  files: UploadedFile[],
  requestId?: string,
) {
  if (!looksVietnamese(`${input.title} ${input.content}`))
    throw new AppError(
      'VALIDATION',
      'Theo Nghị định 20/2008/NĐ-CP, phản ánh, kiến nghị phải viết bằng tiếng Việt.',
    );
  return receiveFeedback(deps, input.unitId, input, 'web', { actorId: null, requestId }, files);
}

/** An item entered by staff from a phone call, a letter or a portal (1022), keeping its source and code. */
export async function enterFeedback(
  deps: FeedbackDeps,
  actor: Actor,
  input: StaffEntryInput,
  requestId?: string,
) {
  const unit = await handledUnit(deps, actor, input.unitId);
  if (input.source === 'portal_1022' && !input.externalCode?.trim())
    throw new AppError('VALIDATION', 'Phản ánh từ Cổng 1022 cần ghi mã phản ánh trên cổng.');
  const receivedAt = input.receivedAt ? ms(input.receivedAt) : undefined;
  const meta = { actorId: actor.userId, externalCode: input.externalCode, receivedAt, requestId };
  return (await receiveFeedback(deps, unit.id, input, input.source, meta, [])).row;
}

/** Units a citizen may address (every unit that is not archived). */
export async function publicUnits({ db }: FeedbackDeps) {
  const all = await listUnitSubtree(db, '/');
  return all.filter((u) => !u.archived_at).map((u) => ({ id: u.id, code: u.code, name: u.name }));
}

/** The item behind a sender's secret tracking link. */
export async function trackFeedback({ db }: FeedbackDeps, token: string) {
  const f = await findFeedbackByToken(db, sha256(token));
  if (!f)
    throw new AppError(
      'NOT_FOUND',
      'Liên kết theo dõi không hợp lệ. Vui lòng kiểm tra lại đường dẫn đã nhận khi gửi.',
    );
  return f;
}

/** The steps a sender may see on the tracking page (kind and moment only). */
export async function publicEvents({ db }: FeedbackDeps, feedbackId: number) {
  return (await listFeedbackEvents(db, feedbackId)).map((e) => ({ kind: e.kind, at: e.at }));
}
