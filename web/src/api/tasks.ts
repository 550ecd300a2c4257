/** Tasks, their occurrences and evidence, and plan targets: calls and query keys. */
import { request, upload } from './client.js';
import type { Evidence, MyTask, OccurrencePatch, Target, TargetPatch, TaskDetail, TaskPatch } from './types.js';

export const taskKeys = {
  details: ['task'] as const,
  detail: (id: number) => ['task', id] as const,
  mine: ['my-tasks'] as const,
  targetEvidence: (id: number) => ['target-evidence', id] as const,
};

export interface EvidenceOptions {
  deliverableIndex: number | null;
  note: string | null;
  occurrenceId?: number | null;
}

export const taskApi = {
  mine: () => request<MyTask[]>('GET', '/api/tasks/mine'),
  detail: (id: number) => request<TaskDetail>('GET', `/api/tasks/${id}`),
  update: (id: number, patch: TaskPatch) => request<TaskDetail>('PATCH', `/api/tasks/${id}`, patch),
  uploadEvidence: (taskId: number, file: File, opts: EvidenceOptions, onProgress?: (fraction: number) => void) => {
    const form = new FormData();
    // The fields go before the file: the server reads the multipart stream in order.
    if (typeof opts.occurrenceId === 'number') form.append('occurrenceId', String(opts.occurrenceId));
    if (opts.deliverableIndex !== null) form.append('deliverableIndex', String(opts.deliverableIndex));
    if (opts.note) form.append('note', opts.note);
    form.append('file', file, file.name);
    return upload<Evidence>(`/api/tasks/${taskId}/evidence`, form, onProgress);
  },
  updateOccurrence: (id: number, patch: OccurrencePatch) =>
    request<TaskDetail>('PATCH', `/api/occurrences/${id}`, patch),
  recordEvent: (taskId: number, date: string, note: string | null) =>
    request<TaskDetail>('POST', `/api/tasks/${taskId}/events`, { date, ...(note ? { note } : {}) }),
  withdrawEvidence: (id: number) => request<{ ok: boolean }>('POST', `/api/evidence/${id}/withdraw`, {}),
  evidenceDownloadUrl: (id: number) => `/api/evidence/${id}/download`,

  updateTarget: (id: number, patch: TargetPatch) => request<Target>('PATCH', `/api/targets/${id}`, patch),
  targetEvidence: (id: number) => request<Evidence[]>('GET', `/api/targets/${id}/evidence`),
  uploadTargetEvidence: (id: number, file: File, note: string | null) => {
    const form = new FormData();
    if (note) form.append('note', note);
    form.append('file', file, file.name);
    return upload<Evidence>(`/api/targets/${id}/evidence`, form);
  },
};
