import { z } from 'zod';
import { FigureOut } from '../../http/contract.js';
import {
  FEEDBACK_ACTIONS,
  FEEDBACK_CATEGORIES,
  FEEDBACK_SOURCES,
  FEEDBACK_STATUSES,
} from '../../core/feedback/index.js';
import { FEEDBACK_LIMITS as L } from '../../shared/feedback.js';

const phone = z
  .string()
  .trim()
  .regex(/^[0-9 +().-]{8,20}$/, 'Số điện thoại không hợp lệ (8–20 chữ số)');
const email = z.union([z.literal(''), z.email('Địa chỉ thư điện tử không hợp lệ').max(L.email)]);

/** The public form, read from multipart fields (all text). `website` is the honeypot. */
export const SubmitFields = z.object({
  unitId: z.coerce
    .number({ message: 'Vui lòng chọn đơn vị nhận phản ánh' })
    .int()
    .positive('Vui lòng chọn đơn vị nhận phản ánh'),
  name: z.string().trim().min(2, 'Vui lòng nhập họ và tên').max(L.name),
  address: z.string().trim().min(5, 'Vui lòng nhập địa chỉ liên hệ').max(L.address),
  phone,
  email: email.optional(),
  title: z.string().trim().min(5, 'Tiêu đề cần ít nhất 5 ký tự').max(L.title),
  content: z
    .string()
    .trim()
    .min(10, 'Nội dung cần ít nhất 10 ký tự')
    .max(L.content, 'Nội dung tối đa 10.000 ký tự'),
  challengeToken: z.string().min(10, 'Thiếu phép tính kiểm tra').max(500),
  challengeAnswer: z.string().trim().min(1, 'Vui lòng nhập kết quả phép tính kiểm tra').max(10),
  website: z.string().max(500).optional(),
});

export const FIELD_LABELS: Record<string, string> = {
  unitId: 'Đơn vị',
  name: 'Họ và tên',
  address: 'Địa chỉ',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  title: 'Tiêu đề',
  content: 'Nội dung',
  challengeToken: 'Phép tính kiểm tra',
  challengeAnswer: 'Phép tính kiểm tra',
};

export const EnterBody = z.object({
  unitId: z.number().int().positive(),
  source: z.enum(FEEDBACK_SOURCES),
  externalCode: z.string().trim().max(L.externalCode).nullish(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  sender: z.object({
    name: z.string().trim().min(2).max(L.name),
    address: z.string().trim().min(5).max(L.address),
    phone,
    email: email.nullish(),
    idNumber: z.string().trim().max(L.idNumber).nullish(),
  }),
  title: z.string().trim().min(5).max(L.title),
  content: z.string().trim().min(10).max(L.content),
});

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
export const ActionBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('classify'),
    category: z.enum(FEEDBACK_CATEGORIES),
    note: z.string().max(L.note).nullish(),
  }),
  z.object({ kind: z.literal('forward'), to: text(3, L.forwardTo), note: z.string().max(L.note).nullish() }),
  z.object({ kind: z.literal('assign'), assigneeId: z.number().int().positive() }),
  z.object({ kind: z.literal('answer'), text: text(10, L.answer) }),
  z.object({ kind: z.literal('return'), reason: text(3, L.note) }),
  z.object({ kind: z.literal('approve'), note: z.string().max(L.note).nullish() }),
  z.object({
    kind: z.literal('publish'),
    title: text(5, L.title),
    content: text(10, L.content),
    answer: text(10, L.answer),
  }),
  z.object({ kind: z.literal('withdraw'), reason: text(3, L.note) }),
]);

export const ListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['0', '1']).optional(),
  status: z.enum(FEEDBACK_STATUSES).optional(),
  state: z.enum(['open', 'overdue', 'closed']).optional(),
  q: z.string().max(L.search).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const UnitQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['0', '1']).optional(),
});

export const FiguresQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['0', '1']).optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});

export const TemplateBody = z.object({
  unitId: z.number().int().positive(),
  title: text(3, L.templateTitle),
  body: text(10, L.templateBody),
});

