import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Mark,
  Modal,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconArrowBackUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DraftReading, DraftTask, Frequency, Schedule } from '../api/types.js';
import { FormActions } from './common.js';
import { parseVnDate } from '../lib/format.js';
import { FREQUENCY_LABELS } from '../lib/labels.js';
import {
  buildSchedule,
  CORRECTION_KIND_LABELS,
  correctionFrom,
  describeSchedule,
  highlightSegments,
} from '../lib/schedule.js';
import type { CorrectionInput, CorrectionKind } from '../lib/schedule.js';

/** Readings below this need a look: the badge turns amber (red when nothing was understood). */
export const CONFIDENT = 0.9;

export function needsReview(t: DraftTask): boolean {
  return !t.scheduleCorrected && t.reading !== undefined && t.reading.confidence < CONFIDENT;
}

function ConfidenceBadge({ reading }: { reading: DraftReading }) {
  const c = reading.confidence;
  const color = c === 0 ? 'red' : c < CONFIDENT ? 'yellow' : 'teal';
  const notes = reading.notes.length > 0 ? reading.notes : ['Không có ghi chú.'];
  return (
    <Tooltip
      multiline
      w={320}
      withArrow
      events={{ hover: true, focus: true, touch: true }}
      label={
        <Stack gap={2}>
          {notes.map((n, i) => (
            <Text key={i} size="xs">
              {n}
            </Text>
          ))}
        </Stack>
      }
    >
      <Badge
        color={color}
        variant={c < CONFIDENT ? 'filled' : 'light'}
        size="sm"
        tabIndex={0}
        style={{ cursor: 'help', flexShrink: 0 }}
        data-testid="reading-confidence"
        data-confidence={c}
      >
        {c === 0 ? 'Chưa hiểu' : `Tin cậy ${Math.round(c * 100)}%`}
      </Badge>
    </Tooltip>
  );
}

/**
 * A draft task's deadline as the server read it: the text with the phrases it used highlighted,
 * the reading in words, how sure it is, and a way to correct it.
 */
export function DeadlineReadingView({
  task,
  planYear,
  original,
  onChange,
}: {
  task: DraftTask;
  planYear: number;
  /** The reading the server made, to go back to after a correction. */
  original: DraftReading | undefined;
  onChange: (t: DraftTask) => void;
}) {
  const [editing, setEditing] = useState(false);
  const reading = task.reading;
  const text = task.deadlineText;
  const segments = highlightSegments(text, task.scheduleCorrected ? [] : (reading?.spans ?? []));
  return (
    <Paper
      withBorder
      p={6}
      mt={6}
      radius="sm"
      bg="var(--mantine-color-gray-0)"
      data-testid="deadline-reading-box"
    >
      <Text size="xs" data-testid="deadline-text">
        <Text span c="dimmed" size="xs">
          Thời hạn:{' '}
        </Text>
        {text
          ? segments.map((s, i) =>
              s.marked ? (
                <Mark key={i} color="yellow" data-testid="deadline-mark">
                  {s.text}
                </Mark>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )
          : '—'}
      </Text>
      <Group gap={6} mt={2} wrap="wrap" align="center">
        <Text size="xs" style={{ flex: '1 1 220px', minWidth: 0 }} data-testid="deadline-reading">
          <Text span c="dimmed" size="xs">
            Hiểu là:{' '}
          </Text>
          {reading ? (
            <Text span size="xs" fw={500} c={reading.schedule.kind === 'unparsed' ? 'red' : undefined}>
              {describeSchedule(reading.schedule)}
            </Text>
          ) : (
            <Text span size="xs" fs="italic">
              thời hạn đã sửa, sẽ được đọc lại khi lưu
            </Text>
          )}
        </Text>
        {reading &&
          (task.scheduleCorrected ? (
            <Badge size="sm" color="blue" variant="light" data-testid="reading-corrected">
              Đã sửa tay
            </Badge>
          ) : (
            <ConfidenceBadge reading={reading} />
          ))}
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPencil size={12} />}
          onClick={() => setEditing(true)}
          data-testid="reading-edit"
        >
          Sửa cách hiểu
        </Button>
        {task.scheduleCorrected && original && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={<IconArrowBackUp size={12} />}
            onClick={() => onChange({ ...task, reading: original, scheduleCorrected: false })}
          >
            Bỏ sửa
          </Button>
        )}
      </Group>
      {editing && (
        <ReadingEditModal
          task={task}
          planYear={planYear}
          onClose={() => setEditing(false)}
          onSave={(schedule) => {
            onChange({
              ...task,
              reading: {
                schedule,
                confidence: 1,
                spans: [],
                notes: [`Người nhập sửa cách hiểu: ${describeSchedule(schedule)}`],
              },
              scheduleCorrected: true,
            });
            setEditing(false);
          }}
        />
      )}
    </Paper>
  );
}

const FREQUENCIES = Object.keys(FREQUENCY_LABELS) as Frequency[];
const KINDS = Object.keys(CORRECTION_KIND_LABELS) as CorrectionKind[];

