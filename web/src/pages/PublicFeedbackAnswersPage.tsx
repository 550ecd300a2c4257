import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyText, ErrorAlert, PageLoader } from '../components/common.js';
import { PlainText, feedbackApi } from '../components/feedback.js';
import { PublicLayout } from '../components/PublicLayout.js';
import { formatDate } from '../lib/format.js';

/** Published answers, searchable without diacritics ("hoc phi" finds "học phí"); no personal data. */
export function PublicFeedbackAnswersPage() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(q, 300);
  const list = useQuery({
    queryKey: ['public-feedback-answers', debounced, page],
    queryFn: () => feedbackApi.answers(debounced, page),
    placeholderData: keepPreviousData,
  });
  return (
    <PublicLayout title="Kết quả trả lời phản ánh, kiến nghị">
      <Stack gap="lg" data-testid="public-feedback-answers">
        <TextInput
          size="md"
          leftSection={<IconSearch size={18} />}
          placeholder="Tìm theo nội dung, có dấu hoặc không dấu"
          aria-label="Tìm trả lời"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
            setParams(e.currentTarget.value ? { q: e.currentTarget.value } : {}, { replace: true });
          }}
          data-testid="answers-search"
        />
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <EmptyText>Không có trả lời nào phù hợp.</EmptyText>
        ) : (
          list.data.items.map((a) => (
            <Card withBorder radius="md" key={a.code} data-testid="answer-card" data-code={a.code}>
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {a.title}
                </Title>
                <Text size="xs" c="dimmed">
                  {a.code} · {a.unitName} · nhận {formatDate(a.receivedAt)} · công khai{' '}
                  {formatDate(a.publishedAt)}
                </Text>
                <PlainText testId="answer-content">{a.content}</PlainText>
                <Card bg="green.0" padding="sm">
                  <Text size="sm" fw={600}>
                    Trả lời
                  </Text>
                  <PlainText testId="answer-answer">{a.answer}</PlainText>
                </Card>
              </Stack>
            </Card>
          ))
        )}
        {list.data && (
          <Group justify="space-between">
            <Button variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Trang trước
            </Button>
            <Button
              variant="default"
              disabled={list.data.items.length < list.data.pageSize}
              onClick={() => setPage(page + 1)}
            >
              Trang sau
            </Button>
          </Group>
        )}
        <Anchor component={Link} to="/phan-anh" size="sm">
          Gửi phản ánh, kiến nghị
        </Anchor>
      </Stack>
    </PublicLayout>
  );
}
