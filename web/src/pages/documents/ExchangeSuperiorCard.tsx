import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { exchangeApi } from '../../api/exchange.js';
import type { ExchangeState } from '../../api/exchange.js';
import { EmptyText } from '../../components/common.js';
import { formatDateTime } from '../../lib/format.js';
import { ExchangeConnectionsTable } from './ExchangeConnectionsTable.js';
import { ExchangeIssueToken } from './ExchangeIssueToken.js';

/** The superior's side: tokens for units below, their connections, the packages received. */
export function ExchangeSuperiorCard({
  s,
  onChange,
}: {
  s: ExchangeState;
  onChange: (s: ExchangeState) => void;
}) {
  return (
    <Card withBorder radius="md" data-testid="exchange-superior">
      <Title order={3} size="h4" mb="sm">
        Đơn vị cấp dưới gửi báo cáo qua liên thông
      </Title>
      {s.actions.issue && <ExchangeIssueToken s={s} onChange={onChange} />}
      <ExchangeConnectionsTable s={s} onChange={onChange} />
      <Text fw={600} mb="xs">
        Báo cáo đã nhận qua liên thông
      </Text>
      {s.received.length === 0 ? (
        <EmptyText>Chưa nhận gói báo cáo nào.</EmptyText>
      ) : (
        <Table striped fz="sm" data-testid="exchange-received">
          <Table.Tbody>
            {s.received.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/bao-cao/${r.unit.id}/${r.periodKey}`} size="sm">
                    {r.unit.name} — {r.periodKey}
                  </Anchor>
                </Table.Td>
                <Table.Td>nhận lúc {formatDateTime(r.receivedAt)}</Table.Td>
                <Table.Td>
                  <Anchor size="sm" href={exchangeApi.packageUrl(r.unit.id, r.periodKey)}>
                    Tải JSON
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
