import { Badge, Group, Paper, Text } from '@mantine/core';
import type { DraftTask } from '../../api/plan-import.js';
import { DeadlineReadingView } from '../../components/DeadlineReading.js';
import { formatNamed } from '../../lib/format.js';
import { Detail } from './Detail.js';
import { RowActions } from './RowActions.js';

/** A task of the draft: number, title, products, lead and partners, and its deadline's reading. */
export function DraftTaskRow({
  t,
  planYear,
  original,
  onChange,
  onEdit,
  onRemove,
}: {
  t: DraftTask;
  planYear: number;
  original: DraftTask['reading'];
  onChange: (next: DraftTask) => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="draft-task-row">
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
            <Detail label="Sản phẩm">{t.deliverables.length > 0 ? formatNamed(t.deliverables) : '—'}</Detail>
            <Detail label="Chủ trì">{t.lead ? `${t.lead}${t.leadOptional ? ' (nếu có)' : ''}` : '—'}</Detail>
            <Detail label="Phối hợp">{t.cooperators.length > 0 ? formatNamed(t.cooperators) : '—'}</Detail>
          </div>
          <DeadlineReadingView task={t} planYear={planYear} original={original} onChange={onChange} />
        </div>
        <RowActions label={`nhiệm vụ ${t.code}`} onEdit={onEdit} onRemove={onRemove} />
      </Group>
    </Paper>
  );
}
