/**
 * A list shown as a table on a wide screen and, when `card` is given, as a stack of cards on a
 * narrow one (below 48em): the columns are declared once, each with its header and its cell.
 */
import { Stack, Table } from '@mantine/core';
import type { TableTrProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment } from 'react';
import type { ReactNode } from 'react';

export interface DataColumn<T> {
  key: string;
  header?: ReactNode;
  cell: (row: T) => ReactNode;
  /** Keep the cell on one line. */
  nowrap?: boolean;
  maw?: number;
  /** The cell's `data-testid`. */
  testId?: string;
  hidden?: boolean;
}

type RowProps = TableTrProps & { [data: `data-${string}`]: string | undefined };

export function DataTable<T>({
  rows,
  rowKey,
  columns,
  minWidth,
  rowProps,
  card,
  testId,
}: {
  rows: T[];
  rowKey: (row: T) => string | number;
  columns: DataColumn<T>[];
  minWidth: number;
  rowProps?: (row: T) => RowProps;
  /** The card of a row on a narrow screen (none: the table everywhere). */
  card?: (row: T) => ReactNode;
  testId?: string;
}) {
  const narrow = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  if (narrow && card)
    return (
      <Stack gap="xs" data-testid={testId}>
        {rows.map((r) => (
          <Fragment key={rowKey(r)}>{card(r)}</Fragment>
        ))}
      </Stack>
    );
  const shown = columns.filter((c) => !c.hidden);
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {shown.map((c) => (
              <Table.Th key={c.key}>{c.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={rowKey(r)} {...rowProps?.(r)}>
              {shown.map((c) => (
                <Table.Td
                  key={c.key}
                  maw={c.maw}
                  style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                  data-testid={c.testId}
                >
                  {c.cell(r)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
