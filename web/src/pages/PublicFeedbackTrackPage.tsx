import { Alert, Anchor, Badge, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client.js';
import { PageLoader } from '../components/common.js';
import { FEEDBACK_STATUS_COLORS, PlainText, feedbackApi } from '../components/feedback.js';
import { PublicLayout } from '../components/PublicLayout.js';
import { formatDate, formatDateTime } from '../lib/format.js';

/** The sender follows their item through the secret link given when it was sent. */
export function PublicFeedbackTrackPage() {
  const token = useParams().token ?? '';
  const q = useQuery({
    queryKey: ['public-feedback-track', token],
    queryFn: () => feedbackApi.track(token),
    retry: false,
  });
  return (
    <PublicLayout title="Theo dõi phản ánh, kiến nghị">
      <Stack gap="lg" data-testid="public-feedback-track">
        {q.isPending ? (
          <PageLoader />
        ) : q.isError ? (
          <Alert
            color={q.error instanceof ApiError && q.error.status === 404 ? 'orange' : 'red'}
            icon={<IconAlertCircle size={18} />}
            title="Không mở được"
          >
            {errorMessage(q.error)}
          </Alert>
        ) : (
          <Card withBorder radius="md" padding="lg">
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Title order={2} size="h4" data-testid="track-code">
                  {q.data.code}
                </Title>
                <Badge
                  size="lg"
                  color={FEEDBACK_STATUS_COLORS[q.data.status]}
                  data-testid="track-status"
                  data-status={q.data.status}
                >
                  {q.data.statusLabel}
                </Badge>
              </Group>
              <Text fw={600}>{q.data.title}</Text>
              <Text size="sm">
                {q.data.unitName} · tiếp nhận {formatDateTime(q.data.receivedAt)} · hạn trả lời{' '}
                {formatDate(q.data.answerDueAt)}
              </Text>
              {q.data.note && <Alert color="gray">{q.data.note}</Alert>}
              {q.data.answer ? (
                <Card withBorder bg="green.0">
                  <Text fw={600} mb={4}>
                    Trả lời của đơn vị ({formatDate(q.data.answeredAt)})
                  </Text>
                  <PlainText testId="track-answer">{q.data.answer}</PlainText>
                </Card>
              ) : (
                <Text size="sm" c="dimmed">
                  Đơn vị đang xem xét, xử lý. Kết quả trả lời sẽ hiện ở đây.
                </Text>
              )}
              <Timeline bulletSize={12}>
                {q.data.steps.map((s, i) => (
                  <Timeline.Item key={i} title={s.label}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(s.at)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
              {q.data.published && (
                <Anchor component={Link} to={`/phan-anh/cong-khai?q=${encodeURIComponent(q.data.code)}`}>
                  Xem bản đã công khai
                </Anchor>
              )}
            </Stack>
          </Card>
        )}
        <Anchor component={Link} to="/phan-anh" size="sm">
          Gửi phản ánh, kiến nghị khác
        </Anchor>
      </Stack>
    </PublicLayout>
  );
}
