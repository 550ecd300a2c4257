import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Modal,
  MultiSelect,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconCalendarPlus,
  IconCheck,
  IconDownload,
  IconFileUpload,
  IconHistory,
  IconPaperclip,
  IconRotate,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { taskChanged } from '../api/changes.js';
import { taskApi, taskKeys } from '../api/tasks.js';
import type {
  Evidence,
  HistoryEntry,
  Occurrence,
  OccurrencePatch,
  Schedule,
  Task,
  TaskDetail,
  TaskStatus,
} from '../api/types.js';
import {
  EmptyText,
  ErrorAlert,
  FormActions,
  notifyError,
  notifySuccess,
  PageLoader,
  StatusBadge,
} from '../components/common.js';
import { DueStateBadge, OccurrenceStatusBadge, TaskDue, TimelinessBadge } from '../components/due.js';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatNamed,
  parseVnDate,
  todayIso,
} from '../lib/format.js';
import { OCCURRENCE_STATUS_LABELS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import { describeSchedule } from '../lib/schedule.js';

const EVIDENCE_ACCEPT =
  '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.jpg,.jpeg,.png,.gif,.webp,.zip,.txt,.csv';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-line' }}>
        {children}
      </Text>
    </div>
  );
}

export function TaskPage() {
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: () => taskApi.detail(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  return <TaskView detail={q.data} />;
}

/** After a change: the task, its plan, the dashboards and "my tasks" are refetched. */
function useRefreshAfterTaskChange(task: Task) {
  const qc = useQueryClient();
  return async (detail?: TaskDetail) => {
    await taskChanged(qc, task, detail);
  };
}

function TaskView({ detail }: { detail: TaskDetail }) {
  const { task, evidence, history, members } = detail;
  const names = new Map<number, string>([...members, ...task.assignees].map((m) => [m.id, m.fullName]));
  return (
    <Stack gap="lg" data-testid="task-page">
      <Breadcrumbs>
        <Anchor component={Link} to="/plans" size="sm">
          Kế hoạch
        </Anchor>
        <Anchor component={Link} to={`/plans/${task.planId}`} size="sm" data-testid="task-plan-link">
          Lĩnh vực {task.areaCode}
        </Anchor>
        <Text size="sm">Nhiệm vụ {task.code}</Text>
      </Breadcrumbs>

      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Title
            order={2}
            fz={{ base: 'h4', sm: 'h3' }}
            style={{ flex: '1 1 320px' }}
            data-testid="task-title"
          >
            {task.code}. {task.title}
          </Title>
          <Group gap={6} wrap="nowrap">
            {task.optional && (
              <Badge variant="outline" color="gray">
                Nếu có
              </Badge>
            )}
            <StatusBadge status={task.status} size="lg" />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md" spacing="sm">
          <Field label="Sản phẩm">
            {task.deliverables.length === 0
              ? '—'
              : task.deliverables.map((d, i) => (
                  <div key={i}>
                    • {d.name}
                    {d.optional ? ' (nếu có)' : ''}
                  </div>
                ))}
          </Field>
          <Field label="Thời gian hoàn thành">
            {task.deadlineText || '—'}
            <TaskDue task={task} />
          </Field>
          <Field label="Cơ quan chủ trì">
            {task.lead ? `${task.lead}${task.leadOptional ? ' (nếu có)' : ''}` : '—'}
          </Field>
          <Field label="Cơ quan phối hợp">
            {task.cooperators.length > 0 ? formatNamed(task.cooperators) : '—'}
          </Field>
          <Field label="Người được phân công">
            {task.assignees.length > 0 ? task.assignees.map((a) => a.fullName).join(', ') : 'Chưa phân công'}
          </Field>
          <Field label="Ngày hoàn thành">{formatDate(task.completedOn)}</Field>
          {task.progressNote && <Field label="Ghi chú tiến độ">{task.progressNote}</Field>}
          {task.note && <Field label="Ghi chú trong kế hoạch">{task.note}</Field>}
        </SimpleGrid>
      </Card>

      <OccurrencesSection task={task} evidence={evidence} />
      {task.actions.update && (
        <StatusForm key={`${task.status}|${task.progressNote}|${task.completedOn}`} task={task} />
      )}
      {task.actions.update && members.length > 0 && (
        <AssigneesForm key={task.assignees.map((a) => a.id).join(',')} task={task} members={members} />
      )}
      <EvidenceSection task={task} evidence={evidence.filter((e) => !linkedToOccurrence(task, e))} />
      <HistorySection history={history} task={task} names={names} />
    </Stack>
  );
}

const SCHEDULE_KINDS: readonly string[] = [
  'fixed',
  'per_deliverable',
  'recurring',
  'continuous',
  'event',
  'unscheduled',
  'unparsed',
];

/** The task's stored schedule, when it is one (the API types it loosely). */
function scheduleOf(task: Task): Schedule | null {
  const s = task.schedule as { kind?: unknown } | null;
  return s && typeof s === 'object' && typeof s.kind === 'string' && SCHEDULE_KINDS.includes(s.kind)
    ? (s as Schedule)
    : null;
}

/** "Các kỳ thực hiện": each dated occurrence of the task, marked done one by one, with its files. */
function OccurrencesSection({ task, evidence }: { task: Task; evidence: Evidence[] }) {
  const schedule = scheduleOf(task);
  const kind = task.scheduleKind ?? schedule?.kind ?? null;
  const canUpdate = task.actions.update;
  const [withdrawing, setWithdrawing] = useState<Evidence | null>(null);
  const [completing, setCompleting] = useState<Occurrence | null>(null);
  const open = task.occurrences.filter((o) => o.status === 'pending').length;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="occurrences-section">
      <Group gap="xs" mb={4}>
        <IconCalendarEvent size={18} />
        <Title order={3} size="h4">
          Các kỳ thực hiện
        </Title>
        {task.occurrences.length > 0 && (
          <Badge variant="light" color={open > 0 ? 'blue' : 'teal'}>
            {task.occurrences.length - open}/{task.occurrences.length} kỳ đã xong
          </Badge>
        )}
      </Group>
      {schedule && kind !== 'unparsed' && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="task-schedule">
          Cách hiểu thời hạn: {describeSchedule(schedule)}
        </Text>
      )}
      <Stack gap="sm">
        {kind === 'unparsed' && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            data-testid="schedule-unparsed"
          >
            Chưa đọc được thời hạn: “{schedule?.kind === 'unparsed' ? schedule.raw : task.deadlineText || '—'}
            ”. Nhiệm vụ chưa có kỳ thực hiện nào có hạn; có thể sửa cách hiểu khi nhập lại kế hoạch.
          </Alert>
        )}
        {kind === 'event' && canUpdate && <EventForm task={task} />}
        {task.occurrences.length === 0 && kind !== 'unparsed' && (
          <EmptyText>
            {kind === 'event'
              ? 'Chưa ghi nhận lần phát sinh nào.'
              : 'Nhiệm vụ chưa có kỳ thực hiện nào có hạn.'}
          </EmptyText>
        )}
        {task.occurrences.map((o) => (
          <OccurrenceRow
            key={o.id}
            task={task}
            occurrence={o}
            files={evidence.filter((e) => e.occurrenceId === o.id)}
            onComplete={() => setCompleting(o)}
            onWithdraw={setWithdrawing}
          />
        ))}
      </Stack>
      {completing && (
        <CompleteModal task={task} occurrence={completing} onClose={() => setCompleting(null)} />
      )}
      {withdrawing && (
        <WithdrawModal task={task} evidence={withdrawing} onClose={() => setWithdrawing(null)} />
      )}
    </Card>
  );
}

