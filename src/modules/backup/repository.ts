import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/database.js';

/**
 * Table-level access for backup and restore (ADR 008): the tables, their columns and foreign keys
 * as the database describes them, rows in primary-key order, bulk inserts, sequences. Works on any
 * table, so a new migration's tables are backed up without a change here.
 */
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
const any = (db: Kysely<never>) => db as unknown as AnyDb;

export interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
  primaryKey: string[];
  /** Foreign keys: column → referenced table. */
  references: { column: string; table: string }[];
}

const INTERNAL = /^(kysely_|sqlite_)/;

export async function describeTables(db: Kysely<never>, dialect: Dialect): Promise<TableInfo[]> {
  const tables = (await db.introspection.getTables()).filter((t) => !INTERNAL.test(t.name) && !t.isView);
  const out: TableInfo[] = [];
  for (const t of tables) {
    let primaryKey: string[];
    let references: { column: string; table: string }[];
    if (dialect === 'sqlite') {
      const info = await sql<{
        name: string;
        pk: number;
      }>`select name, pk from pragma_table_info(${t.name})`.execute(db);
      primaryKey = info.rows
        .filter((r) => r.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((r) => r.name);
      const fks = await sql<{
        from: string;
        table: string;
      }>`select "from", "table" from pragma_foreign_key_list(${t.name})`.execute(db);
      references = fks.rows.map((r) => ({ column: r.from, table: r.table }));
    } else {
      const pk = await sql<{ column_name: string }>`
        select a.attname as column_name from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${t.name}::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`.execute(
        db,
      );
      primaryKey = pk.rows.map((r) => r.column_name);
      const fks = await sql<{ column: string; table: string }>`
        select kcu.column_name as "column", ccu.table_name as "table"
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_name = ${t.name} and tc.table_schema = current_schema()`.execute(
        db,
      );
      references = fks.rows;
    }
    out.push({
      name: t.name,
      columns: t.columns.map((c) => ({ name: c.name, type: c.dataType.toLowerCase() })),
      primaryKey,
      references,
    });
  }
  return out;
}

/** One page of a table's rows in primary-key order (keyset on a single integer key, else offset). */
export async function readRows(
  db: Kysely<never>,
  t: TableInfo,
  after: { lastId: number | null; offset: number },
  limit: number,
): Promise<Record<string, unknown>[]> {
  let q = any(db).selectFrom(t.name).selectAll();
  const single = t.primaryKey.length === 1 && t.primaryKey[0] === 'id';
  if (single && after.lastId !== null) q = q.where('id', '>', after.lastId);
  for (const k of t.primaryKey.length > 0 ? t.primaryKey : t.columns.map((c) => c.name)) q = q.orderBy(k);
  q = q.limit(limit);
  if (!single) q = q.offset(after.offset);
  return q.execute();
}

export async function insertRows(
  db: Kysely<never>,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length > 0) await any(db).insertInto(table).values(rows).execute();
}

export async function updateColumn(
  db: Kysely<never>,
  table: string,
  key: Record<string, unknown>,
  column: string,
  value: unknown,
): Promise<void> {
  let q = any(db)
    .updateTable(table)
    .set({ [column]: value });
  for (const [k, v] of Object.entries(key)) q = q.where(k, '=', v);
  await q.execute();
}

export async function deleteAll(db: Kysely<never>, table: string): Promise<void> {
  await any(db).deleteFrom(table).execute();
}

export async function countRows(db: Kysely<never>, table: string): Promise<number> {
  const r = await any(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** PostgreSQL: moves a table's `id` sequence past the restored rows. */
export async function resetSequence(db: Kysely<never>, table: string): Promise<void> {
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
    db,
  );
}

export async function appliedMigrations(db: Kysely<never>): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return r.rows.map((x) => x.name);
}
