/**
 * What every exchange use case shares: its dependencies, the clock, the audit line, the one
 * outbound POST, and the token and address rules.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Dialect } from '../../db/database.js';
import type { UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import { callerUserId } from '../auth/roles.js';
import type { Actor, Caller } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';

export interface ExchangeDeps {
  db: Q;
  dialect: Dialect;
  clock: Clock;
  /** This server's address as users reach it (sent as the sender's server). */
  appUrl: string | null;
  /** Send right after a submission (when a sweep runs in this process); tests sweep by hand. */
  autoDeliver?: boolean;
  /** Outbound requests give up after this long. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** The dependencies with their defaults filled in, handed to every use case. */
export interface ExchangeContext {
  db: Q;
  dialect: Dialect;
  appUrl: string | null;
  autoDeliver: boolean;
  http: typeof fetch;
  timeout: number;
  nowIso: () => string;
}

export function exchangeContext(deps: ExchangeDeps): ExchangeContext {
  return {
    db: deps.db,
    dialect: deps.dialect,
    appUrl: deps.appUrl,
    autoDeliver: deps.autoDeliver ?? false,
    http: deps.fetchImpl ?? fetch,
    timeout: deps.timeoutMs ?? 30_000,
    nowIso: () => deps.clock.now().toISOString(),
  };
}

export const SIGNATURE_HEADER = 'x-cchc-signature';
export const CONNECTION_HEADER = 'x-cchc-connection';
export const TOKEN_PREFIX = 'cchc1';

/** "cchc1.<connection id>.<secret>" → its parts; null when it is not one. */
export function parseToken(token: string): { connectionId: number; secret: string } | null {
  const m = /^cchc1\.(\d{1,12})\.([A-Za-z0-9_-]{32,128})$/.exec(token.trim());
  return m ? { connectionId: Number(m[1]), secret: m[2]! } : null;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function normaliseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new AppError(
      'VALIDATION',
      'Địa chỉ hệ thống cấp trên không hợp lệ (cần dạng https://cchc.donvi.gov.vn).',
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new AppError('VALIDATION', 'Địa chỉ hệ thống cấp trên phải bắt đầu bằng https:// hoặc http://.');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

export async function readableUnit(ctx: ExchangeContext, actor: Actor, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(ctx.db, unitId);
  if (!unit || !policy.readUnit(actor, unit.path)) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

export async function audit(
  ctx: ExchangeContext,
  tx: Q,
  caller: Caller,
  unitId: number,
  entity: string,
  entityId: number | null,
  action: string,
  after: unknown,
) {
  await insertAudit(tx, {
    unitId,
    userId: callerUserId(caller),
    entity,
    entityId,
    action,
    after,
    at: ctx.nowIso(),
  });
}

export interface PostResult {
  status: number;
  json: unknown;
  text: string;
}

/** One POST to a superior's server; a network failure is status 0 with its message as text. */
export async function post(
  ctx: ExchangeContext,
  url: string,
  body: Uint8Array | string,
  headers: Record<string, string>,
): Promise<PostResult> {
  try {
    const res = await ctx.http(url, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : Buffer.from(body),
      signal: AbortSignal.timeout(ctx.timeout),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json, text };
  } catch (e) {
    return { status: 0, json: null, text: (e as Error).message };
  }
}

export function errorMessage(r: PostResult): string {
  const m = (r.json as { error?: { message?: string } } | null)?.error?.message;
  if (r.status === 0) return `Không kết nối được máy chủ cấp trên (${r.text}).`;
  return m ? `${r.status}: ${m}` : `${r.status}: ${r.text.slice(0, 300)}`;
}
