import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.js';
import type { Database } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

/** Opens the database named by the configuration: the embedded SQLite file, or PostgreSQL. */
export function openDatabase(target: DatabaseTarget): Db {
  if (target.dialect === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const native = new SQLite(target.file);
    native.pragma('journal_mode = WAL');
    native.pragma('foreign_keys = ON');
    native.pragma('busy_timeout = 5000');
    native.pragma('synchronous = NORMAL');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
    return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle connection that the server drops (restart, failover) is reported here; without a
  // listener it would crash the process. The pool replaces it on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL: kết nối bị đóng (${err.message})`));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
