import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconAlertCircle, IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client.js';
import { ErrorAlert, PageLoader } from '../components/common.js';
import { PublicLayout } from '../components/PublicLayout.js';
import { formatDate } from '../lib/format.js';
import { surveyApi } from '../api/surveys.js';
import type { PublicSurvey, SurveyQuestion } from '../api/surveys.js';

const BROWSER_KEY = 'cchc.browser';

/** This browser's id for one-answer-per-browser surveys (the server also keeps it in a cookie). */
function browserId(): string {
  try {
    const saved = localStorage.getItem(BROWSER_KEY);
    if (saved && /^[A-Za-z0-9_-]{16,64}$/.test(saved)) return saved;
    const id = crypto.randomUUID();
    localStorage.setItem(BROWSER_KEY, id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

/** A citizen answers a survey from its link or QR code, on a phone, without logging in. */
export function PublicSurveyPage() {
  const slug = useParams().slug ?? '';
  const token = useSearchParams()[0].get('t') ?? undefined;
  const form = useQuery({
    queryKey: ['public-survey', slug],
    queryFn: () => surveyApi.publicForm(slug),
    retry: false,
  });
  return (
    <PublicLayout title="Khảo sát ý kiến người dân">
      {form.isPending ? (
        <PageLoader />
      ) : form.isError ? (
        form.error instanceof ApiError && form.error.status === 404 ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            title="Không tìm thấy khảo sát"
            data-testid="survey-missing"
          >
            Đường dẫn không đúng hoặc khảo sát đã được gỡ. Vui lòng kiểm tra lại đường dẫn (mã QR).
          </Alert>
        ) : (
          <ErrorAlert error={form.error} />
        )
      ) : (
        <SurveyForm survey={form.data} token={token} />
      )}
    </PublicLayout>
  );
}

function Thanks({ again = false }: { again?: boolean }) {
  return (
    <Card withBorder radius="md" padding="xl" data-testid={again ? 'survey-already' : 'survey-thanks'}>
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={64} radius="xl" color="teal" variant="light" aria-hidden>
          <IconHeartHandshake size={36} />
        </ThemeIcon>
        <Title order={2} size="h3">
          {again ? 'Ông/bà đã trả lời khảo sát này' : 'Cảm ơn ông/bà đã trả lời!'}
        </Title>
        <Text>
          {again
            ? 'Mỗi người trả lời một lần. Cảm ơn ông/bà!'
            : 'Ý kiến của ông/bà giúp đơn vị phục vụ tốt hơn.'}
        </Text>
      </Stack>
    </Card>
  );
}

function SurveyForm({ survey, token }: { survey: PublicSurvey; token: string | undefined }) {
  const [answers, setAnswers] = useState<Record<string, number | number[] | string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () =>
      surveyApi.answer(survey.slug, { answers, ...(token ? { token } : { browserId: browserId() }) }),
  });
  const set = (key: string, v: number | number[] | string) => setAnswers((a) => ({ ...a, [key]: v }));
  if (send.isSuccess) return <Thanks />;
  if (send.error instanceof ApiError && send.error.code === 'SURVEY_ANSWERED') return <Thanks again />;

  const header = (
    <Card withBorder radius="md" padding="md">
      <Text size="xs" c="dimmed">
        {survey.unitName}
      </Text>
      <Title order={2} size="h3" data-testid="public-survey-title">
        {survey.title}
      </Title>
      {survey.description && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {survey.description}
        </Text>
      )}
    </Card>
  );
  if (survey.state !== 'open')
    return (
      <Stack gap="md">
        {header}
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertCircle size={18} />}
          title="Khảo sát không nhận trả lời"
          data-testid="survey-closed"
        >
          {survey.state === 'scheduled' && survey.opensOn
            ? `Khảo sát bắt đầu nhận trả lời từ ngày ${formatDate(survey.opensOn)}.`
            : survey.state === 'closed'
              ? 'Khảo sát đã kết thúc. Cảm ơn ông/bà đã quan tâm.'
              : 'Khảo sát chưa mở. Vui lòng quay lại sau.'}
        </Alert>
      </Stack>
    );
  if (survey.needsToken && !token)
    return (
      <Stack gap="md">
        {header}
        <Alert color="orange" variant="light" title="Cần mã mời">
          Khảo sát này chỉ dành cho người được mời: vui lòng dùng đúng đường dẫn (mã QR) được gửi cho ông/bà.
        </Alert>
      </Stack>
    );

  const submit = () => {
    const missing = survey.questions.findIndex((q) => {
      const v = answers[q.key];
      return q.required && (v === undefined || v === '' || (Array.isArray(v) && v.length === 0));
    });
    if (missing >= 0) {
      setProblem(`Câu ${missing + 1} là câu bắt buộc: vui lòng trả lời.`);
      return;
    }
    setProblem(null);
    send.mutate();
  };

  return (
    <Stack gap="md" data-testid="public-survey-form">
      {header}
      {survey.questions.map((q, i) => (
        <Question key={q.key} q={q} index={i} value={answers[q.key]} onChange={(v) => set(q.key, v)} />
      ))}
      {(problem ?? send.isError) && (
        <Alert color="red" variant="light" data-testid="survey-error">
          {problem ?? errorMessage(send.error)}
        </Alert>
      )}
      <Button size="lg" onClick={submit} loading={send.isPending} data-testid="survey-submit">
        Gửi ý kiến
      </Button>
    </Stack>
  );
}

function Question({
  q,
  index,
  value,
  onChange,
}: {
  q: SurveyQuestion;
  index: number;
  value: number | number[] | string | undefined;
  onChange: (v: number | number[] | string) => void;
}) {
  const label = (
    <Text fw={600} size="sm" mb="xs">
      {index + 1}. {q.text}
      {q.required && (
        <Text span c="red" aria-label="bắt buộc">
          {' '}
          *
        </Text>
      )}
    </Text>
  );
  return (
    <Card withBorder radius="md" padding="md" data-testid="public-question" data-kind={q.kind}>
      {label}
      {q.kind === 'single' && (
        <Radio.Group
          value={typeof value === 'number' ? String(value) : null}
          onChange={(v) => onChange(Number(v))}
          aria-label={q.text}
        >
          <Stack gap="sm">
            {(q.options ?? []).map((o, k) => (
              <Radio key={k} value={String(k)} label={o} size="md" />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {q.kind === 'scale' && (
        <>
          <Group gap={6} wrap="nowrap" role="radiogroup" aria-label={q.text}>
            {[1, 2, 3, 4, 5].map((n) => (
              <Button
                key={n}
                variant={value === n ? 'filled' : 'default'}
                onClick={() => onChange(n)}
                aria-pressed={value === n}
                size="md"
                style={{ flex: 1, minWidth: 0, paddingInline: 0 }}
                data-testid={`scale-${q.key}-${n}`}
              >
                {n}
              </Button>
            ))}
          </Group>
          <Group justify="space-between" mt={4}>
            <Text size="xs" c="dimmed">
              1: rất không hài lòng
            </Text>
            <Text size="xs" c="dimmed">
              5: rất hài lòng
            </Text>
          </Group>
        </>
      )}
      {q.kind === 'multiple' && (
        <Checkbox.Group
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(v) => onChange(v.map(Number))}
          aria-label={q.text}
        >
          <Stack gap="sm">
            {(q.options ?? []).map((o, k) => (
              <Checkbox key={k} value={String(k)} label={o} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      {q.kind === 'text' && (
        <Textarea
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={2000}
          aria-label={q.text}
          data-testid={`text-${q.key}`}
        />
      )}
    </Card>
  );
}
