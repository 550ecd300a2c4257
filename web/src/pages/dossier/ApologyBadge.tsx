import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** A dossier late or nearly so without its apology (Mẫu 04). */
export function ApologyBadge() {
  return (
    <Badge
      color="yellow"
      variant="filled"
      c="dark"
      leftSection={<IconAlertTriangle size={12} />}
      data-testid="apology-required"
      mt={4}
    >
      Cần phiếu xin lỗi
    </Badge>
  );
}
