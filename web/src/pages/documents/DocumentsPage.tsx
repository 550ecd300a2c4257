import { Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { documentKeys, documentsApi } from '../../api/documents.js';
import type { DocumentDirection } from '../../api/documents.js';
import { EmptyText, ErrorAlert, PageLoader, notifySuccess } from '../../components/common.js';
import { useCurrentUser, useUnitScope } from '../../session.js';
import { DocumentFilters } from './DocumentFilters.js';
import type { DocumentFilterValues } from './DocumentFilters.js';
import { DocumentFiguresStrip } from './DocumentFiguresStrip.js';
import { DocumentTable } from './DocumentTable.js';
import { DocumentsHeader } from './DocumentsHeader.js';
import { RegisterDocumentModal } from './RegisterDocumentModal.js';

/** Sổ văn bản đi / đến: figures of the year, filters and search, a page of entries, registering. */
export function DocumentsPage() {
  const me = useCurrentUser();
  const scope = useUnitScope();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<DocumentFilterValues>({
    direction: 'all',
    year: String(new Date().getFullYear()),
    status: null,
    q: '',
  });
  const [query] = useDebouncedValue(filters.q, 300);
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState<DocumentDirection | null>(null);
  const subtree = me.unit.hasChildren && scope.unitId === me.unit.id;
  const { direction, year, status } = filters;

  const filter = {
    unitId: scope.unitId,
    subtree,
    direction: direction === 'all' ? null : direction,
    year: Number(year),
    status,
    q: query,
    page,
  };
  const list = useQuery({
    queryKey: documentKeys.list(filter),
    queryFn: () => documentsApi.list(filter),
    placeholderData: keepPreviousData,
  });
  const changeFilters = (patch: Partial<DocumentFilterValues>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <Stack gap="md">
      <DocumentsHeader actions={list.data?.actions} onRegister={setRegistering} />
      {list.data && <DocumentFiguresStrip figures={list.data.figures} year={list.data.year} />}
      <DocumentFilters value={filters} onChange={changeFilters} />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <EmptyText>Chưa có văn bản nào phù hợp.</EmptyText>
      ) : (
        <DocumentTable data={list.data} subtree={subtree} page={page} onPage={setPage} />
      )}
      {registering && list.data && (
        <RegisterDocumentModal
          opened
          unitId={scope.unitId}
          direction={registering}
          options={list.data.options}
          onClose={() => setRegistering(null)}
          onDone={(d) => {
            setRegistering(null);
            notifySuccess(`Đã vào sổ văn bản số ${d.numberText}.`);
            // The figures feed the dashboard, the plan's targets and the reports: refresh them all.
            void qc.invalidateQueries();
            void navigate(`/van-ban/${d.id}`);
          }}
        />
      )}
    </Stack>
  );
}
