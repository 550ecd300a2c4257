import { Anchor, Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { taskApi, taskKeys } from '../api/tasks.js';
import type { TaskStatus } from '../api/types.js';
import { EmptyText, ErrorAlert, PageLoader, StatusBadge } from '../components/common.js';
import { TaskDue } from '../components/due.js';
import { DUE_FILTER_LABEL, STATUS_LABELS, STATUSES } from '../lib/labels.js';

export function MyTasksPage() {
  const q = useQuery({ queryKey: taskKeys.mine, queryFn: taskApi.mine });
  const [status, setStatus] = useState<TaskStatus | 'open' | 'all' | 'due'>('open');
  const list = (q.data ?? []).filter((t) =>
    status === 'all'
      ? true
      : status === 'open'
        ? t.status === 'not_started' || t.status === 'in_progress'
        : status === 'due'
          ? t.flag !== null
          : t.status === status,
  );
  // Overdue and due-soon tasks: the most urgent first.
  if (status === 'due') list.sort((a, b) => (a.nextDue ?? '9999').localeCompare(b.nextDue ?? '9999'));
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Việc của tôi</Title>
          <Text c="dimmed">Các nhiệm vụ bạn được phân công thực hiện</Text>
        </div>
        <Select
          label="Hiển thị"
          data={[
            { value: 'open', label: 'Chưa xong' },
            { value: 'all', label: 'Tất cả' },
            { value: 'due', label: DUE_FILTER_LABEL },
            ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
          value={status}
          onChange={(v) => setStatus(v ?? 'open')}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
          data-testid="my-tasks-filter"
        />
      </Group>
      {q.isPending && <PageLoader />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && list.length === 0 && (
        <EmptyText>
          {q.data.length === 0 ? 'Bạn chưa được phân công nhiệm vụ nào.' : 'Không có nhiệm vụ phù hợp.'}
        </EmptyText>
      )}
      <Stack gap="xs" data-testid="my-tasks">
        {list.map((t) => (
          <Card key={t.id} withBorder radius="md" padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/tasks/${t.id}`} fw={500}>
                  {t.code}. {t.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t.planTitle} · năm {t.year}
                </Text>
                <Group gap="xs">
                  <Text size="xs">
                    <Text span c="dimmed" size="xs">
                      Thời hạn:{' '}
                    </Text>
                    {t.deadlineText || '—'}
                  </Text>
                  {t.optional && (
                    <Badge size="xs" variant="outline" color="gray">
                      nếu có
                    </Badge>
                  )}
                </Group>
                <TaskDue task={t} />
              </Stack>
              <StatusBadge status={t.status} />
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
