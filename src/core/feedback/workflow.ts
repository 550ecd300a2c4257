/**
 * Citizens' feedback and petitions (phản ánh, kiến nghị — PAKN), Decree 20/2008 (amended):
 *
 *   received ─ classify ─┬─ not_accepted                          (refused, final)
 *                        ├─ to_forward ─ forward ─ forwarded        (conduct / outside competence, final)
 *                        └─ accepted ─ assign ─ assigned ─ answer ─ answered ─┬─ approve ─ approved
 *                                                       ↑                    │   (head only)
 *                                                       └──── return ────────┘
 *   approved ─ publish ─ published ─ withdraw ─ unpublished ─ publish ─ published …
 *
 * The state is stored on the row; each action is checked here first (a Vietnamese reason when
 * it is not possible) and the next state computed here. Pure: no I/O.
 */
export {
  FEEDBACK_ACTIONS,
  FEEDBACK_ACTION_LABELS,
  FEEDBACK_CATEGORIES,
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_SOURCES,
  FEEDBACK_SOURCE_LABELS,
  FEEDBACK_STATUSES,
  FEEDBACK_STATUS_LABELS,
} from '../../shared/feedback.js';
export type {
  FeedbackAction,
  FeedbackCategory,
  FeedbackSource,
  FeedbackStatus,
} from '../../shared/feedback.js';
import {
  FEEDBACK_ACTIONS,
  FEEDBACK_ACTION_LABELS,
  FEEDBACK_STATUSES,
  FEEDBACK_STATUS_LABELS,
} from '../../shared/feedback.js';
import type { FeedbackAction, FeedbackCategory, FeedbackStatus } from '../../shared/feedback.js';

/** Who may act: the unit's handlers (admin, head, officer); the head alone approves. */
export interface FeedbackActorRights {
  handle: boolean;
  approve: boolean;
}

const FROM: Readonly<Record<FeedbackAction, readonly FeedbackStatus[]>> = {
  classify: ['received'],
  forward: ['to_forward'],
  assign: ['accepted', 'assigned'],
  answer: ['accepted', 'assigned'],
  return: ['answered'],
  approve: ['answered'],
  publish: ['approved', 'unpublished'],
  withdraw: ['published'],
};

const HEAD_ONLY: ReadonlySet<FeedbackAction> = new Set(['approve', 'return']);

/** Statuses with nothing left for the unit to do by a deadline. */
export const FEEDBACK_CLOSED: ReadonlySet<FeedbackStatus> = new Set([
  'not_accepted',
  'forwarded',
  'published',
  'unpublished',
]);

export function isFeedbackStatus(s: string): s is FeedbackStatus {
  return (FEEDBACK_STATUSES as readonly string[]).includes(s);
}

/** Null when `action` is possible from `status` for an actor with `rights`; else the Vietnamese reason. */
export function checkAction(
  status: FeedbackStatus,
  action: FeedbackAction,
  rights: FeedbackActorRights,
): string | null {
  if (!rights.handle)
    return 'Chỉ cán bộ tiếp nhận, xử lý phản ánh của đơn vị mới thực hiện được thao tác này.';
  if (HEAD_ONLY.has(action) && !rights.approve)
    return 'Chỉ thủ trưởng đơn vị mới được duyệt hoặc trả lại dự thảo trả lời.';
  if (!FROM[action].includes(status))
    return `Phản ánh đang ở trạng thái "${FEEDBACK_STATUS_LABELS[status]}", không thể ${FEEDBACK_ACTION_LABELS[action].toLowerCase()}.`;
  return null;
}

/** The actions offered to an actor, in workflow order (the web app shows only these buttons). */
export function allowedActions(status: FeedbackStatus, rights: FeedbackActorRights): FeedbackAction[] {
  return FEEDBACK_ACTIONS.filter((a) => checkAction(status, a, rights) === null);
}

/** The status after `action`; `category` is needed for classify. */
export function nextStatus(
  status: FeedbackStatus,
  action: FeedbackAction,
  category?: FeedbackCategory,
): FeedbackStatus {
  switch (action) {
    case 'classify':
      if (!category) throw new RangeError('classify needs a category');
      return category === 'not_accepted'
        ? 'not_accepted'
        : category === 'regulation'
          ? 'accepted'
          : 'to_forward';
    case 'forward':
      return 'forwarded';
    case 'assign':
      return 'assigned';
    case 'answer':
      return 'answered';
    case 'return':
      return 'assigned';
    case 'approve':
      return 'approved';
    case 'publish':
      return 'published';
    case 'withdraw':
      return 'unpublished';
    default:
      return status;
  }
}
