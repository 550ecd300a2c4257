import { CloseButton, Group, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { dossierApi, dossierKeys } from '../../api/dossiers.js';
import { EmptyText, ErrorAlert, PageLoader } from '../../components/common.js';
import { parseVnDate } from '../../lib/format.js';
import { DOSSIER_FILTER_LABELS, DOSSIER_FILTERS } from '../../lib/labels.js';
import type { DossierFilter } from '../../lib/labels.js';
import { DossierTable } from './DossierTable.js';

/** The register's lines, filtered by status, reception dates and a search, a page at a time. */
export function Register({
  unitId,
  subtree,
  dueIds,
}: {
  unitId: number;
  subtree: boolean;
  dueIds: Set<number>;
}) {
  const [status, setStatus] = useState<DossierFilter | 'all'>('all');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const filter = { unitId, subtree, status: status === 'all' ? null : status, from, to, q, page };
  const list = useQuery({
    queryKey: dossierKeys.list(filter),
    queryFn: () => dossierApi.list(filter),
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