/** "Sửa cách hiểu": a simpler schedule chosen by hand; it replaces the server's reading on save. */
function ReadingEditModal({
  task,
  planYear,
  onSave,
  onClose,
}: {
  task: DraftTask;
  planYear: number;
  onSave: (s: Schedule) => void;
  onClose: () => void;
}) {
  const [form, setForm] = useState<CorrectionInput>(() =>
    correctionFrom(
      task.reading?.schedule ?? { kind: 'unparsed', raw: task.deadlineText },
      planYear,
      task.deadlineText,
    ),
  );
  const [tried, setTried] = useState(false);
  const built = buildSchedule(form);
  const set = (patch: Partial<CorrectionInput>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if ('schedule' in built) onSave(built.schedule);
  };
  return (
    <Modal opened onClose={onClose} title={`Sửa cách hiểu thời hạn – nhiệm vụ ${task.code}`} size="lg">
      <form onSubmit={submit} data-testid="reading-edit-form">
        <Stack>
          <Paper withBorder p="xs" radius="sm" bg="var(--mantine-color-gray-0)">
            <Text size="xs" c="dimmed">
              Thời hạn ghi trong kế hoạch
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {task.deadlineText || '—'}
            </Text>
          </Paper>
          <Radio.Group
            label="Loại thời hạn"
            value={form.kind}
            onChange={(v) => set({ kind: v })}
            data-testid="reading-kind"
          >
            <Group gap="xs" mt={6} wrap="wrap">
              {KINDS.map((k) => (
                <Radio.Card
                  key={k}
                  value={k}
                  radius="md"
                  px="sm"
                  py={6}
                  w="auto"
                  style={{ borderColor: form.kind === k ? 'var(--mantine-color-blue-6)' : undefined }}
                  data-testid={`reading-kind-${k}`}
                >
                  <Group gap={6} wrap="nowrap">
                    <Radio.Indicator size="xs" />
                    <Text size="sm">{CORRECTION_KIND_LABELS[k]}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </Group>
          </Radio.Group>

          {form.kind === 'fixed' && (
            <Stack gap={6}>
              <Text size="sm">Hạn vào các ngày:</Text>
              {form.dates.map((d, i) => (
                <Group key={i} gap="xs" wrap="nowrap">
                  <DateInput
                    aria-label={`Ngày hạn ${i + 1}`}
                    value={d}
                    onChange={(v) => set({ dates: form.dates.map((x, j) => (j === i ? v : x)) })}
                    valueFormat="DD/MM/YYYY"
                    dateParser={parseVnDate}
                    placeholder="dd/mm/yyyy"
                    defaultDate={`${planYear}-01-01`}
                    w={170}
                    data-testid="reading-date"
                  />
                  {form.dates.length > 1 && (
                    <ActionIcon
                      variant="light"
                      color="red"
                      size="lg"
                      onClick={() => set({ dates: form.dates.filter((_, j) => j !== i) })}
                      aria-label={`Bỏ ngày hạn ${i + 1}`}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
              ))}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => set({ dates: [...form.dates, null] })}
                  disabled={form.dates.length >= 50}
                >
                  Thêm ngày
                </Button>
              </Group>
            </Stack>
          )}

          {form.kind === 'recurring' && (
            <Group align="flex-start" wrap="wrap">
              <Select
                label="Định kỳ"
                data={FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
                value={form.frequency}
                onChange={(v) => v && set({ frequency: v })}
                allowDeselect={false}
                w={200}
                data-testid="reading-frequency"
              />
              <NumberInput
                label="Trước ngày (không bắt buộc)"
                description="Ngày của tháng cuối mỗi kỳ; để trống: theo hạn báo cáo của kỳ (hoặc cuối kỳ)"
                value={form.day ?? ''}
                onChange={(v) => set({ day: typeof v === 'number' ? v : null })}
                min={1}
                max={31}
                allowDecimal={false}
                w={260}
              />
            </Group>
          )}

          {form.kind === 'continuous' && (
            <Text size="sm" c="dimmed">
              Làm thường xuyên, không có hạn riêng: báo cáo theo từng kỳ báo cáo (quý I, 6 tháng, quý III,
              năm).
            </Text>
          )}

          {form.kind === 'event' && (
            <TextInput
              label="Khi nào phát sinh"
              description="Sự kiện làm phát sinh nhiệm vụ; hạn là ngày sự kiện được ghi nhận"
              value={form.trigger}
              onChange={(e) => set({ trigger: e.currentTarget.value })}
              maxLength={2000}
              data-testid="reading-trigger"
            />
          )}

          {form.kind === 'unscheduled' && (
            <Text size="sm" c="dimmed">
              Đột xuất, không có hạn cố định, trong năm {planYear} (01/01/{planYear} – 31/12/{planYear}).
            </Text>
          )}

          {'schedule' in built ? (
            <Alert color="blue" variant="light" title="Sẽ hiểu là" data-testid="reading-preview">
              {describeSchedule(built.schedule)}
            </Alert>
          ) : (
            tried && (
              <Alert color="red" variant="light" role="alert">
                {built.error}
              </Alert>
            )
          )}
          <FormActions onCancel={onClose} testId="reading-save">
            Dùng cách hiểu này
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