function useOccurrenceUpdate(task: Task) {
  const refresh = useRefreshAfterTaskChange(task);
  return useMutation({
    mutationFn: ({ occurrence, patch }: { occurrence: Occurrence; patch: OccurrencePatch }) =>
      taskApi.updateOccurrence(occurrence.id, patch),
    onSuccess: async (detail, { occurrence, patch }) => {
      const status = patch.status ?? occurrence.status;
      notifySuccess(`Kỳ “${occurrence.label}”: ${OCCURRENCE_STATUS_LABELS[status]}.`);
      await refresh(detail);
    },
    onError: (err) => notifyError(err),
  });
}

function OccurrenceRow({
  task,
  occurrence: o,
  files,
  onComplete,
  onWithdraw,
}: {
  task: Task;
  occurrence: Occurrence;
  files: Evidence[];
  onComplete: () => void;
  onWithdraw: (e: Evidence) => void;
}) {
  const update = useOccurrenceUpdate(task);
  const [showFiles, setShowFiles] = useState(false);
  const canUpdate = task.actions.update;
  const title = o.deliverable ? `${o.deliverable}: ${o.label}` : o.label;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid="occurrence-row"
      data-occurrence-id={o.id}
      data-status={o.status}
      style={
        o.status === 'pending' && (o.state === 'overdue' || o.state === 'due_soon')
          ? { borderLeft: `4px solid var(--mantine-color-${o.state === 'overdue' ? 'red' : 'orange'}-6)` }
          : undefined
      }
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Text fw={500} size="sm" data-testid="occurrence-label">
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {o.due ? `Hạn: ${formatDate(o.due)}` : 'Chưa có hạn'}
            {o.status === 'done' && o.completedOn ? ` · Hoàn thành ngày ${formatDate(o.completedOn)}` : ''}
          </Text>
          {o.note && (
            <Text size="xs" fs="italic" c="dimmed">
              {o.note}
            </Text>
          )}
        </div>
        <Group gap={6} wrap="wrap">
          {o.status === 'pending' && o.state !== 'none' && <DueStateBadge state={o.state} />}
          <OccurrenceStatusBadge status={o.status} />
          {o.timeliness && <TimelinessBadge value={o.timeliness} />}
        </Group>
      </Group>
      <Group gap="xs" mt="xs" wrap="wrap">
        {canUpdate && o.status === 'pending' && (
          <>
            <Button
              size="compact-sm"
              variant="light"
              color="teal"
              leftSection={<IconCheck size={14} />}
              onClick={onComplete}
              title="Đánh dấu kỳ này đã hoàn thành"
              data-testid="occurrence-done"
            >
              Hoàn thành
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="grape"
              loading={update.isPending}
              onClick={() => update.mutate({ occurrence: o, patch: { status: 'not_applicable' } })}
              data-testid="occurrence-na"
            >
              Không phát sinh
            </Button>
          </>
        )}
        {canUpdate && o.status !== 'pending' && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconRotate size={14} />}
            loading={update.isPending}
            onClick={() => update.mutate({ occurrence: o, patch: { status: 'pending' } })}
            data-testid="occurrence-reopen"
          >
            Mở lại
          </Button>
        )}
        {(canUpdate || files.length > 0) && (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPaperclip size={14} />}
            onClick={() => setShowFiles((v) => !v)}
            aria-expanded={showFiles}
            aria-label={`Minh chứng của kỳ ${o.label} (${files.length} tệp)`}
            data-testid="occurrence-files-toggle"
          >
            <Text span inherit visibleFrom="xs">
              Minh chứng&nbsp;
            </Text>
            ({files.length})
          </Button>
        )}
      </Group>
      {showFiles && (
        <Stack gap="xs" mt="xs" data-testid="occurrence-files">
          <EvidenceFiles files={files} canWithdraw={canUpdate} onWithdraw={onWithdraw} />
          {canUpdate && <UploadForm task={task} deliverableIndex={null} occurrence={o} />}
        </Stack>
      )}
    </Paper>
  );
}

