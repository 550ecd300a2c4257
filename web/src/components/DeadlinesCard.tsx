import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { calendarApi, calendarKeys } from '../api/calendar.js';
import type { DeadlineItem } from '../api/types.js';
import { formatDate } from '../lib/format.js';
import { ErrorAlert } from './common.js';
import { DueStateBadge } from './due.js';

const DAYS = 14;
const FIRST = 8;
const ORDER: Record<DeadlineItem['state'], number> = { overdue: 0, due_soon: 1, upcoming: 2 };

/**
 * The dashboard's "Hạn sắp tới": open occurrences overdue or due within two weeks, the overdue
 * first. A superior sees its subtree's, with each item's unit.
 */
export function DeadlinesCard({ unitId, subtree }: { unitId: number; subtree: boolean }) {
  const [all, setAll] = useState(false);
  const q = useQuery({
    queryKey: calendarKeys.deadlines(unitId, subtree),
    queryFn: () => calendarApi.deadlines(unitId, subtree, DAYS),
  });
  const items = [...(q.data?.items ?? [])].sort(
    (a, b) =>
      ORDER[a.state] - ORDER[b.state] || a.due.localeCompare(b.due) || a.taskCode.localeCompare(b.taskCode),
  );
  const overdue = items.filter((i) => i.state === 'overdue').length;
  const soon = items.filter((i) => i.state === 'due_soon').length;
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <Card withBorder radius="md" padding="md" data-testid="deadlines-card">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="sm">
        <div>
          <Title order={3} size="h4">
            Hạn sắp tới
          </Title>
          {q.data && (
            <Text size="sm" c="dimmed">
              {items.length === 0
                ? `Không có hạn nào quá hạn hoặc trong ${DAYS} ngày tới.`
                : `${overdue} quá hạn · ${soon} sắp đến hạn · trong ${DAYS} ngày tới`}
            </Text>
          )}
        </div>
        <Button
          component={Link}
          to="/lich"
          variant="light"
          size="xs"
          leftSection={<IconCalendarEvent size={14} />}
        >
          Xem lịch
        </Button>
      </Group>
      {q.isPending && <Skeleton h={80} />}
      {q.isError && <ErrorAlert error={q.error} title="Không tải được các hạn" />}
      {shown.length > 0 && (
        <Stack gap={6} data-testid="deadline-list">
          {shown.map((d) => (
            <Group
              key={d.occurrenceId}
              justify="space-between"
              wrap="nowrap"
              align="flex-start"
              gap="xs"
              data-testid="deadline-item"
              data-state={d.state}
            >
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/tasks/${d.taskId}`} size="sm" fw={500}>
                  {d.taskCode}. {d.deliverable ? `${d.deliverable} – ` : ''}
                  {d.label}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {subtree ? `${d.unitName} · ` : ''}
                  {d.taskTitle}
                </Text>
              </div>
              <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                <DueStateBadge state={d.state} size="xs" />
                <Text size="xs" c={d.state === 'overdue' ? 'red' : 'dimmed'}>
                  {formatDate(d.due)}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
      {items.length > FIRST && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll((v) => !v)}>
          {all ? 'Thu gọn' : `Xem tất cả ${items.length} hạn`}
        </Button>
      )}
    </Card>
  );
}
