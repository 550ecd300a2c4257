import { Stack } from '@mantine/core';
import type { ParAssessment } from '../../api/par.js';
import { AssessmentActions } from './AssessmentActions.js';
import { AssessmentHeader } from './AssessmentHeader.js';
import { CriteriaTable } from './CriteriaTable.js';

/** An assessment to read and work on; the buttons shown are the actions the server sends with it. */
export function AssessmentView({ a, onChange }: { a: ParAssessment; onChange: (x: ParAssessment) => void }) {
  return (
    <Stack>
      <AssessmentHeader a={a} />
      <AssessmentActions a={a} onChange={onChange} />
      <CriteriaTable a={a} onChange={onChange} />
    </Stack>
  );
}
