import { sql } from 'kysely';
import type { ColumnDataType, Expression } from 'kysely';
import type { Dialect } from '../database.js';

/** What a migration needs to know to write the same schema on both databases. */
export interface MigrationContext {
  dialect: Dialect;
  /** Auto-increment integer primary key type. */
  id: ColumnDataType | Expression<unknown>;
  /** Binary data type. */
  blob: ColumnDataType | Expression<unknown>;
}

export function migrationContext(dialect: Dialect): MigrationContext {
  return dialect === 'postgres'
    ? { dialect, id: 'serial', blob: sql`bytea` }
    : { dialect, id: sql`integer`, blob: 'blob' };
}
