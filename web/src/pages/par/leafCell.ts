import type { ParAssessment, ParNode } from '../../api/par.js';

/** What a cell of a leaf's row reads: the assessment, the leaf, and how to send a change. */
export interface LeafCellProps {
  a: ParAssessment;
  n: ParNode;
  run: (p: Promise<ParAssessment>) => Promise<void>;
}
