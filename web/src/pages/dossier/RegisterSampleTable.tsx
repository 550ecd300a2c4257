import { Badge, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { RegisterPreviewOut } from '../../api/dossier-import.js';
import { formatDateTime } from '../../lib/format.js';
import { DOSSIER_CHANNEL_LABELS, DOSSIER_STATUS_LABELS } from '../../lib/labels.js';

const isStatus = (v: string): v is keyof typeof DOSSIER_STATUS_LABELS => v in DOSSIER_STATUS_LABELS;

/** The preview's first rows as the server understood them (code, procedure, dates, status). */
export function RegisterSampleTable({ rows }: { rows: RegisterPreviewOut['sample'] }) {
  return (
    <ScrollArea type="auto">
      <Table striped verticalSpacing={4} fz="xs" miw={980} data-testid="register-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Dòng</Table.Th>
            <Table.Th>Mã hồ sơ</Table.Th>
            <Table.Th>Thủ tục</Table.Th>
            <Table.Th>Người nộp</Table.Th>
            <Table.Th>Kênh</Table.Th>
            <Table.Th>Tiếp nhận</Table.Th>
            <Table.Th>Hẹn trả</Table.Th>
            <Table.Th>Tình trạng</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i} data-testid="register-row">
              <Table.Td>{r.row}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {r.code}
                {r.codeGenerated && (
                  <Text span size="xs" c="dimmed" display="block">
                    (mã tự sinh)
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{[r.procedureCode, r.procedureName].filter(Boolean).join(' – ')}</Table.Td>
              <Table.Td>{r.applicantName}</Table.Td>
              <Table.Td>{DOSSIER_CHANNEL_LABELS[r.channel]}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.receivedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(r.appointmentAt)}
                {r.appointmentComputed && (
                  <Text span size="xs" c="dimmed" display="block">
                    (tự tính)
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                    {isStatus(r.status) ? DOSSIER_STATUS_LABELS[r.status] : r.status}
                  </Text>
                  {r.late && (
                    <Badge size="xs" color="red" variant="light">
                      {r.endedAt ? 'Trễ hạn' : 'Quá hạn'}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
