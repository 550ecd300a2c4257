import { Badge, ScrollArea, Table } from '@mantine/core';
import type { ProcedureImportReport } from '../../api/procedures.js';

const ACTION_LABELS: Record<ProcedureImportReport['rows'][number]['action'], string> = {
  created: 'Thêm mới',
  updated: 'Cập nhật',
  unchanged: 'Không đổi',
};
const ACTION_COLORS = { created: 'teal', updated: 'blue', unchanged: 'gray' } as const;

/** What the import did with each procedure of the file. */
export function ProcedureImportRows({ rows }: { rows: ProcedureImportReport['rows'] }) {
  return (
    <ScrollArea.Autosize mah={300} type="auto">
      <Table verticalSpacing={2} fz="sm">
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.row}-${r.code}`}>
              <Table.Td w={60}>{r.row}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.code}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.limitText}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={ACTION_COLORS[r.action]}>
                  {ACTION_LABELS[r.action]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
