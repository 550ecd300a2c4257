import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconChartPie, IconFilePlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import type { DossierListItem, DueSoonItem } from '../api/types.js';
import { EmptyText, ErrorAlert, PageLoader } from '../components/common.js';
import {
  DossierFlagBadge,
  DossierStatusBadge,
  dossierFlag,
  SubtreeSwitch,
  useDossierScope,
} from '../components/dossier.js';
import { formatDateTime, parseVnDate } from '../lib/format.js';
import { DOSSIER_FILTER_LABELS, DOSSIER_FILTERS } from '../lib/labels.js';
import type { DossierFilter } from '../lib/labels.js';

export function DossiersPage() {
  const scope = useDossierScope();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'sap-den-han' ? 'due' : 'register';
  const [subtree, setSubtree] = useState(false);
  const withSubtree = subtree && scope.hasBelow;
  const due = useQuery({
    queryKey: ['dossiers-due', scope.unitId, withSubtree],
    queryFn: () => api.dueSoon(scope.unitId, withSubtree),
  });

  return (
    <Stack gap="lg" data-testid="dossiers-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Hồ sơ thủ tục hành chính</Title>
          <Text c="dimmed">Sổ theo dõi hồ sơ của {scope.unitName}</Text>
        </div>
        <Group gap="xs">
          <Button
            component={Link}
            to="/ho-so/so-lieu"
            variant="default"
            leftSection={<IconChartPie size={16} />}
          >
            Số liệu
          </Button>
          {scope.canHandle && (
            <Button
              component={Link}
              to="/ho-so/tiep-nhan"
              leftSection={<IconFilePlus size={16} />}
              data-testid="dossier-receive-link"
            >
              Tiếp nhận hồ sơ
            </Button>
          )}
        </Group>
      </Group>
      {scope.hasBelow && <SubtreeSwitch checked={subtree} onChange={setSubtree} />}

      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'due' ? { tab: 'sap-den-han' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="register" data-testid="tab-register">
            Sổ theo dõi
          </Tabs.Tab>
          <Tabs.Tab
            value="due"
            data-testid="tab-due"
            rightSection={
              due.data && due.data.length > 0 ? (
                <Badge size="sm" color="orange" variant="filled" circle={due.data.length < 10}>
                  {due.data.length}
                </Badge>
              ) : null
            }
          >
            Sắp đến hạn
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register" pt="md">
          <Register
            unitId={scope.unitId}
            subtree={withSubtree}
            dueIds={new Set((due.data ?? []).filter((d) => d.atRisk && !d.late).map((d) => d.id))}
          />
        </Tabs.Panel>
        <Tabs.Panel value="due" pt="md">
          {due.isPending ? (
            <PageLoader />
          ) : due.isError ? (
            <ErrorAlert error={due.error} />
          ) : (
            <DueSoonList items={due.data} subtree={withSubtree} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Register({ unitId, subtree, dueIds }: { unitId: number; subtree: boolean; dueIds: Set<number> }) {
  const [status, setStatus] = useState<DossierFilter | 'all'>('all');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['dossiers', unitId, subtree, status, from, to, q, page],
    queryFn: () =>
      api.dossiers({ unitId, subtree, status: status === 'all' ? null : status, from, to, q, page }),
    placeholderData: keepPreviousData,
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Tìm hồ sơ"
          placeholder="Mã hồ sơ hoặc tên thủ tục"
          leftSection={<IconSearch size={16} />}
          rightSection={
            search ? (
              <CloseButton size="sm" onClick={() => reset(setSearch)('')} aria-label="Xóa tìm kiếm" />
            ) : null
          }
          value={search}
          onChange={(e) => reset(setSearch)(e.currentTarget.value)}
          style={{ flex: '1 1 240px' }}
          data-testid="dossier-search"
        />
        <Select
          label="Trạng thái"
          data={[
            { value: 'all', label: 'Tất cả' },
            ...DOSSIER_FILTERS.map((f) => ({ value: f, label: DOSSIER_FILTER_LABELS[f] })),
          ]}
          value={status}
          onChange={(v) => reset(setStatus)((v as DossierFilter | null) ?? 'all')}
          allowDeselect={false}
          w={{ base: '100%', xs: 230 }}
          data-testid="dossier-status-filter"
        />
        <DateInput
          label="Nhận từ ngày"
          value={from}
          onChange={reset(setFrom)}
          valueFormat="DD/MM/YYYY"
          dateParser={parseVnDate}
          placeholder="dd/mm/yyyy"
          clearable
          maxDate={to ?? undefined}
          w={{ base: '47%', xs: 150 }}
          data-testid="dossier-from"
        />
        <DateInput
          label="đến ngày"
          value={to}
          onChange={reset(setTo)}
          valueFormat="DD/MM/YYYY"
          dateParser={parseVnDate}
          placeholder="dd/mm/yyyy"
          clearable
          minDate={from ?? undefined}
          w={{ base: '47%', xs: 150 }}
          data-testid="dossier-to"
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <EmptyText>{page > 1 ? 'Không còn hồ sơ nào.' : 'Chưa có hồ sơ nào phù hợp.'}</EmptyText>
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="dossier-total">
            {list.data.total.toLocaleString('vi-VN')} hồ sơ
            {pages > 1 &&
              ` · hiển thị ${((page - 1) * list.data.pageSize + 1).toLocaleString('vi-VN')}–${Math.min(page * list.data.pageSize, list.data.total).toLocaleString('vi-VN')}`}
          </Text>
          <DossierTable items={list.data.items} showUnit={subtree} dueIds={dueIds} />
        </>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            size="sm"
            siblings={1}
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous' ? 'Trang trước' : control === 'next' ? 'Trang sau' : control,
            })}
            data-testid="dossier-pages"
          />
        </Group>
      )}
    </Stack>
  );
}

