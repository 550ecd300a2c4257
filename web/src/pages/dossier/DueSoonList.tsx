import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { DueSoonItem } from '../../api/dossiers.js';
import { EmptyText } from '../../components/common.js';
import { DossierTable } from './DossierTable.js';

/** The open dossiers past or within two working days of their appointment, nearest first. */
export function DueSoonList({ items, subtree }: { items: DueSoonItem[]; subtree: boolean }) {
  if (items.length === 0)
    return <EmptyText>Không có hồ sơ nào quá hạn hoặc sắp đến hạn (trong 2 ngày làm việc).</EmptyText>;
  const apologies = items.filter((d) => d.apologyRequired).length;
  return (
    <Stack gap="sm" data-testid="due-soon-list">
      <Text size="sm" c="dimmed">
        Hồ sơ đang giải quyết đã quá hạn hoặc đến hạn trong 2 ngày làm việc, hạn gần nhất trước.
      </Text>
      {apologies > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="Cần phiếu xin lỗi"
        >
          {apologies} hồ sơ đã hoặc sắp quá hạn mà chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).
          Phiếu phải gửi trước khi hết hạn.
        </Alert>
      )}
      <DossierTable
        items={items}
        showUnit={subtree}
        dueIds={new Set(items.filter((d) => d.atRisk).map((d) => d.id))}
        apology
      />
    </Stack>
  );
}
