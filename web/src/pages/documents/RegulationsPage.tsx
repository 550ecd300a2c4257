import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { regulationKeys, regulationsApi } from '../../api/regulations.js';
import type { Regulation } from '../../api/regulations.js';
import { EmptyText, ErrorAlert, PageLoader, notifySuccess } from '../../components/common.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useUnitScope } from '../../session.js';
import { RegulationModal } from './RegulationModal.js';
import { RegulationReviewModal } from './RegulationReviewModal.js';

function NextReview({ r }: { r: Regulation }) {
  if (r.status === 'repealed') return <Badge color="gray">Đã bãi bỏ</Badge>;
  const color = r.dueState === 'overdue' ? 'red' : r.dueState === 'due_soon' ? 'yellow' : undefined;
  return (
    <Stack gap={0}>
      <Text
        size="sm"
        c={color ? `${color}.8` : undefined}
        fw={color ? 700 : undefined}
        data-testid="next-review"
      >
        {formatDate(r.nextReviewOn)}
      </Text>
      <Text size="xs" c="dimmed">
        {r.daysLeft < 0
          ? `quá hạn ${formatNumber(-r.daysLeft)} ngày`
          : `còn ${formatNumber(r.daysLeft)} ngày`}
      </Text>
    </Stack>
  );
}

/** Quy chế nội bộ: adoption, review cycle, next review (amber within 30 days, red overdue). */
export function RegulationsPage() {
  const scope = useUnitScope();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Regulation | 'new' | null>(null);
  const [reviewing, setReviewing] = useState<Regulation | null>(null);
  const list = useQuery({
    queryKey: regulationKeys.list(scope.unitId),
    queryFn: () => regulationsApi.list(scope.unitId),
  });
  const done = (message: string) => {
    setEditing(null);
    setReviewing(null);
    notifySuccess(message);
    void qc.invalidateQueries({ queryKey: regulationKeys.lists });
  };

  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const { items, counts, kinds, actions } = list.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Quy chế nội bộ</Title>
        {actions.create && (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
            Thêm quy chế
          </Button>
        )}
      </Group>
      <Group gap="xs" data-testid="regulation-counts">
        <Badge variant="light" size="lg">
          Đang hiệu lực: {formatNumber(counts.inForce)}
        </Badge>
        <Badge variant="light" color="yellow" size="lg">
          Sắp đến hạn rà soát: {formatNumber(counts.dueSoon)}
        </Badge>
        <Badge variant="light" color="red" size="lg">
          Quá hạn rà soát: {formatNumber(counts.overdue)}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <EmptyText>Chưa có quy chế nội bộ nào.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="regulation-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Quy chế</Table.Th>
                <Table.Th>Văn bản ban hành</Table.Th>
                <Table.Th>Chu kỳ rà soát</Table.Th>
                <Table.Th>Rà soát tiếp theo</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id} data-testid={`regulation-${r.id}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.kindLabel}
                      {r.lastReviewedOn ? ` · rà soát lần gần nhất ${formatDate(r.lastReviewedOn)}` : ''}
                      {r.repealReason ? ` · bãi bỏ: ${r.repealReason}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.adoption.number ?? '—'}
                    {r.adoption.date ? ` ngày ${formatDate(r.adoption.date)}` : ''}
                  </Table.Td>
                  <Table.Td>{r.reviewMonths} tháng</Table.Td>
                  <Table.Td>
                    <NextReview r={r} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {r.actions.edit && (
                        <Button size="xs" variant="subtle" onClick={() => setEditing(r)}>
                          Sửa
                        </Button>
                      )}
                      {(r.actions.review || r.actions.repeal) && (
                        <Button size="xs" variant="light" onClick={() => setReviewing(r)}>
                          Rà soát
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <RegulationModal
          unitId={scope.unitId}
          kinds={kinds}
          regulation={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => done('Đã lưu quy chế nội bộ.')}
        />
      )}
      {reviewing && (
        <RegulationReviewModal
          regulation={reviewing}
          onClose={() => setReviewing(null)}
          onDone={() => done('Đã ghi nhận.')}
        />
      )}
    </Stack>
  );
}
