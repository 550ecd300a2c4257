/** The plan import: read a document (file or pasted text) into a draft, then save the draft. */
import type { QueryClient } from '@tanstack/react-query';
import { request, upload } from './client.js';
import type { CommitBody, PreviewResult } from './types.js';

export type {
  CommitBody,
  CommitMode,
  DraftTarget,
  DraftTask,
  PlanDraft,
  PlanSummary,
  PreviewResult,
} from './types.js';

export const planImportApi = {
  previewFile: (unitId: number, file: File, year: number | null, onProgress?: (fraction: number) => void) => {
    const form = new FormData();
    form.append('unitId', String(unitId));
    if (year !== null) form.append('year', String(year));
    form.append('file', file, file.name);
    return upload<PreviewResult>('/api/plans/import/preview', form, onProgress);
  },
  previewText: (unitId: number, text: string, year: number | null) =>
    request<PreviewResult>('POST', '/api/plans/import/preview-text', {
      unitId,
      text,
      ...(year !== null ? { year } : {}),
    }),
  commit: (body: CommitBody) =>
    request<{ planId: number; mode: string }>('POST', '/api/plans/import/commit', body),
};

/** The roots of what a saved plan changes (plans, a plan, dashboard, own tasks, deadlines, calendar). */
const AFTER_SAVE = [
  ['plans'],
  ['plan'],
  ['dashboard'],
  ['my-tasks'],
  ['deadlines'],
  ['calendar-month'],
] as const;

export async function invalidateAfterPlanImport(qc: QueryClient): Promise<void> {
  await Promise.all(AFTER_SAVE.map((queryKey) => qc.invalidateQueries({ queryKey })));
}
