/**
 * Internal regulations (quy chế nội bộ, issue 13 item 4): a unit's list with the adopting decision,
 * a review cycle and the next review date; reviews recorded (kept / amended / replaced) move the
 * date on; a regulation is repealed with a reason, never deleted; every change audited. The next
 * review dates feed the reminders (`regulationReminderSource`) and the list's due states.
 */
import {
  REGULATION_KINDS,
  REGULATION_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
  addMonths,
  daysUntilReview,
  reviewDueState,
} from '../../core/documents/index.js';
import type { RegulationKind, ReviewOutcome } from '../../core/documents/index.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findDocument } from '../documents/repository.js';
import { findUnitById } from '../units/repository.js';
import type { RegulationWithUnit } from './repository.js';
import {
  findRegulation,
  insertRegulation,
  insertReview,
  listRegulations,
  listReviews,
  updateRegulation,
} from './repository.js';
import type { RegulationBody, RegulationOut, RegulationPatch, ReviewBody } from './schema.js';

export interface RegulationsDeps {
  db: Q;
  clock: Clock;
}

export function presentRegulation(actor: Actor, r: RegulationWithUnit, today: string): RegulationOut {
  const manage = policy.manageRegulations(actor, r.unit_id);
  const inForce = r.status === 'in_force';
  return {
    id: r.id,
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
    title: r.title,
    kind: r.kind as RegulationKind,
    kindLabel: REGULATION_KIND_LABELS[r.kind as RegulationKind] ?? r.kind,
    adoption: { documentId: r.adoption_document_id, number: r.adoption_number, date: r.adopted_on },
    reviewMonths: r.review_months,
    lastReviewedOn: r.last_reviewed_on,
    nextReviewOn: r.next_review_on,
    dueState: inForce ? reviewDueState(r.next_review_on, today) : null,
    daysLeft: daysUntilReview(r.next_review_on, today),
    status: inForce ? 'in_force' : 'repealed',
    repealReason: r.repeal_reason,
    note: r.note,
    actions: { edit: manage && inForce, review: manage && inForce, repeal: manage && inForce },
  };
}

