import { addDays } from '../../core/calendar/index.js';
import {
  REGULATION_DUE_SOON_DAYS,
  regulationReviewMessage,
  reviewDueState,
} from '../../core/documents/index.js';
import type { Q } from '../../db/types.js';
import { regulationsDueBy } from '../regulations/repository.js';
import type { ReminderCandidate, ReminderSource } from './source.js';
import { dossierHandlers, usersByUnit } from './sources.js';

/**
 * Internal regulations whose review is due within 30 days, then overdue: one reminder when it comes
 * due and one when it is late (each state of each review date is its own event; a review moves the
 * date, so the next cycle reminds again). Recipients: the unit's administrators, heads and officers.
 */
export function regulationReminderSource(db: Q): ReminderSource {
  return {
    name: 'regulations',
    async candidates(ctx) {
      const rows = await regulationsDueBy(db, addDays(ctx.today, REGULATION_DUE_SOON_DAYS));
      if (rows.length === 0) return [];
      const units = await usersByUnit(db, [...new Set(rows.map((r) => r.unit_id))]);
      const out: ReminderCandidate[] = [];
      for (const r of rows) {
        const state = reviewDueState(r.next_review_on, ctx.today);
        if (!state) continue;
        const recipients = dossierHandlers(units.get(r.unit_id) ?? []);
        if (recipients.length === 0) continue;
        const msg = regulationReviewMessage({
          unitName: r.unit_name,
          title: r.title,
          nextReviewOn: r.next_review_on,
          state,
          today: ctx.today,
        });
        out.push({
          kind: 'regulation_review',
          eventKey: `regulation:${r.id}:${r.next_review_on}:${state}`,
          unitId: r.unit_id,
          recipients,
          subject: msg.subject,
          text: msg.text,
          link: `/quy-che/${r.id}`,
        });
      }
      return out;
    },
  };
}
