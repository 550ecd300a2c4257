import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../db/database.js';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import {
  appliedMigrations,
  countRows,
  deleteAll,
  describeTables,
  insertRows,
  readRows,
  resetSequence,
  updateColumn,
} from './repository.js';
import type { TableInfo } from './repository.js';

/**
 * `cchc backup FILE` / `cchc restore FILE` (ADR 008): every table of the database, the stored files
 * with them (files live in `file_blob`, ADR 002), in one portable file — gzip'd JSON lines, one
 * header, then per table its columns and its rows — readable into either dialect. The backup is a
 * consistent snapshot: SQLite's online backup into a temporary file, read from there; PostgreSQL a
 * read-only REPEATABLE READ transaction.
 */
export const BACKUP_FORMAT = 'cchc-backup';
const PAGE = 2000;

type Line =
  | { format: string; version: number; createdAt: string; dialect: string; migrations: string[] }
  | { table: string; columns: string[] }
  | { rows: unknown[][] }
  | { end: string; count: number };

/** A value as JSON: bytes tagged as base64, 64-bit integers (strings on PostgreSQL) as numbers. */
function encode(v: unknown, type: string): unknown {
  if (v instanceof Uint8Array) return { $b64: Buffer.from(v).toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && (type === 'int8' || type === 'bigint')) return Number(v);
  return v;
}
function decode(v: unknown): unknown {
  if (v && typeof v === 'object' && '$b64' in v)
    return Buffer.from(String((v as { $b64: string }).$b64), 'base64');
  return v;
}

/** Tables in an order where every referenced table comes first (self-references aside). */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const r of t.references) {
      const dep = byName.get(r.table);
      if (dep && dep.name !== t.name) visit(dep, path);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set());
  return out;
}

/** Every table's rows, in dependency order, as encoded arrays (`onTable` per table, `onRows` per page). */
async function readAll(
  db: Kysely<never>,
  dialect: Db['dialect'],
  on: {
    table: (t: TableInfo) => Promise<void> | void;
    rows: (t: TableInfo, rows: unknown[][]) => Promise<void> | void;
    end: (t: TableInfo, count: number) => Promise<void> | void;
  },
): Promise<void> {
  for (const t of dependencyOrder(await describeTables(db, dialect))) {
    await on.table(t);
    let count = 0;
    let lastId: number | null = null;
    for (;;) {
      const rows = await readRows(db, t, { lastId, offset: count }, PAGE);
      if (rows.length === 0) break;
      await on.rows(
        t,
        rows.map((r) => t.columns.map((c) => encode(r[c.name], c.type))),
      );
      count += rows.length;
      lastId = Number(rows[rows.length - 1]!.id ?? 0);
      if (rows.length < PAGE) break;
    }
    await on.end(t, count);
  }
}

