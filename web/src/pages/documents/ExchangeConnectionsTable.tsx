import { Badge, Button, Table } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { exchangeApi } from '../../api/exchange.js';
import type { ExchangeState } from '../../api/exchange.js';
import { EmptyText, notifyError, notifySuccess } from '../../components/common.js';
import { formatDateTime } from '../../lib/format.js';

/** The units below with their connection's state; revoking one. */
export function ExchangeConnectionsTable({
  s,
  onChange,
}: {
  s: ExchangeState;
  onChange: (s: ExchangeState) => void;
}) {
  const revoke = useMutation({
    mutationFn: (id: number) => exchangeApi.revoke(id, s.unit.id),
    onSuccess: (next) => {
      onChange(next);
      notifySuccess('Đã thu hồi kết nối.');
    },
    onError: (e) => notifyError(e),
  });

  return s.connections.length === 0 ? (
    <EmptyText>Chưa cấp mã kết nối cho đơn vị nào.</EmptyText>
  ) : (
    <Table.ScrollContainer minWidth={640}>
      <Table striped fz="sm" mb="md" data-testid="exchange-connections">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th>Trạng thái</Table.Th>
            <Table.Th>Máy chủ của đơn vị</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.connections.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.unit.name}</Table.Td>
              <Table.Td>
                {c.revokedAt ? (
                  <Badge color="gray">Đã thu hồi</Badge>
                ) : c.enrolled ? (
                  <Badge color="teal" variant="light">
                    Đã kết nối {c.enrolledAt ? formatDateTime(c.enrolledAt) : ''}
                  </Badge>
                ) : (
                  <Badge color="blue" variant="light">
                    Chờ đơn vị kết nối
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{c.remoteServer ?? '—'}</Table.Td>
              <Table.Td>
                {c.actions.revoke && (
                  <Button
                    size="xs"
                    color="red"
                    variant="subtle"
                    loading={revoke.isPending && revoke.variables === c.id}
                    onClick={() => revoke.mutate(c.id)}
                  >
                    Thu hồi
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
