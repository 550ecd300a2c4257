import { Accordion, Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { DraftTask, PlanDraft } from '../../api/plan-import.js';
import { needsReview } from '../../components/DeadlineReading.js';
import { TaskEditModal } from '../../components/DraftEditors.js';
import { DraftTaskRow } from './DraftTaskRow.js';

/** The tasks of Phụ lục 1 by area: each one's reading of its deadline, edited or removed. */
export function TasksEditor({
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
                    <DraftTaskRow
                      key={`${i}-${t.code}`}
                      t={t}
                      planYear={planYear}
                      original={readings.get(`${t.code}|${t.deadlineText}`)}
                      onChange={(next) => setTask(i, next)}
                      onEdit={() => setEditing(i)}
                      onRemove={() => update((d) => ({ ...d, tasks: d.tasks.filter((_, j) => j !== i) }))}
                    />
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
