import { Anchor, Card, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { parApi, parKeys } from '../../api/par.js';
import { HeaderRow } from './HeaderRow.js';
import { fmt } from './format.js';

const HEADERS = ['Hạng', 'Đơn vị', 'Trạng thái', 'Tự chấm', 'Chỉ số', 'Năm trước', 'Tăng, giảm'];

/** The ranking of the units below by their index, with the change from last year. */
export function Ranking({ unitId, year }: { unitId: number; year: number }) {
  const q = useQuery({
    queryKey: parKeys.ranking(unitId, year),
    queryFn: () => parApi.ranking(unitId, year),
  });
  if (!q.data || q.data.rows.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={4}>Xếp hạng Chỉ số CCHC các đơn vị trực thuộc năm {year}</Title>
      <Table data-testid="par-ranking">
        <HeaderRow titles={HEADERS} />
        <Table.Tbody>
          {q.data.rows.map((r) => (
            <Table.Tr key={r.unit.id}>
              <Table.Td>{r.rank ?? '—'}</Table.Td>
              <Table.Td>
                {r.assessmentId ? (
                  <Anchor component={Link} to={`/chi-so-cchc/${r.assessmentId}`}>
                    {r.unit.name}
                  </Anchor>
                ) : (
                  r.unit.name
                )}
              </Table.Td>
              <Table.Td>{r.statusLabel}</Table.Td>
              <Table.Td>{fmt(r.selfIndex)}</Table.Td>
              <Table.Td>{fmt(r.finalIndex)}</Table.Td>
              <Table.Td>{fmt(r.previous)}</Table.Td>
              <Table.Td>{r.change === null ? '—' : `${r.change > 0 ? '+' : ''}${fmt(r.change)}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
