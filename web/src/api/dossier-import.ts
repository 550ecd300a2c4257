/** The register import (Mẫu 06 from other software): preview, commit, and the commit's progress. */
import { request, upload } from './client.js';
import type {
  RegisterCommitResult,
  RegisterImportProgress,
  RegisterMapping,
  RegisterPreviewOut,
} from './types.js';

export type {
  RegisterCommitResult,
  RegisterImportProgress,
  RegisterMapping,
  RegisterPreviewOut,
} from './types.js';

/** The fields go before the file: the server reads the multipart stream in order. */
function registerForm(
  unitId: number,
  file: File,
  mapping: RegisterMapping | null,
  importId: string | null,
): FormData {
  const form = new FormData();
  form.append('unitId', String(unitId));
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  if (importId) form.append('importId', importId);
  form.append('file', file, file.name);
  return form;
}

export const registerImportApi = {
  preview: (
    unitId: number,
    file: File,
    mapping: RegisterMapping | null,
    onProgress?: (fraction: number) => void,
  ) =>
    upload<RegisterPreviewOut>(
      '/api/dossiers/import/preview',
      registerForm(unitId, file, mapping, null),
      onProgress,
    ),
  /** `importId` (chosen here) lets the page follow the commit's progress while it runs. */
  commit: (
    unitId: number,
    file: File,
    mapping: RegisterMapping | null,
    importId: string | null,
    onProgress?: (fraction: number) => void,
  ) =>
    upload<RegisterCommitResult>(
      '/api/dossiers/import/commit',
      registerForm(unitId, file, mapping, importId),
      onProgress,
    ),
  progress: (id: string) =>
    request<RegisterImportProgress>('GET', `/api/dossiers/import/progress/${encodeURIComponent(id)}`),
};

export const registerImportKeys = {
  progress: (importId: string | null) => ['register-import-progress', importId] as const,
};
