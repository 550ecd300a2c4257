import { Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '../api/client.js';
import { EmptyText, ErrorAlert } from '../components/common.js';
import { useUnitScope } from '../session.js';

/** What `POST /api/figures/verify` answers (src/modules/figures/schema.ts). */
interface VerifyResult {
  checkedUnits: number;
  repaired: boolean;
  differences: {
    table: string;
    unitId: number | null;
    unitCode: string | null;
    key: string;
    column: string;
    stored: number;
    expected: number;
  }[];
}

const TABLE_LABELS: Record<string, string> = {
  dossier_day_count: 'Số liệu hồ sơ theo ngày',
  dossier_month_count: 'Số liệu hồ sơ theo tháng',
  number_counter: 'Số thứ tự (mã hồ sơ, số vào sổ, mã PAKN)',
  report: 'Số lần gửi báo cáo',
};

/**
 * Administrators recount the unit's stored figures from the original rows (`cchc figures verify`):
 * every difference is listed, and may be repaired.
 */
export function FiguresVerifyPage() {
  const { unitId, unit } = useUnitScope();
  const [repair, setRepair] = useState(false);
  const run = useMutation({
    mutationFn: () => request<VerifyResult>('POST', '/api/figures/verify', { unitId, repair }),
  });
  const r = run.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Kiểm tra số liệu</Title>
        <Text c="dimmed">
          Đếm lại các bộ đếm lưu sẵn{unit ? ` của ${unit.name}` : ''} (số liệu hồ sơ theo ngày, theo tháng, số
          thứ tự mã hồ sơ, số vào sổ, mã phản ánh, số lần gửi báo cáo) từ dữ liệu gốc.
        </Text>
      </div>
      <Group>
        <Checkbox
          label="Sửa các sai lệch theo dữ liệu gốc"
          checked={repair}
          onChange={(e) => setRepair(e.currentTarget.checked)}
        />
        <Button onClick={() => run.mutate()} loading={run.isPending}>
          Kiểm tra
        </Button>
      </Group>
      {run.error ? <ErrorAlert error={run.error} /> : null}
      {r ? (
        r.differences.length === 0 ? (
          <Text data-testid="figures-verify-ok" c="green">
            Không có sai lệch: mọi bộ đếm khớp với dữ liệu gốc.
          </Text>
        ) : (
          <Stack gap="xs">
            <Text c={r.repaired ? 'green' : 'red'}>
              {r.differences.length} sai lệch{r.repaired ? ' — đã sửa theo dữ liệu gốc.' : '.'}
            </Text>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Bộ đếm</Table.Th>
                  <Table.Th>Ngày / khóa</Table.Th>
                  <Table.Th>Cột</Table.Th>
                  <Table.Th>Đang lưu</Table.Th>
                  <Table.Th>Đếm lại</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.differences.map((d) => (
                  <Table.Tr key={`${d.table}|${d.key}|${d.column}`}>
                    <Table.Td>{TABLE_LABELS[d.table] ?? d.table}</Table.Td>
                    <Table.Td>{d.key}</Table.Td>
                    <Table.Td>{d.column}</Table.Td>
                    <Table.Td>{d.stored}</Table.Td>
                    <Table.Td>{d.expected}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )
      ) : (
        <EmptyText>Bấm “Kiểm tra” để đếm lại.</EmptyText>
      )}
    </Stack>
  );
}
