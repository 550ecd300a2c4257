import {
  ActionIcon,
  Badge,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconGauge, IconPaperclip, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { targetChanged } from '../api/changes.js';
import { taskApi } from '../api/tasks.js';
import type { Target, TargetMeasured, TargetMetric, TargetPatch, TargetState } from '../api/types.js';
import { formatDate, formatNamed, formatNumber, formatThreshold } from '../lib/format.js';
import {
  TARGET_METRIC_LABELS,
  TARGET_METRICS,
  TARGET_STATE_COLORS,
  TARGET_STATE_LABELS,
} from '../lib/labels.js';
import { ErrorAlert, FormActions, notifySuccess } from './common.js';

/**
 * The register figure a target is bound to, and its measured value. Read defensively: a server
 * without the binding sends neither field.
 */
function bindingOf(t: Target): { metric: TargetMetric | null; measured: TargetMeasured | null } {
  const x = t as Partial<Pick<Target, 'metric' | 'measured'>>;
  const metric = typeof x.metric === 'string' && x.metric in TARGET_METRIC_LABELS ? x.metric : null;
  return { metric, measured: metric && x.measured ? x.measured : null };
}

function stateOf(t: Target): TargetState {
  const s = t.state as string;
  return s in TARGET_STATE_LABELS ? (s as TargetState) : 'unknown';
}

/** "98,5% (197/200)". */
function measuredText(m: TargetMeasured): string {
  if (m.value === null)
    return `Chưa có số liệu (${formatNumber(m.numerator)}/${formatNumber(m.denominator)})`;
  return `${formatNumber(m.value)}% (${formatNumber(m.numerator)}/${formatNumber(m.denominator)})`;
}

/** Top-level targets in order, each followed by its children. */
function tree(targets: Target[]): { target: Target; depth: number }[] {
  const out: { target: Target; depth: number }[] = [];
  const ids = new Set(targets.map((t) => t.id));
  const walk = (parentId: number | null, depth: number) => {
    for (const t of targets)
      if (
        (parentId === null ? t.parentId === null || !ids.has(t.parentId) : t.parentId === parentId) &&
        !out.some((o) => o.target.id === t.id)
      ) {
        out.push({ target: t, depth });
        walk(t.id, depth + 1);
      }
  };
  walk(null, 0);
  return out;
}

function achieved(t: Target): string {
  const parts: string[] = [];
  if (t.achievedValue !== null)
    parts.push(
      t.threshold?.kind === 'percent' ? `${formatNumber(t.achievedValue)}%` : formatNumber(t.achievedValue),
    );
  if (t.achievedText) parts.push(t.achievedText);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

function EditTargetModal({
  target,
  planId,
  onClose,
}: {
  target: Target;
  planId: number;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [value, setValue] = useState<number | string>(target.achievedValue ?? '');
  const [text, setText] = useState(target.achievedText ?? '');
  const [note, setNote] = useState(target.achievedNote ?? '');
  const bound = bindingOf(target).metric;
  const [metric, setMetric] = useState<TargetMetric | null>(bound);
  const save = useMutation({
    mutationFn: () => {
      const patch: TargetPatch = {
        achievedText: text.trim() || null,
        achievedNote: note.trim() || null,
      };
      // A measured target keeps its hand value untouched (it is not shown while measured).
      if (metric === null)
        patch.achievedValue =
          typeof value === 'number' ? value : value.trim() === '' ? null : Number(value.replace(',', '.'));
      if (metric !== bound) patch.metric = metric;
      return taskApi.updateTarget(target.id, patch);
    },
    onSuccess: async (saved) => {
      notifySuccess(`Đã lưu kết quả chỉ tiêu ${target.code}.`);
      if (metric !== bound && bindingOf(saved).metric !== metric)
        notifications.show({
          color: 'orange',
          title: 'Chưa đổi được cách đo',
          message: 'Máy chủ chưa nhận việc gắn chỉ tiêu với số liệu hồ sơ; kết quả vẫn nhập tay.',
          autoClose: 8000,
        });
      await targetChanged(qc, planId);
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const percent = target.threshold?.kind === 'percent';
  return (
    <Modal opened onClose={onClose} title={`Kết quả chỉ tiêu ${target.code}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">{target.text}</Text>
          <Text size="sm">
            <Text span c="dimmed">
              Mức chỉ tiêu:{' '}
            </Text>
            {formatThreshold(target.threshold)}
          </Text>
          {save.isError && <ErrorAlert error={save.error} />}
          <Select
            label="Đo tự động bằng"
            description={
              metric
                ? metric.startsWith('feedback_')
                  ? 'Giá trị lấy từ sổ phản ánh, kiến nghị của đơn vị, từ đầu năm kế hoạch đến hôm nay.'
                  : 'Giá trị lấy từ sổ theo dõi hồ sơ của đơn vị, từ đầu năm kế hoạch đến hôm nay.'
                : 'Nhập tay giá trị đạt được, hoặc chọn một số liệu của sổ theo dõi hồ sơ.'
            }
            data={[
              { value: '', label: 'Nhập tay' },
              ...TARGET_METRICS.map((m) => ({ value: m, label: TARGET_METRIC_LABELS[m] })),
            ]}
            value={metric ?? ''}
            onChange={(v) => setMetric(v ? v : null)}
            allowDeselect={false}
            data-testid="target-metric"
          />
          {metric && !percent && (
            <Text size="xs" c="orange.8">
              Mức chỉ tiêu không phải tỷ lệ phần trăm: số liệu được hiện nhưng không tự đánh giá đạt hay chưa
              đạt.
            </Text>
          )}
          {metric === null && (
            <NumberInput
              label={percent ? 'Giá trị đạt được (%)' : 'Giá trị đạt được'}
              value={value}
              onChange={setValue}
              min={0}
              max={percent ? 1000 : 1_000_000}
              decimalSeparator=","
              allowNegative={false}
              suffix={percent ? '%' : undefined}
              data-testid="target-value"
            />
          )}
          <Textarea
            label="Kết quả (mô tả)"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Textarea
            label="Ghi chú, nguồn số liệu"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={10000}
          />
          <FormActions onCancel={onClose} loading={save.isPending}>
            Lưu kết quả
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** Targets of one source (section II or Phụ lục 2): groups with their children, threshold, result. */
/** A measured target's value, its formula in a tooltip and the period it covers. */
function MeasuredValue({ metric, measured }: { metric: TargetMetric; measured: TargetMeasured | null }) {
  return (
    <Stack gap={0} align="flex-end" data-testid="target-measured" data-metric={metric}>
      <Group gap={4} wrap="nowrap">
        <IconGauge size={14} color="var(--mantine-color-dimmed)" aria-hidden />
        <Text size="xs" c="dimmed">
          {TARGET_METRIC_LABELS[metric]}
        </Text>
      </Group>
      {measured ? (
        <>
          <Tooltip
            label={measured.definition}
            multiline
            w={360}
            withArrow
            events={{ hover: true, focus: true, touch: true }}
          >
            <Text
              size="sm"
              fw={600}
              tabIndex={0}
              style={{ cursor: 'help' }}
              data-testid="target-measured-value"
            >
              {measuredText(measured)}
            </Text>
          </Tooltip>
          <Text size="xs" c="dimmed" data-testid="target-measured-period">
            {formatDate(measured.from)} – {formatDate(measured.to)}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Chưa có số liệu
        </Text>
      )}
    </Stack>
  );
}

export function TargetList({ targets, planId }: { targets: Target[]; planId: number }) {
  const [editing, setEditing] = useState<Target | null>(null);
  const binding = bindingOf;
  return (
    <Stack gap={6}>
      {tree(targets).map(({ target: t, depth }) =>
        t.isGroup ? (
          <Text
            key={t.id}
            fw={600}
            size="sm"
            mt={depth === 0 ? 'xs' : 0}
            pl={depth * 20}
            data-testid="target-group"
          >
            {t.code}. {t.text}
          </Text>
        ) : (
          <Paper
            key={t.id}
            withBorder
            p="xs"
            radius="md"
            ml={depth * 20}
            data-testid="target-row"
            data-target-code={t.code}
          >
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ flex: '1 1 320px', minWidth: 0 }}>
                <Text size="sm">
                  <Text span fw={600}>
                    {t.code}.
                  </Text>{' '}
                  {t.text}
                </Text>
                {(t.lead || t.cooperators.length > 0) && (
                  <Text size="xs" c="dimmed">
                    {t.lead ? `Chủ trì: ${t.lead}` : ''}
                    {t.lead && t.cooperators.length > 0 ? ' · ' : ''}
                    {t.cooperators.length > 0 ? `Phối hợp: ${formatNamed(t.cooperators)}` : ''}
                  </Text>
                )}
                {t.achievedNote && (
                  <Text size="xs" c="dimmed" fs="italic">
                    {t.achievedNote}
                  </Text>
                )}
              </Stack>
              <Group gap="xs" wrap="nowrap" align="center">
                <Tooltip label="Mức chỉ tiêu">
                  <Badge variant="outline" color="blue" size="lg" tt="none" data-testid="target-threshold">
                    {formatThreshold(t.threshold)}
                  </Badge>
                </Tooltip>
                {binding(t).metric ? (
                  <MeasuredValue metric={binding(t).metric as TargetMetric} measured={binding(t).measured} />
                ) : (
                  <Stack gap={0} align="flex-end">
                    <Text size="xs" c="dimmed">
                      Đạt được
                    </Text>
                    <Text size="sm" fw={500}>
                      {achieved(t)}
                    </Text>
                  </Stack>
                )}
                <Badge
                  color={TARGET_STATE_COLORS[stateOf(t)]}
                  variant={binding(t).metric && stateOf(t) !== 'unknown' ? 'filled' : 'light'}
                  data-testid="target-state"
                  data-state={stateOf(t)}
                >
                  {TARGET_STATE_LABELS[stateOf(t)]}
                </Badge>
                {t.evidenceCount > 0 && (
                  <Group gap={2} c="teal" aria-label={`${t.evidenceCount} tệp minh chứng`}>
                    <IconPaperclip size={14} />
                    <Text size="sm">{t.evidenceCount}</Text>
                  </Group>
                )}
                {t.actions.update && (
                  <Tooltip label="Nhập kết quả đạt được">
                    <ActionIcon
                      variant="light"
                      onClick={() => setEditing(t)}
                      aria-label={`Nhập kết quả chỉ tiêu ${t.code}`}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
          </Paper>
        ),
      )}
      {editing && <EditTargetModal target={editing} planId={planId} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
