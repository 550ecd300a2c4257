import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Image,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp, IconDownload, IconPlus, IconTrash } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert, notifyError, notifySuccess, PageLoader } from '../components/common.js';
import {
  formatPercent,
  QUESTION_KIND_LABELS,
  SURVEY_STATE_COLORS,
  SURVEY_STATE_LABELS,
  surveyApi,
} from '../api/surveys.js';
import type { QuestionKind, Survey, SurveyInput, SurveyQuestion, SurveyResults } from '../api/surveys.js';

const SurveyResultChart = lazy(() => import('./SurveyResultChart.js'));

/** One survey: its results, its questions and settings (the builder), and how to share it. */
export function SurveyPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const survey = useQuery({ queryKey: ['survey', id], queryFn: () => surveyApi.get(id) });
  if (survey.isPending) return <PageLoader />;
  if (survey.isError) return <ErrorAlert error={survey.error} title="Không tải được khảo sát" />;
  const s = survey.data;
  const tab = params.get('tab') ?? 'results';
  return (
    <Stack gap="md" data-testid="survey-page">
      <div>
        <Group gap="sm" wrap="wrap">
          <Title order={2} data-testid="survey-title">
            {s.title}
          </Title>
          <Badge color={SURVEY_STATE_COLORS[s.state]} variant="light" data-testid="survey-state">
            {SURVEY_STATE_LABELS[s.state]}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm">
          {s.responses} phiếu trả lời ·{' '}
          {s.anonymous ? 'Ẩn danh, mỗi trình duyệt trả lời một lần' : 'Theo mã mời, mỗi mã trả lời một lần'}
        </Text>
      </div>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="results" data-testid="tab-results">
            Kết quả
          </Tabs.Tab>
          <Tabs.Tab value="questions" data-testid="tab-questions">
            Câu hỏi và cài đặt
          </Tabs.Tab>
          <Tabs.Tab value="share" data-testid="tab-share">
            Chia sẻ
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="results" pt="md">
          <Results survey={s} />
        </Tabs.Panel>
        <Tabs.Panel value="questions" pt="md">
          <Builder key={`${s.id}-${s.responses}-${s.title}`} survey={s} />
        </Tabs.Panel>
        <Tabs.Panel value="share" pt="md">
          <Share survey={s} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Results({ survey }: { survey: Survey }) {
  const r = useQuery({
    queryKey: ['survey-results', survey.id],
    queryFn: () => surveyApi.results(survey.id),
  });
  if (r.isPending) return <PageLoader />;
  if (r.isError) return <ErrorAlert error={r.error} />;
  const d: SurveyResults = r.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Paper withBorder p="md" radius="md" maw={520}>
          <Text size="sm" c="dimmed">
            Tỷ lệ hài lòng
          </Text>
          <Group gap="xs" align="baseline">
            <Text fz={32} fw={700} c="blue.7" data-testid="survey-rate">
              {formatPercent(d.satisfaction.value)}
            </Text>
            <Text c="dimmed" data-testid="survey-rate-fraction">
              {d.satisfaction.numerator}/{d.satisfaction.denominator} câu trả lời
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {d.satisfaction.definition}
          </Text>
        </Paper>
        <Button
          component="a"
          href={surveyApi.exportUrl(survey.id)}
          variant="light"
          leftSection={<IconDownload size={16} />}
          data-testid="survey-export"
        >
          Xuất Excel (.xlsx)
        </Button>
      </Group>
      <Text size="sm">
        Số phiếu trả lời: <b data-testid="survey-responses">{d.responses}</b>
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {d.questions.map((q, i) => (
          <Card key={q.key} withBorder radius="md" padding="md" data-testid="survey-question-result">
            <Text fw={600} size="sm">
              {i + 1}. {q.text}
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              {q.answered} trả lời
              {q.kind === 'scale' && q.mean !== null && q.mean !== undefined
                ? ` · điểm trung bình ${q.mean.toLocaleString('vi-VN')}`
                : ''}
            </Text>
            {q.kind === 'text' ? (
              <Stack gap={4} mah={240} style={{ overflowY: 'auto' }}>
                {(q.texts ?? []).length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Chưa có ý kiến.
                  </Text>
                ) : (
                  (q.texts ?? []).map((t, k) => (
                    <Text
                      key={k}
                      size="sm"
                      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                      data-testid="survey-text-answer"
                    >
                      {t}
                    </Text>
                  ))
                )}
              </Stack>
            ) : (
              <Suspense fallback={<PageLoader />}>
                <SurveyResultChart
                  data={
                    q.kind === 'scale'
                      ? (q.scores ?? []).map((n, k) => ({ label: `${k + 1} điểm`, count: n }))
                      : (q.options ?? []).map((o) => ({ label: o.label, count: o.count }))
                  }
                />
              </Suspense>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

let keySeq = 0;
const newKey = () => `q${Date.now().toString(36)}${(keySeq++).toString(36)}`;

function toInput(s: Survey): SurveyInput {
  return {
    title: s.title,
    description: s.description,
    questions: s.questions,
    anonymous: s.anonymous,
    published: s.published,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
  };
}

function Builder({ survey }: { survey: Survey }) {
  const qc = useQueryClient();
  const [form, setForm] = useState<SurveyInput>(() => toInput(survey));
  const locked = !survey.actions.editQuestions;
  const readOnly = !survey.actions.edit;
  const save = useMutation({
    mutationFn: (input: SurveyInput) => surveyApi.update(survey.id, input),
    onSuccess: (s) => {
      qc.setQueryData(['survey', survey.id], s);
      void qc.invalidateQueries({ queryKey: ['surveys'] });
      notifySuccess('Đã lưu khảo sát.');
    },
    onError: (e) => notifyError(e),
  });
  const setQ = (i: number, patch: Partial<SurveyQuestion>) =>
    setForm((f) => ({ ...f, questions: f.questions.map((q, k) => (k === i ? { ...q, ...patch } : q)) }));
  const move = (i: number, d: -1 | 1) =>
    setForm((f) => {
      const qs = [...f.questions];
      const [q] = qs.splice(i, 1);
      qs.splice(i + d, 0, q!);
      return { ...f, questions: qs };
    });

  return (
    <Stack gap="md" data-testid="survey-builder">
      {locked && !readOnly && (
        <Alert color="yellow" variant="light">
          Khảo sát đã có câu trả lời: câu hỏi và cách trả lời không sửa được nữa (để kết quả không bị sai
          lệch). Vẫn sửa được tên, mô tả, thời gian và việc mở, dừng nhận trả lời.
        </Alert>
      )}
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <TextInput
            label="Tên khảo sát"
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            disabled={readOnly}
            required
            data-testid="survey-title-input"
          />
          <Textarea
            label="Lời giới thiệu"
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
            disabled={readOnly}
            autosize
            minRows={2}
          />
          <Group grow wrap="wrap">
            <TextInput
              type="date"
              label="Ngày bắt đầu"
              value={form.opensOn ?? ''}
              onChange={(e) => setForm({ ...form, opensOn: e.currentTarget.value || null })}
              disabled={readOnly}
            />
            <TextInput
              type="date"
              label="Ngày kết thúc"
              value={form.closesOn ?? ''}
              onChange={(e) => setForm({ ...form, closesOn: e.currentTarget.value || null })}
              disabled={readOnly}
            />
          </Group>
          <Switch
            label="Ẩn danh: ai có đường dẫn đều trả lời được, mỗi trình duyệt một lần (tắt: chỉ người có mã mời)"
            checked={form.anonymous}
            onChange={(e) => setForm({ ...form, anonymous: e.currentTarget.checked })}
            disabled={readOnly || locked}
          />
          <Switch
            label="Mở nhận trả lời"
            checked={form.published}
            onChange={(e) => setForm({ ...form, published: e.currentTarget.checked })}
            disabled={readOnly}
            data-testid="survey-published"
          />
        </Stack>
      </Card>

      {form.questions.map((q, i) => (
        <Card key={q.key} withBorder radius="md" padding="md" data-testid="builder-question">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>Câu {i + 1}</Text>
              {!locked && !readOnly && (
                <Group gap={4}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Đưa câu ${i + 1} lên`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Đưa câu ${i + 1} xuống`}
                    disabled={i === form.questions.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Bỏ câu ${i + 1}`}
                    onClick={() => setForm({ ...form, questions: form.questions.filter((_, k) => k !== i) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
            <Textarea
              label="Câu hỏi"
              value={q.text}
              onChange={(e) => setQ(i, { text: e.currentTarget.value })}
              disabled={locked || readOnly}
              autosize
              minRows={1}
              data-testid="builder-question-text"
            />
            <Group wrap="wrap" gap="md" align="flex-end">
              <Select
                label="Loại câu hỏi"
                data={(Object.keys(QUESTION_KIND_LABELS) as QuestionKind[]).map((k) => ({
                  value: k,
                  label: QUESTION_KIND_LABELS[k],
                }))}
                value={q.kind}
                onChange={(v) => {
                  if (!v) return;
                  const kind = v;
                  setQ(i, {
                    kind,
                    options: kind === 'single' || kind === 'multiple' ? (q.options ?? ['', '']) : undefined,
                    satisfaction: kind === 'scale' || kind === 'single' ? q.satisfaction : false,
                    satisfiedOptions: kind === 'single' ? q.satisfiedOptions : undefined,
                    verySatisfiedOption: kind === 'single' ? q.verySatisfiedOption : undefined,
                  });
                }}
                allowDeselect={false}
                disabled={locked || readOnly}
                w={220}
              />
              <Checkbox
                label="Bắt buộc"
                checked={q.required}
                onChange={(e) => setQ(i, { required: e.currentTarget.checked })}
                disabled={locked || readOnly}
              />
              {(q.kind === 'scale' || q.kind === 'single') && (
                <Checkbox
                  label={
                    q.kind === 'scale'
                      ? 'Tính vào tỷ lệ hài lòng (4–5 điểm là hài lòng)'
                      : 'Tính vào tỷ lệ hài lòng'
                  }
                  checked={q.satisfaction ?? false}
                  onChange={(e) => setQ(i, { satisfaction: e.currentTarget.checked })}
                  disabled={locked || readOnly}
                />
              )}
            </Group>
            {(q.kind === 'single' || q.kind === 'multiple') && (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  Phương án
                </Text>
                {(q.options ?? []).map((o, k) => (
                  <Group key={k} gap="xs" wrap="nowrap">
                    <TextInput
                      value={o}
                      onChange={(e) =>
                        setQ(i, {
                          options: (q.options ?? []).map((x, n) => (n === k ? e.currentTarget.value : x)),
                        })
                      }
                      disabled={locked || readOnly}
                      style={{ flex: 1 }}
                      aria-label={`Phương án ${k + 1} của câu ${i + 1}`}
                    />
                    {q.kind === 'single' && q.satisfaction && (
                      <Checkbox
                        label="hài lòng"
                        checked={(q.satisfiedOptions ?? []).includes(k)}
                        onChange={(e) =>
                          setQ(i, {
                            satisfiedOptions: e.currentTarget.checked
                              ? [...(q.satisfiedOptions ?? []), k].sort()
                              : (q.satisfiedOptions ?? []).filter((n) => n !== k),
                          })
                        }
                        disabled={locked || readOnly}
                      />
                    )}
                    {!locked && !readOnly && (q.options ?? []).length > 2 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Bỏ phương án ${k + 1}`}
                        onClick={() =>
                          setQ(i, {
                            options: (q.options ?? []).filter((_, n) => n !== k),
                            satisfiedOptions: (q.satisfiedOptions ?? [])
                              .filter((n) => n !== k)
                              .map((n) => (n > k ? n - 1 : n)),
                            verySatisfiedOption: undefined,
                          })
                        }
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    )}
                  </Group>
                ))}
                {!locked && !readOnly && (
                  <Button
                    variant="subtle"
                    size="xs"
                    w="fit-content"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => setQ(i, { options: [...(q.options ?? []), ''] })}
                  >
                    Thêm phương án
                  </Button>
                )}
              </Stack>
            )}
          </Stack>
        </Card>
      ))}
      {!locked && !readOnly && (
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            setForm({
              ...form,
              questions: [
                ...form.questions,
                { key: newKey(), kind: 'scale', text: '', required: true, satisfaction: true },
              ],
            })
          }
          data-testid="builder-add-question"
        >
          Thêm câu hỏi
        </Button>
      )}
      {!readOnly && (
        <Group>
          <Button onClick={() => save.mutate(form)} loading={save.isPending} data-testid="survey-save">
            Lưu khảo sát
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Share({ survey }: { survey: Survey }) {
  const [count, setCount] = useState<number | string>(20);
  const [links, setLinks] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: () => surveyApi.invite(survey.id, Number(count)),
    onSuccess: (r) => {
      setLinks(r.links);
      const blob = new Blob(
        [`\ufeffSTT,Đường dẫn trả lời\n${r.links.map((l, i) => `${i + 1},${l}`).join('\n')}\n`],
        { type: 'text/csv;charset=utf-8' },
      );
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `ma-moi-khao-sat-${survey.id}.csv`;
      a.click();
      URL.revokeObjectURL(a.href);
    },
    onError: (e) => notifyError(e),
  });
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md">
        <Stack gap="xs">
          <Text fw={600}>Đường dẫn công khai</Text>
          <TextInput
            value={survey.publicUrl}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            data-testid="survey-public-url"
            aria-label="Đường dẫn công khai"
          />
          {survey.state !== 'open' && (
            <Text size="sm" c="orange">
              Khảo sát chưa nhận trả lời ({SURVEY_STATE_LABELS[survey.state].toLowerCase()}): hãy bật "Mở nhận
              trả lời" trong phần Câu hỏi và cài đặt.
            </Text>
          )}
          <Group align="flex-end" gap="md">
            <Image
              src={surveyApi.qrUrl(survey.id)}
              alt="Mã QR của khảo sát"
              w={160}
              h={160}
              data-testid="survey-qr"
            />
            <Button
              component="a"
              href={surveyApi.qrUrl(survey.id)}
              download={`ma-qr-khao-sat-${survey.id}.png`}
              variant="light"
              leftSection={<IconDownload size={16} />}
            >
              Tải mã QR
            </Button>
          </Group>
        </Stack>
      </Card>
      {survey.actions.invite && (
        <Card withBorder radius="md" padding="md">
          <Stack gap="xs">
            <Text fw={600}>Mã mời</Text>
            <Text size="sm" c="dimmed">
              Mỗi mã mời trả lời được một lần. Danh sách chỉ hiện một lần khi tạo: hãy lưu tệp tải về.
              {survey.invitations
                ? ` Đã tạo ${survey.invitations.total} mã, đã dùng ${survey.invitations.used}.`
                : ''}
            </Text>
            <Group align="flex-end">
              <NumberInput
                label="Số mã cần tạo"
                min={1}
                max={1000}
                value={count}
                onChange={setCount}
                w={160}
              />
              <Button onClick={() => invite.mutate()} loading={invite.isPending} data-testid="survey-invite">
                Tạo và tải danh sách
              </Button>
            </Group>
            {links.length > 0 && (
              <Textarea
                value={links.join('\n')}
                readOnly
                autosize
                maxRows={8}
                aria-label="Danh sách đường dẫn có mã mời"
              />
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
