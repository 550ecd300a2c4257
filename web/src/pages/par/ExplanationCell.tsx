import { Stack, Table, Text } from '@mantine/core';
import { parApi } from '../../api/par.js';
import { ReasonForm } from './ReasonForm.js';
import type { LeafCellProps } from './leafCell.js';

/** The unit's explanation (giải trình) of a leaf, written when the superior returns the assessment. */
export function ExplanationCell({ a, n, run }: LeafCellProps) {
  const s = n.score!;
  if (!a.actions.explain)
    return (
      <Table.Td>
        <Text size="xs">{s.explanation}</Text>
      </Table.Td>
    );
  return (
    <Table.Td>
      <Stack gap={2}>
        <ReasonForm
          label={`Giải trình ${n.code}`}
          initial={s.explanation ?? ''}
          small
          button="Lưu giải trình"
          onSend={(explanation) => void run(parApi.explain(a.id, n.criterionId, explanation))}
        />
      </Stack>
    </Table.Td>
  );
}
