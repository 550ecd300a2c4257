import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { exchangeApi } from '../../api/exchange.js';
import type { ExchangeDelivery, ExchangeState } from '../../api/exchange.js';
import { EmptyText, ErrorAlert, notifyError, notifySuccess } from '../../components/common.js';
import { formatDateTime } from '../../lib/format.js';

const DELIVERY_COLORS: Record<ExchangeDelivery['state'], MantineColor> = {
  pending: 'blue',
  retrying: 'orange',
  delivered: 'teal',
  refused: 'red',
};

/** The unit's side: its connection to the superior's server and the packages sent upward. */
export function ExchangeLinkCard({
  s,
  onChange,
}: {
  s: ExchangeState;
  onChange: (s: ExchangeState) => void;
}) {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [period, setPeriod] = useState('');
  const ok = (message: string) => (next: ExchangeState) => {
    onChange(next);
    notifySuccess(message);
  };
  const connect = useMutation({
    mutationFn: () => exchangeApi.connect(s.unit.id, url.trim(), token.trim()),
    onSuccess: ok('Đã kết nối với hệ thống cấp trên.'),
  });
  const disconnect = useMutation({
    mutationFn: () => exchangeApi.disconnect(s.unit.id),
    onSuccess: ok('Đã ngắt kết nối.'),
    onError: (e) => notifyError(e),
  });
  const send = useMutation({
    mutationFn: () => exchangeApi.send(s.unit.id, period.trim().toUpperCase()),
    onSuccess: ok('Đã đưa báo cáo vào hàng đợi gửi lên cấp trên.'),
    onError: (e) => notifyError(e),
  });
  const retry = useMutation({
    mutationFn: (id: number) => exchangeApi.retry(id, s.unit.id),
    onSuccess: ok('Đã gửi lại.'),
    onError: (e) => notifyError(e),
  });

  return (
    <Card withBorder radius="md" data-testid="exchange-link">
      <Title order={3} size="h4" mb="sm">
        Kết nối với hệ thống cấp trên
      </Title>
      {s.link ? (
        <Stack gap={4} mb="md">
          <Text size="sm">
            Đã kết nối với <b>{s.link.superiorName ?? s.link.superiorUrl}</b> ({s.link.superiorUrl}) từ{' '}
            {formatDateTime(s.link.connectedAt)}
            {s.link.remoteUnit.name ? `, là đơn vị "${s.link.remoteUnit.name}"` : ''}.
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            Khóa ký số: {s.link.keyFingerprint}
          </Text>
          {s.actions.disconnect && (
            <Group>
              <Button
                size="xs"
                color="red"
                variant="light"
                loading={disconnect.isPending}
                onClick={() => disconnect.mutate()}
              >
                Ngắt kết nối
              </Button>
            </Group>
          )}
        </Stack>
      ) : s.actions.connect ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            connect.mutate();
          }}
        >
          <Stack gap="sm" mb="md">
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label="Địa chỉ hệ thống cấp trên"
                placeholder="https://cchc.phuong.gov.vn"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                required
                w={{ base: '100%', sm: 300 }}
              />
              <TextInput
                label="Mã kết nối do cấp trên cấp"
                placeholder="cchc1.…"
                value={token}
                onChange={(e) => setToken(e.currentTarget.value)}
                required
                w={{ base: '100%', sm: 320 }}
              />
              <Button type="submit" loading={connect.isPending}>
                Kết nối
              </Button>
            </Group>
            {connect.isError && <ErrorAlert error={connect.error} title="Không kết nối được" />}
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed" mb="md">
          Đơn vị chưa kết nối với hệ thống của cấp trên.
        </Text>
      )}

      <Group justify="space-between" align="flex-end" mb="xs">
        <Text fw={600}>Các gói báo cáo gửi lên cấp trên</Text>
        {s.link && (s.actions.connect || s.deliveries.some((d) => d.actions.retry)) && (
          <Group gap="xs" align="flex-end">
            <TextInput
              size="xs"
              label="Kỳ báo cáo"
              placeholder="2026-Q1"
              value={period}
              onChange={(e) => setPeriod(e.currentTarget.value)}
              w={110}
            />
            <Button
              size="xs"
              variant="light"
              disabled={!period.trim()}
              loading={send.isPending}
              onClick={() => send.mutate()}
            >
              Gửi lên cấp trên
            </Button>
          </Group>
        )}
      </Group>
      {s.deliveries.length === 0 ? (
        <EmptyText>Chưa có gói báo cáo nào.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table striped fz="sm" data-testid="exchange-deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kỳ</Table.Th>
                <Table.Th>Trạng thái</Table.Th>
                <Table.Th>Lần gửi</Table.Th>
                <Table.Th>Ghi chú</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.deliveries.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.periodKey}</Table.Td>
                  <Table.Td>
                    <Badge color={DELIVERY_COLORS[d.state]} variant="light">
                      {d.stateLabel}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{d.attempts}</Table.Td>
                  <Table.Td>
                    {d.deliveredAt
                      ? `nhận lúc ${formatDateTime(d.deliveredAt)}`
                      : [
                          d.lastError,
                          d.nextAttemptAt ? `gửi lại lúc ${formatDateTime(d.nextAttemptAt)}` : null,
                        ]
                          .filter(Boolean)
                          .join(' · ') || '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Anchor size="sm" href={exchangeApi.packageUrl(s.unit.id, d.periodKey)}>
                        Tải JSON
                      </Anchor>
                      {d.actions.retry && (
                        <Button
                          size="xs"
                          variant="subtle"
                          loading={retry.isPending && retry.variables === d.id}
                          onClick={() => retry.mutate(d.id)}
                        >
                          Gửi lại
                        </Button>
                      )}
                    </Group>
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
