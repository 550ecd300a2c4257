import { Button, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { parApi } from '../../api/par.js';
import { PAR_LIMITS } from '../../../../src/shared/par.js';
import type { LeafCellProps } from './leafCell.js';

/** The unit's explanation (giải trình) of a leaf, written when the superior returns the assessment. */
export function ExplanationCell({ a, n, run }: LeafCellProps) {
  const s = n.score!;
  const [explanation, setExplanation] = useState(s.explanation ?? '');
  if (!a.actions.explain)
    return (
      <Table.Td>
        <Text size="xs">{s.explanation}</Text>
      </Table.Td>
    );
  return (
    <Table.Td>
      <Stack gap={2}>
        <TextInput
          size="xs"
          aria-label={`Giải trình ${n.code}`}
          maxLength={PAR_LIMITS.text}
          value={explanation}
          onChange={(e) => setExplanation(e.currentTarget.value)}
        />
        <Button
          size="compact-xs"
          variant="light"
          disabled={explanation.trim().length < PAR_LIMITS.reasonMin}
          onClick={() => void run(parApi.explain(a.id, n.criterionId, explanation))}
        >
          Lưu giải trình
        </Button>
      </Stack>
    </Table.Td>
  );
}
