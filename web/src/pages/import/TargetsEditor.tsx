import { Accordion, Badge, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { DraftTarget, PlanDraft } from '../../api/plan-import.js';
import { TargetEditModal } from '../../components/DraftEditors.js';
import { formatNamed, formatThreshold } from '../../lib/format.js';
import { Detail } from './Detail.js';
import { RowActions } from './RowActions.js';

type TargetListKey = 'targets' | 'appendixTargets';

export function TargetsEditor({
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
