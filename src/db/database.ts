import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.js';
import { ImmediateSqliteDialect, SqliteRowLockPlugin } from './sqlite-driver.js';
import type { Database } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The better-sqlite3 handle (SQLite only): its online backup API. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** SQLite: how long a write waits for another process's write lock (ADR 008). */
  busyTimeoutMs?: number;
  /** PostgreSQL: connections in the pool. */
  poolSize?: number;
}

/** Opens the database named by the configuration: the embedded SQLite file, or PostgreSQL. */
export function openDatabase(target: DatabaseTarget, opts: OpenOptions = {}): Db {
  if (target.dialect === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const native = new SQLite(target.file);
    native.pragma('journal_mode = WAL');
    native.pragma('foreign_keys = ON');
    native.pragma('synchronous = NORMAL');
    // Writes begin with BEGIN IMMEDIATE and wait for a busy lock without blocking the event loop.
    const kysely = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect(native, opts.busyTimeoutMs ?? 30_000),
      plugins: [new SqliteRowLockPlugin()],
    });
    return { kysely, dialect: 'sqlite', sqlite: native, close: () => kysely.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: opts.poolSize ?? 10 });
  // An idle connection that the server drops (restart, failover) is reported here; without a
  // listener it would crash the process. The pool replaces it on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL: kết nối bị đóng (${err.message})`));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
