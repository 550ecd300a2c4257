import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Guards every route passes before its own schema: cross-site requests (issue 11, item 4) and
 * input no database can store or no calendar can compute (item 7). One hook each instead of an
 * edit to every schema, so a route added tomorrow is guarded too.
 */

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a browser's `Origin` / `Sec-Fetch-Site` must say for an unsafe request to be served. */
export function isSameSiteRequest(
  headers: FastifyRequest['headers'],
  allowed: ReadonlySet<string>,
  https: boolean,
): boolean {
  const origin = headers.origin;
  if (typeof origin === 'string') {
    if (allowed.has(origin)) return true;
    // The host the browser itself addressed (not X-Forwarded-Host, which a client sets at will).
    const host = headers.host;
    if (host === undefined) return false;
    return origin === `https://${host}` || (!https && origin === `http://${host}`);
  }
  // No Origin: a browser still says where the request comes from in Sec-Fetch-Site; a client that
  // is not a browser (CLI, another server of the report exchange) sends neither and is no CSRF vector.
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Refuses unsafe requests from another origin (403), and bodies that are not JSON where JSON is expected. */
export function registerCrossSiteGuard(
  app: FastifyInstance,
  opts: { appOrigin: string; allowedOrigins: string[]; https: boolean },
) {
  const allowed = new Set([opts.appOrigin, ...opts.allowedOrigins]);
  app.addHook('onRequest', async (req) => {
    if (!UNSAFE.has(req.method)) return;
    if (!isSameSiteRequest(req.headers, allowed, opts.https)) throw new AppError('CROSS_SITE');
  });
  // text/plain is a "simple" content type a foreign page may post without asking: JSON routes take
  // application/json only (multipart routes register their own parser).
  app.removeContentTypeParser('text/plain');
}

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
/** Legal documents and incoming letters may be older than the plans: their dates reach back to 1945. */
const WIDER_YEARS: Array<[prefix: string, min: number]> = [
  ['/api/regulations', 1945],
  ['/api/documents', 1945],
];

const ISO_DATE = /^([+-]?\d{4,6})-\d{2}-\d{2}(T|$)/;
const YEAR_KEY = /^(year|.*Year)$/;

export interface BadInput {
  path: string;
  message: string;
}

/**
 * First value under `value` that no route should take: a NUL character (PostgreSQL cannot store
 * it), a date or a `year` outside [min, max].
 */
export function findBadInput(value: unknown, min: number, max: number, path = ''): BadInput | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, message: 'chứa ký tự NUL không hợp lệ.' };
    const m = ISO_DATE.exec(value);
    if (m) {
      const y = Number(m[1]);
      if (y < min || y > max) return { path, message: `năm phải trong khoảng ${min}–${max}.` };
    }
    if (YEAR_KEY.test(path.split('.').pop() ?? '') && /^-?\d+$/.test(value.trim())) {
      const y = Number(value.trim());
      if (y < min || y > max) return { path, message: `năm phải trong khoảng ${min}–${max}.` };
    }
    return null;
  }
  if (typeof value === 'number') {
    if (YEAR_KEY.test(path.split('.').pop() ?? '') && (value < min || value > max))
      return { path, message: `năm phải trong khoảng ${min}–${max}.` };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadInput(value[i], min, max, path ? `${path}.${i}` : String(i));
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000'))
        return { path: path ? `${path}.${k}` : k, message: 'chứa ký tự NUL không hợp lệ.' };
      const bad = findBadInput(v, min, max, path ? `${path}.${k}` : k);
      if (bad) return bad;
    }
  }
  return null;
}

export function yearRangeFor(url: string): [number, number] {
  const wider = WIDER_YEARS.find(([prefix]) => url.startsWith(prefix));
  return [wider ? wider[1] : YEAR_MIN, YEAR_MAX];
}

/** Refuses NUL characters and out-of-range years in params, query and JSON body with a 400. */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const [min, max] = yearRangeFor(req.url);
    for (const [where, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const bad = findBadInput(value, min, max);
      if (bad)
        throw new AppError(
          'VALIDATION',
          `Dữ liệu gửi lên không hợp lệ. ${bad.path || where}: ${bad.message}`,
          [{ path: bad.path, message: bad.message }],
        );
    }
  });
}
