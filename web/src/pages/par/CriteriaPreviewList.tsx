import { Stack, Text } from '@mantine/core';
import type { CriteriaPreview } from '../../api/par.js';
import { fmt } from './format.js';

/** What a criteria sheet holds before it is imported: totals per field and every row in error. */
export function CriteriaPreviewList({ preview }: { preview: CriteriaPreview }) {
  return (
    <Stack gap={2} data-testid="par-preview">
      <Text size="sm">
        {preview.totals.fields} lĩnh vực · {preview.totals.criteria} tiêu chí · {preview.totals.leaves} tiêu
        chí thành phần · tổng {fmt(preview.totals.totalMax)} điểm
      </Text>
      {preview.totals.perField.map((f) => (
        <Text key={f.code} size="xs">
          {f.code}. {f.title}: {fmt(f.max)} điểm
        </Text>
      ))}
      {preview.issues.map((i) => (
        <Text key={`${i.row}-${i.code}`} size="xs" c="red">
          Dòng {i.row}
          {i.code ? ` (${i.code})` : ''}: {i.message}
        </Text>
      ))}
    </Stack>
  );
}
