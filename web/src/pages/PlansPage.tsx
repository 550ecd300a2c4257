import { Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconFileImport } from '@tabler/icons-react';
import { Link } from 'react-router';
import { planApi, planKeys } from '../api/plans.js';
import { EmptyText, ErrorAlert, PageLoader } from '../components/common.js';
import { formatDate } from '../lib/format.js';
import { permissions, useCurrentUser, useUnitScope } from '../session.js';

export function PlansPage() {
  const me = useCurrentUser();
  const scope = useUnitScope();
  // The user's own unit shows the plans of its whole subtree; another unit, only its own.
  const filter = scope.isOwnUnit ? undefined : scope.unitId;
  const q = useQuery({ queryKey: planKeys.list(filter), queryFn: () => planApi.list(filter) });
  const canImport = permissions(me).importPlan;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Kế hoạch</Title>
          <Text c="dimmed">{scope.unit?.name ?? me.unit.name}</Text>
        </div>
        {canImport && (
          <Button component={Link} to="/import" leftSection={<IconFileImport size={16} />}>
            Nhập kế hoạch
          </Button>
        )}
      </Group>
      {q.isPending && <PageLoader />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && q.data.length === 0 && <EmptyText>Chưa có kế hoạch nào.</EmptyText>}
      {q.data && q.data.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="plan-list">
          {q.data.map((p) => {
            // Same rule as the plan page: tasks that did not arise ("không phát sinh") are left out.
            const countable = p.taskCount - (p.notApplicableCount ?? 0);
            const pct = countable <= 0 ? 0 : Math.round((p.doneCount / countable) * 100);
            return (
              <Card
                key={p.id}
                withBorder
                radius="md"
                component={Link}
                to={`/plans/${p.id}`}
                data-testid="plan-card"
                aria-label={`${p.title} (${p.unitName}, năm ${p.year})`}
                style={{ opacity: p.status === 'superseded' ? 0.75 : 1 }}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start" mb={6}>
                  <Badge variant="light" size="lg">
                    Năm {p.year}
                  </Badge>
                  <Group gap={6}>
                    {p.version > 1 && (
                      <Badge variant="outline" color="gray">
                        Phiên bản {p.version}
                      </Badge>
                    )}
                    <Badge color={p.status === 'active' ? 'teal' : 'gray'} variant="light">
                      {p.status === 'active' ? 'Đang áp dụng' : 'Đã thay thế'}
                    </Badge>
                  </Group>
                </Group>
                <Text fw={600}>{p.title}</Text>
                <Text size="sm" c="dimmed">
                  {p.number ? `Số ${p.number}` : 'Chưa có số'}
                  {p.issuedOn ? ` · ngày ${formatDate(p.issuedOn)}` : ''} · {p.unitName}
                </Text>
                <Group gap="xs" mt="sm" wrap="nowrap">
                  <Progress value={pct} style={{ flex: 1 }} aria-label={`Đã xong ${pct}%`} />
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    đã xong {p.doneCount}/{Math.max(countable, 0)} nhiệm vụ
                  </Text>
                </Group>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
