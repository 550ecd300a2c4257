import {
  Badge,
  Checkbox,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyText, ErrorAlert, PageLoader } from '../components/common.js';
import { formatDateTime } from '../lib/format.js';
import { useUnitScope } from '../session.js';
import { NOTIFICATIONS_KEY, notificationApi } from '../api/notifications.js';

const STATUS_OPTIONS = [
  { value: 'sent', label: 'Đã gửi' },
  { value: 'pending', label: 'Chờ gửi' },
  { value: 'sending', label: 'Đang gửi' },
  { value: 'failed', label: 'Gửi lỗi' },
  { value: 'not_configured', label: 'Chưa cấu hình máy chủ thư' },
  { value: 'no_address', label: 'Người nhận chưa có e-mail' },
  { value: 'off', label: 'Người nhận tắt e-mail' },
];
const STATUS_COLOR: Record<string, string> = {
  sent: 'green',
  pending: 'blue',
  sending: 'blue',
  failed: 'red',
};

/** Every reminder made for the unit (or its subtree), with its e-mail status: for administrators. */
export function OutboxPage() {
  const { unitId, unit } = useUnitScope();
  const [subtree, setSubtree] = useState(true);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'outbox', unitId, subtree, status, page],
    queryFn: () => notificationApi.outbox({ unitId, subtree, status, page }),
  });
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / q.data.pageSize)) : 1;
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Hộp thư đi</Title>
        <Text c="dimmed">
          Mọi nhắc việc hệ thống đã tạo{unit ? ` cho ${unit.name}` : ''}, gửi qua e-mail hay trong ứng dụng
        </Text>
      </div>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Trạng thái e-mail"
          placeholder="Tất cả"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          clearable
          w={{ base: '100%', xs: 260 }}
        />
        <Checkbox
          label="Gồm các đơn vị cấp dưới"
          checked={subtree}
          onChange={(e) => {
            setSubtree(e.currentTarget.checked);
            setPage(1);
          }}
        />
      </Group>
      {q.isPending && <PageLoader />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && q.data.items.length === 0 && <EmptyText>Chưa có nhắc việc nào.</EmptyText>}
      {q.data && q.data.items.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {q.data.total} nhắc việc
          </Text>
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing="xs" data-testid="outbox">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Thời điểm</Table.Th>
                  <Table.Th>Người nhận</Table.Th>
                  <Table.Th>Nội dung</Table.Th>
                  <Table.Th>Trong ứng dụng</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(o.createdAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{o.recipientName ?? '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {o.emailTo ?? ''}
                        {subtree ? ` · ${o.unitName}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{o.subject.replace(/^\[CCHC\]\s*/, '')}</Text>
                      <Text size="xs" c="dimmed">
                        {o.kindLabel}
                      </Text>
                    </Table.Td>
                    <Table.Td>{o.inApp ? 'Có' : 'Không'}</Table.Td>
                    <Table.Td>
                      <Tooltip
                        label={
                          o.lastError ??
                          (o.sentAt ? `Gửi lúc ${formatDateTime(o.sentAt)}` : o.emailStatusLabel)
                        }
                        multiline
                        maw={320}
                      >
                        <Badge variant="light" color={STATUS_COLOR[o.emailStatus] ?? 'gray'}>
                          {o.emailStatusLabel}
                        </Badge>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Group justify="center">
              <Pagination total={pages} value={page} onChange={setPage} />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
