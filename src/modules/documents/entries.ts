/** Entries of the register: registering with the book's next number, editing, cancelling. */
import { bookFor, numberSymbol } from '../../core/documents/index.js';
import type { Book, Direction } from '../../core/documents/index.js';
import type { UnitRow } from '../../db/tables.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../errors.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { NO_FILE_YET, auditDocument, loadWritable, readableUnit, searchTextOf } from './context.js';
import type { DocumentsContext } from './context.js';
import { findDocument, insertDocument, nextNumber, updateDocument } from './repository.js';
import type { DocumentWithUnit } from './repository.js';
import type { PatchBody, RegisterBody } from './schema.js';

/** The dates and parties a new entry must have; its book year. */
function checkRegister(input: RegisterBody, day: string) {
  const direction: Direction = input.direction;
  const documentDate = input.documentDate ?? day;
  const receivedOn = direction === 'incoming' ? (input.receivedOn ?? day) : null;
  if (documentDate > day) throw new AppError('VALIDATION', 'Ngày văn bản không được ở tương lai.');
  if (receivedOn !== null && (receivedOn > day || receivedOn < documentDate))
    throw new AppError('VALIDATION', 'Ngày đến phải từ ngày văn bản đến hôm nay.');
  if (direction === 'incoming' && !input.numberText?.trim())
    throw new AppError('VALIDATION', 'Hãy ghi số, ký hiệu của văn bản đến (như in trên văn bản).');
  if (direction === 'incoming' && !input.sender?.trim())
    throw new AppError('VALIDATION', 'Hãy ghi cơ quan, đơn vị gửi văn bản đến.');
  if (input.handledOn && receivedOn && input.handledOn < receivedOn)
    throw new AppError('VALIDATION', 'Ngày xử lý không được trước ngày đến.');
  if (input.signed && input.form === 'paper')
    throw new AppError('VALIDATION', 'Văn bản giấy không có chữ ký số: hãy chọn hình thức điện tử.');
  const year = Number((direction === 'outgoing' ? documentDate : receivedOn!).slice(0, 4));
  return { direction, documentDate, receivedOn, year };
}

/** The columns of a new manual entry, without its search text. */
function entryValues(
  actor: Actor,
  unit: UnitRow,
  input: RegisterBody,
  at: { direction: Direction; book: Book; year: number; number: number; numberText: string },
  dates: { documentDate: string; receivedOn: string | null },
  now: string,
) {
  const incoming = at.direction === 'incoming';
  return {
    unit_id: unit.id,
    direction: at.direction,
    book: at.book,
    year: at.year,
    number: at.number,
    number_text: at.numberText,
    doc_type: input.docType,
    document_date: dates.documentDate,
    received_on: dates.receivedOn,
    summary: input.summary.normalize('NFC').trim(),
    sender: incoming ? input.sender!.trim() : null,
    recipients: !incoming ? input.recipients?.trim() || null : null,
    handling_unit: incoming ? input.handlingUnit?.trim() || null : null,
    due_date: incoming ? (input.dueDate ?? null) : null,
    handled_on: incoming ? (input.handledOn ?? null) : null,
    form: input.form,
    signed: input.signed ? 1 : 0,
    signer: input.signer?.trim() || null,
    confidential: input.confidential === true ? 1 : 0,
    channel: input.channel,
    ...NO_FILE_YET,
    source: 'manual',
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  } satisfies Omit<Parameters<typeof insertDocument>[1], 'search_text'>;
}

/** Registers a document: an outgoing one gets the next number of its book, atomically. */
export async function registerDocument(
  ctx: DocumentsContext,
  actor: Actor,
  input: RegisterBody,
  requestId?: string,
) {
  const unit = await readableUnit(ctx, actor, input.unitId ?? actor.unitId);
  if (!policy.manageDocuments(actor, unit.id))
    throw new AppError('FORBIDDEN', 'Chỉ văn thư, cán bộ của chính đơn vị mới vào sổ văn bản của đơn vị.');
  const dates = checkRegister(input, ctx.today());
  const { direction, year } = dates;
  const book = bookFor(direction, input.confidential === true);
  const now = ctx.nowIso();
  const issuer = input.issuer?.trim() || unit.code;
  try {
    const row = await ctx.db.transaction().execute(async (tx) => {
      const number = await nextNumber(tx, unit.id, year, book);
      const numberText =
        direction === 'outgoing' ? numberSymbol(number, input.docType, issuer) : input.numberText!.trim();
      const values = entryValues(
        actor,
        unit,
        input,
        { direction, book, year, number, numberText },
        dates,
        now,
      );
      const inserted = await insertDocument(tx, { ...values, search_text: searchTextOf(values) });
      await auditDocument(ctx, tx, actor, inserted, 'register', undefined, { ...values }, requestId);
      return inserted;
    });
    await ctx.changed();
    return row;
  } catch (e) {
    // The counter makes this impossible unless a number was entered by hand elsewhere.
    if (isUniqueViolation(e)) throw new AppError('DOCUMENT_NUMBER_TAKEN');
    throw e;
  }
}

