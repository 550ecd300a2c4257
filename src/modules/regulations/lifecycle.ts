/** A regulation's life: created (with its adopting decision), edited, reviewed, repealed. */
import { addMonths } from '../../core/documents/index.js';
import { AppError } from '../../errors.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { auditRegulation, documentOfUnit, loadWritable, readableUnit } from './context.js';
import type { RegulationsContext } from './context.js';
import { findRegulation, insertRegulation, insertReview, updateRegulation } from './repository.js';
import type { RegulationBody, RegulationPatch, ReviewBody } from './schema.js';

export async function createRegulation(
  ctx: RegulationsContext,
  actor: Actor,
  input: RegulationBody,
  requestId?: string,
) {
  const unit = await readableUnit(ctx, actor, input.unitId ?? actor.unitId);
  if (!policy.manageRegulations(actor, unit.id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới thêm được quy chế của đơn vị.');
  const doc = await documentOfUnit(ctx, unit.id, input.adoptionDocumentId);
  const adoptedOn = doc?.document_date ?? input.adoptedOn ?? null;
  if (adoptedOn && adoptedOn > ctx.today())
    throw new AppError('VALIDATION', 'Ngày ban hành không được ở tương lai.');
  const next = input.nextReviewOn ?? addMonths(adoptedOn ?? ctx.today(), input.reviewMonths);
  const now = ctx.clock.now().toISOString();
  const row = await ctx.db.transaction().execute(async (tx) => {
    const r = await insertRegulation(tx, {
      unit_id: unit.id,
      title: input.title.normalize('NFC'),
      kind: input.kind,
      adoption_document_id: doc?.id ?? null,
      adoption_number: doc?.number_text ?? input.adoptionNumber ?? null,
      adopted_on: adoptedOn,
      review_months: input.reviewMonths,
      last_reviewed_on: null,
      next_review_on: next,
      status: 'in_force',
      repeal_reason: null,
      note: input.note ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await auditRegulation(ctx, tx, actor, r, 'create', r, undefined, requestId);
    return r;
  });
  return (await findRegulation(ctx.db, row.id))!;
}

export async function updateRegulationOf(
  ctx: RegulationsContext,
  actor: Actor,
  id: number,
  patch: RegulationPatch,
  requestId?: string,
) {
  const r = await loadWritable(ctx, actor, id);
  const doc =
    patch.adoptionDocumentId === undefined
      ? undefined
      : await documentOfUnit(ctx, r.unit_id, patch.adoptionDocumentId);
  const v = {
    title: patch.title?.normalize('NFC') ?? r.title,
    kind: patch.kind ?? r.kind,
    adoption_document_id: doc === undefined ? r.adoption_document_id : (doc?.id ?? null),
    adoption_number:
      doc !== undefined && doc !== null
        ? doc.number_text
        : patch.adoptionNumber === undefined
          ? r.adoption_number
          : patch.adoptionNumber,
    adopted_on:
      doc !== undefined && doc !== null
        ? doc.document_date
        : patch.adoptedOn === undefined
          ? r.adopted_on
          : patch.adoptedOn,
    review_months: patch.reviewMonths ?? r.review_months,
    next_review_on: patch.nextReviewOn ?? r.next_review_on,
    note: patch.note === undefined ? r.note : patch.note,
  };
  // A new cycle without an explicit date moves the next review from the last one.
  if (patch.reviewMonths !== undefined && patch.nextReviewOn === undefined)
    v.next_review_on = addMonths(
      r.last_reviewed_on ?? v.adopted_on ?? r.created_at.slice(0, 10),
      v.review_months,
    );
  const before = Object.fromEntries(Object.keys(v).map((k) => [k, (r as Record<string, unknown>)[k]]));
  await ctx.db.transaction().execute(async (tx) => {
    await updateRegulation(tx, r.id, { ...v, updated_at: ctx.clock.now().toISOString() });
    await auditRegulation(ctx, tx, actor, r, 'update', v, before, requestId);
  });
  return (await findRegulation(ctx.db, r.id))!;
}

/** Records a review: the next one is one cycle later (or the date given). */
export async function reviewRegulation(
  ctx: RegulationsContext,
  actor: Actor,
  id: number,
  input: ReviewBody,
  requestId?: string,
) {
  const r = await loadWritable(ctx, actor, id);
  if (input.reviewedOn > ctx.today())
    throw new AppError('VALIDATION', 'Ngày rà soát không được ở tương lai.');
  const doc = await documentOfUnit(ctx, r.unit_id, input.documentId);
  if (input.outcome !== 'kept' && !doc && !input.note)
    throw new AppError(
      'VALIDATION',
      'Quy chế được sửa đổi hoặc thay thế: hãy chọn văn bản ban hành hoặc ghi rõ nội dung.',
    );
  const next = input.nextReviewOn ?? addMonths(input.reviewedOn, r.review_months);
  if (next <= input.reviewedOn)
    throw new AppError('VALIDATION', 'Lần rà soát tiếp theo phải sau ngày rà soát.');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const rev = await insertReview(tx, {
      regulation_id: r.id,
      reviewed_on: input.reviewedOn,
      outcome: input.outcome,
      note: input.note ?? null,
      document_id: doc?.id ?? null,
      next_review_on: next,
      created_by: actor.userId,
      created_at: now,
    });
    const patch = {
      last_reviewed_on: input.reviewedOn,
      next_review_on: next,
      ...(input.outcome === 'replaced' && doc
        ? {
            adoption_document_id: doc.id,
            adoption_number: doc.number_text,
            adopted_on: doc.document_date,
          }
        : {}),
      updated_at: now,
    };
    await updateRegulation(tx, r.id, patch);
    await auditRegulation(
      ctx,
      tx,
      actor,
      r,
      'review',
      { reviewId: rev.id, outcome: input.outcome, ...patch },
      { last_reviewed_on: r.last_reviewed_on, next_review_on: r.next_review_on },
      requestId,
    );
  });
  return (await findRegulation(ctx.db, r.id))!;
}

/** Repeals a regulation with a reason (kept, marked repealed). */
export async function repealRegulation(
  ctx: RegulationsContext,
  actor: Actor,
  id: number,
  reason: string,
  requestId?: string,
) {
  const r = await loadWritable(ctx, actor, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await updateRegulation(tx, r.id, {
      status: 'repealed',
      repeal_reason: reason.trim(),
      updated_at: now,
    });
    await auditRegulation(
      ctx,
      tx,
      actor,
      r,
      'repeal',
      { status: 'repealed', reason: reason.trim() },
      { status: r.status },
      requestId,
    );
  });
  return (await findRegulation(ctx.db, r.id))!;
}
