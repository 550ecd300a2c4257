/**
 * The document register (sổ văn bản đi / đến), signature checks and trusted roots, on the one
 * client. Shapes are the server's zod schemas, imported as types only (nothing from the server is
 * bundled).
 */
import type { z } from 'zod';
import type {
  DocumentDetail as DocumentDetailSchema,
  DocumentOut as DocumentOutSchema,
  DocumentPage as DocumentPageSchema,
  PatchBody as PatchBodySchema,
  PdfVerificationOut as PdfVerificationSchema,
  RegisterBody as RegisterBodySchema,
  TrustedRootList as TrustedRootListSchema,
  TrustedRootOut as TrustedRootSchema,
} from '../../../src/modules/documents/schema.js';
import type { DocumentImportReport as DocumentImportReportSchema } from '../../../src/modules/documents/import-schema.js';
import type { ImportProgress as ImportProgressSchema } from '../../../src/modules/dossier-import/schema.js';
import { qs, request, upload } from './client.js';

export type DocumentEntry = z.infer<typeof DocumentOutSchema>;
export type DocumentPage = z.infer<typeof DocumentPageSchema>;
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;
export type PdfVerification = z.infer<typeof PdfVerificationSchema>;
export type SignatureVerdict = PdfVerification['signatures'][number];
export type DocumentInput = z.input<typeof RegisterBodySchema>;
export type DocumentPatch = z.input<typeof PatchBodySchema>;
export type TrustedRoot = z.infer<typeof TrustedRootSchema>;
export type TrustedRootList = z.infer<typeof TrustedRootListSchema>;
export type DocumentImportReport = z.infer<typeof DocumentImportReportSchema>;
export type DocumentImportProgress = z.infer<typeof ImportProgressSchema>;
export type DocumentDirection = DocumentEntry['direction'];

export interface DocumentFilter {
  unitId: number;
  subtree?: boolean;
  direction?: DocumentDirection | null;
  year?: number | null;
  status?: 'active' | 'cancelled' | null;
  q?: string | null;
  dueWithinDays?: number | null;
  page?: number;
}

const fileForm = (file: File, fields: Record<string, string | undefined> = {}): FormData => {
  // The fields go before the file: the server reads the multipart stream in order.
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  form.append('file', file, file.name);
  return form;
};

/** Query keys of the register's screens: one place, so that invalidations match the queries. */
export const documentKeys = {
  lists: ['documents'] as const,
  list: (f: DocumentFilter) =>
    ['documents', f.unitId, f.subtree ?? false, f.direction, f.year, f.status, f.q, f.page] as const,
  details: ['document'] as const,
  detail: (id: number) => ['document', id] as const,
  trustedRoots: ['trusted-roots'] as const,
  importProgress: (importId: string | null) => ['document-import-progress', importId] as const,
};

export const documentsApi = {
  list: (f: DocumentFilter) =>
    request<DocumentPage>(
      'GET',
      `/api/documents${qs({
        unitId: f.unitId,
        subtree: f.subtree ? '1' : undefined,
        direction: f.direction,
        year: f.year,
        status: f.status,
        q: f.q,
        dueWithinDays: f.dueWithinDays,
        page: f.page && f.page > 1 ? f.page : undefined,
      })}`,
    ),
  detail: (id: number) => request<DocumentDetail>('GET', `/api/documents/${id}`),
  register: (input: DocumentInput) => request<DocumentEntry>('POST', '/api/documents', input),
  update: (id: number, patch: DocumentPatch) =>
    request<DocumentEntry>('PATCH', `/api/documents/${id}`, patch),
  cancel: (id: number, reason: string) =>
    request<DocumentEntry>('POST', `/api/documents/${id}/cancel`, { reason }),
  attach: (id: number, file: File, onProgress?: (fraction: number) => void) =>
    upload<DocumentDetail>(`/api/documents/${id}/file`, fileForm(file), onProgress),
  fileUrl: (id: number) => `/api/documents/${id}/file`,
  recheck: (id: number) => request<DocumentDetail>('POST', `/api/documents/${id}/signature-check`, {}),
  /** Checks a PDF's signatures without registering it (nothing is stored). */
  verifyPdf: (file: File, onProgress?: (fraction: number) => void) =>
    upload<PdfVerification>('/api/documents/verify-pdf', fileForm(file), onProgress),

  /** All or nothing: row errors come back as a 400 whose details hold the report. */
  importRegister: (
    unitId: number,
    file: File,
    opts: { dryRun: boolean; direction: DocumentDirection | null; importId: string | null },
    onProgress?: (fraction: number) => void,
  ) =>
    upload<DocumentImportReport>(
      '/api/documents/import',
      fileForm(file, {
        unitId: String(unitId),
        dryRun: opts.dryRun ? '1' : undefined,
        direction: opts.direction ?? undefined,
        importId: opts.importId ?? undefined,
      }),
      onProgress,
    ),
  importProgress: (id: string) =>
    request<DocumentImportProgress>('GET', `/api/documents/import/progress/${encodeURIComponent(id)}`),

  trustedRoots: () => request<TrustedRootList>('GET', '/api/trusted-roots'),
  addTrustedRoot: (file: File) => upload<TrustedRoot>('/api/trusted-roots', fileForm(file)),
  removeTrustedRoot: (id: number) => request<{ ok: boolean }>('POST', `/api/trusted-roots/${id}/remove`, {}),
};
