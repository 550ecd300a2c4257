import { Box, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dossierApi, dossierKeys } from '../../api/dossiers.js';
import type { DossierDetail } from '../../api/dossiers.js';
import { EmptyText, ErrorAlert, PageLoader } from '../../components/common.js';
import { formatDateTime } from '../../lib/format.js';

export function AccessLogCard({ d }: { d: DossierDetail }) {
  const [opened, setOpened] = useState(false);
  const log = useQuery({
    queryKey: dossierKeys.accessLog(d.unitId, d.id),
    queryFn: () => dossierApi.accessLog(d.unitId, d.id),
    enabled: opened,
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Nhật ký truy cập thông tin cá nhân
        </Title>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setOpened((o) => !o)}
          data-testid="access-log-toggle"
        >
          {opened ? 'Ẩn' : 'Xem'}
        </Button>
      </Group>
      <Collapse expanded={opened}>
        <Box mt="sm">
          {log.isPending ? (
            <PageLoader />
          ) : log.isError ? (
            <ErrorAlert error={log.error} />
          ) : log.data.length === 0 ? (
            <EmptyText>Chưa có lượt truy cập nào.</EmptyText>
          ) : (
            <Stack gap={4}>
              {log.data.map((r, i) => (
                <Text key={i} size="sm">
                  {formatDateTime(r.at)} · {r.user ?? '—'} · {r.detail ?? r.kind}
                </Text>
              ))}
            </Stack>
          )}
        </Box>
      </Collapse>
    </Card>
  );
}
