import type { Insertable, Updateable } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type {
  ExchangeConnectionRow,
  ExchangeConnectionTable,
  ExchangeInboxRow,
  ExchangeInboxTable,
  ExchangeLinkRow,
  ExchangeLinkTable,
  ExchangeOutboxRow,
  ExchangeOutboxTable,
} from '../../db/tables.js';
import type { Q } from '../../db/types.js';

// ---------------------------------------------------------------------------------------------
// Unit side: the link to the superior's server and the outbox

export async function activeLink(db: Q, unitId: number): Promise<ExchangeLinkRow | undefined> {
  return db
    .selectFrom('exchange_link')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('disconnected_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function findLink(db: Q, id: number): Promise<ExchangeLinkRow | undefined> {
  return db.selectFrom('exchange_link').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLink(db: Q, v: Insertable<ExchangeLinkTable>): Promise<ExchangeLinkRow> {
  return db.insertInto('exchange_link').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function disconnectLinks(db: Q, unitId: number, at: string, by: number | null): Promise<void> {
  await db
    .updateTable('exchange_link')
    .set({ disconnected_at: at, disconnected_by: by })
    .where('unit_id', '=', unitId)
    .where('disconnected_at', 'is', null)
    .execute();
}

export async function insertOutbox(db: Q, v: Insertable<ExchangeOutboxTable>): Promise<ExchangeOutboxRow> {
  return db.insertInto('exchange_outbox').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function findOutbox(db: Q, id: number): Promise<ExchangeOutboxRow | undefined> {
  return db.selectFrom('exchange_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function outboxOfSubmission(
  db: Q,
  submissionId: number,
): Promise<ExchangeOutboxRow | undefined> {
  return db
    .selectFrom('exchange_outbox')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function listOutbox(db: Q, unitId: number, limit = 50): Promise<ExchangeOutboxRow[]> {
  return db
    .selectFrom('exchange_outbox')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function updateOutbox(db: Q, id: number, v: Updateable<ExchangeOutboxTable>): Promise<void> {
  await db.updateTable('exchange_outbox').set(v).where('id', '=', id).execute();
}

/**
 * Claims up to `limit` packages due for an attempt: pending, their next attempt due, not leased by
 * a live attempt, their link still connected. On PostgreSQL the rows are locked with SKIP LOCKED so
 * that two processes never send the same package at once; SQLite has one writer.
 */
export async function claimDue(
  db: Q,
  dialect: Dialect,
  o: { now: string; leaseUntil: string; token: string; limit: number },
): Promise<ExchangeOutboxRow[]> {
  return db
    .updateTable('exchange_outbox')
    .set({ lease_until: o.leaseUntil, lease_token: o.token })
    .where('id', 'in', (eb) => {
      const q = eb
        .selectFrom('exchange_outbox')
        .innerJoin('exchange_link', 'exchange_link.id', 'exchange_outbox.link_id')
        .select('exchange_outbox.id')
        .where('exchange_outbox.state', '=', 'pending')
        .where('exchange_outbox.next_attempt_at', '<=', o.now)
        .where('exchange_link.disconnected_at', 'is', null)
        .where((w) =>
          w.or([w('exchange_outbox.lease_until', 'is', null), w('exchange_outbox.lease_until', '<', o.now)]),
        )
        .orderBy('exchange_outbox.next_attempt_at')
        .limit(o.limit);
      return dialect === 'postgres' ? q.forUpdate('exchange_outbox').skipLocked() : q;
    })
    .returningAll()
    .execute();
}

/** Records an attempt's outcome, unless another process took the row over since. */
export async function finishAttempt(
  db: Q,
  id: number,
  token: string,
  v: Updateable<ExchangeOutboxTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('exchange_outbox')
    .set({ ...v, lease_until: null, lease_token: null })
    .where('id', '=', id)
    .where('lease_token', '=', token)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---------------------------------------------------------------------------------------------
// Superior side: connections and the inbox

export async function insertConnection(
  db: Q,
  v: Insertable<ExchangeConnectionTable>,
): Promise<ExchangeConnectionRow> {
  return db.insertInto('exchange_connection').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function findConnection(db: Q, id: number): Promise<ExchangeConnectionRow | undefined> {
  return db.selectFrom('exchange_connection').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateConnection(
  db: Q,
  id: number,
  v: Updateable<ExchangeConnectionTable>,
): Promise<void> {
  await db.updateTable('exchange_connection').set(v).where('id', '=', id).execute();
}

export async function revokeConnectionsOfUnit(db: Q, unitId: number, at: string, by: number): Promise<void> {
  await db
    .updateTable('exchange_connection')
    .set({ revoked_at: at, revoked_by: by })
    .where('unit_id', '=', unitId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The connections issued for units in a subtree, with the unit's code and name. */
export async function listConnections(db: Q, path: string) {
  return db
    .selectFrom('exchange_connection')
    .innerJoin('unit', 'unit.id', 'exchange_connection.unit_id')
    .selectAll('exchange_connection')
    .select(['unit.code as unit_code', 'unit.name as unit_name', 'unit.path as unit_path'])
    .where('unit.path', 'like', `${path}%`)
    .orderBy('exchange_connection.id', 'desc')
    .execute();
}

export async function findInboxByPackage(db: Q, packageId: string): Promise<ExchangeInboxRow | undefined> {
  return db.selectFrom('exchange_inbox').selectAll().where('package_id', '=', packageId).executeTakeFirst();
}

export async function insertInbox(db: Q, v: Insertable<ExchangeInboxTable>): Promise<ExchangeInboxRow> {
  return db.insertInto('exchange_inbox').values(v).returningAll().executeTakeFirstOrThrow();
}

/** What came in for units of a subtree, newest first. */
export async function listInbox(db: Q, path: string, limit = 50) {
  return db
    .selectFrom('exchange_inbox')
    .innerJoin('unit', 'unit.id', 'exchange_inbox.unit_id')
    .selectAll('exchange_inbox')
    .select(['unit.code as unit_code', 'unit.name as unit_name'])
    .where('unit.path', 'like', `${path}%`)
    .orderBy('exchange_inbox.id', 'desc')
    .limit(limit)
    .execute();
}

/** The last package received for a report (its bytes, byte for byte). */
export async function lastInboxOfReport(db: Q, reportId: number): Promise<ExchangeInboxRow | undefined> {
  return db
    .selectFrom('exchange_inbox')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Which of these reports were received from units' own servers. */
export async function reportsReceived(db: Q, reportIds: readonly number[]): Promise<Set<number>> {
  if (reportIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('exchange_inbox')
    .select('report_id')
    .distinct()
    .where('report_id', 'in', [...reportIds])
    .execute();
  return new Set(rows.map((r) => r.report_id));
}
