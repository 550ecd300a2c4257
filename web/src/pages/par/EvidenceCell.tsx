import { Anchor, Button, FileButton, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { parApi } from '../../api/par.js';
import type { LeafCellProps } from './leafCell.js';

/** The evidence of a leaf: files and links (withdrawn while the unit may still change them), an upload, a task's file. */
export function EvidenceCell({ a, n, run }: LeafCellProps) {
  const s = n.score!;
  const [taskEvidenceId, setTaskEvidenceId] = useState<number | string>('');
  const editable = a.actions.score || a.actions.explain;
  return (
    <Table.Td>
      <Stack gap={2}>
        {s.evidence.map((e) => (
          <Group key={e.id} gap={4} wrap="nowrap">
            {e.hasFile ? (
              <Anchor size="xs" href={parApi.evidenceUrl(e.id)}>
                {e.label}
              </Anchor>
            ) : (
              <Text size="xs">{e.label}</Text>
            )}
            {editable && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => void run(parApi.withdrawEvidence(e.id))}
              >
                Rút
              </Button>
            )}
          </Group>
        ))}
        {s.evidenceMissing && (
          <Text size="xs" c="orange">
            Chưa có tài liệu kiểm chứng
          </Text>
        )}
        {editable && (
          <Group gap={4}>
            <FileButton onChange={(f) => f && void run(parApi.attachFile(a.id, n.criterionId, f))}>
              {(props) => (
                <Button size="compact-xs" variant="light" {...props}>
                  Tải tệp
                </Button>
              )}
            </FileButton>
            <NumberInput
              size="xs"
              w={110}
              placeholder="Số tệp nhiệm vụ"
              aria-label={`Số tệp minh chứng nhiệm vụ ${n.code}`}
              value={taskEvidenceId}
              onChange={setTaskEvidenceId}
            />
            <Button
              size="compact-xs"
              variant="light"
              disabled={taskEvidenceId === ''}
              onClick={() =>
                void run(parApi.link(a.id, n.criterionId, 'task_evidence', Number(taskEvidenceId)))
              }
            >
              Gắn
            </Button>
          </Group>
        )}
      </Stack>
    </Table.Td>
  );
}
