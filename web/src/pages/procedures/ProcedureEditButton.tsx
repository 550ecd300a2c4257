import { ActionIcon, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { Procedure } from '../../api/procedures.js';

export function ProcedureEditButton({ p, onClick }: { p: Procedure; onClick: () => void }) {
  return (
    <Tooltip label="Sửa">
      <ActionIcon
        variant="light"
        onClick={onClick}
        aria-label={`Sửa thủ tục ${p.code}`}
        data-testid="procedure-edit"
      >
        <IconPencil size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
