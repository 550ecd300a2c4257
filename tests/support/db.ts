import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import type { Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const REQUIRE_ALL = process.env.CCHC_REQUIRE_ALL === '1';
export const PG_URL = process.env.CCHC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgAvailable: Promise<boolean> | null = null;

/**
 * Whether the PostgreSQL server for tests answers (asked once per test file). A refused connection
 * fails at once; the generous timeout is for a server slow to accept on a loaded machine (3 s
 * once reported PostgreSQL "unreachable" there, which `CCHC_REQUIRE_ALL=1` turns into failures).
 */
export function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 20_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgAvailable;
}

export interface TestDb {
  db: Db;
  drop(): Promise<void>;
  /** PostgreSQL: the database's URL, to open a second pool on it (another server process). */
  url?: string;
}

/** A fresh, migrated SQLite database in memory. */
export async function freshSqlite(): Promise<TestDb> {
  const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  return { db, drop: () => db.close() };
}

/** A fresh, migrated PostgreSQL database of its own, dropped afterwards. */
export async function freshPostgres(): Promise<TestDb> {
  const name = `cchc_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = openDatabase({ dialect: 'postgres', url: url.toString() });
  await migrateToLatest(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      // Let the closed pool's connections finish ending: forcing them would make their clients
      // emit errors after the test has let go of them.
      for (let i = 0; i < 50; i++) {
        const left = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if ((left.rows[0] as { n: number }).n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const pgReady = await postgresAvailable();
if (!pgReady) {
  const msg = `\n!!! PostgreSQL không kết nối được tại ${PG_URL}: các kiểm thử trên PostgreSQL bị BỎ QUA.\n!!! PostgreSQL is unreachable at ${PG_URL}: PostgreSQL integration tests are SKIPPED.\n`;
  console.warn(msg);
}

/**
 * Runs a suite on SQLite and on PostgreSQL. Without PostgreSQL the second is skipped loudly,
 * or fails under CCHC_REQUIRE_ALL=1.
 */
export function describeEachDb(title: string, body: (open: () => Promise<TestDb>) => void): void {
  describe(`${title} [SQLite]`, () => body(freshSqlite));
  if (pgReady) describe(`${title} [PostgreSQL]`, () => body(freshPostgres));
  else if (REQUIRE_ALL)
    describe(`${title} [PostgreSQL]`, () => {
      it('cần PostgreSQL (CCHC_REQUIRE_ALL=1)', () => {
        throw new Error(`PostgreSQL is required (CCHC_REQUIRE_ALL=1) but unreachable at ${PG_URL}`);
      });
    });
  else describe.skip(`${title} [PostgreSQL] (bỏ qua: không có PostgreSQL)`, () => body(freshPostgres));
}
