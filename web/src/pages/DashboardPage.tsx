import {
  Alert,
  Button,
  Card,
  Group,
  Paper,
  Progress,
  RingProgress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconArrowBackUp, IconFileImport } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import type { StatusCounts, SuperiorDashboard, UnitDashboard } from '../api/types.js';
import { ErrorAlert, PageLoader } from '../components/common.js';
import { DeadlinesCard } from '../components/DeadlinesCard.js';
import {
  DashboardDossiersCard,
  DashboardTargetsCard,
  DashboardTrendCard,
  DashboardUnitsTable,
} from '../components/dashboardViews.js';
import { formatNumber } from '../lib/format.js';
import { DashboardDocumentsCard } from './documents/DashboardDocumentsCard.js';
import { STATUS_COLORS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import { permissions, useCurrentUser, useUnitScope } from '../session.js';

const AreaStatusChart = lazy(() => import('./DashboardChart.js'));

const total = (c: StatusCounts) => c.not_started + c.in_progress + c.done + c.not_applicable;

function progressColor(pct: number): string {
  if (pct >= 80) return 'teal';
  if (pct >= 40) return 'blue';
  return 'orange';
}

export function DashboardPage() {
  const me = useCurrentUser();
  const scope = useUnitScope();
  const [yearByUnit, setYearByUnit] = useState<Record<number, number>>({});
  const year = yearByUnit[scope.unitId];
  const q = useQuery({
    queryKey: ['dashboard', scope.unitId, year ?? null],
    queryFn: () => api.dashboard(scope.unitId, year),
    placeholderData: keepPreviousData,
  });

  // The unit's own view; a superior's users also get the roll-up over the chosen unit's subtree
  // with one row per unit below it.
  const superior = me.unit.hasChildren;
  const view = useQuery({
    queryKey: ['dashboard-view', superior ? 'superior' : 'unit', scope.unitId],
    queryFn: (): Promise<UnitDashboard | SuperiorDashboard> =>
      superior ? api.dashboardSuperior(scope.unitId) : api.dashboardUnit(scope.unitId),
    placeholderData: keepPreviousData,
  });

  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const years = d.years.length > 0 ? d.years : [d.year];
  const all = total(d.totals);
  const hasTasks = all > 0;

  return (
    <Stack gap="lg" data-testid="dashboard">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Tổng quan</Title>
          <Text c="dimmed" data-testid="dashboard-unit">
            {d.unit.name} · năm {d.year}
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          {!scope.isOwnUnit && (
            <Button
              variant="default"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => scope.setUnitId(me.unit.id)}
            >
              Về đơn vị của tôi
            </Button>
          )}
          <Select
            label="Năm"
            data={years.map((y) => String(y))}
            value={String(d.year)}
            onChange={(v) => v && setYearByUnit((m) => ({ ...m, [scope.unitId]: Number(v) }))}
            allowDeselect={false}
            w={120}
            data-testid="dashboard-year"
          />
        </Group>
      </Group>

      {!hasTasks && (
        <Alert color="blue" variant="light" title="Chưa có nhiệm vụ nào">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">Đơn vị chưa có kế hoạch cải cách hành chính cho năm {d.year}.</Text>
            {permissions(me).importPlan && scope.isOwnUnit && (
              <Button component={Link} to="/import" size="xs" leftSection={<IconFileImport size={14} />}>
                Nhập kế hoạch
              </Button>
            )}
          </Stack>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <StatCard label="Tổng số nhiệm vụ" value={all} testId="stat-total" />
        {STATUSES.map((s) => (
          <StatCard
            key={s}
            label={STATUS_LABELS[s]}
            value={d.totals[s]}
            color={STATUS_COLORS[s]}
            testId={`stat-${s}`}
          />
        ))}
        <Paper withBorder p="sm" radius="md">
          <Group gap="xs" wrap="nowrap">
            <RingProgress
              size={64}
              thickness={7}
              roundCaps
              sections={[{ value: d.percentDone, color: progressColor(d.percentDone) }]}
              aria-hidden
            />
            <div>
              <Text size="xs" c="dimmed">
                Tỷ lệ hoàn thành
              </Text>
              <Text fw={700} size="xl" data-testid="stat-percent" data-value={d.percentDone}>
                {d.percentDone}%
              </Text>
            </div>
          </Group>
        </Paper>
      </SimpleGrid>

      {view.isError && <ErrorAlert error={view.error} />}
      {view.isPending && <Skeleton h={200} />}
      {view.data && (
        <>
          <DashboardDossiersCard d={view.data} subtree={superior} />
          {view.data.documents && <DashboardDocumentsCard d={view.data.documents} />}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <DashboardTargetsCard d={view.data} />
            <DashboardTrendCard d={view.data} />
          </SimpleGrid>
          {'rows' in view.data && view.data.rows.length > 1 && (
            <DashboardUnitsTable rows={view.data.rows} onOpen={(id) => scope.setUnitId(id)} />
          )}
        </>
      )}

      {/* A superior follows its units' deadlines too (subtree). */}
      <DeadlinesCard unitId={scope.unitId} subtree={me.unit.hasChildren} />

      {hasTasks && (
        <Card withBorder radius="md" padding="md">
          <Title order={3} size="h4" mb="sm">
            Nhiệm vụ theo lĩnh vực
          </Title>
          <Suspense fallback={<Skeleton h={360} />}>
            <AreaStatusChart areas={d.areas} />
          </Suspense>
        </Card>
      )}

      {hasTasks && (
        <Card withBorder radius="md" padding="md">
          <Title order={3} size="h4" mb="sm">
            Tiến độ từng lĩnh vực
          </Title>
          <Table striped verticalSpacing="xs" data-testid="dashboard-areas">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Lĩnh vực</Table.Th>
                <Table.Th ta="right" w={120} style={{ whiteSpace: 'nowrap' }}>
                  Hoàn thành
                </Table.Th>
                <Table.Th w={{ base: 64, sm: 220 }}>Tỷ lệ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.areas.map((a) => (
                <Table.Tr key={a.code}>
                  <Table.Td>
                    {a.code}. {a.title}
                  </Table.Td>
                  <Table.Td ta="right">
                    {a.counts.done}/{total(a.counts)}
                  </Table.Td>
                  <Table.Td>
                    <PercentBar value={a.percentDone} label={`Lĩnh vực ${a.code}`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}

function PercentBar({ value, label }: { value: number; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={value}
        color={progressColor(value)}
        style={{ flex: 1 }}
        visibleFrom="sm"
        aria-label={`${label}: ${value}%`}
      />
      <Text size="sm" w={44} ta="right">
        {value}%
      </Text>
    </Group>
  );
}

function StatCard({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: number;
  color?: string;
  testId: string;
}) {
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      style={color ? { borderLeft: `4px solid var(--mantine-color-${color}-6)` } : undefined}
    >
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId} data-value={value}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}
