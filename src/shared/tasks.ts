/** Tasks of a plan: statuses and their labels, as the server stores them and the screens show them. */

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  not_applicable: 'Không phát sinh',
};