function Appointment({ d }: { d: Pick<DossierListItem, 'appointmentAt' | 'apologyAppointmentAt'> }) {
  return (
    <>
      <Text size="sm" span>
        {formatDateTime(d.appointmentAt)}
      </Text>
      {d.apologyAppointmentAt && (
        <Text size="xs" c="orange.8" display="block">
          Hẹn lại: {formatDateTime(d.apologyAppointmentAt)}
        </Text>
      )}
    </>
  );
}

function DossierTable({
  items,
  showUnit,
  dueIds,
  apology = false,
}: {
  items: (DossierListItem & Partial<Pick<DueSoonItem, 'apologyRequired' | 'atRisk'>>)[];
  showUnit: boolean;
  dueIds: Set<number>;
  apology?: boolean;
}) {
  const narrow = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  if (narrow)
    return (
      <Stack gap="xs" data-testid="dossier-list">
        {items.map((d) => (
          <Paper
            key={d.id}
            withBorder
            p="sm"
            radius="md"
            bg={apology && d.apologyRequired ? 'yellow.0' : undefined}
            data-testid="dossier-row"
            data-code={d.code}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/ho-so/${d.id}`} fw={600} size="sm">
                {d.code}
              </Anchor>
              <Group gap={4} justify="flex-end">
                <DossierStatusBadge status={d.status} label={d.statusLabel} size="xs" />
                <DossierFlagBadge flag={dossierFlag(d, dueIds.has(d.id))} size="xs" />
              </Group>
            </Group>
            <Text size="sm" mt={4}>
              {d.procedureName}
            </Text>
            <Text size="xs" c="dimmed">
              {d.applicantName}
              {showUnit ? ` · ${d.unitName}` : ''}
            </Text>
            <Text size="xs" mt={4}>
              Nhận: {formatDateTime(d.receivedAt)} · Hẹn trả: {formatDateTime(d.appointmentAt)}
            </Text>
            {d.apologyAppointmentAt && (
              <Text size="xs" c="orange.8">
                Hẹn lại: {formatDateTime(d.apologyAppointmentAt)}
              </Text>
            )}
            {apology && d.apologyRequired && <ApologyBadge />}
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="dossier-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Mã hồ sơ</Table.Th>
            {showUnit && <Table.Th>Đơn vị</Table.Th>}
            <Table.Th>Thủ tục</Table.Th>
            <Table.Th>Người nộp</Table.Th>
            <Table.Th>Nhận lúc</Table.Th>
            <Table.Th>Hẹn trả</Table.Th>
            <Table.Th>Trạng thái</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr
              key={d.id}
              bg={apology && d.apologyRequired ? 'yellow.0' : undefined}
              data-testid="dossier-row"
              data-code={d.code}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/ho-so/${d.id}`} fw={600} size="sm">
                  {d.code}
                </Anchor>
              </Table.Td>
              {showUnit && <Table.Td>{d.unitName}</Table.Td>}
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={2}>
                  {d.procedureName}
                </Text>
              </Table.Td>
              <Table.Td>{d.applicantName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.receivedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Appointment d={d} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <DossierStatusBadge status={d.status} label={d.statusLabel} />
                  <DossierFlagBadge flag={dossierFlag(d, dueIds.has(d.id))} />
                  {apology && d.apologyRequired && <ApologyBadge />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ApologyBadge() {
  return (
    <Badge
      color="yellow"
      variant="filled"
      c="dark"
      leftSection={<IconAlertTriangle size={12} />}
      data-testid="apology-required"
      mt={4}
    >
      Cần phiếu xin lỗi
    </Badge>
  );
}

function DueSoonList({ items, subtree }: { items: DueSoonItem[]; subtree: boolean }) {
  if (items.length === 0)
    return <EmptyText>Không có hồ sơ nào quá hạn hoặc sắp đến hạn (trong 2 ngày làm việc).</EmptyText>;
  const apologies = items.filter((d) => d.apologyRequired).length;
  return (
    <Stack gap="sm" data-testid="due-soon-list">
      <Text size="sm" c="dimmed">
        Hồ sơ đang giải quyết đã quá hạn hoặc đến hạn trong 2 ngày làm việc, hạn gần nhất trước.
      </Text>
      {apologies > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="Cần phiếu xin lỗi"
        >
          {apologies} hồ sơ đã hoặc sắp quá hạn mà chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).
          Phiếu phải gửi trước khi hết hạn.
        </Alert>
      )}
      <DossierTable
        items={items}
        showUnit={subtree}
        dueIds={new Set(items.filter((d) => d.atRisk).map((d) => d.id))}
        apology
      />
    </Stack>
  );
}
