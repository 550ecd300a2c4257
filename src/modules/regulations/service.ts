/**
 * Internal regulations (quy chế nội bộ, issue 13 item 4): a unit's list with the adopting decision,
 * a review cycle and the next review date (reading.ts); reviews recorded (kept / amended /
 * replaced) move the date on; a regulation is repealed with a reason, never deleted; every change
 * audited (lifecycle.ts). The next review dates feed the reminders (`regulationReminderSource`)
 * and the list's due states.
 *
 * This file only binds the named use cases to one context.
 */
import type { Actor } from '../auth/roles.js';
import { regulationsContext } from './context.js';
import type { RegulationsDeps } from './context.js';
import { createRegulation, repealRegulation, reviewRegulation, updateRegulationOf } from './lifecycle.js';
import { listRegulationsOf, regulationDetail } from './reading.js';
import type { RegulationBody, RegulationPatch, ReviewBody } from './schema.js';

export type { RegulationsDeps } from './context.js';
export { presentRegulation } from './presenter.js';

export function regulationsService(deps: RegulationsDeps) {
  const ctx = regulationsContext(deps);
  return {
    list: (actor: Actor, unitId: number, subtree: boolean) => listRegulationsOf(ctx, actor, unitId, subtree),
    detail: (actor: Actor, id: number) => regulationDetail(ctx, actor, id),
    create: (actor: Actor, input: RegulationBody, requestId?: string) =>
      createRegulation(ctx, actor, input, requestId),
    update: (actor: Actor, id: number, patch: RegulationPatch, requestId?: string) =>
      updateRegulationOf(ctx, actor, id, patch, requestId),
    review: (actor: Actor, id: number, input: ReviewBody, requestId?: string) =>
      reviewRegulation(ctx, actor, id, input, requestId),
    repeal: (actor: Actor, id: number, reason: string, requestId?: string) =>
      repealRegulation(ctx, actor, id, reason, requestId),
  };
}

export type RegulationsService = ReturnType<typeof regulationsService>;
