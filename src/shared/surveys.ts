/** Satisfaction surveys: question kinds, survey states, templates and the limits of their forms. */

/** single: one option; scale: 1–5; multiple: several options; text: free answer. */
export const QUESTION_KINDS = ['single', 'scale', 'multiple', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: 'Chọn một phương án',
  scale: 'Thang điểm 1–5',
  multiple: 'Chọn nhiều phương án',
  text: 'Trả lời tự do',
};

export const SURVEY_STATES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

export const SURVEY_STATE_LABELS: Record<SurveyState, string> = {
  draft: 'Chưa mở',
  scheduled: 'Chưa đến ngày mở',
  open: 'Đang nhận trả lời',
  closed: 'Đã kết thúc',
};

export const SURVEY_TEMPLATES = ['sipas', 'dossier_rating', 'blank'] as const;
export type SurveyTemplateId = (typeof SURVEY_TEMPLATES)[number];

/** The limits the builder, the public form and the server's schemas enforce. */
export const SURVEY_LIMITS = {
  title: 300,
  description: 5000,
  questions: 60,
  questionText: 500,
  options: 20,
  optionText: 200,
  /** A free-text answer, in characters. */
  textAnswer: 2000,
  /** Invitation tokens made at once. */
  invitations: 1000,
} as const;
