import { Card, Table, Title } from '@mantine/core';
import type { DocumentDetail } from '../../api/documents.js';
import { formatDateTime } from '../../lib/format.js';

/** The register's history, by audit action. */
const HISTORY_LABELS: Record<string, string> = {
  register: 'Vào sổ',
  update: 'Sửa thông tin',
  cancel: 'Hủy văn bản',
  attach: 'Đính kèm tệp, kiểm tra chữ ký số',
  recheck: 'Kiểm tra lại chữ ký số',
  import: 'Nhập từ tệp',
};

/** Every change of an entry: when, what, who, why. */
export function DocumentHistory({ history }: { history: DocumentDetail['history'] }) {
  return (
    <Card withBorder radius="md">
      <Title order={3} size="h4" mb="sm">
        Lịch sử
      </Title>
      <Table verticalSpacing={4} fz="sm" data-testid="document-history">
        <Table.Tbody>
          {history.map((h, i) => (
            <Table.Tr key={i}>
              <Table.Td w={170}>{formatDateTime(h.at)}</Table.Td>
              <Table.Td>{HISTORY_LABELS[h.action] ?? h.action}</Table.Td>
              <Table.Td>{h.user ?? '—'}</Table.Td>
              <Table.Td>{h.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