function CompleteModal({
  task,
  occurrence,
  onClose,
}: {
  task: Task;
  occurrence: Occurrence;
  onClose: () => void;
}) {
  const update = useOccurrenceUpdate(task);
  const [completedOn, setCompletedOn] = useState<string | null>(todayIso());
  const [note, setNote] = useState(occurrence.note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        occurrence,
        patch: { status: 'done', completedOn: completedOn ?? todayIso(), note: note.trim() || null },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={`Hoàn thành kỳ “${occurrence.label}”`} centered>
      <form onSubmit={submit} data-testid="occurrence-complete-form">
        <Stack>
          {occurrence.due && (
            <Text size="sm" c="dimmed">
              Hạn của kỳ này: {formatDate(occurrence.due)}
            </Text>
          )}
          <DateInput
            label="Ngày hoàn thành"
            value={completedOn}
            onChange={setCompletedOn}
            valueFormat="DD/MM/YYYY"
            dateParser={parseVnDate}
            placeholder="dd/mm/yyyy"
            maxDate={todayIso()}
            required
            data-autofocus
            data-testid="occurrence-completed-on"
          />
          <Textarea
            label="Ghi chú"
            placeholder="Không bắt buộc"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={10000}
          />
          <FormActions
            onCancel={onClose}
            loading={update.isPending}
            color="teal"
            testId="occurrence-done-confirm"
          >
            Xác nhận hoàn thành
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Ghi nhận phát sinh": an event-driven task gets an occurrence due on the event's date. */
function EventForm({ task }: { task: Task }) {
  const refresh = useRefreshAfterTaskChange(task);
  const [date, setDate] = useState<string | null>(todayIso());
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () => taskApi.recordEvent(task.id, date ?? todayIso(), note.trim() || null),
    onSuccess: async (detail) => {
      notifySuccess(`Đã ghi nhận phát sinh ngày ${formatDate(date)}.`);
      setNote('');
      await refresh(detail);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)">
      <form onSubmit={submit} aria-label="Ghi nhận phát sinh" data-testid="event-form">
        <Text size="sm" fw={500} mb={4}>
          Ghi nhận phát sinh
        </Text>
        <Text size="xs" c="dimmed" mb="xs">
          Nhiệm vụ thực hiện khi có sự kiện (“{task.deadlineText || 'khi phát sinh'}”): ghi ngày sự kiện xảy
          ra để tạo một kỳ thực hiện có hạn.
        </Text>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <DateInput
            label="Ngày phát sinh"
            value={date}
            onChange={setDate}
            valueFormat="DD/MM/YYYY"
            dateParser={parseVnDate}
            placeholder="dd/mm/yyyy"
            required
            w={{ base: '100%', xs: 180 }}
            data-testid="event-date"
          />
          <TextInput
            label="Ghi chú"
            placeholder="Ví dụ: văn bản số …"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={2000}
            style={{ flex: '1 1 220px' }}
            data-testid="event-note"
          />
          <Button
            type="submit"
            leftSection={<IconCalendarPlus size={16} />}
            loading={record.isPending}
            disabled={!date}
            data-testid="event-submit"
          >
            Ghi nhận
          </Button>
        </Group>
        {record.isError && (
          <Stack mt="xs">
            <ErrorAlert error={record.error} />
          </Stack>
        )}
      </form>
    </Paper>
  );
}

function StatusForm({ task }: { task: Task }) {
  const refresh = useRefreshAfterTaskChange(task);
  const narrow = useMediaQuery('(max-width: 36em)');
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [note, setNote] = useState(task.progressNote ?? '');
  const [completedOn, setCompletedOn] = useState<string | null>(task.completedOn);
  const save = useMutation({
    mutationFn: () =>
      taskApi.update(task.id, {
        status,
        progressNote: note.trim() || null,
        completedOn: status === 'done' ? (completedOn ?? todayIso()) : null,
      }),
    onSuccess: async (detail) => {
      notifySuccess(`Đã cập nhật nhiệm vụ ${task.code}: ${STATUS_LABELS[detail.task.status]}.`);
      await refresh(detail);
    },
  });
  const changed =
    status !== task.status ||
    note.trim() !== (task.progressNote ?? '') ||
    (status === 'done' && completedOn !== task.completedOn);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="form"
      onSubmit={submit}
      aria-label="Cập nhật tiến độ"
    >
      <Title order={3} size="h4" mb="sm">
        Cập nhật tiến độ
      </Title>
      <Stack>
        {save.isError && <ErrorAlert error={save.error} />}
        <div>
          <Text size="sm" fw={500} mb={4} id="status-label">
            Trạng thái
          </Text>
          <SegmentedControl
            aria-labelledby="status-label"
            data={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            value={status}
            onChange={(v) => {
              setStatus(v);
              if (v === 'done' && !completedOn) setCompletedOn(todayIso());
            }}
            orientation={narrow ? 'vertical' : 'horizontal'}
            fullWidth
            data-testid="task-status"
          />
        </div>
        {status === 'done' && (
          <DateInput
            label="Ngày hoàn thành"
            value={completedOn}
            onChange={setCompletedOn}
            valueFormat="DD/MM/YYYY"
            dateParser={parseVnDate}
            placeholder="dd/mm/yyyy"
            maxDate={todayIso()}
            clearable
            w={{ base: '100%', xs: 220 }}
            data-testid="task-completed-on"
          />
        )}
        <Textarea
          label="Ghi chú tiến độ"
          placeholder="Đã làm gì, còn vướng mắc gì…"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={10000}
          data-testid="task-progress-note"
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!changed} data-testid="task-save">
            Lưu tiến độ
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function AssigneesForm({ task, members }: { task: Task; members: TaskDetail['members'] }) {
  const refresh = useRefreshAfterTaskChange(task);
  const [ids, setIds] = useState<string[]>(task.assignees.map((a) => String(a.id)));
  const save = useMutation({
    mutationFn: () => taskApi.update(task.id, { assigneeIds: ids.map(Number) }),
    onSuccess: async (detail) => {
      notifySuccess('Đã cập nhật phân công.');
      await refresh(detail);
    },
    onError: (err) => notifyError(err),
  });
  const changed =
    ids.slice().sort().join(',') !==
    task.assignees
      .map((a) => String(a.id))
      .sort()
      .join(',');
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h4" mb="sm">
        Phân công
      </Title>
      <Group align="flex-end" wrap="wrap">
        <MultiSelect
          label="Người thực hiện"
          placeholder={ids.length === 0 ? 'Chọn người trong đơn vị' : undefined}
          data={members.map((m) => ({ value: String(m.id), label: m.fullName }))}
          value={ids}
          onChange={setIds}
          searchable
          clearable
          nothingFoundMessage="Không có người phù hợp"
          style={{ flex: '1 1 300px' }}
          data-testid="task-assignees"
        />
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed}>
          Lưu phân công
        </Button>
      </Group>
    </Card>
  );
}

