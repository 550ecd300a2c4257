/**
 * State two server processes must share (issue 10, ADR 008): configuration rules, rate-limit
 * counters in the database and in Redis, a PAKN challenge issued by one instance and used up for
 * all, the transparency cache dropped everywhere, and `FOR UPDATE` dropped on SQLite.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { PG_URL, REQUIRE_ALL, freshPostgres, freshSqlite, postgresAvailable } from '../support/db.js';
import type { TestDb } from '../support/db.js';
import { createUnit, makeApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';

const pgReady = await postgresAvailable();

describe('configuration of several processes', () => {
  it('refuses several workers on SQLite and without a shared secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', CCHC_WORKERS: '2' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', CCHC_WORKERS: '2' })).toThrow(
      /SQLite chỉ phục vụ một tiến trình/,
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'test', CCHC_WORKERS: '2', DATABASE_URL: 'postgres://h/db' }),
    ).toThrow(/CCHC_SECRET: bắt buộc/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CCHC_SECRET: bắt buộc/);
    expect(() => loadConfig({ NODE_ENV: 'test', CCHC_SECRET: 'ngắn' })).toThrow(/ít nhất 32 ký tự/);
    const secret = 'x'.repeat(40);
    expect(
      loadConfig({
        NODE_ENV: 'test',
        CCHC_WORKERS: '3',
        DATABASE_URL: 'postgres://h/db',
        CCHC_SECRET: secret,
      }),
    ).toMatchObject({ workers: 3, secret });
  });
});

describe('SQLite drops row locks it does not need', () => {
  it('runs a SELECT … FOR UPDATE inside a transaction on SQLite', async () => {
    const t = await freshSqlite();
    const rows = await t.db.kysely
      .transaction()
      .execute((tx) => tx.selectFrom('unit').select('id').forUpdate().execute());
    expect(rows).toEqual([]);
    await t.drop();
  });
});

describe.skipIf(!pgReady && !REQUIRE_ALL)('two app instances on one PostgreSQL database', () => {
  let tdb: TestDb;
  let url: string;
  const apps: TestApp[] = [];
  const extra: { close: () => Promise<void> }[] = [];
  beforeAll(async () => {
    tdb = await freshPostgres();
    const name = (await sql<{ n: string }>`select current_database() as n`.execute(tdb.db.kysely)).rows[0]!.n;
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    for (const a of apps) await a.app.close();
    for (const e of extra) await e.close();
    await tdb.drop();
  });
  /** Another process: its own pool on the same database, its own app. */
  async function instance(config: Parameters<typeof makeApp>[1] = {}) {
    const db = openDatabase({ dialect: 'postgres', url });
    extra.push(db);
    const a = await makeApp(db, config);
    apps.push(a);
    return a;
  }

  for (const store of ['database', 'Redis'] as const)
    it(`counts one address's hits across both instances (${store})`, async () => {
      const cfg = {
        config: {
          publicRateLimit: 3,
          ...(store === 'Redis' ? { redisUrl: 'redis://127.0.0.1:6379/0' } : {}),
        },
        // A unique key prefix per run (never FLUSHALL a shared Redis).
        redisKeyPrefix: `cchc-test-${randomBytes(6).toString('hex')}:`,
      };
      const [x, y] = [await instance(cfg), await instance(cfg)];
      const get = (t: TestApp) =>
        t.app.inject({ method: 'GET', url: '/api/public/dossiers/KHONG-CO-MA-NAY' });
      const statuses = [];
      for (const t of [x, y, x, y]) statuses.push((await get(t)).statusCode);
      // Three hits allowed per minute in all, wherever they land: the fourth is refused.
      expect(statuses).toEqual([404, 404, 404, 429]);
    });

  it('accepts at one instance a challenge issued by the other, once', async () => {
    const [a, b] = [await instance(), await instance()];
    const c = await a.services.feedback.issueChallenge();
    const [x, y] = c.question.split(/[+=]/).map((s) => Number(s.trim()));
    const answer = String(x! + y!);
    // Answered too fast on purpose is refused by both; the signature itself is checked first.
    await expect(b.services.feedback.checkChallenge(`${c.token}x`, answer)).rejects.toMatchObject({
      code: 'FEEDBACK_CHALLENGE',
    });
    await new Promise((r) => setTimeout(r, 2_100));
    await expect(b.services.feedback.checkChallenge(c.token, answer)).resolves.toBeUndefined();
    await expect(a.services.feedback.checkChallenge(c.token, answer)).rejects.toMatchObject({
      code: 'FEEDBACK_CHALLENGE',
    });
  });

  it('drops the transparency cache of the other instance after a change', async () => {
    const [a, b] = [await instance(), await instance()];
    const unit = await createUnit(a);
    const first = await b.services.transparency.get(unit.code);
    expect(await b.services.transparency.get(unit.code)).toBe(first);
    await a.services.transparency.invalidate();
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await b.services.transparency.get(unit.code)).not.toBe(first);
  });
});
