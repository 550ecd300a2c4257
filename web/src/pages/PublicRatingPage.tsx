import {
  Alert,
  Button,
  Card,
  Group,
  Rating as Stars,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  IconAlertCircle,
  IconHeartHandshake,
  IconMoodHappy,
  IconMoodSad,
  IconMoodSmile,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client.js';
import type { Rating } from '../api/types.js';
import { ErrorAlert, PageLoader } from '../components/common.js';
import { PublicLayout } from '../components/PublicLayout.js';
import { RATING_COLORS, RATING_LABELS, RATINGS, SIPAS_CRITERIA } from '../lib/labels.js';
import type { SipasCriterion } from '../lib/labels.js';

const RATING_ICONS: Record<Rating, ReactNode> = {
  very_satisfied: <IconMoodHappy size={28} />,
  satisfied: <IconMoodSmile size={28} />,
  not_satisfied: <IconMoodSad size={28} />,
};

export function PublicRatingPage() {
  const token = useParams().token ?? '';
  const target = useQuery({
    queryKey: ['rating-target', token],
    queryFn: () => api.ratingTarget(token),
    retry: false,
    enabled: token.length > 0,
  });
  return (
    <PublicLayout title="Đánh giá mức độ hài lòng">
      {target.isPending ? (
        <PageLoader />
      ) : target.isError ? (
        target.error instanceof ApiError && (target.error.status === 404 || target.error.status === 400) ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            title="Liên kết không hợp lệ"
            data-testid="rating-invalid"
          >
            Liên kết đánh giá không đúng hoặc đã hết hiệu lực. Vui lòng dùng đúng liên kết (mã QR) được cán bộ
            Bộ phận Một cửa gửi khi trả kết quả.
          </Alert>
        ) : (
          <ErrorAlert error={target.error} />
        )
      ) : target.data.rated ? (
        <Done code={target.data.code} again />
      ) : (
        <RatingForm
          token={token}
          code={target.data.code}
          unitName={target.data.unitName}
          procedureName={target.data.procedureName}
        />
      )}
    </PublicLayout>
  );
}

function Done({ code, again = false }: { code: string; again?: boolean }) {
  return (
    <Card withBorder radius="md" padding="xl" data-testid={again ? 'rating-already' : 'rating-thanks'}>
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={64} radius="xl" color="teal" variant="light" aria-hidden>
          <IconHeartHandshake size={36} />
        </ThemeIcon>
        <Title order={2} size="h3">
          {again ? 'Hồ sơ đã được đánh giá' : 'Cảm ơn ông/bà đã đánh giá!'}
        </Title>
        <Text>
          {again
            ? `Hồ sơ ${code} đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần. Cảm ơn ông/bà!`
            : `Ý kiến về hồ sơ ${code} đã được ghi nhận, giúp cơ quan phục vụ người dân tốt hơn.`}
        </Text>
      </Stack>
    </Card>
  );
}

function RatingForm({
  token,
  code,
  unitName,
  procedureName,
}: {
  token: string;
  code: string;
  unitName: string;
  procedureName: string;
}) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [criteria, setCriteria] = useState<Partial<Record<SipasCriterion, number>>>({});
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: () => {
      if (!rating) throw new Error('Vui lòng chọn mức độ hài lòng.');
      const answered = Object.entries(criteria).filter(([, v]) => typeof v === 'number' && v > 0);
      return api.rate(token, {
        rating,
        ...(answered.length > 0
          ? { criteria: Object.fromEntries(answered.map(([k, v]) => [k, String(v)])) }
          : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
    },
  });
  if (send.isSuccess) return <Done code={code} />;
  if (send.error instanceof ApiError && send.error.status === 409) return <Done code={code} again />;

  return (
    <Stack gap="lg" data-testid="rating-form">
      <Card withBorder radius="md" padding="md">
        <Text size="xs" c="dimmed">
          Hồ sơ
        </Text>
        <Text fw={700} data-testid="rating-code">
          {code}
        </Text>
        <Text size="sm">{procedureName}</Text>
        <Text size="sm" c="dimmed">
          {unitName}
        </Text>
      </Card>

      <div>
        <Title order={2} size="h4" mb="sm">
          Ông/bà có hài lòng với việc giải quyết hồ sơ?
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          {RATINGS.map((r) => (
            <Button
              key={r}
              size="xl"
              h={72}
              variant={rating === r ? 'filled' : 'light'}
              color={RATING_COLORS[r]}
              leftSection={RATING_ICONS[r]}
              onClick={() => setRating(r)}
              aria-pressed={rating === r}
              data-testid={`rating-${r}`}
            >
              {RATING_LABELS[r]}
            </Button>
          ))}
        </SimpleGrid>
      </div>

      <Card withBorder radius="md" padding="md">
        <Title order={3} size="h5" mb={4}>
          Đánh giá từng nội dung (không bắt buộc)
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          1 sao: rất không hài lòng · 5 sao: rất hài lòng
        </Text>
        <Stack gap="sm">
          {(Object.keys(SIPAS_CRITERIA) as SipasCriterion[]).map((k) => (
            <Group key={k} justify="space-between" wrap="wrap" gap={4}>
              <Text size="sm">{SIPAS_CRITERIA[k]}</Text>
              <Stars
                size="lg"
                value={criteria[k] ?? 0}
                onChange={(v) => setCriteria((c) => ({ ...c, [k]: v }))}
                aria-label={SIPAS_CRITERIA[k]}
                data-testid={`criterion-${k}`}
              />
            </Group>
          ))}
        </Stack>
      </Card>

      <Textarea
        label="Góp ý thêm (không bắt buộc)"
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={2000}
        data-testid="rating-comment"
      />
      {send.isError && (
        <Alert color="red" variant="light">
          {errorMessage(send.error)}
        </Alert>
      )}
      <Button
        size="lg"
        onClick={() => send.mutate()}
        disabled={!rating}
        loading={send.isPending}
        data-testid="rating-submit"
      >
        Gửi đánh giá
      </Button>
    </Stack>
  );
}