export function regulationsService({ db, clock }: RegulationsDeps) {
  const today = () => vietnamToday(clock);

  async function readableUnit(actor: Actor, unitId: number) {
    const unit = await findUnitById(db, unitId);
    if (!unit || !policy.readUnit(actor, unit.path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    return unit;
  }

  async function loadReadable(actor: Actor, id: number) {
    const r = await findRegulation(db, id);
    if (!r || !policy.readUnit(actor, r.unit_path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy quy chế.');
    return r;
  }

  async function loadWritable(actor: Actor, id: number) {
    const r = await loadReadable(actor, id);
    if (!policy.manageRegulations(actor, r.unit_id))
      throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới cập nhật được quy chế của đơn vị.');
    if (r.status !== 'in_force') throw new AppError('CONFLICT', 'Quy chế đã bị bãi bỏ: không sửa được nữa.');
    return r;
  }

  /** The adopting (or amending) decision must be in the unit's own register. */
  async function documentOfUnit(unitId: number, documentId: number | null | undefined) {
    if (documentId === null || documentId === undefined) return null;
    const d = await findDocument(db, documentId);
    if (!d || d.unit_id !== unitId)
      throw new AppError('VALIDATION', 'Văn bản ban hành phải có trong sổ văn bản của đơn vị.');
    return d;
  }

  async function audit(
    tx: Q,
    actor: Actor,
    r: { id: number; unit_id: number },
    action: string,
    after: unknown,
    before?: unknown,
    requestId?: string,
  ) {
    await insertAudit(tx, {
      unitId: r.unit_id,
      userId: actor.userId,
      entity: 'regulation',
      entityId: r.id,
      action,
      before,
      after,
      at: clock.now().toISOString(),
      requestId: requestId ?? null,
    });
  }

  return {
    async list(actor: Actor, unitId: number, subtree: boolean) {
      const unit = await readableUnit(actor, unitId);
      const day = today();
      const items = (
        await listRegulations(db, { path: unit.path, unitId: subtree ? undefined : unit.id })
      ).map((r) => presentRegulation(actor, r, day));
      const inForce = items.filter((r) => r.status === 'in_force');
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        items,
        counts: {
          inForce: inForce.length,
          overdue: inForce.filter((r) => r.dueState === 'overdue').length,
          dueSoon: inForce.filter((r) => r.dueState === 'due_soon').length,
        },
        kinds: REGULATION_KINDS.map((k) => ({ value: k, label: REGULATION_KIND_LABELS[k] })),
        actions: { create: !subtree && policy.manageRegulations(actor, unit.id) },
      };
    },

    async detail(actor: Actor, id: number) {
      const r = await loadReadable(actor, id);
      const reviews = await listReviews(db, r.id);
      return {
        regulation: presentRegulation(actor, r, today()),
        reviews: reviews.map((v) => ({
          id: v.id,
          reviewedOn: v.reviewed_on,
          outcome: v.outcome as ReviewOutcome,
          outcomeLabel: REVIEW_OUTCOME_LABELS[v.outcome as ReviewOutcome] ?? v.outcome,
          note: v.note,
          documentId: v.document_id,
          documentNumber: v.document_number,
          nextReviewOn: v.next_review_on,
          by: v.user_name,
        })),
      };
    },

    async create(actor: Actor, input: RegulationBody, requestId?: string) {
      const unit = await readableUnit(actor, input.unitId ?? actor.unitId);
      if (!policy.manageRegulations(actor, unit.id))
        throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới thêm được quy chế của đơn vị.');
      const doc = await documentOfUnit(unit.id, input.adoptionDocumentId);
      const adoptedOn = doc?.document_date ?? input.adoptedOn ?? null;
      if (adoptedOn && adoptedOn > today())
        throw new AppError('VALIDATION', 'Ngày ban hành không được ở tương lai.');
      const next = input.nextReviewOn ?? addMonths(adoptedOn ?? today(), input.reviewMonths);
      const now = clock.now().toISOString();
      const row = await db.transaction().execute(async (tx) => {
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
        await audit(tx, actor, r, 'create', r, undefined, requestId);
        return r;
      });
      return (await findRegulation(db, row.id))!;
    },

    async update(actor: Actor, id: number, patch: RegulationPatch, requestId?: string) {
      const r = await loadWritable(actor, id);
      const doc =
        patch.adoptionDocumentId === undefined
          ? undefined
          : await documentOfUnit(r.unit_id, patch.adoptionDocumentId);
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
      await db.transaction().execute(async (tx) => {
        await updateRegulation(tx, r.id, { ...v, updated_at: clock.now().toISOString() });
        await audit(tx, actor, r, 'update', v, before, requestId);
      });
      return (await findRegulation(db, r.id))!;
    },

    /** Records a review: the next one is one cycle later (or the date given). */
    async review(actor: Actor, id: number, input: ReviewBody, requestId?: string) {
      const r = await loadWritable(actor, id);
      if (input.reviewedOn > today())
        throw new AppError('VALIDATION', 'Ngày rà soát không được ở tương lai.');
      const doc = await documentOfUnit(r.unit_id, input.documentId);
      if (input.outcome !== 'kept' && !doc && !input.note)
        throw new AppError(
          'VALIDATION',
          'Quy chế được sửa đổi hoặc thay thế: hãy chọn văn bản ban hành hoặc ghi rõ nội dung.',
        );
      const next = input.nextReviewOn ?? addMonths(input.reviewedOn, r.review_months);
      if (next <= input.reviewedOn)
        throw new AppError('VALIDATION', 'Lần rà soát tiếp theo phải sau ngày rà soát.');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
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
        await audit(
          tx,
          actor,
          r,
          'review',
          { reviewId: rev.id, outcome: input.outcome, ...patch },
          { last_reviewed_on: r.last_reviewed_on, next_review_on: r.next_review_on },
          requestId,
        );
      });
      return (await findRegulation(db, r.id))!;
    },

    /** Repeals a regulation with a reason (kept, marked repealed). */
    async repeal(actor: Actor, id: number, reason: string, requestId?: string) {
      const r = await loadWritable(actor, id);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await updateRegulation(tx, r.id, {
          status: 'repealed',
          repeal_reason: reason.trim(),
          updated_at: now,
        });
        await audit(
          tx,
          actor,
          r,
          'repeal',
          { status: 'repealed', reason: reason.trim() },
          { status: r.status },
          requestId,
        );
      });
      return (await findRegulation(db, r.id))!;
    },
  };
}

export type RegulationsService = ReturnType<typeof regulationsService>;