/** Evidence filed under one of the task's (current) occurrences: shown with that occurrence. */
function linkedToOccurrence(task: Task, e: Evidence): boolean {
  return e.occurrenceId !== null && task.occurrences.some((o) => o.id === e.occurrenceId);
}

function EvidenceSection({ task, evidence }: { task: Task; evidence: Evidence[] }) {
  const [withdrawing, setWithdrawing] = useState<Evidence | null>(null);
  const groups: { index: number | null; title: string }[] = task.deliverables.map((d, i) => ({
    index: i,
    title: `Sản phẩm: ${d.name}${d.optional ? ' (nếu có)' : ''}`,
  }));
  groups.push({ index: null, title: task.deliverables.length > 0 ? 'Minh chứng khác' : 'Minh chứng' });
  const canUpload = task.actions.uploadEvidence;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="evidence-section">
      <Group gap="xs" mb="sm">
        <IconPaperclip size={18} />
        <Title order={3} size="h4">
          Minh chứng ({evidence.length})
        </Title>
      </Group>
      <Stack gap="md">
        {groups
          .filter(
            (g) =>
              g.index !== null ||
              canUpload ||
              evidence.some(
                (e) => e.deliverableIndex === null || e.deliverableIndex >= task.deliverables.length,
              ),
          )
          .map((g) => {
            const files = evidence.filter((e) =>
              g.index === null
                ? e.deliverableIndex === null || e.deliverableIndex >= task.deliverables.length
                : e.deliverableIndex === g.index,
            );
            return (
              <Paper
                key={g.index ?? 'other'}
                withBorder
                p="sm"
                radius="md"
                data-testid="evidence-group"
                data-deliverable={g.index ?? ''}
              >
                <Text fw={500} size="sm" mb={6}>
                  {g.title}
                </Text>
                <EvidenceFiles files={files} canWithdraw={canUpload} onWithdraw={setWithdrawing} />
                {canUpload && <UploadForm task={task} deliverableIndex={g.index} />}
              </Paper>
            );
          })}
        {!canUpload && evidence.length === 0 && <EmptyText>Chưa có tệp minh chứng.</EmptyText>}
      </Stack>
      {withdrawing && (
        <WithdrawModal task={task} evidence={withdrawing} onClose={() => setWithdrawing(null)} />
      )}
    </Card>
  );
}

