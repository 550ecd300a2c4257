import { Badge, Group, Paper, Text } from '@mantine/core';
import type { Procedure } from '../../api/procedures.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataColumn } from '../../components/DataTable.js';
import { ProcedureEditButton } from './ProcedureEditButton.js';
import { ONLINE_LEVEL_LABELS, RESULT_TYPE_LABELS } from '../../lib/labels.js';

/** "Ngừng áp dụng" after the code of a procedure no longer applied. */
const stopped = (p: Procedure) =>
  p.active ? null : (
    <Badge ml={6} size="xs" color="gray">
      Ngừng áp dụng
    </Badge>
  );

/** The catalogue: a table, cards on a narrow screen; `onEdit` null for those who may not edit. */
export function ProcedureList({
  procedures,
  onEdit,
}: {
  procedures: Procedure[];
  onEdit: ((p: Procedure) => void) | null;
}) {
  const columns: DataColumn<Procedure>[] = [
    {
      key: 'code',
      header: 'Mã',
      nowrap: true,
      cell: (p) => (
        <>
          {p.code}
          {stopped(p)}
        </>
      ),
    },
    { key: 'name', header: 'Tên thủ tục', maw: 360, cell: (p) => p.name },
    { key: 'field', header: 'Lĩnh vực', cell: (p) => p.field ?? '—' },
    { key: 'limit', header: 'Thời hạn', nowrap: true, testId: 'procedure-limit', cell: (p) => p.limitText },
    { key: 'fee', header: 'Phí, lệ phí', cell: (p) => p.feeText ?? (p.feeBearing ? 'Có' : 'Không') },
    { key: 'online', header: 'Trực tuyến', cell: (p) => ONLINE_LEVEL_LABELS[p.onlineLevel] },
    { key: 'result', header: 'Kết quả', cell: (p) => RESULT_TYPE_LABELS[p.resultType] },
    { key: 'edit', cell: (p) => onEdit && <ProcedureEditButton p={p} onClick={() => onEdit(p)} /> },
  ];
  return (
    <DataTable
      rows={procedures}
      rowKey={(p) => p.id}
      columns={columns}
      minWidth={860}
      testId="procedure-list"
      rowProps={(p) => ({ 'data-testid': 'procedure-row', 'data-code': p.code, opacity: p.active ? 1 : 0.6 })}
      card={(p) => (
        <Paper withBorder p="sm" radius="md" data-testid="procedure-row" data-code={p.code}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {p.code}
                {stopped(p)}
              </Text>
              <Text size="sm">{p.name}</Text>
              <Text size="xs" c="dimmed">
                {p.limitText} · {ONLINE_LEVEL_LABELS[p.onlineLevel]}
                {p.feeText ? ` · ${p.feeText}` : ''}
              </Text>
            </div>
            {onEdit && <ProcedureEditButton p={p} onClick={() => onEdit(p)} />}
          </Group>
        </Paper>
      )}
    />
  );
}
