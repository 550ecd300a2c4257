import { Badge, Group, Text } from '@mantine/core';
import type { OccurrenceState, OccurrenceStatus, Task, Timeliness } from '../api/types.js';
import { formatDate } from '../lib/format.js';
import {
  DUE_STATE_COLORS,
  DUE_STATE_LABELS,
  OCCURRENCE_STATUS_COLORS,
  OCCURRENCE_STATUS_LABELS,
  TIMELINESS_COLORS,
  TIMELINESS_LABELS,
} from '../lib/labels.js';

type Size = 'xs' | 'sm' | 'md' | 'lg';

/** "Quá hạn" (red) / "Sắp đến hạn" (orange) / "Chưa đến hạn" for an open occurrence. */
export function DueStateBadge({ state, size = 'sm' }: { state: OccurrenceState; size?: Size }) {
  return (
    <Badge
      color={DUE_STATE_COLORS[state]}
      variant={state === 'overdue' || state === 'due_soon' ? 'filled' : 'light'}
      size={size}
      data-testid="due-state-badge"
      data-state={state}
      style={{ flexShrink: 0 }}
    >
      {DUE_STATE_LABELS[state]}
    </Badge>
  );
}

export function OccurrenceStatusBadge({ status, size = 'sm' }: { status: OccurrenceStatus; size?: Size }) {
  return (
    <Badge
      color={OCCURRENCE_STATUS_COLORS[status]}
      variant="light"
      size={size}
      data-testid="occurrence-status"
      data-status={status}
      style={{ flexShrink: 0 }}
    >
      {OCCURRENCE_STATUS_LABELS[status]}
    </Badge>
  );
}

export function TimelinessBadge({ value, size = 'sm' }: { value: Timeliness; size?: Size }) {
  return (
    <Badge
      color={TIMELINESS_COLORS[value]}
      variant="outline"
      size={size}
      data-testid="timeliness-badge"
      data-timeliness={value}
      style={{ flexShrink: 0 }}
    >
      {TIMELINESS_LABELS[value]}
    </Badge>
  );
}

/** A task's flag ("Quá hạn" / "Sắp đến hạn") and its next due date, where it has them. */
export function TaskDue({ task, size = 'xs' }: { task: Pick<Task, 'flag' | 'nextDue'>; size?: Size }) {
  if (!task.flag && !task.nextDue) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="task-due">
      {task.flag && (
        <Badge
          color={DUE_STATE_COLORS[task.flag]}
          variant="filled"
          size={size}
          data-testid="task-flag"
          data-flag={task.flag}
          style={{ flexShrink: 0 }}
        >
          {DUE_STATE_LABELS[task.flag]}
        </Badge>
      )}
      {task.nextDue && (
        <Text size="xs" c={task.flag === 'overdue' ? 'red' : 'dimmed'} span>
          Hạn tới: {formatDate(task.nextDue)}
        </Text>
      )}
    </Group>
  );
}
