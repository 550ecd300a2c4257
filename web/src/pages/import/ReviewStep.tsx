import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import type { PlanDraft, PlanSummary, PreviewResult } from '../../api/plan-import.js';
import { HeaderEditor } from './HeaderEditor.js';
import { draftProblems } from './summarize.js';
import { SummaryView } from './SummaryView.js';
import { TargetsEditor } from './TargetsEditor.js';
import { TasksEditor } from './TasksEditor.js';
import type { PlanImport } from './usePlanImport.js';
import { Warnings } from './Warnings.js';

/** Step 2: the draft as read, to check and correct before saving. */
export function ReviewStep({
  im,
  draft,
  summary,
  preview,
}: {
  im: PlanImport;
  draft: PlanDraft;
  summary: PlanSummary;
  preview: PreviewResult;
}) {
  const problems = draftProblems(draft);
  return (
    <Stack mt="md" gap="md">
      <Warnings warnings={draft.warnings} />
      <HeaderEditor draft={draft} update={im.update} />
      <SummaryView summary={summary} />
      <TasksEditor draft={draft} update={im.update} original={preview.draft} />
      <TargetsEditor draft={draft} update={im.update} />
      {problems.length > 0 && (
        <Alert color="red" variant="light" title="Chưa lưu được">
          {problems.join(' ')}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => im.setStep(0)}>
          Chọn tài liệu khác
        </Button>
        <Button
          onClick={() => im.setStep(2)}
          disabled={problems.length > 0}
          rightSection={<IconArrowRight size={16} />}
          data-testid="import-next"
        >
          Tiếp tục
        </Button>
      </Group>
    </Stack>
  );
}