function patched(d: DocumentWithUnit, patch: PatchBody) {
  return {
    summary: patch.summary?.normalize('NFC').trim() ?? d.summary,
    recipients: patch.recipients === undefined ? d.recipients : patch.recipients?.trim() || null,
    sender: patch.sender === undefined ? d.sender : patch.sender?.trim() || null,
    handling_unit: patch.handlingUnit === undefined ? d.handling_unit : patch.handlingUnit?.trim() || null,
    due_date: patch.dueDate === undefined ? d.due_date : patch.dueDate,
    handled_on: patch.handledOn === undefined ? d.handled_on : patch.handledOn,
    form: patch.form ?? d.form,
    signed: patch.signed === undefined ? d.signed : patch.signed ? 1 : 0,
    signer: patch.signer === undefined ? d.signer : patch.signer?.trim() || null,
    channel: patch.channel ?? d.channel,
  };
}

function checkPatched(d: DocumentWithUnit, next: ReturnType<typeof patched>, patch: PatchBody, day: string) {
  if (d.direction === 'outgoing' && (next.due_date || next.handled_on || next.sender || next.handling_unit))
    throw new AppError('VALIDATION', 'Văn bản đi không có nơi gửi, đơn vị xử lý, hạn xử lý hay ngày xử lý.');
  if (d.direction === 'incoming' && next.recipients)
    throw new AppError('VALIDATION', 'Văn bản đến không có nơi nhận.');
  if (d.direction === 'incoming' && !next.sender)
    throw new AppError('VALIDATION', 'Hãy ghi nơi gửi văn bản đến.');
  if (next.handled_on && next.handled_on > day)
    throw new AppError('VALIDATION', 'Ngày xử lý không được ở tương lai.');
  if (next.handled_on && d.received_on && next.handled_on < d.received_on)
    throw new AppError('VALIDATION', 'Ngày xử lý không được trước ngày đến.');
  if (next.signed === 1 && next.form === 'paper')
    throw new AppError('VALIDATION', 'Văn bản giấy không có chữ ký số: hãy chọn hình thức điện tử.');
  // A verified PDF decides whether the document is signed.
  if (d.sig_status !== null && patch.signed !== undefined && (patch.signed ? 1 : 0) !== d.signed)
    throw new AppError(
      'VALIDATION',
      'Văn bản có tệp PDF đính kèm: việc có chữ ký số được xác định theo kết quả kiểm tra tệp.',
    );
}

/** Edits what may change on an entry (never its number, book or dates of record). */
export async function editDocument(
  ctx: DocumentsContext,
  actor: Actor,
  id: number,
  patch: PatchBody,
  requestId?: string,
) {
  const d = await loadWritable(ctx, actor, id);
  const next = patched(d, patch);
  checkPatched(d, next, patch, ctx.today());
  const changed = Object.fromEntries(
    Object.entries(next).filter(([k, v]) => v !== (d as Record<string, unknown>)[k]),
  ) as Partial<typeof next>;
  if (Object.keys(changed).length === 0) return d;
  const before = Object.fromEntries(Object.keys(changed).map((k) => [k, (d as Record<string, unknown>)[k]]));
  const now = ctx.nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    await updateDocument(tx, d.id, {
      ...changed,
      search_text: searchTextOf({ ...d, ...next }),
      updated_at: now,
    });
    await auditDocument(ctx, tx, actor, d, 'update', before, changed, requestId);
  });
  await ctx.changed();
  return (await findDocument(ctx.db, d.id))!;
}

/** Cancels an entry (its number stays used): official records are never deleted. */
export async function cancelDocument(
  ctx: DocumentsContext,
  actor: Actor,
  id: number,
  reason: string,
  requestId?: string,
) {
  const d = await loadWritable(ctx, actor, id);
  const now = ctx.nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    await updateDocument(tx, d.id, {
      status: 'cancelled',
      cancel_reason: reason.trim(),
      cancelled_at: now,
      cancelled_by: actor.userId,
      updated_at: now,
    });
    const after = { status: 'cancelled', reason: reason.trim() };
    await auditDocument(ctx, tx, actor, d, 'cancel', { status: d.status }, after, requestId);
  });
  await ctx.changed();
  return (await findDocument(ctx.db, d.id))!;
}
