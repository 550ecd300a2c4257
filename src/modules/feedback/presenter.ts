import {
  DUE_STATE_LABELS,
  FEEDBACK_ACTION_LABELS,
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_SOURCE_LABELS,
  FEEDBACK_STATUS_LABELS,
  maskContacts,
} from '../../core/feedback/index.js';
import type {
  DueState,
  FeedbackAction,
  FeedbackCategory,
  FeedbackSource,
  FeedbackStatus,
} from '../../core/feedback/index.js';
import type { FeedbackEventRow } from '../../db/tables.js';
import { parseJson } from '../../lib/json.js';
import { maskName } from '../../core/privacy/mask.js';
import type { FeedbackWithScope } from './repository.js';
import type { FeedbackDetail, FeedbackListItem } from './schema.js';

const EVENT_LABELS: Record<string, string> = { received: 'Tiếp nhận', ...FEEDBACK_ACTION_LABELS };

export function presentListItem(f: FeedbackWithScope, full: boolean, due: DueState): FeedbackListItem {
  return {
    id: f.id,
    code: f.code,
    unitId: f.unit_id,
    unitName: f.unit_name,
    source: f.source,
    sourceLabel: FEEDBACK_SOURCE_LABELS[f.source as FeedbackSource] ?? f.source,
    externalCode: f.external_code,
    senderName: full ? f.sender_name : maskName(f.sender_name),
    title: f.title,
    status: f.status as FeedbackStatus,
    statusLabel: FEEDBACK_STATUS_LABELS[f.status as FeedbackStatus] ?? f.status,
    category: f.category,
    receivedAt: f.received_at,
    dueAt: f.due_at,
    due,
    dueLabel: DUE_STATE_LABELS[due],
    assigneeName: f.assignee_name,
    publishedAt: f.status === 'published' ? f.published_at : null,
  };
}

export function presentDetail(
  f: FeedbackWithScope,
  full: boolean,
  due: DueState,
  events: (FeedbackEventRow & { actor_name: string | null })[],
  attachments: { id: number; filename: string; mime: string; size: number }[],
  actions: FeedbackAction[],
): FeedbackDetail {
  return {
    ...presentListItem(f, full, due),
    sender: {
      name: full ? f.sender_name : maskName(f.sender_name),
      address: full ? f.sender_address : null,
      phone: full ? f.sender_phone : null,
      email: full ? f.sender_email : null,
      idNumber: full ? f.sender_id_number : null,
      full,
    },
    content: full ? f.content : maskContacts(f.content),
    categoryLabel: f.category
      ? (FEEDBACK_CATEGORY_LABELS[f.category as FeedbackCategory] ?? f.category)
      : null,
    classifyNote: f.classify_note,
    forwardedTo: f.forwarded_to,
    assigneeId: f.assignee_id,
    answerText: f.answer_text,
    answeredAt: f.answered_at,
    approvedAt: f.approved_at,
    answeredOnTime: f.answered_on_time === null ? null : f.answered_on_time === 1,
    deadlines: {
      classify: f.classify_due_at,
      forward: f.forward_due_at,
      answer: f.answer_due_at,
      publish: f.publish_due_at,
    },
    published: {
      title: f.published_title,
      content: f.published_content,
      answer: f.published_answer,
      at: f.published_at,
      withdrawnAt: f.publish_withdrawn_at,
    },
    attachments: full
      ? attachments.map((a) => ({ id: a.id, filename: a.filename, mime: a.mime, size: a.size }))
      : [],
    events: events.map((e) => ({
      kind: e.kind,
      label: EVENT_LABELS[e.kind] ?? e.kind,
      at: e.at,
      actor: e.actor_name,
      late: e.late === 1,
      data: parseJson<unknown>(e.data_json, null),
    })),
    actions,
  };
}

/** What the sender sees through the secret link: never contacts, and contacts hidden in free text. */
export function presentTrack(f: FeedbackWithScope, events: { kind: string; at: string }[]) {
  const status = f.status as FeedbackStatus;
  const approved = f.approved_at !== null;
  const steps = events
    .filter((e) => ['received', 'classify', 'forward', 'approve', 'publish', 'withdraw'].includes(e.kind))
    .map((e) => ({ label: EVENT_LABELS[e.kind] ?? e.kind, at: e.at }));
  const note =
    status === 'not_accepted'
      ? `Phản ánh không được thụ lý${f.classify_note ? `: ${maskContacts(f.classify_note)}` : '.'}`
      : status === 'forwarded' || status === 'to_forward'
        ? `Phản ánh không thuộc thẩm quyền của đơn vị${f.forwarded_to ? ` và đã được chuyển đến ${f.forwarded_to}` : ', đang được chuyển đến cơ quan có thẩm quyền'}.`
        : null;
  return {
    code: f.code,
    unitName: f.unit_name,
    title: maskContacts(f.title),
    status,
    statusLabel: FEEDBACK_STATUS_LABELS[status] ?? status,
    receivedAt: f.received_at,
    answerDueAt: f.answer_due_at,
    steps,
    note,
    answer: approved && f.answer_text ? maskContacts(f.answer_text) : null,
    answeredAt: f.approved_at,
    published: status === 'published',
  };
}

export function presentPublicAnswer(r: {
  code: string;
  unit_name: string;
  published_title: string | null;
  published_content: string | null;
  published_answer: string | null;
  received_at: string;
  published_at: string | null;
}) {
  return {
    code: r.code,
    unitName: r.unit_name,
    title: maskContacts(r.published_title ?? ''),
    content: maskContacts(r.published_content ?? ''),
    answer: maskContacts(r.published_answer ?? ''),
    receivedAt: r.received_at,
    publishedAt: r.published_at ?? '',
  };
}
