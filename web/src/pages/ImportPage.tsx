import {
  Accordion,
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconArrowRight,
  IconDeviceFloppy,
  IconFileText,
  IconPencil,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api/client.js';
import type {
  CommitMode,
  DraftTarget,
  DraftTask,
  PlanDraft,
  PlanSummary,
  PreviewResult,
} from '../api/types.js';
import { ErrorAlert, notifySuccess } from '../components/common.js';
import { DeadlineReadingView, needsReview } from '../components/DeadlineReading.js';
import { TargetEditModal, TaskEditModal } from '../components/DraftEditors.js';
import { formatDate, formatNamed, formatThreshold, parseVnDate } from '../lib/format.js';
import { permissions, useCurrentUser } from '../session.js';

const ACCEPT = '.docx,.md,.markdown,.txt';
const STEP_LABELS = ['Chọn tài liệu', 'Kiểm tra, chỉnh sửa', 'Lưu'];

/** Same counting as the server's summary, for a draft the user has edited. */
function summarize(d: PlanDraft): PlanSummary {
  const codes = new Set([...d.areas.map((a) => a.code), ...d.tasks.map((t) => t.areaCode)]);
  return {
    areas: [...codes]
      .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
      .map((code) => ({
        code,
        title: d.areas.find((a) => a.code === code)?.title ?? `Lĩnh vực ${code}`,
        tasks: d.tasks.filter((t) => t.areaCode === code).length,
        focusItems: d.focusItems.filter((f) => f.areaCode === code).length,
      })),
    tasks: d.tasks.length,
    sectionTargets: d.targets.filter((t) => t.parentCode === null).length,
    appendixTargets: d.appendixTargets.length,
    appendixLeafTargets: d.appendixTargets.filter((t) => !t.isGroup).length,
    warnings: d.warnings.length,
  };
}

type Existing = PreviewResult['existing'];

export function ImportPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [step, setStep] = useState(0);
  // Plans are written by the unit itself (a superior reviews them): the user's own unit.
  const unitOptions = [{ value: String(me.unit.id), label: me.unit.name }];
  const [unitId, setUnitId] = useState(String(me.unit.id));
  const [year, setYear] = useState<number | string>('');
  const [sourceTab, setSourceTab] = useState<string | null>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [progress, setProgress] = useState(0);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [existing, setExisting] = useState<Existing>(null);
  const [mode, setMode] = useState<Exclude<CommitMode, 'create'> | null>(null);

  const read = useMutation({
    mutationFn: () => {
      const y = typeof year === 'number' ? year : null;
      if (sourceTab === 'file') {
        if (!file) throw new Error('Hãy chọn tệp kế hoạch.');
        return api.previewFile(Number(unitId), file, y, setProgress);
      }
      return api.previewText(Number(unitId), text, y);
    },
    onMutate: () => setProgress(0),
    onSuccess: (result) => {
      setPreview(result);
      setDraft(structuredClone(result.draft));
      setDirty(false);
      setExisting(result.existing);
      setMode(null);
      setStep(1);
    },
  });

  const save = useMutation({
    mutationFn: () => {
      if (!draft || !preview) throw new Error('Chưa có kế hoạch để lưu.');
      return api.commit({
        unitId: Number(unitId),
        draft,
        mode: existing ? (mode ?? 'new_version') : 'create',
        source: preview.source,
        ...(draft.year ? { year: draft.year } : {}),
      });
    },
    onSuccess: async ({ planId }) => {
      notifySuccess('Đã lưu kế hoạch.');
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['plans'] }),
        qc.invalidateQueries({ queryKey: ['plan'] }),
        qc.invalidateQueries({ queryKey: ['dashboard'] }),
        qc.invalidateQueries({ queryKey: ['my-tasks'] }),
        qc.invalidateQueries({ queryKey: ['deadlines'] }),
        qc.invalidateQueries({ queryKey: ['calendar-month'] }),
      ]);
      void navigate(`/plans/${planId}`);
    },
    onError: (err) => {
      // Someone saved a plan for this year meanwhile: ask how to save this one.
      if (err instanceof ApiError && err.code === 'PLAN_EXISTS' && !existing) {
        const details = err.details as { planId?: number } | undefined;
        setExisting({ id: details?.planId ?? 0, version: 1, number: null, title: 'Kế hoạch hiện có' });
      }
    },
  });

  if (!permissions(me).importPlan)
    return (
      <Alert color="yellow" title="Không có quyền">
        Chỉ thủ trưởng, cán bộ phụ trách CCHC hoặc quản trị của đơn vị mới nhập được kế hoạch.
      </Alert>
    );

  const update = (fn: (d: PlanDraft) => PlanDraft) => {
    setDraft((d) => (d ? fn(d) : d));
    setDirty(true);
  };
  const summary = draft && (dirty || !preview ? summarize(draft) : preview.summary);
  const canRead = sourceTab === 'file' ? file !== null : text.trim().length > 0;
  const draftProblems: string[] = [];
  if (draft) {
    if (!draft.year) draftProblems.push('Chưa có năm của kế hoạch.');
    if (draft.tasks.length + draft.targets.length + draft.appendixTargets.length === 0)
      draftProblems.push('Kế hoạch không còn nhiệm vụ hay chỉ tiêu nào.');
  }
  const parsing = read.isPending && (sourceTab !== 'file' || progress >= 1);

  return (
    <Stack gap="lg" data-testid="import-page">
      <div>
        <Title order={2}>Nhập kế hoạch</Title>
        <Text c="dimmed">
          Đọc kế hoạch CCHC từ tệp Word (.docx), Markdown (.md) hoặc văn bản, kiểm tra rồi lưu.
        </Text>
      </div>
      {narrow && (
        <Text fw={600} size="sm" c="blue">
          Bước {step + 1}/3: {STEP_LABELS[step]}
        </Text>
      )}
      <Stepper
        active={step}
        onStepClick={(s) => s < step && setStep(s)}
        allowNextStepsSelect={false}
        size={narrow ? 'xs' : 'sm'}
        data-testid="import-stepper"
      >
        <Stepper.Step
          label={narrow ? undefined : 'Chọn tài liệu'}
          description={narrow ? undefined : 'Tệp hoặc văn bản'}
          aria-label="Chọn tài liệu"
        >
          <Card withBorder radius="md" padding="lg" mt="md">
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label="Đơn vị"
                  description="Kế hoạch do chính đơn vị nhập; đơn vị cấp trên theo dõi."
                  data={unitOptions}
                  value={unitId}
                  onChange={(v) => v && setUnitId(v)}
                  allowDeselect={false}
                  disabled={unitOptions.length === 1}
                  data-testid="import-unit"
                />
                <NumberInput
                  label="Năm kế hoạch"
                  description="Để trống: lấy theo tài liệu"
                  value={year}
                  onChange={setYear}
                  min={2000}
                  max={2100}
                  allowDecimal={false}
                  thousandSeparator=""
                  placeholder="Ví dụ 2026"
                />
              </SimpleGrid>
              <Tabs value={sourceTab} onChange={setSourceTab}>
                <Tabs.List>
                  <Tabs.Tab value="file" leftSection={<IconUpload size={16} />}>
                    Tải tệp lên
                  </Tabs.Tab>
                  <Tabs.Tab value="text" leftSection={<IconFileText size={16} />}>
                    Dán văn bản
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="file" pt="md">
                  <FileInput
                    label="Tệp kế hoạch"
                    description="Word (.docx), Markdown (.md) hoặc văn bản (.txt)"
                    placeholder="Chọn tệp…"
                    accept={ACCEPT}
                    value={file}
                    onChange={setFile}
                    clearable
                    leftSection={<IconUpload size={16} />}
                    data-testid="import-file"
                  />
                </Tabs.Panel>
                <Tabs.Panel value="text" pt="md">
                  <Textarea
                    label="Nội dung kế hoạch"
                    description="Dán toàn bộ kế hoạch, gồm cả Phụ lục 1 (bảng nhiệm vụ) và Phụ lục 2 (chỉ tiêu)."
                    value={text}
                    onChange={(e) => setText(e.currentTarget.value)}
                    autosize
                    minRows={8}
                    maxRows={20}
                    data-testid="import-text"
                  />
                </Tabs.Panel>
              </Tabs>
              {read.isError && <ErrorAlert error={read.error} title="Không đọc được kế hoạch" />}
              {read.isPending && (
                <Paper
                  withBorder
                  p="sm"
                  radius="md"
                  role="status"
                  aria-live="polite"
                  data-testid="import-progress"
                >
                  {parsing ? (
                    <Group gap="sm">
                      <Loader size="sm" />
                      <Text size="sm">Đang đọc và phân tích kế hoạch…</Text>
                    </Group>
                  ) : (
                    <Stack gap={6}>
                      <Text size="sm">Đang tải tệp lên… {Math.round(progress * 100)}%</Text>
                      <Progress value={Math.round(progress * 100)} animated />
                    </Stack>
                  )}
                </Paper>
              )}
              <Group justify="flex-end">
                <Button
                  onClick={() => read.mutate()}
                  disabled={!canRead}
                  loading={read.isPending}
                  rightSection={<IconArrowRight size={16} />}
                  data-testid="import-read"
                >
                  Đọc kế hoạch
                </Button>
              </Group>
            </Stack>
          </Card>
        </Stepper.Step>

        <Stepper.Step
          label={narrow ? undefined : 'Kiểm tra, chỉnh sửa'}
          description={narrow ? undefined : 'Sửa chỗ đọc sai'}
          aria-label="Kiểm tra, chỉnh sửa"
        >
          {draft && summary && preview && (
            <Stack mt="md" gap="md">
              <Warnings warnings={draft.warnings} />
              <HeaderEditor draft={draft} update={update} />
              <SummaryView summary={summary} />
              <TasksEditor draft={draft} update={update} original={preview.draft} />
              <TargetsEditor draft={draft} update={update} />
              {draftProblems.length > 0 && (
                <Alert color="red" variant="light" title="Chưa lưu được">
                  {draftProblems.join(' ')}
                </Alert>
              )}
              <Group justify="space-between">
                <Button
                  variant="default"
                  leftSection={<IconArrowLeft size={16} />}
                  onClick={() => setStep(0)}
                >
                  Chọn tài liệu khác
                </Button>
                <Button
                  onClick={() => setStep(2)}
                  disabled={draftProblems.length > 0}
                  rightSection={<IconArrowRight size={16} />}
                  data-testid="import-next"
                >
                  Tiếp tục
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>

        <Stepper.Step
          label={narrow ? undefined : 'Lưu'}
          description={narrow ? undefined : 'Tạo hoặc thay thế'}
          aria-label="Lưu"
        >
          {draft && summary && (
            <Card withBorder radius="md" padding="lg" mt="md">
              <Stack>
                <Text>
                  Sẽ lưu: <b>{draft.title ?? `Kế hoạch cải cách hành chính năm ${draft.year ?? ''}`}</b>
                  {draft.number ? ` (số ${draft.number})` : ''} của <b>{me.unit.name}</b>, năm{' '}
                  <b>{draft.year}</b>: {summary.tasks} nhiệm vụ, {summary.areas.length} lĩnh vực,{' '}
                  {summary.sectionTargets} chỉ tiêu mục II, {summary.appendixLeafTargets} chỉ tiêu Phụ lục 2.
                </Text>
                {existing ? (
                  <>
                    <Alert
                      color="orange"
                      variant="light"
                      icon={<IconAlertTriangle size={18} />}
                      title="Đơn vị đã có kế hoạch năm này"
                    >
                      {existing.title}
                      {existing.number ? ` (số ${existing.number})` : ''}
                      {existing.version > 1 ? `, phiên bản ${existing.version}` : ''}. Hãy chọn cách lưu:
                    </Alert>
                    <Radio.Group
                      value={mode}
                      onChange={(v) => setMode(v)}
                      label="Cách lưu"
                      required
                      data-testid="import-mode"
                    >
                      <Stack gap="sm" mt="xs">
                        <Radio
                          value="replace"
                          label="Thay thế kế hoạch hiện có (giữ tiến độ các nhiệm vụ trùng)"
                          description="Nhiệm vụ trùng số thứ tự hoặc nội dung giữ trạng thái, phân công và minh chứng; nhiệm vụ không còn trong kế hoạch mới được đánh dấu đã bỏ."
                        />
                        <Radio
                          value="new_version"
                          label="Lưu thành phiên bản mới"
                          description="Kế hoạch hiện có được giữ lại làm phiên bản cũ; phiên bản mới được áp dụng."
                        />
                      </Stack>
                    </Radio.Group>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    Đơn vị chưa có kế hoạch năm {draft.year}: kế hoạch sẽ được tạo mới.
                  </Text>
                )}
                {save.isError && <ErrorAlert error={save.error} title="Không lưu được kế hoạch" />}
                <Group justify="space-between">
                  <Button
                    variant="default"
                    leftSection={<IconArrowLeft size={16} />}
                    onClick={() => setStep(1)}
                  >
                    Quay lại
                  </Button>
                  <Button
                    onClick={() => save.mutate()}
                    loading={save.isPending}
                    disabled={existing !== null && mode === null}
                    leftSection={<IconDeviceFloppy size={16} />}
                    data-testid="import-save"
                  >
                    Lưu kế hoạch
                  </Button>
                </Group>
              </Stack>
            </Card>
          )}
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}

function Warnings({ warnings }: { warnings: PlanDraft['warnings'] }) {
  if (warnings.length === 0)
    return (
      <Alert color="teal" variant="light" title="Không có cảnh báo">
        Kế hoạch được đọc trọn vẹn. Vẫn nên xem lại trước khi lưu.
      </Alert>
    );
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`Cần kiểm tra ${warnings.length} điểm`}
      data-testid="import-warnings"
    >
      <List size="sm" spacing={4}>
        {warnings.map((w, i) => (
          <List.Item key={i}>
            {w.where && <b>{w.where}: </b>}
            {w.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function HeaderEditor({
  draft,
  update,
}: {
  draft: PlanDraft;
  update: (fn: (d: PlanDraft) => PlanDraft) => void;
}) {
  const set = <K extends keyof PlanDraft>(key: K, value: PlanDraft[K]) =>
    update((d) => ({ ...d, [key]: value }));
  return (
    <Card withBorder radius="md" padding="md" data-testid="import-header">
      <Title order={3} size="h4" mb="sm">
        Thông tin kế hoạch
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <TextInput
          label="Số kế hoạch"
          value={draft.number ?? ''}
          onChange={(e) => set('number', e.currentTarget.value.trim() || null)}
          maxLength={64}
          data-testid="draft-number"
        />
        <DateInput
          label="Ngày ban hành"
          value={draft.issuedOn}
          onChange={(v) => set('issuedOn', v)}
          valueFormat="DD/MM/YYYY"
          dateParser={parseVnDate}
          placeholder="dd/mm/yyyy"
          clearable
          data-testid="draft-issued-on"
        />
        <NumberInput
          label="Năm kế hoạch"
          value={draft.year ?? ''}
          onChange={(v) => set('year', typeof v === 'number' ? v : null)}
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          required
          error={draft.year ? undefined : 'Nhập năm của kế hoạch'}
          data-testid="draft-year"
        />
        <TextInput
          label="Đơn vị ban hành (theo văn bản)"
          value={draft.unitName ?? ''}
          onChange={(e) => set('unitName', e.currentTarget.value || null)}
          maxLength={300}
        />
      </SimpleGrid>
      <TextInput
        mt="sm"
        label="Tên kế hoạch"
        value={draft.title ?? ''}
        onChange={(e) => set('title', e.currentTarget.value || null)}
        maxLength={500}
        data-testid="draft-title"
      />
      {draft.issuedOn && (
        <Text size="xs" c="dimmed" mt={4}>
          Ban hành ngày {formatDate(draft.issuedOn)}
          {draft.superiorName ? ` · Cơ quan cấp trên: ${draft.superiorName}` : ''}
        </Text>
      )}
    </Card>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId} data-value={value}>
        {value}
      </Text>
    </Paper>
  );
}

function SummaryView({ summary }: { summary: PlanSummary }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="import-summary">
      <Title order={3} size="h4" mb="sm">
        Đã đọc được
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="sm">
        <Stat label="Lĩnh vực" value={summary.areas.length} testId="preview-area-count" />
        <Stat label="Nhiệm vụ (Phụ lục 1)" value={summary.tasks} testId="preview-task-count" />
        <Stat label="Chỉ tiêu (mục II)" value={summary.sectionTargets} testId="preview-section-targets" />
        <Stat
          label="Chỉ tiêu (Phụ lục 2)"
          value={summary.appendixLeafTargets}
          testId="preview-appendix-targets"
        />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={420}>
        <Table striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lĩnh vực</Table.Th>
              <Table.Th ta="right">Nhiệm vụ</Table.Th>
              <Table.Th ta="right">Nhiệm vụ trọng tâm</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.areas.map((a) => (
              <Table.Tr key={a.code} data-testid="preview-area-row">
                <Table.Td>
                  {a.code}. {a.title}
                </Table.Td>
                <Table.Td ta="right">{a.tasks}</Table.Td>
                <Table.Td ta="right">{a.focusItems}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function RowActions({
  label,
  onEdit,
  onRemove,
}: {
  label: string;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label="Sửa">
        <ActionIcon variant="light" onClick={onEdit} aria-label={`Sửa ${label}`}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Bỏ dòng này">
        <ActionIcon variant="light" color="red" onClick={onRemove} aria-label={`Bỏ ${label}`}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="xs" component="span" mr="sm">
      <Text span c="dimmed" size="xs">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}

function TasksEditor({
  draft,
  update,
  original,
}: {
  draft: PlanDraft;
  update: (fn: (d: PlanDraft) => PlanDraft) => void;
  /** The draft as the server read it: each deadline's reading before any correction. */
  original: PlanDraft;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  const planYear = draft.year ?? new Date().getFullYear();
  const readings = new Map(original.tasks.map((t) => [`${t.code}|${t.deadlineText}`, t.reading]));
  const setTask = (i: number, t: DraftTask) =>
    update((d) => ({ ...d, tasks: d.tasks.map((x, j) => (j === i ? t : x)) }));
  const toReview = draft.tasks.filter(needsReview).length;
  const codes = [...new Set([...draft.areas.map((a) => a.code), ...draft.tasks.map((t) => t.areaCode)])].sort(
    (a, b) => Number(a) - Number(b) || a.localeCompare(b),
  );
  const editingTask = editing !== null ? draft.tasks[editing] : undefined;
  return (
    <Card withBorder radius="md" padding="md" data-testid="import-tasks">
      <Title order={3} size="h4" mb={4}>
        Nhiệm vụ (Phụ lục 1)
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Mở từng lĩnh vực để xem, sửa hoặc bỏ nhiệm vụ đọc sai. Phần tô vàng trong thời hạn là chỗ đã đọc được;
        “Hiểu là” cho biết hạn sẽ được tính thế nào.
      </Text>
      {toReview > 0 && (
        <Alert
          color="yellow"
          variant="light"
          mb="sm"
          icon={<IconAlertTriangle size={18} />}
          data-testid="reading-review"
        >
          {toReview} thời hạn chưa chắc chắn (độ tin cậy dưới 90%): hãy xem lại và “Sửa cách hiểu” nếu cần.
        </Alert>
      )}
      <Accordion multiple variant="contained">
        {codes.map((code) => {
          const rows = draft.tasks.map((t, i) => ({ t, i })).filter(({ t }) => t.areaCode === code);
          const title = draft.areas.find((a) => a.code === code)?.title ?? `Lĩnh vực ${code}`;
          return (
            <Accordion.Item key={code} value={code}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="sm">
                  <Text size="sm" fw={500}>
                    {code}. {title}
                  </Text>
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    {rows.some(({ t }) => needsReview(t)) && (
                      <Badge variant="light" color="yellow">
                        {rows.filter(({ t }) => needsReview(t)).length} cần xem
                      </Badge>
                    )}
                    <Badge variant="light">{rows.length} nhiệm vụ</Badge>
                  </Group>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {rows.length === 0 && (
                  <Text size="sm" c="dimmed">
                    Không có nhiệm vụ trong Phụ lục 1.
                  </Text>
                )}
                <Stack gap={6}>
                  {rows.map(({ t, i }) => (
                    <Paper key={`${i}-${t.code}`} withBorder p="xs" radius="sm" data-testid="draft-task-row">
                      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                        <div style={{ minWidth: 0 }}>
                          <Text size="sm">
                            <b>{t.code}.</b> {t.title}
                            {t.optional && (
                              <Badge size="xs" variant="outline" color="gray" ml={6}>
                                nếu có
                              </Badge>
                            )}
                          </Text>
                          <div>
                            <Detail label="Sản phẩm">
                              {t.deliverables.length > 0 ? formatNamed(t.deliverables) : '—'}
                            </Detail>
                            <Detail label="Chủ trì">
                              {t.lead ? `${t.lead}${t.leadOptional ? ' (nếu có)' : ''}` : '—'}
                            </Detail>
                            <Detail label="Phối hợp">
                              {t.cooperators.length > 0 ? formatNamed(t.cooperators) : '—'}
                            </Detail>
                          </div>
                          <DeadlineReadingView
                            task={t}
                            planYear={planYear}
                            original={readings.get(`${t.code}|${t.deadlineText}`)}
                            onChange={(next) => setTask(i, next)}
                          />
                        </div>
                        <RowActions
                          label={`nhiệm vụ ${t.code}`}
                          onEdit={() => setEditing(i)}
                          onRemove={() => update((d) => ({ ...d, tasks: d.tasks.filter((_, j) => j !== i) }))}
                        />
                      </Group>
                    </Paper>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      {editing !== null && editingTask && (
        <TaskEditModal
          task={editingTask}
          areas={draft.areas}
          onClose={() => setEditing(null)}
          onSave={(t: DraftTask) => {
            // A rewritten deadline no longer matches its reading: the server reads it again on
            // save, unless the user corrected the reading by hand (kept, without highlights).
            const rewritten = t.deadlineText !== editingTask.deadlineText;
            const next: DraftTask =
              !rewritten || !t.reading
                ? t
                : t.scheduleCorrected
                  ? { ...t, reading: { ...t.reading, spans: [] } }
                  : { ...t, reading: undefined, scheduleCorrected: false };
            setTask(editing, next);
            setEditing(null);
          }}
        />
      )}
    </Card>
  );
}

type TargetListKey = 'targets' | 'appendixTargets';

function TargetsEditor({
  draft,
  update,
}: {
  draft: PlanDraft;
  update: (fn: (d: PlanDraft) => PlanDraft) => void;
}) {
  const [editing, setEditing] = useState<{ list: TargetListKey; index: number } | null>(null);
  const editingTarget = editing ? draft[editing.list][editing.index] : undefined;
  const section = (list: TargetListKey, title: string) => (
    <Accordion.Item value={list}>
      <Accordion.Control>
        <Group justify="space-between" wrap="nowrap" pr="sm">
          <Text size="sm" fw={500}>
            {title}
          </Text>
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {draft[list].length} dòng
          </Badge>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        {draft[list].length === 0 && (
          <Text size="sm" c="dimmed">
            Không có.
          </Text>
        )}
        <Stack gap={6}>
          {draft[list].map((t: DraftTarget, i) => (
            <Paper
              key={`${i}-${t.code}`}
              withBorder
              p="xs"
              radius="sm"
              ml={t.parentCode ? 'lg' : 0}
              bg={t.isGroup ? 'var(--mantine-color-gray-0)' : undefined}
              data-testid="draft-target-row"
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={t.isGroup ? 600 : 400}>
                    <b>{t.code}.</b> {t.text}
                  </Text>
                  {!t.isGroup && (
                    <div>
                      <Detail label="Mức">{formatThreshold(t.threshold)}</Detail>
                      {t.lead && <Detail label="Chủ trì">{t.lead}</Detail>}
                      {t.cooperators && t.cooperators.length > 0 && (
                        <Detail label="Phối hợp">{formatNamed(t.cooperators)}</Detail>
                      )}
                    </div>
                  )}
                </div>
                <RowActions
                  label={`chỉ tiêu ${t.code}`}
                  onEdit={() => setEditing({ list, index: i })}
                  onRemove={() => update((d) => ({ ...d, [list]: d[list].filter((_, j) => j !== i) }))}
                />
              </Group>
            </Paper>
          ))}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
  return (
    <Card withBorder radius="md" padding="md" data-testid="import-targets">
      <Title order={3} size="h4" mb="sm">
        Chỉ tiêu
      </Title>
      <Accordion multiple variant="contained">
        {section('targets', 'Mục II – Chỉ tiêu')}
        {section('appendixTargets', 'Phụ lục 2 – Thực hiện chỉ tiêu')}
      </Accordion>
      {editing && editingTarget && (
        <TargetEditModal
          target={editingTarget}
          onClose={() => setEditing(null)}
          onSave={(t) => {
            const oldCode = editingTarget.code;
            update((d) => ({
              ...d,
              // Children follow a group whose number was corrected.
              [editing.list]: d[editing.list].map((x, j) =>
                j === editing.index
                  ? t
                  : oldCode !== t.code && x.parentCode === oldCode
                    ? { ...x, parentCode: t.code }
                    : x,
              ),
            }));
            setEditing(null);
          }}
        />
      )}
    </Card>
  );
}
