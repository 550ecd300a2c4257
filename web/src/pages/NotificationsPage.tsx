import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconBell, IconSettings } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { EmptyText, ErrorAlert, PageLoader, notifyError, notifySuccess } from '../components/common.js';
import { formatDateTime } from '../lib/format.js';
import { notificationApi, notificationKeys } from '../api/notifications.js';
import type { PreferenceItem } from '../api/notifications.js';

function NotificationList() {
  const qc = useQueryClient();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: notificationKeys.list(filter, page),
    queryFn: () => notificationApi.list({ unread: filter === 'unread', page }),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: notificationKeys.all });
  const read = useMutation({
    mutationFn: notificationApi.markRead,
    onSuccess: refresh,
    onError: (e) => notifyError(e),
  });
  const readAll = useMutation({
    mutationFn: notificationApi.markAllRead,
    onSuccess: (r) => {
      refresh();
      notifySuccess(`Đã đánh dấu ${r.updated} thông báo là đã đọc.`);
    },
    onError: (e) => notifyError(e),
  });
  const items = q.data?.items ?? [];
  const more = q.data ? items.length === q.data.pageSize : false;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={filter}
          onChange={(v) => {
            setFilter(v === 'unread' ? 'unread' : 'all');
            setPage(1);
          }}
          data={[
            { value: 'all', label: 'Tất cả' },
            { value: 'unread', label: `Chưa đọc${q.data ? ` (${q.data.unread})` : ''}` },
          ]}
        />
        <Button
          variant="light"
          onClick={() => readAll.mutate()}
          loading={readAll.isPending}
          disabled={(q.data?.unread ?? 0) === 0}
          data-testid="read-all"
        >
          Đánh dấu tất cả đã đọc
        </Button>
      </Group>
      {q.isPending && <PageLoader />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && items.length === 0 && (
        <EmptyText>
          {filter === 'unread' ? 'Không có thông báo chưa đọc.' : 'Chưa có thông báo nào.'}
        </EmptyText>
      )}
      <Stack gap="xs" data-testid="notification-list">
        {items.map((n) => (
          <Card
            key={n.id}
            withBorder
            radius="md"
            padding="sm"
            bg={n.readAt ? undefined : 'var(--mantine-color-blue-0)'}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Badge variant="light" size="sm">
                    {n.kindLabel}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </Group>
                {n.link ? (
                  <Anchor
                    component={Link}
                    to={n.link}
                    fw={n.readAt ? 400 : 600}
                    onClick={() => !n.readAt && read.mutate(n.id)}
                  >
                    {n.subject.replace(/^\[CCHC\]\s*/, '')}
                  </Anchor>
                ) : (
                  <Text fw={n.readAt ? 400 : 600}>{n.subject.replace(/^\[CCHC\]\s*/, '')}</Text>
                )}
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                  {n.text}
                </Text>
              </Stack>
              {!n.readAt && (
                <Button size="xs" variant="subtle" onClick={() => read.mutate(n.id)}>
                  Đã đọc
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      {(page > 1 || more) && (
        <Group justify="center">
          <Pagination total={more ? page + 1 : page} value={page} onChange={setPage} />
        </Group>
      )}
    </Stack>
  );
}

function PreferencesForm() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: notificationApi.preferences,
  });
  const [draft, setDraft] = useState<PreferenceItem[]>([]);
  useEffect(() => {
    if (q.data) setDraft(q.data.items);
  }, [q.data]);
  const save = useMutation({
    mutationFn: () =>
      notificationApi.savePreferences(draft.map(({ kind, email, inApp }) => ({ kind, email, inApp }))),
    onSuccess: (data) => {
      qc.setQueryData(notificationKeys.preferences, data);
      notifySuccess('Đã lưu lựa chọn nhận nhắc việc.');
    },
    onError: (e) => notifyError(e),
  });
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const set = (kind: string, patch: Partial<PreferenceItem>) =>
    setDraft((d) => d.map((i) => (i.kind === kind ? { ...i, ...patch } : i)));
  return (
    <Stack gap="sm">
      {!q.data.emailConfigured && (
        <Alert color="gray" variant="light">
          Máy chủ chưa được cấu hình gửi e-mail: nhắc việc hiện chỉ hiển thị trong ứng dụng.
        </Alert>
      )}
      {q.data.emailConfigured && !q.data.emailAddress && (
        <Alert color="yellow" variant="light">
          Tài khoản của bạn chưa có địa chỉ e-mail: hãy nhờ quản trị viên bổ sung để nhận nhắc việc qua
          e-mail.
        </Alert>
      )}
      {q.data.emailAddress && (
        <Text size="sm" c="dimmed">
          E-mail nhận nhắc việc: {q.data.emailAddress}
        </Text>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="sm" data-testid="preferences">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Loại nhắc việc</Table.Th>
              <Table.Th w={110}>Trong ứng dụng</Table.Th>
              <Table.Th w={90}>E-mail</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.map((i) => (
              <Table.Tr key={i.kind}>
                <Table.Td>
                  <Text fw={500}>{i.label}</Text>
                  <Text size="xs" c="dimmed">
                    {i.description}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={i.inApp}
                    onChange={(e) => set(i.kind, { inApp: e.currentTarget.checked })}
                    aria-label={`${i.label}: trong ứng dụng`}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={i.email}
                    onChange={(e) => set(i.kind, { email: e.currentTarget.checked })}
                    aria-label={`${i.label}: e-mail`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="save-preferences">
          Lưu lựa chọn
        </Button>
      </Group>
    </Stack>
  );
}

/** My notifications, and which reminders I receive on which channel. */
export function NotificationsPage() {
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Thông báo</Title>
        <Text c="dimmed">Nhắc việc về nhiệm vụ, báo cáo, hồ sơ và phản ánh đến hạn</Text>
      </div>
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list" leftSection={<IconBell size={16} />}>
            Thông báo của tôi
          </Tabs.Tab>
          <Tabs.Tab value="preferences" leftSection={<IconSettings size={16} />}>
            Chọn loại nhắc việc
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <NotificationList />
        </Tabs.Panel>
        <Tabs.Panel value="preferences" pt="md">
          <PreferencesForm />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
