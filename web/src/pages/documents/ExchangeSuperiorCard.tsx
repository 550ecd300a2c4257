import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { exchangeApi } from '../../api/exchange.js';
import type { ExchangeState, IssuedToken } from '../../api/exchange.js';
import { EmptyText, ErrorAlert, notifyError, notifySuccess } from '../../components/common.js';
import { formatDateTime } from '../../lib/format.js';
import { useUnits } from '../../session.js';

/** The superior's side: tokens for units below, their connections, the packages received. */
export function ExchangeSuperiorCard({
  s,
  onChange,
}: {
  s: ExchangeState;
  onChange: (s: ExchangeState) => void;
}) {
  const units = useUnits(s.actions.issue);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const issue = useMutation({
    mutationFn: () => exchangeApi.issue(Number(unitId)),
    onSuccess: async (t) => {
      setIssued(t);
      onChange(await exchangeApi.state(s.unit.id));
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => exchangeApi.revoke(id, s.unit.id),
    onSuccess: (next) => {
      onChange(next);
      notifySuccess('Đã thu hồi kết nối.');
    },
    onError: (e) => notifyError(e),
  });
  const below = (units.data ?? []).filter((u) => u.id !== s.unit.id);

  return (
    <Card withBorder radius="md" data-testid="exchange-superior">
      <Title order={3} size="h4" mb="sm">
        Đơn vị cấp dưới gửi báo cáo qua liên thông
      </Title>
      {s.actions.issue && (
        <Stack gap="xs" mb="md">
          <Group align="flex-end">
            <Select
              label="Đơn vị cấp dưới"
              data={below.map((u) => ({ value: String(u.id), label: `${u.name} (${u.code})` }))}
              value={unitId}
              onChange={setUnitId}
              searchable
              w={{ base: '100%', sm: 360 }}
            />
            <Button disabled={!unitId} loading={issue.isPending} onClick={() => issue.mutate()}>
              Cấp mã kết nối
            </Button>
          </Group>
          {issue.isError && <ErrorAlert error={issue.error} />}
          {issued && (
            <Alert
              color="yellow"
              variant="light"
              title={`Mã kết nối của ${issued.unit.name}`}
              data-testid="issued-token"
            >
              <Text size="sm" mb={4}>
                Mã chỉ hiện một lần: gửi cho quản trị viên của đơn vị qua kênh tin cậy. Cấp mã mới thì mã cũ
                hết hiệu lực.
              </Text>
              <Code block>{issued.token}</Code>
            </Alert>
          )}
        </Stack>
      )}
      {s.connections.length === 0 ? (
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
      )}
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
