import { Alert, Button, Card, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCalendarShare, IconCheck, IconCopy, IconLinkOff, IconRefresh } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { calendarApi, calendarKeys } from '../api/calendar.js';
import type { CalendarFeed } from '../api/types.js';
import { copyText } from '../lib/clipboard.js';
import { formatDateTime } from '../lib/format.js';
import { ErrorAlert, notifyError, notifySuccess } from './common.js';

/**
 * "Lịch cá nhân (.ics)": a secret address calendar apps subscribe to. The server shows the address
 * only when it is created; creating another one revokes the previous one.
 */
export function CalendarFeedCard() {
  const qc = useQueryClient();
  const status = useQuery({ queryKey: calendarKeys.feed, queryFn: calendarApi.feed });
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const done = (feed: CalendarFeed) => qc.setQueryData(calendarKeys.feed, { ...feed, url: null });
  const create = useMutation({
    mutationFn: calendarApi.createFeed,
    onSuccess: (feed) => {
      done(feed);
      setUrl(feed.url);
      setCopied(false);
      notifySuccess('Đã tạo liên kết lịch cá nhân mới.');
    },
  });
  const revoke = useMutation({
    mutationFn: calendarApi.revokeFeed,
    onSuccess: (feed) => {
      done(feed);
      setUrl(null);
      setConfirmRevoke(false);
      notifySuccess('Đã thu hồi liên kết lịch cá nhân.');
    },
    onError: (err) => notifyError(err),
  });
  const copy = async () => {
    if (!url) return;
    const ok = await copyText(url, input.current);
    setCopied(ok);
    if (ok) notifySuccess('Đã sao chép liên kết.');
    else notifyError(new Error('Không sao chép tự động được: hãy chọn liên kết và sao chép (Ctrl+C).'));
  };
  const active = status.data?.active ?? false;

  return (
    <Card withBorder radius="md" padding="md" data-testid="feed-card">
      <Group gap="xs" mb={4}>
        <IconCalendarShare size={18} />
        <Title order={3} size="h4">
          Lịch cá nhân (.ics)
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Thêm liên kết này vào Google Calendar, Outlook hoặc điện thoại để nhận các hạn của bạn: các nhiệm vụ
        bạn được phân công (cán bộ phụ trách, thủ trưởng, quản trị: mọi nhiệm vụ của đơn vị). Ứng dụng lịch tự
        cập nhật theo liên kết.
      </Text>
      <Stack gap="sm">
        {status.isError && <ErrorAlert error={status.error} />}
        {create.isError && <ErrorAlert error={create.error} title="Không tạo được liên kết" />}
        {url ? (
          <Alert color="teal" variant="light" title="Liên kết lịch của bạn" data-testid="feed-new">
            <Stack gap="xs">
              <Group gap="xs" wrap="nowrap" align="flex-end">
                <TextInput
                  ref={input}
                  value={url}
                  readOnly
                  aria-label="Liên kết lịch cá nhân"
                  onFocus={(e) => e.currentTarget.select()}
                  style={{ flex: 1, minWidth: 0 }}
                  data-testid="feed-url"
                />
                <Button
                  onClick={() => void copy()}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  color={copied ? 'teal' : undefined}
                  style={{ flexShrink: 0 }}
                  data-testid="feed-copy"
                >
                  {copied ? 'Đã chép' : 'Sao chép'}
                </Button>
              </Group>
              <Text size="sm">
                Liên kết này <b>thay thế mọi liên kết trước đó</b> (liên kết cũ không dùng được nữa) và chỉ
                hiện một lần: hãy sao chép ngay. Giữ kín liên kết — ai có nó đều xem được các hạn của bạn.
              </Text>
              <List size="sm" spacing={2}>
                <List.Item>Google Calendar: Cài đặt → Thêm lịch → Từ URL, dán liên kết.</List.Item>
                <List.Item>Outlook: Thêm lịch → Đăng ký từ web, dán liên kết.</List.Item>
                <List.Item>iPhone: Cài đặt → Lịch → Tài khoản → Thêm lịch đã đăng ký.</List.Item>
              </List>
            </Stack>
          </Alert>
        ) : active ? (
          <Text size="sm" data-testid="feed-status">
            Bạn đã có liên kết lịch, tạo lúc {formatDateTime(status.data?.createdAt)}. Vì lý do an toàn, liên
            kết không hiện lại; nếu không còn giữ, hãy tạo liên kết mới (liên kết cũ sẽ hết hiệu lực).
          </Text>
        ) : (
          status.data && (
            <Text size="sm" data-testid="feed-status">
              Bạn chưa có liên kết lịch cá nhân.
            </Text>
          )
        )}
        <Group gap="xs">
          <Button
            onClick={() => create.mutate()}
            loading={create.isPending}
            leftSection={active ? <IconRefresh size={16} /> : <IconCalendarShare size={16} />}
            variant={active ? 'light' : 'filled'}
            disabled={!status.data}
            data-testid="feed-create"
          >
            {active ? 'Tạo liên kết mới' : 'Tạo liên kết lịch'}
          </Button>
          {active && (
            <Button
              color="red"
              variant="subtle"
              leftSection={<IconLinkOff size={16} />}
              onClick={() => setConfirmRevoke(true)}
              data-testid="feed-revoke"
            >
              Thu hồi liên kết
            </Button>
          )}
        </Group>
      </Stack>
      <Modal
        opened={confirmRevoke}
        onClose={() => setConfirmRevoke(false)}
        title="Thu hồi liên kết lịch?"
        centered
      >
        <Stack>
          <Text size="sm">
            Các ứng dụng lịch đang dùng liên kết này sẽ không nhận được các hạn nữa. Bạn có thể tạo liên kết
            mới bất cứ lúc nào.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmRevoke(false)}>
              Hủy
            </Button>
            <Button
              color="red"
              onClick={() => revoke.mutate()}
              loading={revoke.isPending}
              data-testid="feed-revoke-confirm"
            >
              Thu hồi
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
