import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { exchangeApi } from '../../api/exchange.js';
import type { ExchangeState } from '../../api/exchange.js';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/common.js';
import { formatDateTime } from '../../lib/format.js';
import { EXCHANGE_LIMITS } from '../../../../src/shared/documents.js';

/** The unit's link to its superior's server: shown with its key, or the form that makes it. */
export function ExchangeConnection({
  s,
  onChange,
}: {
  s: ExchangeState;
  onChange: (s: ExchangeState) => void;
}) {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
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

  return s.link ? (
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
            maxLength={EXCHANGE_LIMITS.superiorUrl}
            required
            w={{ base: '100%', sm: 300 }}
          />
          <TextInput
            label="Mã kết nối do cấp trên cấp"
            placeholder="cchc1.…"
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
            maxLength={EXCHANGE_LIMITS.token}
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
  );
}
