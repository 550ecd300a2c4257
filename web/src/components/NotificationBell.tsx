import {
  ActionIcon,
  Anchor,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconBell } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../lib/format.js';
import { notificationApi, notificationKeys } from '../api/notifications.js';
import type { NotificationItem } from '../api/notifications.js';
import { notifyError } from './common.js';

/** The bell in the header: unread count (refreshed every minute), the latest few, a link to all. */
export function NotificationBell() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const count = useQuery({
    queryKey: notificationKeys.count,
    queryFn: notificationApi.unreadCount,
    refetchInterval: 60_000,
  });
  const latest = useQuery({
    queryKey: notificationKeys.latest,
    queryFn: () => notificationApi.list({ unread: false, page: 1 }),
    enabled: opened,
  });
  const read = useMutation({
    mutationFn: notificationApi.markRead,
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
    onError: (err) => notifyError(err),
  });
  const unread = count.data?.count ?? 0;
  const open = (n: NotificationItem) => {
    if (!n.readAt) read.mutate(n.id);
    close();
    if (n.link) void navigate(n.link);
  };
  return (
    <Popover
      opened={opened}
      onChange={(o) => !o && close()}
      position="bottom-end"
      width={360}
      withinPortal
      shadow="md"
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={18}
          disabled={unread === 0}
          color="red"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            size="lg"
            radius="xl"
            onClick={toggle}
            aria-label={unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'}
            data-testid="notification-bell"
          >
            <IconBell size={22} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600}>Thông báo</Text>
          <Text size="xs" c="dimmed">
            {unread > 0 ? `${unread} chưa đọc` : 'Đã đọc hết'}
          </Text>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={360}>
          <Stack gap={0}>
            {latest.isPending && (
              <Text size="sm" c="dimmed" p="sm">
                Đang tải…
              </Text>
            )}
            {latest.data?.items.length === 0 && (
              <Text size="sm" c="dimmed" p="sm">
                Chưa có thông báo nào.
              </Text>
            )}
            {latest.data?.items.slice(0, 8).map((n) => (
              <Anchor
                key={n.id}
                component="button"
                type="button"
                onClick={() => open(n)}
                underline="never"
                c="inherit"
                px="sm"
                py={8}
                style={{
                  textAlign: 'left',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                  width: '100%',
                }}
                bg={n.readAt ? undefined : 'var(--mantine-color-blue-0)'}
              >
                <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>
                  {n.subject.replace(/^\[CCHC\]\s*/, '')}
                </Text>
                <Text size="xs" c="dimmed">
                  {n.kindLabel} · {formatDateTime(n.createdAt)}
                </Text>
              </Anchor>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Divider />
        <Group justify="center" p="xs">
          <Button component={Link} to="/thong-bao" variant="subtle" size="xs" onClick={close}>
            Xem tất cả và chọn loại nhắc việc
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
