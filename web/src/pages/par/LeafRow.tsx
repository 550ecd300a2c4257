import { Table, Text } from '@mantine/core';
import { useState } from 'react';
import { parApi } from '../../api/par.js';
import type { ParAssessment, ParNode } from '../../api/par.js';
import { notifyError } from '../../components/common.js';
import { AppraisalCell } from './AppraisalCell.js';
import { EvidenceCell } from './EvidenceCell.js';
import { ExplanationCell } from './ExplanationCell.js';
import { LimitedTextInput } from './LimitedTextInput.js';
import { SelfScoreCell } from './SelfScoreCell.js';
import { fmt } from './format.js';

/** A leaf of the criteria tree: its text and figure, self score, evidence, note, appraisal and explanation. */
export function LeafRow({
  a,
  n,
  onChange,
}: {
  a: ParAssessment;
  n: ParNode;
  onChange: (x: ParAssessment) => void;
}) {
  const s = n.score!;
  const [note, setNote] = useState(s.note ?? '');
  const run = (p: Promise<ParAssessment>) => p.then(onChange).catch((e: unknown) => notifyError(e));
  return (
    <Table.Tr data-testid={`leaf-${n.criterionId}`}>
      <Table.Td>{n.code}</Table.Td>
      <Table.Td>
        <Text size="sm">{n.title}</Text>
        {n.guide && (
          <Text size="xs" c="dimmed">
            Hướng dẫn: {n.guide}
          </Text>
        )}
        {n.evidenceRequired && (
          <Text size="xs" c="dimmed">
            Tài liệu kiểm chứng: {n.evidenceRequired}
          </Text>
        )}
        {s.figureText && (
          <Text size="xs" c="blue">
            Số liệu: {s.figureText}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{fmt(n.max)}</Table.Td>
      <SelfScoreCell a={a} n={n} run={run} />
      <EvidenceCell a={a} n={n} run={run} />
      <Table.Td>
        {a.actions.score ? (
          <LimitedTextInput
            size="xs"
            aria-label={`Ghi chú ${n.code}`}
            value={note}
            error={s.explanationRequired ? 'Cần giải trình vì thiếu tài liệu kiểm chứng' : undefined}
            onText={setNote}
            onBlur={() =>
              note !== (s.note ?? '') && void run(parApi.score(a.id, n.criterionId, { note: note || null }))
            }
          />
        ) : (
          <Text size="xs">{s.note}</Text>
        )}
      </Table.Td>
      <AppraisalCell a={a} n={n} run={run} />
      <ExplanationCell a={a} n={n} run={run} />
    </Table.Tr>
  );
}
