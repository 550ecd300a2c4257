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
export const FEEDBACK_STATUSES = [
  'received',
  'not_accepted',
  'to_forward',
  'forwarded',
  'accepted',
  'assigned',
  'answered',
  'approved',
  'published',
  'unpublished',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_LABELS: Readonly<Record<FeedbackStatus, string>> = {
  received: 'Đã tiếp nhận, chờ phân loại',
  not_accepted: 'Không thụ lý',
  to_forward: 'Chờ chuyển cơ quan có thẩm quyền',
  forwarded: 'Đã chuyển cơ quan có thẩm quyền',
  accepted: 'Thuộc thẩm quyền, chờ phân công',
  assigned: 'Đang xử lý',
  answered: 'Chờ thủ trưởng duyệt trả lời',
  approved: 'Đã duyệt trả lời, chờ công khai',
  published: 'Đã công khai kết quả',
  unpublished: 'Đã gỡ công khai',
};

/** What the item is about (classification step of Decree 20/2008). */
export const FEEDBACK_CATEGORIES = ['not_accepted', 'conduct', 'regulation', 'outside_competence'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const FEEDBACK_CATEGORY_LABELS: Readonly<Record<FeedbackCategory, string>> = {
  not_accepted: 'Không đủ điều kiện tiếp nhận',
  conduct: 'Về hành vi, thái độ của cán bộ (chuyển xử lý theo quy định)',
  regulation: 'Về quy định hành chính thuộc thẩm quyền',
  outside_competence: 'Ngoài thẩm quyền (chuyển cơ quan có thẩm quyền)',
};

/** How the item reached the unit. Items from the city's 1022 portal keep their external code. */
export const FEEDBACK_SOURCES = [
  'web',
  'direct',
  'phone',
  'letter',
  'email',
  'portal_1022',
  'national_portal',
] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const FEEDBACK_SOURCE_LABELS: Readonly<Record<FeedbackSource, string>> = {
  web: 'Biểu mẫu trên trang công khai',
  direct: 'Trực tiếp',
  phone: 'Điện thoại',
  letter: 'Thư, văn bản',
  email: 'Thư điện tử',
  portal_1022: 'Cổng 1022 Thành phố',
  national_portal: 'Cổng Dịch vụ công quốc gia',
};

export const FEEDBACK_ACTIONS = [
  'classify',
  'forward',
  'assign',
  'answer',
  'return',
  'approve',
  'publish',
  'withdraw',
] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

export const FEEDBACK_ACTION_LABELS: Readonly<Record<FeedbackAction, string>> = {
  classify: 'Phân loại',
  forward: 'Chuyển cơ quan có thẩm quyền',
  assign: 'Phân công xử lý',
  answer: 'Soạn trả lời',
  return: 'Trả lại để sửa',
  approve: 'Duyệt trả lời',
  publish: 'Công khai kết quả',
  withdraw: 'Gỡ công khai',
};

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
