import { Pagination, Table } from '@mantine/core';
import type { DocumentPage } from '../../api/documents.js';
import { DocumentRow } from './DocumentRow.js';

/** A page of entries with the pager. */
export function DocumentTable({
  data,
  subtree,
  page,
  onPage,
}: {
  data: DocumentPage;
  subtree: boolean;
  page: number;
  onPage: (page: number) => void;
}) {
  return (
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
            {data.items.map((d) => (
              <DocumentRow key={d.id} d={d} subtree={subtree} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.total > data.pageSize && (
        <Pagination total={Math.ceil(data.total / data.pageSize)} value={page} onChange={onPage} />
      )}
    </>
  );
}
