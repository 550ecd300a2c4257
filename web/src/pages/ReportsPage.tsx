import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyText, ErrorAlert, PageLoader } from '../components/common.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { useCurrentUser, useUnitScope, useUnits } from '../session.js';
import { REPORT_STATE_COLORS, REPORT_STATE_LABELS, reportApi, reportKeys } from '../api/reports.js';
import type { PeriodState } from '../api/reports.js';

export function ReportStateBadge({ p }: { p: Pick<PeriodState, 'state' | 'submittedLate'> }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={REPORT_STATE_COLORS[p.state]} variant="light" data-testid="report-state">
        {REPORT_STATE_LABELS[p.state]}
      </Badge>
      {p.state === 'submitted' && p.submittedLate && (
        <Badge color="red" variant="outline" size="sm">
          gửi trễ hạn
        </Badge>
      )}
    </Group>
  );
}

/** The reporting schedule of the viewed unit, and for a superior the state of each unit below. */
export function ReportsPage() {
  const me = useCurrentUser();
  const scope = useUnitScope();
  const units = useUnits(me.unit.hasChildren);
  const thisYear = new Date().getFullYear();
  // "?nam=2026" opens another year (links from elsewhere, bookmarks).
  const [search] = useSearchParams();
  const asked = Number(search.get('nam'));
  const [year, setYear] = useState(
    Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear,
  );
  const schedule = useQuery({
    queryKey: reportKeys.schedule(scope.unitId, year),
    queryFn: () => reportApi.schedule(scope.unitId, year),
  });
  const viewed = units.data?.find((u) => u.id === scope.unitId);
  const hasChildren = me.unit.hasChildren && (units.data ?? []).some((u) => u.parentId === scope.unitId);
  const [code, setCode] = useState('Q1');
  const period = `${year}-${code}`;
  const overview = useQuery({
    queryKey: reportKeys.overview(scope.unitId, period),
    queryFn: () => reportApi.overview(scope.unitId, period),
    enabled: hasChildren,
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Báo cáo định kỳ</Title>
          <Text c="dimmed">{viewed?.name ?? scope.unit?.name ?? me.unit.name}</Text>
        </div>
        <Select
          aria-label="Năm báo cáo"
          w={140}
          data={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
            value: String(y),
            label: `Năm ${y}`,
          }))}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
        />
      </Group>
      {schedule.isPending && <PageLoader />}
      {schedule.isError && <ErrorAlert error={schedule.error} />}
      {/* A superior without a plan of its own (a ward following its schools) sees only the units below. */}
      {schedule.data && (schedule.data.plan || !hasChildren) && (
        <Card withBorder radius="md">
          <Title order={4} mb="xs">
            Lịch báo cáo năm {year}
          </Title>
          {!schedule.data.plan && (
            <Alert color="yellow" mb="sm">
              Đơn vị chưa có kế hoạch CCHC năm {year}: hạn gửi lấy theo lịch của đơn vị; cần nhập kế hoạch
              trước khi lập báo cáo.
            </Alert>
          )}
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover data-testid="report-schedule">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kỳ báo cáo</Table.Th>
                  <Table.Th>Hạn gửi</Table.Th>
                  <Table.Th>Số liệu tính từ – đến</Table.Th>
                  <Table.Th>Trạng thái</Table.Th>
                  <Table.Th>Đã gửi lúc</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {schedule.data.periods.map((p) => (
                  <Table.Tr key={p.key} data-testid={`report-period-${p.key}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/bao-cao/${scope.unitId}/${p.key}`}>
                        {p.label}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDate(p.dueDate)}</Table.Td>
                    <Table.Td>
                      {formatDate(p.cutoffFrom)} – {formatDate(p.cutoffTo)}
                    </Table.Td>
                    <Table.Td>
                      <ReportStateBadge p={p} />
                    </Table.Td>
                    <Table.Td>{p.submittedAt ? formatDateTime(p.submittedAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {hasChildren && (
        <Card withBorder radius="md">
          <Group justify="space-between" mb="xs">
            <Title order={4}>Các đơn vị cấp dưới</Title>
            <SegmentedControl
              aria-label="Kỳ báo cáo của các đơn vị cấp dưới"
              value={code}
              onChange={setCode}
              data={[
                { value: 'Q1', label: 'Quý I' },
                { value: 'H1', label: '6 tháng' },
                { value: 'Q3', label: 'Quý III' },
                { value: 'Y', label: 'Năm' },
              ]}
            />
          </Group>
          {overview.isPending && <PageLoader />}
          {overview.isError && <ErrorAlert error={overview.error} />}
          {overview.data && overview.data.units.length === 0 && (
            <EmptyText>Không có đơn vị cấp dưới.</EmptyText>
          )}
          {overview.data && overview.data.units.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="report-overview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Đơn vị</Table.Th>
                    <Table.Th>Hạn gửi</Table.Th>
                    <Table.Th>Trạng thái</Table.Th>
                    <Table.Th>Đã gửi lúc</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {overview.data.units.map((u) => (
                    <Table.Tr key={u.unitId} data-testid={`report-unit-${u.unitCode}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/bao-cao/${u.unitId}/${u.key}`}>
                          {u.unitName}
                        </Anchor>
                        {!u.hasPlan && (
                          <Text size="xs" c="dimmed">
                            chưa có kế hoạch năm {year}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{formatDate(u.dueDate)}</Table.Td>
                      <Table.Td>
                        <ReportStateBadge p={u} />
                        {u.received && (
                          <Text size="xs" c="dimmed" data-testid="report-received">
                            nhận qua liên thông
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{u.submittedAt ? formatDateTime(u.submittedAt) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
