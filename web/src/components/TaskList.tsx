import { Anchor, Badge, Card, Group, List, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPaperclip } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Named, Task } from '../api/types.js';
import { formatNamed } from '../lib/format.js';
import { StatusBadge } from './common.js';
import { TaskDue } from './due.js';

function Deliverables({ items }: { items: Named[] }) {
  if (items.length === 0) return null;
  return (
    <List size="xs" c="dimmed" spacing={0} withPadding={false} listStyleType="disc" ml="md">
      {items.map((d, i) => (
        <List.Item key={i}>
          {d.name}
          {d.optional ? ' (nếu có)' : ''}
        </List.Item>
      ))}
    </List>
  );
}

function EvidenceCount({ n }: { n: number }) {
  return (
    <Group
      gap={2}
      wrap="nowrap"
      c={n > 0 ? 'teal' : 'dimmed'}
      aria-label={`${n} tệp minh chứng`}
      data-testid="evidence-count"
    >
      <IconPaperclip size={14} />
      <Text size="sm" span>
        {n}
      </Text>
    </Group>
  );
}

function lead(t: Task): string {
  if (!t.lead) return '—';
  return t.leadOptional ? `${t.lead} (nếu có)` : t.lead;
}

/** A plan's tasks: a table on wide screens, cards on a phone. */
export function TaskList({ tasks }: { tasks: Task[] }) {
  const wide = useMediaQuery('(min-width: 62em)', true);
  if (!wide) {
    return (
      <Stack gap="xs" data-testid="task-list">
        {tasks.map((t) => (
          <Card key={t.id} withBorder padding="sm" radius="md" data-testid="task-row" data-task-code={t.code}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Anchor component={Link} to={`/tasks/${t.id}`} fw={500} size="sm">
                {t.code}. {t.title}
              </Anchor>
              <StatusBadge status={t.status} />
            </Group>
            <Deliverables items={t.deliverables} />
            <Text size="xs" mt={4}>
              <Text span c="dimmed" size="xs">
                Chủ trì:{' '}
              </Text>
              {lead(t)}
            </Text>
            {t.cooperators.length > 0 && (
              <Text size="xs">
                <Text span c="dimmed" size="xs">
                  Phối hợp:{' '}
                </Text>
                {formatNamed(t.cooperators)}
              </Text>
            )}
            <Group justify="space-between" mt={4}>
              <Text size="xs">
                <Text span c="dimmed" size="xs">
                  Thời hạn:{' '}
                </Text>
                {t.deadlineText || '—'}
              </Text>
              <EvidenceCount n={t.evidenceCount} />
            </Group>
            <TaskDue task={t} />
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table verticalSpacing="xs" highlightOnHover data-testid="task-list" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={52}>STT</Table.Th>
          <Table.Th>Nhiệm vụ, sản phẩm</Table.Th>
          <Table.Th w={210}>Chủ trì, phối hợp</Table.Th>
          <Table.Th w={170}>Thời gian hoàn thành</Table.Th>
          <Table.Th w={140}>Trạng thái</Table.Th>
          <Table.Th w={56} aria-label="Minh chứng">
            <IconPaperclip size={14} />
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tasks.map((t) => (
          <Table.Tr key={t.id} data-testid="task-row" data-task-code={t.code}>
            <Table.Td valign="top">
              <Text size="sm">{t.code}</Text>
            </Table.Td>
            <Table.Td valign="top">
              <Anchor component={Link} to={`/tasks/${t.id}`} size="sm" fw={500}>
                {t.title}
              </Anchor>
              {t.optional && (
                <Badge size="xs" variant="outline" color="gray" ml={6}>
                  nếu có
                </Badge>
              )}
              <Deliverables items={t.deliverables} />
            </Table.Td>
            <Table.Td valign="top">
              <Text size="sm">{lead(t)}</Text>
              {t.cooperators.length > 0 && (
                <Text size="xs" c="dimmed">
                  Phối hợp: {formatNamed(t.cooperators)}
                </Text>
              )}
            </Table.Td>
            <Table.Td valign="top">
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {t.deadlineText || '—'}
              </Text>
              <TaskDue task={t} />
            </Table.Td>
            <Table.Td valign="top">
              <StatusBadge status={t.status} />
            </Table.Td>
            <Table.Td valign="top">
              <EvidenceCount n={t.evidenceCount} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