const days = z.number().int().min(1).max(L.maxDays);
export const SettingsBody = z.object({
  unitId: z.number().int().positive(),
  classifyDays: days,
  forwardDays: days,
  answerDays: days,
  publishDays: days,
});

export const PublicAnswersQuery = z.object({
  q: z.string().max(L.search).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

const due = z.enum(['none', 'ok', 'due_soon', 'overdue']);

export const FeedbackListItem = z.object({
  id: z.number(),
  code: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  source: z.string(),
  sourceLabel: z.string(),
  externalCode: z.string().nullable(),
  senderName: z.string(),
  title: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  statusLabel: z.string(),
  category: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  due,
  dueLabel: z.string(),
  assigneeName: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type FeedbackListItem = z.infer<typeof FeedbackListItem>;

export const FeedbackDetail = FeedbackListItem.extend({
  sender: z.object({
    name: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    idNumber: z.string().nullable(),
    full: z.boolean(),
  }),
  content: z.string(),
  categoryLabel: z.string().nullable(),
  classifyNote: z.string().nullable(),
  forwardedTo: z.string().nullable(),
  assigneeId: z.number().nullable(),
  answerText: z.string().nullable(),
  answeredAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  answeredOnTime: z.boolean().nullable(),
  deadlines: z.object({
    classify: z.string(),
    forward: z.string(),
    answer: z.string(),
    publish: z.string().nullable(),
  }),
  published: z.object({
    title: z.string().nullable(),
    content: z.string().nullable(),
    answer: z.string().nullable(),
    at: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
  }),
  attachments: z.array(
    z.object({ id: z.number(), filename: z.string(), mime: z.string(), size: z.number() }),
  ),
  events: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      at: z.string(),
      actor: z.string().nullable(),
      late: z.boolean(),
      data: z.unknown(),
    }),
  ),
  actions: z.array(z.enum(FEEDBACK_ACTIONS)),
});
export type FeedbackDetail = z.infer<typeof FeedbackDetail>;

export const PublicTrack = z.object({
  code: z.string(),
  unitName: z.string(),
  title: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  statusLabel: z.string(),
  receivedAt: z.string(),
  answerDueAt: z.string(),
  steps: z.array(z.object({ label: z.string(), at: z.string() })),
  note: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  published: z.boolean(),
});

export const PublicAnswer = z.object({
  code: z.string(),
  unitName: z.string(),
  title: z.string(),
  content: z.string(),
  answer: z.string(),
  receivedAt: z.string(),
  publishedAt: z.string(),
});

// ---- responses ----

const Count = z.number();
export const FeedbackFiguresOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  counts: z.object({
    total: Count,
    received: Count,
    notAccepted: Count,
    forwarded: Count,
    answered: Count,
    answeredOnTime: Count,
    published: Count,
    publishedOnTime: Count,
    open: Count,
    overdue: Count,
  }),
  rates: z.object({ answeredOnTime: FigureOut, published: FigureOut }),
  definitions: z.object({ answeredOnTime: z.string(), published: z.string() }).readonly(),
});

export const FeedbackSettingsOut = z.object({
  classifyDays: z.number(),
  forwardDays: z.number(),
  answerDays: z.number(),
  publishDays: z.number(),
  inheritedFrom: z.union([z.number(), z.enum(['default', 'own'])]),
});

export const TemplateOut = z.object({
  id: z.number(),
  unitId: z.number(),
  title: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});

export const ChallengeOut = z.object({ token: z.string(), question: z.string() });

export const AssigneeOut = z.object({ id: z.number(), fullName: z.string() });
export const DueListsOut = z.object({
  overdue: z.array(FeedbackListItem),
  dueSoon: z.array(FeedbackListItem),
});
export const AttachmentParams = z.object({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
});
export const SubmitOut = z.object({
  code: z.string(),
  trackingToken: z.string(),
  trackingUrl: z.string(),
  message: z.string(),
});
export const TrackParams = z.object({ token: z.string().min(10).max(100) });
export const PublicAnswersOut = z.object({
  items: z.array(PublicAnswer),
  page: z.number(),
  pageSize: z.number(),
});

export const PublicFeedbackForm = z.object({
  units: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
  challenge: ChallengeOut,
  maxFiles: z.number(),
  maxFileMb: z.number(),
});
