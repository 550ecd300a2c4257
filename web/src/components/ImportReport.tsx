import { Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { RowError } from '../api/types.js';
import { formatNumber } from '../lib/format.js';
import type { Count } from '../lib/importReport.js';

export function CountBadges({ counts, testId }: { counts: Count[]; testId?: string }) {
  if (counts.length === 0) return null;
  return (
    <Group gap="xs" data-testid={testId}>
      {counts.map((c) => (
        <Badge
          key={c.key}
          variant="light"
          color={/lỗi/i.test(c.label) && c.value > 0 ? 'red' : /lỗi/i.test(c.label) ? 'teal' : 'blue'}
          size="lg"
          data-count={c.key}
        >
          {c.label}: {formatNumber(c.value)}
        </Badge>
      ))}
    </Group>
  );
}

/** Every row error of an import, row by row (the whole list, scrollable). */
export function RowErrorsTable({
  errors,
  fieldLabel = (f) => f,
  testId = 'row-errors',
}: {
  errors: RowError[];
  fieldLabel?: (field: string) => string;
  testId?: string;
}) {
  if (errors.length === 0) return null;
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={600} c="red.8">
        {formatNumber(errors.length)} lỗi cần sửa trong tệp
      </Text>
      <ScrollArea.Autosize mah={360} type="auto">
        <Table striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Dòng</Table.Th>
              <Table.Th w={160}>Cột</Table.Th>
              <Table.Th>Lỗi</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={i} data-testid="row-error">
                <Table.Td>{e.row ?? '—'}</Table.Td>
                <Table.Td>{e.field ? fieldLabel(e.field) : '—'}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
