import type {
  AccessLogEntry,
  DossierDetail,
  DossierFigures,
  DossierPage,
  DueSoonItem,
  FlagsPatch,
  Procedure,
  ProcedureInput,
  ProcedureImportReport,
  PublicDossier,
  RatingInput,
  RegisterCommitResult,
  RegisterImportProgress,
  RegisterMapping,
  RegisterPreviewOut,
  RatingTarget,
  ReceiveInput,
  StepInput,
  StepResult,
  CommitBody,
  Dashboard,
  UnitDashboard,
  SuperiorDashboard,
  PreviewResult,
} from './types.js';

/** An error answered by the server (or the network), carrying the Vietnamese message to show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly details: unknown;

  constructor(
    message: string,
    status: number,
    code: string,
    requestId: string | null = null,
    details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
  }
}

const NETWORK_MESSAGE = 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.';

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; requestId?: unknown; details?: unknown };
}

function errorFrom(status: number, body: unknown): ApiError {
  const e = (body as ErrorBody | null)?.error;
  if (e && typeof e.message === 'string') {
    return new ApiError(
      e.message,
      status,
      typeof e.code === 'string' ? e.code : 'ERROR',
      typeof e.requestId === 'string' ? e.requestId : null,
      e.details,
    );
  }
  return new ApiError(`Máy chủ trả lời lỗi (HTTP ${status}). Vui lòng thử lại sau.`, status, 'HTTP_ERROR');
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The message to show for any error thrown while talking to the server. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Đã xảy ra lỗi không xác định.';
}

type Body = unknown;

export async function request<T>(method: string, url: string, body?: Body): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(NETWORK_MESSAGE, 0, 'NETWORK');
  }
  const data = parseJson(await res.text());
  if (!res.ok) throw errorFrom(res.status, data);
  return data as T;
}

/**
 * Sends a multipart form with upload progress (fetch cannot report it), calling
 * `onProgress(fraction)` while the bytes go out; the promise settles when the server answers.
 */
export function upload<T>(url: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (onProgress) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
      xhr.upload.onload = () => onProgress(1);
    }
    xhr.onload = () => {
      const data = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(errorFrom(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiError(NETWORK_MESSAGE, 0, 'NETWORK'));
    xhr.send(form);
  });
}

/** A query string from the set parameters (empty ones left out), `?a=1&b=2` or ``. */
export const qs = (params: Record<string, string | number | null | undefined>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const api = {
  // The plan import (pages/ImportPage): to move into api/plan-import.ts with that page.
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

  dashboard: (unitId?: number, year?: number) =>
    request<Dashboard>('GET', `/api/dashboard${qs({ unitId, year })}`),
  dashboardUnit: (unitId: number, days?: number) =>
    request<UnitDashboard>('GET', `/api/dashboard/unit/${unitId}${qs({ days })}`),
  dashboardSuperior: (unitId: number, days?: number) =>
    request<SuperiorDashboard>('GET', `/api/dashboard/superior/${unitId}${qs({ days })}`),

  // Hồ sơ thủ tục hành chính (one-stop register).
  procedures: (unitId: number) => request<Procedure[]>('GET', `/api/procedures${qs({ unitId })}`),
  createProcedure: (input: ProcedureInput) => request<Procedure>('POST', '/api/procedures', input),
  updateProcedure: (id: number, input: ProcedureInput) =>
    request<Procedure>('PUT', `/api/procedures/${id}`, input),
  /** All or nothing: row errors come back as a 400 whose details hold the report. */
  importProcedures: (
    unitId: number,
    file: File,
    dryRun: boolean,
    onProgress?: (fraction: number) => void,
  ) => {
    const form = new FormData();
    form.append('unitId', String(unitId));
    if (dryRun) form.append('dryRun', '1');
    form.append('file', file, file.name);
    return upload<ProcedureImportReport>('/api/procedures/import', form, onProgress);
  },

  dossiers: (f: {
    unitId: number;
    subtree?: boolean;
    status?: string | null;
    from?: string | null;
    to?: string | null;
    q?: string | null;
    page?: number;
  }) =>
    request<DossierPage>(
      'GET',
      `/api/dossiers${qs({ ...f, subtree: f.subtree ? 1 : undefined, page: f.page && f.page > 1 ? f.page : undefined })}`,
    ),
  dueSoon: (unitId: number, subtree = false) =>
    request<DueSoonItem[]>(
      'GET',
      `/api/dossiers/due-soon${qs({ unitId, subtree: subtree ? 1 : undefined })}`,
    ),
  dossier: (id: number) => request<DossierDetail>('GET', `/api/dossiers/${id}`),
  receiveDossier: (input: ReceiveInput) => request<DossierDetail>('POST', '/api/dossiers', input),
  dossierStep: (id: number, step: StepInput) =>
    request<StepResult>('POST', `/api/dossiers/${id}/steps`, step),
  reissueRatingLink: (id: number) =>
    request<{ ratingUrl: string }>('POST', `/api/dossiers/${id}/rating-link`),
  dossierFlags: (id: number, flags: FlagsPatch) =>
    request<DossierDetail>('PATCH', `/api/dossiers/${id}/flags`, flags),
  dossierFormUrl: (id: number, form: 'mau01' | 'mau02' | 'mau03' | 'mau04' | 'mau05') =>
    `/api/dossiers/${id}/forms/${form}`,
  registerUrl: (unitId: number, from: string, to: string) =>
    `/api/dossiers/register.xlsx${qs({ unitId, from, to })}`,
  dossierFigures: (unitId: number, from: string, to: string, subtree = false) =>
    request<DossierFigures>(
      'GET',
      `/api/dossiers/figures${qs({ unitId, from, to, subtree: subtree ? 1 : undefined })}`,
    ),
  accessLog: (unitId: number, dossierId?: number) =>
    request<AccessLogEntry[]>('GET', `/api/dossiers/access-log${qs({ unitId, dossierId })}`),
  /** Register import (Mẫu 06 from other software): preview, then commit and follow its progress. */
  previewRegister: (
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
  commitRegister: (
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
  registerProgress: (id: string) =>
    request<RegisterImportProgress>('GET', `/api/dossiers/import/progress/${encodeURIComponent(id)}`),

  // Public pages (no login): a citizen follows a dossier and rates it once.
  publicDossier: (code: string) =>
    request<PublicDossier>('GET', `/api/public/dossiers/${encodeURIComponent(code)}`),
  ratingTarget: (token: string) =>
    request<RatingTarget>('GET', `/api/public/ratings/${encodeURIComponent(token)}`),
  rate: (token: string, input: RatingInput) =>
    request<{ ok: boolean; message?: string }>(
      'POST',
      `/api/public/ratings/${encodeURIComponent(token)}`,
      input,
    ),
};

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
