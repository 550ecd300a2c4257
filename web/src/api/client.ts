import type {
  DossierFigures,
  PublicDossier,
  RatingInput,
  RatingTarget,
  Dashboard,
  UnitDashboard,
  SuperiorDashboard,
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

  dashboard: (unitId?: number, year?: number) =>
    request<Dashboard>('GET', `/api/dashboard${qs({ unitId, year })}`),
  dashboardUnit: (unitId: number, days?: number) =>
    request<UnitDashboard>('GET', `/api/dashboard/unit/${unitId}${qs({ days })}`),
  dashboardSuperior: (unitId: number, days?: number) =>
    request<SuperiorDashboard>('GET', `/api/dashboard/superior/${unitId}${qs({ days })}`),

  registerUrl: (unitId: number, from: string, to: string) =>
    `/api/dossiers/register.xlsx${qs({ unitId, from, to })}`,
  dossierFigures: (unitId: number, from: string, to: string, subtree = false) =>
    request<DossierFigures>(
      'GET',
      `/api/dossiers/figures${qs({ unitId, from, to, subtree: subtree ? 1 : undefined })}`,
    ),
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
