import { Badge, Card, Table, Text, Title } from '@mantine/core';
import type { DossierDetail } from '../../api/dossiers.js';
import { EmptyText } from '../../components/common.js';
import { formatDateTime } from '../../lib/format.js';
import { TIMELINESS_COLORS } from '../../lib/labels.js';

export function HandoversCard({ d }: { d: DossierDetail }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="dossier-handovers">
      <Title order={3} size="h4" mb={4}>
        Quá trình giải quyết (Mẫu 05)
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Mỗi lần giao, nhận hồ sơ giữa các bộ phận, với tình trạng so với thời hạn.
      </Text>
      {d.handovers.length === 0 ? (
        <EmptyText>Chưa có lần chuyển xử lý nào.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Thời gian</Table.Th>
                <Table.Th>Bên giao</Table.Th>
                <Table.Th>Bên nhận</Table.Th>
                <Table.Th>Tình trạng</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.handovers.map((h, i) => (
                <Table.Tr key={i} data-testid="handover-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at)}</Table.Td>
                  <Table.Td>{h.from}</Table.Td>
                  <Table.Td>
                    {h.to}
                    {h.note && (
                      <Text size="xs" c="dimmed">
                        {h.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={TIMELINESS_COLORS[h.status]}
                      variant="light"
                      data-testid="handover-status"
                      data-status={h.status}
                    >
                      {h.statusLabel}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
