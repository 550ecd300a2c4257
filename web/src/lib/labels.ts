import type { MantineColor } from '@mantine/core';
import type {
  Frequency,
  HolidayKind,
  OccurrenceState,
  OccurrenceStatus,
  TaskStatus,
  Timeliness,
} from '../api/types.js';

export { ROLES, ROLE_LABELS } from '../../../src/modules/auth/roles.js';
export { UNIT_KINDS, UNIT_KIND_KEYS } from '../../../src/modules/units/kinds.js';

/** Same labels as TASK_STATUS_LABELS on the server (kept here so zod stays out of the bundle). */
export const STATUS_LABELS = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  not_applicable: 'Không phát sinh',
} as const satisfies Record<TaskStatus, string>;

export const STATUSES = Object.keys(STATUS_LABELS) as TaskStatus[];

/** The task lists' filter for tasks with an occurrence overdue or due within days. */
export const DUE_FILTER_LABEL = 'Quá hạn / sắp đến hạn';

export const STATUS_COLORS: Record<TaskStatus, MantineColor> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'teal',
  not_applicable: 'grape',
};

export const TARGET_STATE_LABELS = { met: 'Đạt', not_met: 'Chưa đạt', unknown: 'Chưa có số liệu' } as const;
export const TARGET_STATE_COLORS = { met: 'teal', not_met: 'red', unknown: 'gray' } as const;

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
