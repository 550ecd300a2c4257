import { Button, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { parApi } from '../../api/par.js';
import { LimitedTextInput } from './LimitedTextInput.js';
import { fmt } from './format.js';
import type { LeafCellProps } from './leafCell.js';

/** The appraised score of a leaf and the reason of an adjustment, entered by the superior. */
export function AppraisalCell({ a, n, run }: LeafCellProps) {
  const s = n.score!;
  const [appraised, setAppraised] = useState<number | string>(s.appraisedScore ?? s.selfScore ?? '');
  const [reason, setReason] = useState(s.appraisalReason ?? '');
  if (!a.actions.appraise || s.notApplicable)
    return (
      <Table.Td>
        <Text size="sm">{fmt(s.appraisedScore)}</Text>
        {s.appraisalReason && (
          <Text size="xs" c="red">
            {s.appraisalReason}
          </Text>
        )}
      </Table.Td>
    );
  return (
    <Table.Td>
      <Stack gap={2}>
        <NumberInput
          size="xs"
          w={80}
          aria-label={`Điểm thẩm định ${n.code}`}
          value={appraised}
          onChange={setAppraised}
          decimalSeparator=","
          min={0}
          max={n.max ?? undefined}
        />
        <LimitedTextInput
          size="xs"
          aria-label={`Lý do điều chỉnh ${n.code}`}
          placeholder="Lý do điều chỉnh"
          value={reason}
          onText={setReason}
        />
        <Button
          size="compact-xs"
          onClick={() => void run(parApi.appraise(a.id, n.criterionId, Number(appraised), reason || null))}
        >
          Lưu điểm thẩm định
        </Button>
      </Stack>
    </Table.Td>
  );
}
