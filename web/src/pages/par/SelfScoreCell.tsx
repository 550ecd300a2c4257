import { Badge, Checkbox, NumberInput, Table } from '@mantine/core';
import { parApi } from '../../api/par.js';
import { fmt } from './format.js';
import type { LeafCellProps } from './leafCell.js';

/** The self score of a leaf: typed while the unit scores (not for automatic leaves), or "không áp dụng". */
export function SelfScoreCell({ a, n, run }: LeafCellProps) {
  const s = n.score!;
  const auto = n.rule.kind === 'bands';
  return (
    <Table.Td>
      {a.actions.score && !auto && !s.notApplicable ? (
        <NumberInput
          aria-label={`Điểm tự chấm ${n.code}`}
          size="xs"
          w={80}
          min={0}
          max={n.max ?? undefined}
          step={n.rule.kind === 'manual' && n.rule.step ? n.rule.step : 0.25}
          decimalSeparator=","
          defaultValue={s.selfScore ?? ''}
          onBlur={(e) => {
            const v = e.currentTarget.value.replace(',', '.');
            const score = v === '' ? null : Number(v);
            if (score !== s.selfScore) void run(parApi.score(a.id, n.criterionId, { score }));
          }}
        />
      ) : s.notApplicable ? (
        <Badge color="gray">Không áp dụng</Badge>
      ) : (
        fmt(s.selfScore)
      )}
      {a.actions.score && (
        <Checkbox
          mt={4}
          size="xs"
          label="Không áp dụng"
          checked={s.notApplicable}
          onChange={(e) =>
            void run(parApi.score(a.id, n.criterionId, { notApplicable: e.currentTarget.checked }))
          }
        />
      )}
    </Table.Td>
  );
}
