import type { MantineColor } from '@mantine/core';
import type {
  DocumentKind,
  DossierChannel,
  DossierStatus,
  Frequency,
  HolidayKind,
  OccurrenceState,
  OccurrenceStatus,
  OnlineLevel,
  Rating,
  ResultType,
  TargetMetric,
  TargetState,
  TaskStatus,
  Timeliness,
  TimeLimitUnit,
} from '../api/types.js';

export { ROLES, ROLE_LABELS } from '../../../src/modules/auth/roles.js';
export { UNIT_KINDS, UNIT_KIND_KEYS } from '../../../src/modules/units/kinds.js';
// The dossier vocabulary as the server prints it on Mẫu 01–06 (a plain module: no zod in the bundle).
export {
  DOSSIER_CHANNEL_LABELS,
  DOSSIER_EVENT_LABELS,
  DOSSIER_STATUS_LABELS,
  RETURN_METHOD_LABELS,
  TIME_LIMIT_UNIT_LABELS,
} from '../../../src/core/dossier/labels.js';

export {
  TASK_STATUS_LABELS as STATUS_LABELS,
  TASK_STATUSES as STATUSES,
} from '../../../src/shared/tasks.js';

/** The task lists' filter for tasks with an occurrence overdue or due within days. */
export const DUE_FILTER_LABEL = 'Quá hạn / sắp đến hạn';

export const STATUS_COLORS: Record<TaskStatus, MantineColor> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'teal',
  not_applicable: 'grape',
};

export const TARGET_STATE_LABELS = {
  met: 'Đạt',
  at_risk: 'Có nguy cơ không đạt',
  not_met: 'Chưa đạt',
  unknown: 'Chưa có số liệu',
} as const satisfies Record<TargetState, string>;
export const TARGET_STATE_COLORS = {
  met: 'teal',
  at_risk: 'orange',
  not_met: 'red',
  unknown: 'gray',
} as const satisfies Record<TargetState, MantineColor>;

/** The register figures a plan target can be measured by (core/metrics binding). */
export const TARGET_METRIC_LABELS = {
  dossier_on_time: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
  dossier_online: 'Tỷ lệ hồ sơ trực tuyến',
  dossier_online_payment: 'Tỷ lệ thanh toán trực tuyến',
  dossier_digitisation: 'Tỷ lệ số hóa hồ sơ',
  dossier_satisfaction: 'Tỷ lệ hài lòng về giải quyết hồ sơ',
  feedback_answered_on_time: 'Tỷ lệ phản ánh, kiến nghị được xử lý, trả lời đúng hạn',
  feedback_published: 'Tỷ lệ phản ánh, kiến nghị được công khai kết quả trả lời',
  survey_satisfaction: 'Tỷ lệ hài lòng qua khảo sát',
  document_electronic: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử (trừ văn bản mật)',
  document_signed: 'Tỷ lệ văn bản đi được ký số',
  document_official_channel: 'Tỷ lệ văn bản gửi, nhận qua hệ thống quản lý văn bản, thư điện tử công vụ',
  document_incoming_on_time: 'Tỷ lệ văn bản đến được xử lý đúng hạn',
} as const satisfies Record<TargetMetric, string>;
export const TARGET_METRICS = Object.keys(TARGET_METRIC_LABELS) as TargetMetric[];

/** A task's occurrence ("kỳ thực hiện"): its own status, not the task's. */
export const OCCURRENCE_STATUS_LABELS = {
  pending: 'Chưa hoàn thành',
  done: 'Hoàn thành',
  not_applicable: 'Không phát sinh',
} as const satisfies Record<OccurrenceStatus, string>;

export const OCCURRENCE_STATUS_COLORS: Record<OccurrenceStatus, MantineColor> = {
  pending: 'gray',
  done: 'teal',
  not_applicable: 'grape',
};

/** Where an open occurrence stands today. */
export const DUE_STATE_LABELS = {
  overdue: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
  upcoming: 'Chưa đến hạn',
  none: 'Chưa có hạn',
} as const satisfies Record<OccurrenceState, string>;

export const DUE_STATE_COLORS: Record<OccurrenceState, MantineColor> = {
  overdue: 'red',
  due_soon: 'orange',
  upcoming: 'gray',
  none: 'gray',
};

export const TIMELINESS_LABELS = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
} as const satisfies Record<Timeliness, string>;

export const TIMELINESS_COLORS: Record<Timeliness, MantineColor> = {
  early: 'teal',
  on_time: 'blue',
  late: 'red',
};

export const HOLIDAY_KIND_LABELS = {
  statutory: 'Nghỉ lễ theo luật',
  compensation: 'Nghỉ bù',
  announced: 'Theo công bố',
} as const satisfies Record<HolidayKind, string>;

export const HOLIDAY_KIND_COLORS: Record<HolidayKind, MantineColor> = {
  statutory: 'red',
  compensation: 'orange',
  announced: 'grape',
};

