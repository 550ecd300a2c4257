import { Anchor, Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { exchangeApi } from '../../api/exchange.js';
import type { ExchangeDelivery, ExchangeState } from '../../api/exchange.js';
import { EmptyText, notifyError, notifySuccess } from '../../components/common.js';
import { formatDateTime } from '../../lib/format.js';

const DELIVERY_COLORS: Record<ExchangeDelivery['state'], MantineColor> = {
  pending: 'blue',
  retrying: 'orange',
  delivered: 'teal',
  refused: 'red',
};

/** The packages sent upward: sending a period again, retrying one. */
export function ExchangeDeliveries({
  s,
  onChange,
}: {
  s: ExchangeState;
  onChange: (s: ExchangeState) => void;
}) {
  const [period, setPeriod] = useState('');
  const ok = (message: string) => (next: ExchangeState) => {
    onChange(next);
    notifySuccess(message);
  };
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
    <>
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
    </>
  );
}
