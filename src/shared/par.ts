/** The PAR Index: assessment states, criterion signs, evidence kinds, their labels and form limits. */

export const PAR_STATUSES = ['draft', 'submitted', 'returned', 'final'] as const;
export type ParStatus = (typeof PAR_STATUSES)[number];

export const PAR_STATUS_LABELS: Record<ParStatus, string> = {
  draft: 'Đang tự chấm',
  submitted: 'Đã gửi thẩm định',
  returned: 'Trả lại để giải trình',
  final: 'Đã có kết quả thẩm định',
};

/** The label of a unit in the ranking that has not started its self-assessment. */
export const PAR_NOT_STARTED_LABEL = 'Chưa tự đánh giá';

export const PAR_STATUS_COLORS: Record<ParStatus, string> = {
  draft: 'blue',
  submitted: 'teal',
  returned: 'orange',
  final: 'green',
};

/** A criterion adds its points, adds bonus points, or takes points away. */
export const PAR_SIGNS = ['normal', 'bonus', 'minus'] as const;
export type ParSign = (typeof PAR_SIGNS)[number];

export const PAR_SET_STATUSES = ['active', 'superseded'] as const;
export type ParSetStatus = (typeof PAR_SET_STATUSES)[number];

/** Evidence of a leaf: an uploaded file, or what the system already holds. */
export const PAR_EVIDENCE_KINDS = ['file', 'task_evidence', 'report_submission'] as const;
export type ParEvidenceKind = (typeof PAR_EVIDENCE_KINDS)[number];
export const PAR_LINK_KINDS = ['task_evidence', 'report_submission'] as const;
export type ParLinkKind = (typeof PAR_LINK_KINDS)[number];

export const PAR_LIMITS = {
  /** A criterion's title. */
  title: 2000,
  /** Guides, evidence texts, notes, reasons and explanations. */
  text: 5000,
  /** The note beside an index entered for a past year. */
  previousNote: 2000,
  /** A criteria set's name (at least). */
  setNameMin: 3,
  /** A return reason or an explanation (at least). */
  reasonMin: 3,
  /** The survey part's weight, in points of 100. */
  surveyWeightMax: 50,
  /** Years a criteria set or an assessment may be for. */
  yearMin: 2000,
  yearMax: 2100,
} as const;
