import {
  Anchor,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowsSort, IconChevronRight, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { SuperiorDashboard, UnitDashboard } from '../api/types.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { TARGET_STATE_COLORS, TARGET_STATE_LABELS } from '../lib/labels.js';
import type { TrendKey } from './dashboardTrendChart.js';

const TrendChart = lazy(() => import('./dashboardTrendChart.js'));

const METRIC_KEY: Record<string, TrendKey> = {
  dossier_on_time: 'onTimeRate',
  dossier_online: 'onlineShare',
  dossier_online_payment: 'onlinePaymentShare',
  dossier_digitisation: 'digitisation',
  dossier_satisfaction: 'satisfaction',
};

const NO_DATA = 'chưa có số liệu';
const pctText = (v: number | null) => (v === null ? '—' : `${formatNumber(v)}%`);
const STATES = ['met', 'at_risk', 'not_met', 'unknown'] as const;

/** Targets of the year's plan with their state, and the rolled-up count of each state. */
export function DashboardTargetsCard({ d }: { d: UnitDashboard | SuperiorDashboard }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="dashboard-targets">
      <Group justify="space-between" wrap="wrap" mb="sm">
        <Title order={3} size="h4">
          Chỉ tiêu năm {d.year}
        </Title>
        <Group gap={6}>
          {STATES.map((s) => (
            <Badge key={s} color={TARGET_STATE_COLORS[s]} variant="light" data-testid={`target-state-${s}`}>
              {TARGET_STATE_LABELS[s]}: {d.targetStates[s]}
            </Badge>
          ))}
        </Group>
      </Group>
      {d.targets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {'rows' in d
            ? 'Số chỉ tiêu theo trạng thái của toàn bộ các đơn vị trực thuộc.'
            : 'Chưa có kế hoạch năm nay.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={6} striped>
            <Table.Tbody>
              {d.targets.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Text size="sm">
                      {t.code}. {t.text}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" w={110} style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={500}>
                      {pctText(t.value)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t.measured
                        ? t.metric?.startsWith('document_')
                          ? 'đo từ sổ văn bản'
                          : 'đo từ sổ hồ sơ'
                        : 'nhập tay'}
                    </Text>
                  </Table.Td>
                  <Table.Td w={120}>
                    <Badge color={TARGET_STATE_COLORS[t.state]} variant="light">
                      {TARGET_STATE_LABELS[t.state]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** The bound targets' figures per quarter (the on-time and online shares when none is bound). */
export function DashboardTrendCard({ d }: { d: UnitDashboard | SuperiorDashboard }) {
  const bound = [
    ...new Set(
      d.targets.map((t) => (t.metric ? METRIC_KEY[t.metric] : undefined)).filter((k): k is TrendKey => !!k),
    ),
  ];
  const keys: TrendKey[] = bound.length > 0 ? bound : ['onTimeRate', 'onlineShare'];
  const thresholds = d.targets.flatMap((t) => {
    const th = t.threshold as { kind?: string; value?: number } | null;
    const key = t.metric ? METRIC_KEY[t.metric] : undefined;
    return key && th?.kind === 'percent' && typeof th.value === 'number' ? [{ key, value: th.value }] : [];
  });
  const unique = thresholds.filter(
    (t, i) => thresholds.findIndex((x) => x.key === t.key && x.value === t.value) === i,
  );
  const any = d.trend.some((q) => q.handled > 0 || q.received > 0);
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} size="h4" mb={4}>
        Xu hướng theo quý
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Số liệu sổ theo dõi hồ sơ từng quý của năm {d.year} (quý hiện tại tính đến hôm nay).
      </Text>
      {any ? (
        <Suspense fallback={<Skeleton h={260} />}>
          <TrendChart trend={d.trend} keys={keys} thresholds={unique} />
        </Suspense>
      ) : (
        <Text size="sm" c="dimmed">
          Chưa có hồ sơ nào trong năm: {NO_DATA}.
        </Text>
      )}
    </Card>
  );
}

/** Dossiers of the year, open late dossiers, open feedback. */
export function DashboardDossiersCard({
  d,
  subtree,
}: {
  d: UnitDashboard | SuperiorDashboard;
  subtree: boolean;
}) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="dashboard-dossiers">
      <Title order={3} size="h4" mb="sm">
        Hồ sơ và phản ánh, kiến nghị
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="sm">
        <Stat
          label="Hồ sơ tiếp nhận trong năm"
          value={formatNumber(d.dossiers.received)}
          testId="dash-received"
        />
        <Stat
          label="Tỷ lệ đúng hạn"
          value={d.dossiers.onTimeRate === null ? NO_DATA : pctText(d.dossiers.onTimeRate)}
          testId="dash-ontime"
        />
        <Stat
          label="Hồ sơ trễ hạn đang mở"
          value={formatNumber(d.dossiers.lateOpen)}
          color={d.dossiers.lateOpen > 0 ? 'red' : undefined}
          testId="dash-late"
        />
        <Stat
          label="Phản ánh, kiến nghị chưa trả lời"
          value={
            d.feedback === null
              ? NO_DATA
              : `${formatNumber(d.feedback.open)}${d.feedback.overdue ? ` (${formatNumber(d.feedback.overdue)} quá hạn)` : ''}`
          }
          testId="dash-feedback"
        />
      </SimpleGrid>
      {d.dossiers.late.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} data-testid="dashboard-late-dossiers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mã hồ sơ</Table.Th>
                <Table.Th>Thủ tục</Table.Th>
                {subtree && <Table.Th>Đơn vị</Table.Th>}
                <Table.Th>Hẹn trả</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.dossiers.late.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/dossiers/${x.id}`} size="sm">
                      {x.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{x.procedureName}</Text>
                  </Table.Td>
                  {subtree && (
                    <Table.Td>
                      <Text size="sm">{x.unitName}</Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm" c="red">
                      {formatDate(x.appointmentAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function Stat({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string | undefined;
  testId: string;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={color} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

type Row = SuperiorDashboard['rows'][number];
type SortKey =
  | 'name'
  | 'planProgress'
  | 'overdueTasks'
  | 'onTimeRate'
  | 'received'
  | 'lateOpen'
  | 'met'
  | 'at_risk'
  | 'not_met'
  | 'feedbackOpen';
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Đơn vị' },
  { key: 'planProgress', label: 'Tiến độ kế hoạch' },
  { key: 'overdueTasks', label: 'Nhiệm vụ quá hạn' },
  { key: 'onTimeRate', label: 'Hồ sơ đúng hạn' },
  { key: 'received', label: 'Hồ sơ tiếp nhận' },
  { key: 'lateOpen', label: 'Hồ sơ trễ hạn đang mở' },
  { key: 'met', label: 'Chỉ tiêu đạt' },
  { key: 'at_risk', label: 'Có nguy cơ' },
  { key: 'not_met', label: 'Chưa đạt' },
  { key: 'feedbackOpen', label: 'PAKN chưa trả lời' },
];

function sortValue(r: Row, k: SortKey): number | string | null {
  if (k === 'name') return r.unit.name;
  if (k === 'met' || k === 'at_risk' || k === 'not_met') return r.targets[k];
  return r[k];
}

/** One row per unit below the superior, sortable by any column; a click opens that unit. */
export function DashboardUnitsTable({ rows, onOpen }: { rows: Row[]; onOpen: (unitId: number) => void }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const sorted = [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    // "No data" stays at the bottom whichever way the column is sorted.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y), 'vi') : x - (y as number);
    return sort.desc ? -c : c;
  });
  const cell = (r: Row, k: SortKey) => {
    if (k === 'planProgress' || k === 'onTimeRate') return pctText(r[k]);
    if (k === 'feedbackOpen') return r.feedbackOpen === null ? '—' : formatNumber(r.feedbackOpen);
    const v = sortValue(r, k);
    return typeof v === 'number' ? formatNumber(v) : v;
  };
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} size="h4" mb={4}>
        So sánh các đơn vị
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Mỗi dòng là một đơn vị trực thuộc (gộp cả các đơn vị cấp dưới của nó), số liệu từ đầu năm đến hôm nay.
        Bấm tiêu đề cột để sắp xếp, bấm tên đơn vị để xem chi tiết.
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover striped verticalSpacing={6} data-testid="dashboard-compare">
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((c) => (
                <Table.Th key={c.key} ta={c.key === 'name' ? 'left' : 'right'}>
                  <UnstyledButton
                    onClick={() =>
                      setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key !== 'name' }))
                    }
                    aria-label={`Sắp xếp theo ${c.label.toLowerCase()}`}
                    data-testid={`sort-${c.key}`}
                  >
                    <Group gap={4} wrap="nowrap" justify={c.key === 'name' ? 'flex-start' : 'flex-end'}>
                      <Text size="sm" fw={600}>
                        {c.label}
                      </Text>
                      {sort.key !== c.key ? (
                        <IconArrowsSort size={14} opacity={0.4} />
                      ) : sort.desc ? (
                        <IconSortDescending size={14} />
                      ) : (
                        <IconSortAscending size={14} />
                      )}
                    </Group>
                  </UnstyledButton>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.unit.id} data-testid="compare-row">
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ta="left"
                    onClick={() => onOpen(r.unit.id)}
                    aria-label={`Xem tổng quan của ${r.unit.name}`}
                  >
                    <Group gap={4} wrap="nowrap">
                      {r.unit.name}
                      {r.self && ' (bản thân đơn vị)'}
                      <IconChevronRight size={14} />
                    </Group>
                  </Anchor>
                </Table.Td>
                {COLUMNS.slice(1).map((c) => (
                  <Table.Td key={c.key} ta="right">
                    {cell(r, c.key)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
