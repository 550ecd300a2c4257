/**
 * The surveys' and posts' API (calls through the one client), their types, and the labels of
 * question kinds and states.
 */
import { request, upload } from './client.js';

export type QuestionKind = 'single' | 'scale' | 'multiple' | 'text';
export interface SurveyQuestion {
  key: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  options?: string[];
  satisfaction?: boolean;
  satisfiedOptions?: number[];
  verySatisfiedOption?: number;
}
export type SurveyState = 'draft' | 'scheduled' | 'open' | 'closed';
export interface Survey {
  id: number;
  unitId: number;
  slug: string;
  title: string;
  description: string;
  template: string | null;
  questions: SurveyQuestion[];
  anonymous: boolean;
  published: boolean;
  opensOn: string | null;
  closesOn: string | null;
  state: SurveyState;
  publicUrl: string;
  responses: number;
  invitations?: { total: number; used: number };
  createdAt: string;
  actions: { edit: boolean; editQuestions: boolean; invite: boolean };
}
export interface SurveyInput {
  title: string;
  description: string;
  questions: SurveyQuestion[];
  anonymous: boolean;
  published: boolean;
  opensOn: string | null;
  closesOn: string | null;
}
export interface SurveyTemplate {
  id: 'sipas' | 'dossier_rating' | 'blank';
  title: string;
  description: string;
  questions: SurveyQuestion[];
}
export interface FigureOut {
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}
export interface QuestionResult {
  key: string;
  kind: QuestionKind;
  text: string;
  answered: number;
  options?: { label: string; count: number }[];
  scores?: number[];
  mean?: number | null;
  texts?: string[];
}
export interface SurveyResults {
  surveyId: number;
  responses: number;
  counts: { verySatisfied: number; satisfied: number; notSatisfied: number };
  satisfaction: FigureOut;
  questions: QuestionResult[];
}
export interface PublicSurvey {
  slug: string;
  title: string;
  description: string;
  unitName: string;
  state: SurveyState;
  opensOn: string | null;
  closesOn: string | null;
  needsToken: boolean;
  questions: SurveyQuestion[];
}
export interface Post {
  id: number;
  unitId: number;
  title: string;
  body: string;
  published: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  attachments: { id: number; filename: string; mime: string; size: number; url: string }[];
  actions: { edit: boolean };
}
export type PostInput = Pick<Post, 'title' | 'body' | 'published'>;

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: 'Chọn một phương án',
  scale: 'Thang điểm 1–5',
  multiple: 'Chọn nhiều phương án',
  text: 'Trả lời tự do',
};
export const SURVEY_STATE_LABELS: Record<SurveyState, string> = {
  draft: 'Chưa mở',
  scheduled: 'Chưa đến ngày mở',
  open: 'Đang nhận trả lời',
  closed: 'Đã kết thúc',
};
export const SURVEY_STATE_COLORS: Record<SurveyState, string> = {
  draft: 'gray',
  scheduled: 'yellow',
  open: 'teal',
  closed: 'red',
};

const call = request;

export const surveyApi = {
  templates: () => call<SurveyTemplate[]>('GET', '/api/surveys/templates'),
  list: (unitId: number) => call<Survey[]>('GET', `/api/surveys?unitId=${unitId}`),
  get: (id: number) => call<Survey>('GET', `/api/surveys/${id}`),
  create: (unitId: number, template: SurveyTemplate['id'], input: SurveyInput) =>
    call<Survey>('POST', '/api/surveys', { unitId, template, ...input }),
  update: (id: number, input: SurveyInput) => call<Survey>('PUT', `/api/surveys/${id}`, input),
  remove: (id: number) => call<{ ok: boolean }>('DELETE', `/api/surveys/${id}`),
  invite: (id: number, count: number) =>
    call<{ links: string[] }>('POST', `/api/surveys/${id}/invitations`, { count }),
  results: (id: number) => call<SurveyResults>('GET', `/api/surveys/${id}/results`),
  exportUrl: (id: number) => `/api/surveys/${id}/export.xlsx`,
  qrUrl: (id: number) => `/api/surveys/${id}/qr.png`,
  publicForm: (slug: string) => call<PublicSurvey>('GET', `/api/public/surveys/${encodeURIComponent(slug)}`),
  answer: (slug: string, body: { answers: Record<string, unknown>; token?: string; browserId?: string }) =>
    call<{ ok: boolean; message: string }>(
      'POST',
      `/api/public/surveys/${encodeURIComponent(slug)}/answers`,
      body,
    ),
  posts: (unitId: number) => call<Post[]>('GET', `/api/posts?unitId=${unitId}`),
  createPost: (unitId: number, input: PostInput) => call<Post>('POST', '/api/posts', { unitId, ...input }),
  updatePost: (id: number, input: PostInput) => call<Post>('PUT', `/api/posts/${id}`, input),
  removePost: (id: number) => call<{ ok: boolean }>('DELETE', `/api/posts/${id}`),
  attach: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<Post>(`/api/posts/${id}/files`, form);
  },
  detach: (id: number, fileId: number) => call<Post>('DELETE', `/api/posts/${id}/files/${fileId}`),
};

export const formatPercent = (v: number | null): string =>
  v === null ? 'chưa có số liệu' : `${v.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
