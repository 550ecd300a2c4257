import { Anchor, Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import type { TaskStatus } from '../api/types.js';
import { EmptyText, ErrorAlert, PageLoader, StatusBadge } from '../components/common.js';
import { STATUS_LABELS, STATUSES } from '../lib/labels.js';

export function MyTasksPage() {
  const q = useQuery({ queryKey: ['my-tasks'], queryFn: api.myTasks });
  const [status, setStatus] = useState<TaskStatus | 'open' | 'all'>('open');
  const list = (q.data ?? []).filter((t) =>
    status === 'all'
      ? true
      : status === 'open'
        ? t.status === 'not_started' || t.status === 'in_progress'
        : t.status === status,
  );
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
            ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
          value={status}
          onChange={(v) => setStatus(v ?? 'open')}
          allowDeselect={false}
          w={200}
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
              </Stack>
              <StatusBadge status={t.status} />
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
