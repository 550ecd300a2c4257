import { Badge, Text } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { request } from '../api/client.js';
import type {
  FeedbackDetail,
  FeedbackListItem,
  PublicAnswer as PublicAnswerSchema,
  PublicTrack as PublicTrackSchema,
} from '../../../src/modules/feedback/schema.js';
import type { z } from 'zod';

/** API calls and small pieces shared by the PAKN pages (staff and public). */
export type { FeedbackDetail, FeedbackListItem };
export type PublicTrack = z.infer<typeof PublicTrackSchema>;
export type PublicAnswer = z.infer<typeof PublicAnswerSchema>;
export type FeedbackStatus = FeedbackListItem['status'];
export type DueState = FeedbackListItem['due'];

export interface FeedbackTemplate {
  id: number;
  unitId: number;
  title: string;
  body: string;
  updatedAt: string;
}
export interface FeedbackSettings {
  classifyDays: number;
  forwardDays: number;
  answerDays: number;
  publishDays: number;
  inheritedFrom: 'default' | 'own' | number;
}
export interface FeedbackFigure {
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}
export interface FeedbackFigures {
  period: { from: string; to: string };
  counts: Record<
    | 'total'
    | 'received'
    | 'notAccepted'
    | 'forwarded'
    | 'answered'
    | 'answeredOnTime'
    | 'published'
    | 'publishedOnTime'
    | 'open'
    | 'overdue',
    number
  >;
  rates: { answeredOnTime: FeedbackFigure; published: FeedbackFigure };
}
export interface PublicForm {
  units: { id: number; code: string; name: string }[];
  challenge: { token: string; question: string };
  maxFiles: number;
  maxFileMb: number;
}
export interface SubmitResult {
  code: string;
  trackingToken: string;
  trackingUrl: string;
  message: string;
}

const call = request;

