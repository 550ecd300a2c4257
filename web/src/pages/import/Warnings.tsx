import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PlanDraft } from '../../api/plan-import.js';

/** What the reader was unsure of, or that it read everything. */
export function Warnings({ warnings }: { warnings: PlanDraft['warnings'] }) {
  if (warnings.length === 0)
    return (
      <Alert color="teal" variant="light" title="Không có cảnh báo">
        Kế hoạch được đọc trọn vẹn. Vẫn nên xem lại trước khi lưu.
      </Alert>
    );
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`Cần kiểm tra ${warnings.length} điểm`}
      data-testid="import-warnings"
    >
      <List size="sm" spacing={4}>
        {warnings.map((w, i) => (
          <List.Item key={i}>
            {w.where && <b>{w.where}: </b>}
            {w.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
