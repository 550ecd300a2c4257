/** A regulation as the screens show it: labels, its review due state, what the caller may do. */
import { REGULATION_KIND_LABELS, daysUntilReview, reviewDueState } from '../../core/documents/index.js';
import type { RegulationKind } from '../../core/documents/index.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { RegulationWithUnit } from './repository.js';
import type { RegulationOut } from './schema.js';

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
