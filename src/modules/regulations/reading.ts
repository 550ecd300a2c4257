/** Reading a unit's regulations: the list with its due counts, one regulation with its reviews. */
import {
  REGULATION_KINDS,
  REGULATION_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
} from '../../core/documents/index.js';
import type { ReviewOutcome } from '../../core/documents/index.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { loadReadable, readableUnit } from './context.js';
import type { RegulationsContext } from './context.js';
import { presentRegulation } from './presenter.js';
import { listRegulations, listReviews } from './repository.js';

export async function listRegulationsOf(
  ctx: RegulationsContext,
  actor: Actor,
  unitId: number,
  subtree: boolean,
) {
  const unit = await readableUnit(ctx, actor, unitId);
  const day = ctx.today();
  const items = (
    await listRegulations(ctx.db, { path: unit.path, unitId: subtree ? undefined : unit.id })
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
}

export async function regulationDetail(ctx: RegulationsContext, actor: Actor, id: number) {
  const r = await loadReadable(ctx, actor, id);
  const reviews = await listReviews(ctx.db, r.id);
  return {
    regulation: presentRegulation(actor, r, ctx.today()),
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
}
