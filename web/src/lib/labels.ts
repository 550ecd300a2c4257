import type { MantineColor } from '@mantine/core';
import type { TaskStatus } from '../api/types.js';

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

export const STATUS_COLORS: Record<TaskStatus, MantineColor> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'teal',
  not_applicable: 'grape',
};

export const TARGET_STATE_LABELS = { met: 'Đạt', not_met: 'Chưa đạt', unknown: 'Chưa có số liệu' } as const;
export const TARGET_STATE_COLORS = { met: 'teal', not_met: 'red', unknown: 'gray' } as const;
