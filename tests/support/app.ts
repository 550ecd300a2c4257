import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import type { Clock } from '../../src/lib/clock.js';
import type { Role } from '../../src/modules/auth/roles.js';
import type { UnitKind } from '../../src/modules/units/kinds.js';
import { findUnitById, insertUnit } from '../../src/modules/units/repository.js';
import type { Services } from '../../src/services.js';

export const TEST_PASSWORD = 'mat-khau-thu-123';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  // Tests sign in many accounts from one address: the per-address login limit is raised (a test of
  // that limit sets it back); the per-account pause after failed logins stays as configured.
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CCHC_LOGIN_RATE_LIMIT: '1000' }),
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  db: Db;
}

export async function makeApp(
  db: Db,
  opts: { config?: Partial<AppConfig>; clock?: Clock; redisKeyPrefix?: string } = {},
): Promise<TestApp> {
  const { app, services } = await buildApp({
    config: testConfig(opts.config),
    db,
    logger: false,
    ...(opts.redisKeyPrefix ? { redisKeyPrefix: opts.redisKeyPrefix } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  await app.ready();
  return { app, services, db };
}

let seq = 0;
/** A unique suffix so that each test builds its own units (tenants) instead of truncating. */
export const uniq = (): string => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

export async function createUnit(
  t: TestApp,
  opts: { name?: string; code?: string; kind?: UnitKind; parentId?: number | null } = {},
) {
  const now = new Date().toISOString();
  const parent = opts.parentId ? await findUnitById(t.db.kysely, opts.parentId) : undefined;
  return insertUnit(
    t.db.kysely,
    {
      code: opts.code ?? `U${uniq()}`,
      name: opts.name ?? `Đơn vị thử ${uniq()}`,
      kind: opts.kind ?? 'school',
      parent_id: parent?.id ?? null,
      superior_name: parent?.name ?? null,
      created_at: now,
      updated_at: now,
      archived_at: null,
    },
    parent?.path ?? '/',
  );
}

export async function createUser(
  t: TestApp,
  unitId: number,
  roles: Role[],
  username = `u${uniq().toLowerCase()}`,
) {
  return t.services.users.create(null, {
    unitId,
    username,
    fullName: `Người dùng ${username}`,
    roles,
    password: TEST_PASSWORD,
  });
}

/** Logs in and returns the session cookie header for later requests. */
export async function login(t: TestApp, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cchc_session');
  if (!cookie) throw new Error('no session cookie');
  return `cchc_session=${cookie.value}`;
}

export async function userWithSession(t: TestApp, unitId: number, roles: Role[]) {
  const user = await createUser(t, unitId, roles);
  return { user, cookie: await login(t, user.username) };
}

export function json<T = unknown>(res: LightMyRequestResponse): T {
  return res.json<T>();
}

/** Builds a multipart/form-data body by hand for app.inject. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { field: string; filename: string; content: Uint8Array | string; contentType?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----cchc${uniq()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(typeof file.content === 'string' ? Buffer.from(file.content) : Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