/** In a consistent snapshot of `db`: a PostgreSQL read-only repeatable-read transaction, or a SQLite copy. */
async function withSnapshot<T>(
  db: Db,
  fn: (q: Kysely<never>, dialect: Db['dialect']) => Promise<T>,
): Promise<T> {
  if (db.dialect === 'postgres')
    return db.kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((tx) => fn(tx as unknown as Kysely<never>, 'postgres'));
  if (!db.sqlite) throw new Error('SQLite handle missing');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-backup-'));
  const copy = path.join(dir, 'snapshot.sqlite');
  try {
    await db.sqlite.backup(copy);
    const snap = openDatabase({ dialect: 'sqlite', file: copy });
    try {
      return await fn(snap.kysely as unknown as Kysely<never>, 'sqlite');
    } finally {
      await snap.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes a backup of the whole database to `file`; returns the row count per table. */
export async function backupDatabase(
  db: Db,
  file: string,
  now = new Date(),
): Promise<Record<string, number>> {
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file);
  gzip.pipe(out);
  const write = async (line: Line) => {
    if (!gzip.write(JSON.stringify(line) + '\n')) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  await withSnapshot(db, async (q, dialect) => {
    await write({
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: now.toISOString(),
      dialect,
      migrations: await appliedMigrations(q),
    });
    await readAll(q, dialect, {
      table: (t) => write({ table: t.name, columns: t.columns.map((c) => c.name) }),
      rows: (_t, rows) => write({ rows }),
      end: (t, count) => {
        counts[t.name] = count;
        return write({ end: t.name, count });
      },
    });
  });
  gzip.end();
  await once(out, 'finish');
  return counts;
}

/** Every table's rows, encoded as in a backup and sorted: what a comparison of two databases reads. */
export async function dumpDatabase(db: Db): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  await withSnapshot(db, (q, dialect) =>
    readAll(q, dialect, {
      table: (t) => void out.set(t.name, []),
      rows: (t, rows) => void out.get(t.name)!.push(...rows.map((r) => JSON.stringify(r))),
      end: (t) => void out.get(t.name)!.sort(),
    }),
  );
  return out;
}

export class RestoreError extends Error {}

/**
 * Restores a backup into `db`, which must hold no data of its own (a new database: the migrations'
 * shipped rows are replaced). Checks the format and that both sides have the same migrations;
 * all in one transaction.
 */
export async function restoreDatabase(db: Db, file: string): Promise<Record<string, number>> {
  await migrateToLatest(db);
  const q = db.kysely as unknown as Kysely<never>;
  if ((await countRows(q, 'unit')) > 0)
    throw new RestoreError(
      'Cơ sở dữ liệu đích đã có dữ liệu (đơn vị): chỉ khôi phục vào một cơ sở dữ liệu mới, trống.',
    );
  const tables = new Map((await describeTables(q, db.dialect)).map((t) => [t.name, t]));
  const ours = await appliedMigrations(q);
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const counts: Record<string, number> = {};
  await db.kysely.transaction().execute(async (trx) => {
    const tx = trx as unknown as Kysely<never>;
    let header = false;
    let current: {
      t: TableInfo;
      columns: string[];
      selfRefs: string[];
      later: { key: Record<string, unknown>; column: string; value: unknown }[];
    } | null = null;
    const cleared = new Set<string>();
    for await (const raw of lines) {
      if (!raw.trim()) continue;
      const line = JSON.parse(raw) as Line;
      if (!header) {
        if (!('format' in line) || line.format !== BACKUP_FORMAT)
          throw new RestoreError('Tệp không phải bản sao lưu của cchc.');
        if (JSON.stringify(line.migrations) !== JSON.stringify(ours))
          throw new RestoreError(
            `Bản sao lưu có các bước cấu trúc (migration) khác với phiên bản này: ${line.migrations.join(', ')}. Hãy khôi phục bằng đúng phiên bản đã sao lưu.`,
          );
        header = true;
        // The migrations' shipped rows give way to the backup's, children first.
        for (const t of dependencyOrder([...tables.values()]).reverse()) {
          await deleteAll(tx, t.name);
          cleared.add(t.name);
        }
        continue;
      }
      if ('table' in line) {
        const t = tables.get(line.table);
        if (!t) throw new RestoreError(`Bảng ${line.table} không có trong phiên bản này.`);
        // A row may point at a row of its own table that comes later (a unit moved under a newer
        // one): such columns are written after the whole table.
        current = {
          t,
          columns: line.columns,
          selfRefs: t.references.filter((r) => r.table === t.name).map((r) => r.column),
          later: [],
        };
      } else if ('rows' in line && current) {
        const c = current;
        const rows = line.rows.map((arr) => {
          const row: Record<string, unknown> = {};
          c.columns.forEach((name, i) => (row[name] = decode(arr[i])));
          for (const col of c.selfRefs)
            if (row[col] !== null && row[col] !== undefined) {
              c.later.push({
                key: Object.fromEntries(c.t.primaryKey.map((k) => [k, row[k]])),
                column: col,
                value: row[col],
              });
              row[col] = null;
            }
          return row;
        });
        for (let i = 0; i < rows.length; i += 200) await insertRows(tx, c.t.name, rows.slice(i, i + 200));
      } else if ('end' in line && current) {
        for (const l of current.later) await updateColumn(tx, current.t.name, l.key, l.column, l.value);
        const id = current.t.columns.find((col) => col.name === 'id');
        if (db.dialect === 'postgres' && id && /^int/.test(id.type) && current.t.primaryKey.join() === 'id')
          await resetSequence(tx, current.t.name);
        counts[line.end] = line.count;
        current = null;
      }
    }
    if (!header) throw new RestoreError('Tệp sao lưu rỗng.');
  });
  return counts;
}
