import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

/** A database handle or an open transaction: repositories accept either. */
export type Q = Kysely<Database>;

/** PostgreSQL returns count()/sum() as strings: one conversion for both databases. */
export function num(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export const flag = (b: boolean): number => (b ? 1 : 0);
