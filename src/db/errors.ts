/**
 * The database errors that concurrent use produces, recognised on both databases. The HTTP layer
 * maps them centrally (src/http/errors.ts), so a constraint that catches a race answers 409 with a
 * Vietnamese message, never a 500.
 */

/** A unique constraint refused a row: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  return (
    err.code === '23505' ||
    err.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    (typeof err.message === 'string' && err.message.includes('UNIQUE constraint failed'))
  );
}

/**
 * The database gave up on a transaction because of another one: PostgreSQL serialization failure
 * (40001) or deadlock (40P01); SQLite still busy after the busy timeout.
 */
export function isContention(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === '40001' || code === '40P01' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
}