const qs = (params: Record<string, string | number | boolean | null | undefined>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '' && v !== false) p.set(k, v === true ? '1' : String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export type ActionBody =
  | { kind: 'classify'; category: string; note?: string }
  | { kind: 'forward'; to: string; note?: string }
  | { kind: 'assign'; assigneeId: number }
  | { kind: 'answer'; text: string }
  | { kind: 'return'; reason: string }
  | { kind: 'approve'; note?: string }
  | { kind: 'publish'; title: string; content: string; answer: string }
  | { kind: 'withdraw'; reason: string };

export interface EnterInput {
  unitId: number;
  source: string;
  externalCode?: string | null;
  receivedAt?: string;
  sender: { name: string; address: string; phone: string; email?: string | null; idNumber?: string | null };
  title: string;
  content: string;
}

export const feedbackApi = {
  list: (p: {
    unitId: number;
    subtree?: boolean;
    status?: string | null;
    state?: string | null;
    q?: string;
    page?: number;
  }) => call<FeedbackListItem[]>('GET', `/api/feedback${qs({ ...p, subtree: p.subtree ? '1' : undefined })}`),
  due: (unitId: number, subtree: boolean) =>
    call<{ overdue: FeedbackListItem[]; dueSoon: FeedbackListItem[] }>(
      'GET',
      `/api/feedback/due${qs({ unitId, subtree: subtree ? '1' : undefined })}`,
    ),
  detail: (id: number) => call<FeedbackDetail>('GET', `/api/feedback/${id}`),
  act: (id: number, body: ActionBody) => call<FeedbackDetail>('POST', `/api/feedback/${id}/actions`, body),
  enter: (input: EnterInput) => call<FeedbackDetail>('POST', '/api/feedback', input),
  templates: (unitId: number) => call<FeedbackTemplate[]>('GET', `/api/feedback/templates${qs({ unitId })}`),
  saveTemplate: (t: { unitId: number; title: string; body: string }, id?: number) =>
    id
      ? call<FeedbackTemplate>('PUT', `/api/feedback/templates/${id}`, t)
      : call<FeedbackTemplate>('POST', '/api/feedback/templates', t),
  removeTemplate: (id: number) => call<{ ok: boolean }>('DELETE', `/api/feedback/templates/${id}`),
  settings: (unitId: number) => call<FeedbackSettings>('GET', `/api/feedback/settings${qs({ unitId })}`),
  saveSettings: (s: {
    unitId: number;
    classifyDays: number;
    forwardDays: number;
    answerDays: number;
    publishDays: number;
  }) => call<FeedbackSettings>('PUT', '/api/feedback/settings', s),
  figures: (unitId: number, from: string, to: string, subtree: boolean) =>
    call<FeedbackFigures>(
      'GET',
      `/api/feedback/figures${qs({ unitId, from, to, subtree: subtree ? '1' : undefined })}`,
    ),
  members: (unitId: number) =>
    call<{ id: number; fullName: string }[]>('GET', `/api/feedback/assignees${qs({ unitId })}`),

  publicForm: () => call<PublicForm>('GET', '/api/public/feedback/form'),
  challenge: () => call<{ token: string; question: string }>('GET', '/api/public/feedback/challenge'),
  submit: (form: FormData) => call<SubmitResult>('POST', '/api/public/feedback', form),
  track: (token: string) =>
    call<PublicTrack>('GET', `/api/public/feedback/track/${encodeURIComponent(token)}`),
  answers: (q: string, page: number) =>
    call<{ items: PublicAnswer[]; page: number; pageSize: number }>(
      'GET',
      `/api/public/feedback/answers${qs({ q, page })}`,
    ),
};

export const FEEDBACK_STATUS_COLORS: Record<FeedbackStatus, MantineColor> = {
  received: 'blue',
  not_accepted: 'gray',
  to_forward: 'orange',
  forwarded: 'gray',
  accepted: 'cyan',
  assigned: 'indigo',
  answered: 'violet',
  approved: 'teal',
  published: 'green',
  unpublished: 'gray',
};

export const FEEDBACK_STATUS_FILTERS: { value: FeedbackStatus; label: string }[] = [
  { value: 'received', label: 'Chờ phân loại' },
  { value: 'accepted', label: 'Chờ phân công' },
  { value: 'assigned', label: 'Đang xử lý' },
  { value: 'answered', label: 'Chờ duyệt' },
  { value: 'approved', label: 'Chờ công khai' },
  { value: 'published', label: 'Đã công khai' },
  { value: 'to_forward', label: 'Chờ chuyển' },
  { value: 'forwarded', label: 'Đã chuyển' },
  { value: 'not_accepted', label: 'Không thụ lý' },
  { value: 'unpublished', label: 'Đã gỡ công khai' },
];

export const FEEDBACK_SOURCES: { value: string; label: string }[] = [
  { value: 'direct', label: 'Trực tiếp' },
  { value: 'phone', label: 'Điện thoại' },
  { value: 'letter', label: 'Thư, văn bản' },
  { value: 'email', label: 'Thư điện tử' },
  { value: 'portal_1022', label: 'Cổng 1022 Thành phố' },
  { value: 'national_portal', label: 'Cổng Dịch vụ công quốc gia' },
];

export const FEEDBACK_CATEGORIES: { value: string; label: string }[] = [
  { value: 'regulation', label: 'Về quy định hành chính thuộc thẩm quyền' },
  { value: 'outside_competence', label: 'Ngoài thẩm quyền (chuyển trong 5 ngày làm việc)' },
  { value: 'conduct', label: 'Về hành vi, thái độ của cán bộ (chuyển xử lý)' },
  { value: 'not_accepted', label: 'Không đủ điều kiện tiếp nhận' },
];

const DUE_COLORS: Record<DueState, MantineColor> = {
  none: 'gray',
  ok: 'green',
  due_soon: 'orange',
  overdue: 'red',
};

export function FeedbackStatusBadge({ item }: { item: Pick<FeedbackListItem, 'status' | 'statusLabel'> }) {
  return (
    <Badge
      color={FEEDBACK_STATUS_COLORS[item.status]}
      variant="light"
      data-testid="feedback-status"
      data-status={item.status}
    >
      {item.statusLabel}
    </Badge>
  );
}

export function DueBadge({ item }: { item: Pick<FeedbackListItem, 'due' | 'dueLabel'> }) {
  if (item.due === 'none') return null;
  return (
    <Badge
      color={DUE_COLORS[item.due]}
      variant={item.due === 'ok' ? 'light' : 'filled'}
      data-testid="feedback-due"
      data-due={item.due}
    >
      {item.dueLabel}
    </Badge>
  );
}

/** Citizens' and staff's free text: always shown as text (React escapes it), line breaks kept. */
export function PlainText({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={testId}>
      {children}
    </Text>
  );
}

export function formatRate(f: FeedbackFigure): string {
  return f.value === null
    ? '—'
    : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(f.value)}%`;
}