function EvidenceFiles({
  files,
  canWithdraw,
  onWithdraw,
}: {
  files: Evidence[];
  canWithdraw: boolean;
  onWithdraw: (e: Evidence) => void;
}) {
  return files.length === 0 ? (
    <Text size="sm" c="dimmed">
      Chưa có tệp minh chứng.
    </Text>
  ) : (
    <List spacing={6} size="sm" listStyleType="none" ml={0} pl={0}>
      {files.map((e) => (
        <List.Item key={e.id} data-testid="evidence-item">
          <Group gap="xs" wrap="wrap">
            <Anchor href={taskApi.evidenceDownloadUrl(e.id)} download={e.filename} size="sm" fw={500}>
              <Group gap={4} wrap="nowrap" component="span">
                <IconDownload size={14} />
                {e.filename}
              </Group>
            </Anchor>
            <Text size="xs" c="dimmed">
              {formatBytes(e.size)} · {e.uploadedBy} · {formatDateTime(e.uploadedAt)}
            </Text>
            {canWithdraw && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={12} />}
                onClick={() => onWithdraw(e)}
                aria-label={`Rút minh chứng ${e.filename}`}
              >
                Rút
              </Button>
            )}
          </Group>
          {e.note && (
            <Text size="xs" c="dimmed" fs="italic">
              {e.note}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

function UploadForm({
  task,
  deliverableIndex,
  occurrence,
}: {
  task: Task;
  deliverableIndex: number | null;
  occurrence?: Occurrence;
}) {
  const refresh = useRefreshAfterTaskChange(task);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState(0);
  const upload = useMutation({
    mutationFn: (f: File) =>
      taskApi.uploadEvidence(
        task.id,
        f,
        { deliverableIndex, note: note.trim() || null, occurrenceId: occurrence?.id ?? null },
        setProgress,
      ),
    onMutate: () => setProgress(0),
    onSuccess: async (ev) => {
      notifySuccess(`Đã tải lên “${ev.filename}”.`);
      setFile(null);
      setNote('');
      await refresh();
    },
  });
  const label = occurrence
    ? `kỳ ${occurrence.label}`
    : deliverableIndex === null
      ? 'minh chứng khác'
      : `sản phẩm ${deliverableIndex + 1}`;
  const testKey = occurrence ? `occ-${occurrence.id}` : (deliverableIndex ?? 'other');
  return (
    <Stack gap="xs" mt="sm">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <FileInput
          label="Tệp minh chứng"
          placeholder="Chọn tệp (PDF, Word, Excel, ảnh…)"
          accept={EVIDENCE_ACCEPT}
          value={file}
          onChange={setFile}
          clearable
          leftSection={<IconFileUpload size={16} />}
          style={{ flex: '1 1 240px' }}
          aria-label={`Tệp minh chứng cho ${label}`}
          data-testid={`evidence-file-${testKey}`}
        />
        <TextInput
          label="Ghi chú"
          placeholder="Không bắt buộc"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          style={{ flex: '1 1 200px' }}
        />
        <Button
          onClick={() => file && upload.mutate(file)}
          disabled={!file}
          loading={upload.isPending}
          data-testid={`evidence-upload-${testKey}`}
        >
          Tải lên
        </Button>
      </Group>
      {upload.isPending && (
        <Progress value={Math.round(progress * 100)} animated aria-label="Đang tải tệp lên" />
      )}
      {upload.isError && <ErrorAlert error={upload.error} title="Không tải lên được" />}
    </Stack>
  );
}

function WithdrawModal({ task, evidence, onClose }: { task: Task; evidence: Evidence; onClose: () => void }) {
  const refresh = useRefreshAfterTaskChange(task);
  const withdraw = useMutation({
    mutationFn: () => taskApi.withdrawEvidence(evidence.id),
    onSuccess: async () => {
      notifySuccess(`Đã rút minh chứng “${evidence.filename}”.`);
      onClose();
      await refresh();
    },
  });
  return (
    <Modal opened onClose={onClose} title="Rút tệp minh chứng?" centered>
      <Stack>
        <Text size="sm">
          Tệp <b>{evidence.filename}</b> sẽ không còn hiện trong danh sách minh chứng. Hồ sơ vẫn lưu lại tệp
          và lịch sử thao tác (không xóa hẳn).
        </Text>
        {withdraw.isError && <ErrorAlert error={withdraw.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button
            color="red"
            onClick={() => withdraw.mutate()}
            loading={withdraw.isPending}
            data-testid="confirm-withdraw"
          >
            Rút minh chứng
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const ACTION_LABELS: Record<string, string> = {
  update: 'Cập nhật nhiệm vụ',
  evidence_upload: 'Tải lên minh chứng',
  evidence_withdraw: 'Rút minh chứng',
  create: 'Tạo nhiệm vụ',
  import: 'Nhập từ kế hoạch',
  occurrence_update: 'Cập nhật kỳ thực hiện',
  event_recorded: 'Ghi nhận phát sinh',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const statusLabel = (v: unknown) =>
  typeof v === 'string' && v in STATUS_LABELS ? STATUS_LABELS[v as TaskStatus] : '—';
const idList = (v: unknown): number[] =>
  Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];

/** What an audit entry changed, in words. */
function describe(h: HistoryEntry, task: Task, names: Map<number, string>): string[] {
  const before = isObj(h.before) ? h.before : {};
  const after = isObj(h.after) ? h.after : {};
  const lines: string[] = [];
  if (h.action === 'occurrence_update') {
    const occStatus = (v: unknown) =>
      typeof v === 'string' && v in OCCURRENCE_STATUS_LABELS
        ? OCCURRENCE_STATUS_LABELS[v as keyof typeof OCCURRENCE_STATUS_LABELS]
        : '—';
    const label = str(after.occurrence) ?? str(before.occurrence);
    let line = label ? `Kỳ “${label}”` : 'Kỳ thực hiện';
    if (before.status !== after.status) line += `: ${occStatus(before.status)} → ${occStatus(after.status)}`;
    if (after.status === 'done' && str(after.completedOn))
      line += ` (ngày ${formatDate(str(after.completedOn))})`;
    lines.push(line);
    if (before.note !== after.note && str(after.note)) lines.push(`Ghi chú: “${str(after.note)}”`);
    return lines;
  }
  if (h.action === 'event_recorded') {
    lines.push(`Ngày phát sinh: ${formatDate(str(after.date))}`);
    if (str(after.note)) lines.push(`Ghi chú: “${str(after.note)}”`);
    return lines;
  }
  if (h.action === 'evidence_upload' || h.action === 'evidence_withdraw') {
    const src = h.action === 'evidence_upload' ? after : before;
    const file = str(src.filename);
    const idx = typeof src.deliverableIndex === 'number' ? src.deliverableIndex : null;
    const deliverable = idx !== null ? task.deliverables[idx]?.name : undefined;
    let line = file ? `Tệp “${file}”` : 'Tệp minh chứng';
    if (typeof src.size === 'number') line += ` (${formatBytes(src.size)})`;
    if (deliverable) line += ` – sản phẩm “${deliverable}”`;
    const occ =
      typeof src.occurrenceId === 'number'
        ? task.occurrences.find((o) => o.id === src.occurrenceId)
        : undefined;
    if (occ) line += ` – kỳ “${occ.label}”`;
    lines.push(line);
    return lines;
  }
  if ('status' in after && before.status !== after.status)
    lines.push(`Trạng thái: ${statusLabel(before.status)} → ${statusLabel(after.status)}`);
  if ('completedOn' in after && before.completedOn !== after.completedOn)
    lines.push(
      `Ngày hoàn thành: ${formatDate(str(before.completedOn))} → ${formatDate(str(after.completedOn))}`,
    );
  if ('progressNote' in after && before.progressNote !== after.progressNote) {
    const note = str(after.progressNote);
    lines.push(note ? `Ghi chú tiến độ: “${note}”` : 'Xóa ghi chú tiến độ');
  }
  if ('assigneeIds' in after) {
    const a = idList(after.assigneeIds);
    const b = idList(before.assigneeIds);
    if (a.slice().sort().join(',') !== b.slice().sort().join(',')) {
      const who = a.map((id) => names.get(id) ?? `người dùng #${id}`);
      lines.push(who.length > 0 ? `Phân công: ${who.join(', ')}` : 'Bỏ phân công');
    }
  }
  if (lines.length === 0 && h.action === 'update') lines.push('Không thay đổi nội dung');
  return lines;
}

function HistorySection({
  history,
  task,
  names,
}: {
  history: HistoryEntry[];
  task: Task;
  names: Map<number, string>;
}) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid="history-section">
      <Group gap="xs" mb="sm">
        <IconHistory size={18} />
        <Title order={3} size="h4">
          Lịch sử thay đổi
        </Title>
      </Group>
      {history.length === 0 ? (
        <EmptyText>Chưa có thay đổi nào.</EmptyText>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={-1}>
          {history.map((h) => (
            <Timeline.Item key={h.id} title={ACTION_LABELS[h.action] ?? h.action} data-testid="history-item">
              <Text size="xs" c="dimmed">
                {h.userName ?? 'Hệ thống'} · {formatDateTime(h.at)}
              </Text>
              {describe(h, task, names).map((line, i) => (
                <Text key={i} size="sm">
                  {line}
                </Text>
              ))}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
