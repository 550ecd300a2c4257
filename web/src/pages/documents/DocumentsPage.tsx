import {
  Button,
  Group,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDatabaseImport, IconFileCertificate, IconFilePlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { documentsApi } from '../../api/documents.js';
import type { DocumentDirection } from '../../api/documents.js';
import { EmptyText, ErrorAlert, PageLoader, notifySuccess } from '../../components/common.js';
import { useCurrentUser, useUnitScope } from '../../session.js';
import { DocumentFiguresStrip } from './DocumentFiguresStrip.js';
import { DocumentRow } from './DocumentRow.js';
import { RegisterDocumentModal } from './RegisterDocumentModal.js';

type DirectionFilter = 'all' | DocumentDirection;
const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

/** Sổ văn bản đi / đến: figures of the year, filters and search, a page of entries, registering. */
export function DocumentsPage() {
  const me = useCurrentUser();
  const scope = useUnitScope();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [direction, setDirection] = useState<DirectionFilter>('all');
  const [year, setYear] = useState(String(thisYear));
  const [status, setStatus] = useState<'active' | 'cancelled' | null>(null);
  const [q, setQ] = useState('');
  const [query] = useDebouncedValue(q, 300);
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState<DocumentDirection | null>(null);
  const subtree = me.unit.hasChildren && scope.unitId === me.unit.id;

  const list = useQuery({
    queryKey: ['documents', scope.unitId, subtree, direction, year, status, query, page],
    queryFn: () =>
      documentsApi.list({
        unitId: scope.unitId,
        subtree,
        direction: direction === 'all' ? null : direction,
        year: Number(year),
        status,
        q: query,
        page,
      }),
    placeholderData: keepPreviousData,
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Sổ văn bản đi, đến</Title>
        <Group gap="xs">
          <Button
            component={Link}
            to="/van-ban/kiem-tra-pdf"
            variant="default"
            leftSection={<IconFileCertificate size={18} />}
          >
            Kiểm tra tệp PDF
          </Button>
          {list.data?.actions.import && (
            <Button
              component={Link}
              to="/van-ban/nhap-so"
              variant="default"
              leftSection={<IconDatabaseImport size={18} />}
            >
              Nhập sổ
            </Button>
          )}
          {list.data?.actions.register && (
            <>
              <Button leftSection={<IconFilePlus size={18} />} onClick={() => setRegistering('outgoing')}>
                Vào sổ văn bản đi
              </Button>
              <Button
                variant="light"
                leftSection={<IconFilePlus size={18} />}
                onClick={() => setRegistering('incoming')}
              >
                Vào sổ văn bản đến
              </Button>
            </>
          )}
        </Group>
      </Group>
      {list.data && <DocumentFiguresStrip figures={list.data.figures} year={list.data.year} />}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={direction}
          onChange={(v) => reset(setDirection)(v)}
          data={[
            { value: 'all', label: 'Tất cả' },
            { value: 'outgoing', label: 'Văn bản đi' },
            { value: 'incoming', label: 'Văn bản đến' },
          ]}
          data-testid="document-direction"
        />
        <Select
          label="Năm"
          data={YEARS}
          value={year}
          onChange={(v) => v && reset(setYear)(v)}
          allowDeselect={false}
          w={100}
        />
        <Select
          label="Trạng thái"
          data={[
            { value: 'active', label: 'Còn hiệu lực' },
            { value: 'cancelled', label: 'Đã hủy' },
          ]}
          value={status}
          onChange={(v) => reset(setStatus)(v)}
          placeholder="Tất cả"
          clearable
          w={160}
        />
        <TextInput
          label="Tìm kiếm"
          placeholder="Số, ký hiệu, trích yếu, nơi gửi, nơi nhận"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => reset(setQ)(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
          data-testid="document-search"
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <EmptyText>Chưa có văn bản nào phù hợp.</EmptyText>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" data-testid="document-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Số, ký hiệu</Table.Th>
                  <Table.Th>Ngày</Table.Th>
                  <Table.Th>Trích yếu</Table.Th>
                  <Table.Th>Nơi nhận / nơi gửi</Table.Th>
                  <Table.Th>Hình thức, chữ ký</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((d) => (
                  <DocumentRow key={d.id} d={d} subtree={subtree} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data.total > list.data.pageSize && (
            <Pagination
              total={Math.ceil(list.data.total / list.data.pageSize)}
              value={page}
              onChange={setPage}
            />
          )}
        </>
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
