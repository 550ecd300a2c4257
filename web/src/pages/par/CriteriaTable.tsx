import { Table } from '@mantine/core';
import type { ParAssessment } from '../../api/par.js';
import { HeaderRow } from './HeaderRow.js';
import { LeafRow } from './LeafRow.js';
import { fmt } from './format.js';

const HEADERS = [
  'STT',
  'Tiêu chí',
  'Tối đa',
  'Tự chấm',
  'Tài liệu kiểm chứng',
  'Ghi chú, giải trình khi thiếu minh chứng',
  'Thẩm định',
  'Giải trình',
];

/** The criteria tree of an assessment: fields and criteria with their subtotals, leaves as rows to work on. */
export function CriteriaTable({ a, onChange }: { a: ParAssessment; onChange: (x: ParAssessment) => void }) {
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped withTableBorder verticalSpacing={4}>
        <HeaderRow titles={HEADERS} />
        <Table.Tbody>
          {a.nodes.map((n) =>
            n.isLeaf && n.score ? (
              <LeafRow key={`${n.criterionId}-${a.status}`} a={a} n={n} onChange={onChange} />
            ) : (
              <Table.Tr key={n.criterionId}>
                <Table.Td fw={700}>{n.code}</Table.Td>
                <Table.Td fw={n.depth === 1 ? 700 : 600}>{n.title}</Table.Td>
                <Table.Td fw={700}>{fmt(n.max)}</Table.Td>
                <Table.Td fw={700}>{fmt(n.selfSubtotal)}</Table.Td>
                <Table.Td />
                <Table.Td />
                <Table.Td fw={700}>{fmt(n.appraisedSubtotal)}</Table.Td>
                <Table.Td />
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
