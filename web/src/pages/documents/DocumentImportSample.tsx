import { Table } from '@mantine/core';
import type { DocumentImportReport } from '../../api/documents.js';
import { formatDate } from '../../lib/format.js';

/** The first entries as the import understood them. */
export function DocumentImportSample({ sample }: { sample: DocumentImportReport['sample'] }) {
  if (sample.length === 0) return null;
  return (
    <Table fz="sm" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Số, ký hiệu</Table.Th>
          <Table.Th>Ngày</Table.Th>
          <Table.Th>Trích yếu</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sample.map((d, i) => (
          <Table.Tr key={i}>
            <Table.Td>{d.numberText}</Table.Td>
            <Table.Td>{formatDate(d.documentDate)}</Table.Td>
            <Table.Td>{d.summary}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