/** Index = `Date#getDay()` (0 = Sunday). */
export const WEEKDAY_LABELS = [
  'Chủ nhật',
  'Thứ Hai',
  'Thứ Ba',
  'Thứ Tư',
  'Thứ Năm',
  'Thứ Sáu',
  'Thứ Bảy',
] as const;
export const WEEKDAY_SHORT = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'] as const;

export const FREQUENCY_LABELS = {
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  half_yearly: 'Sáu tháng một lần',
  yearly: 'Hằng năm',
} as const satisfies Record<Frequency, string>;

/** The superior's periodic reports, in the order of the year. */
export const REPORT_PERIOD_LABELS = {
  Q1: 'Báo cáo quý I',
  H1: 'Báo cáo 6 tháng',
  Q3: 'Báo cáo quý III',
  Y: 'Báo cáo năm',
} as const;
export type ReportPeriodCode = keyof typeof REPORT_PERIOD_LABELS;
export const REPORT_PERIOD_CODES = Object.keys(REPORT_PERIOD_LABELS) as ReportPeriodCode[];

// ── Hồ sơ thủ tục hành chính (one-stop dossiers) ──────────────────────────────────────────────

export const DOSSIER_STATUS_COLORS: Record<DossierStatus, MantineColor> = {
  received: 'blue',
  awaiting_supplement: 'yellow',
  in_progress: 'cyan',
  resolved: 'teal',
  returned: 'green',
  refused: 'gray',
  withdrawn: 'gray',
};

/** The register's status filter. */
export const DOSSIER_FILTER_LABELS = {
  open: 'Đang giải quyết (chưa kết thúc)',
  ended: 'Đã kết thúc',
  due_soon: 'Sắp đến hạn',
  late: 'Quá hạn, trễ hạn',
} as const;
export type DossierFilter = keyof typeof DOSSIER_FILTER_LABELS;
export const DOSSIER_FILTERS = Object.keys(DOSSIER_FILTER_LABELS) as DossierFilter[];

export const DOSSIER_CHANNELS = ['direct', 'online', 'postal'] as const satisfies readonly DossierChannel[];

export const DOCUMENT_KIND_LABELS = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao chứng thực',
  electronic: 'Bản điện tử',
} as const satisfies Record<DocumentKind, string>;
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];

export const ONLINE_LEVEL_LABELS = {
  full: 'Trực tuyến toàn trình',
  partial: 'Trực tuyến một phần',
  none: 'Không trực tuyến',
} as const satisfies Record<OnlineLevel, string>;

export const RESULT_TYPE_LABELS = {
  paper: 'Bản giấy',
  electronic: 'Bản điện tử',
} as const satisfies Record<ResultType, string>;

export const TIME_LIMIT_UNITS = [
  'working_days',
  'working_hours',
  'calendar_days',
] as const satisfies readonly TimeLimitUnit[];

/** A dossier's timeliness at its end (Mẫu 06, reports); Mẫu 05 lines carry their own label. */
export const DOSSIER_TIMELINESS_COLORS: Record<Timeliness, MantineColor> = TIMELINESS_COLORS;

export const RATING_LABELS = {
  very_satisfied: 'Rất hài lòng',
  satisfied: 'Hài lòng',
  not_satisfied: 'Không hài lòng',
} as const satisfies Record<Rating, string>;
export const RATINGS = Object.keys(RATING_LABELS) as Rating[];
export const RATING_COLORS: Record<Rating, MantineColor> = {
  very_satisfied: 'teal',
  satisfied: 'blue',
  not_satisfied: 'red',
};

/** The five elements of the national SIPAS survey (domain.md §9), rated 1–5 by the citizen. */
export const SIPAS_CRITERIA = {
  access: 'Tiếp cận dịch vụ',
  procedure: 'Thủ tục hành chính',
  officer: 'Công chức trực tiếp giải quyết',
  result: 'Kết quả giải quyết',
  feedback: 'Tiếp nhận, xử lý phản ánh, kiến nghị',
} as const;
export type SipasCriterion = keyof typeof SIPAS_CRITERIA;

/** The period figures of the register (core/metrics), in the order the reports print them. */
export const FIGURE_LABELS = {
  onTimeRate: 'Tỷ lệ giải quyết đúng hạn',
  lateRate: 'Tỷ lệ quá hạn',
  onlineShare: 'Tỷ lệ hồ sơ trực tuyến',
  onlinePaymentShare: 'Tỷ lệ thanh toán trực tuyến',
  componentDigitisation: 'Tỷ lệ số hóa thành phần hồ sơ',
  electronicResultShare: 'Tỷ lệ cấp kết quả điện tử',
  digitisation: 'Tỷ lệ số hóa hồ sơ',
  satisfaction: 'Tỷ lệ hài lòng (đánh giá)',
  dossierSatisfaction: 'Mức độ hài lòng về giải quyết hồ sơ',
} as const;
export type FigureKey = keyof typeof FIGURE_LABELS;
export const FIGURE_KEYS = Object.keys(FIGURE_LABELS) as FigureKey[];

/** States of a PAR Index self-assessment: one vocabulary with the server (src/shared/par.ts). */
export { PAR_STATUS_COLORS, PAR_STATUS_LABELS, type ParStatus } from '../../../src/shared/par.js';
