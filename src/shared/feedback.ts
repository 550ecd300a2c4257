/** Citizens' feedback and petitions (PAKN): statuses, categories, sources, actions, form limits. */

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

/** The limits the forms and the server's schemas enforce (characters unless said otherwise). */
export const FEEDBACK_LIMITS = {
  name: 300,
  address: 500,
  email: 200,
  idNumber: 40,
  externalCode: 100,
  title: 300,
  content: 10_000,
  answer: 20_000,
  note: 2000,
  forwardTo: 300,
  templateTitle: 300,
  templateBody: 20_000,
  search: 200,
  /** Attachments of the public form: how many, and the size of each in MB. */
  files: 3,
  fileMb: 5,
  /** Working days a settings field may hold. */
  maxDays: 60,
} as const;
