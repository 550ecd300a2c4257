import type { Insertable } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { NotificationTable, OutboxRow, OutboxTable } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

/** Long IN lists are split: SQLite caps bound parameters, PostgreSQL plans short lists better. */
const CHUNK = 500;

async function chunked<T, R>(items: readonly T[], fn: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await fn(items.slice(i, i + CHUNK))));
  return out;
}

// ── Facts the sources read ──────────────────────────────────────────────────────────────────

/** Pending occurrences of live tasks in active plans of live units, due from `from` to `to`. */
export async function pendingOccurrencesDue(db: Q, from: string, to: string) {
  return db
    .selectFrom('task_occurrence')
    .innerJoin('task', 'task.id', 'task_occurrence.task_id')
    .innerJoin('plan', 'plan.id', 'task.plan_id')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .select([
      'task_occurrence.id as occurrence_id',
      'task_occurrence.due_date',
      'task_occurrence.label',
      'task.id as task_id',
      'task.code as task_code',
      'task.title as task_title',
      'unit.id as unit_id',
      'unit.name as unit_name',
    ])
    .where('task_occurrence.due_date', '>=', from)
    .where('task_occurrence.due_date', '<=', to)
    .where('task_occurrence.status', '=', 'pending')
    .where('task_occurrence.removed_at', 'is', null)
    .where('task.removed_at', 'is', null)
    .where('task.status', 'not in', ['done', 'not_applicable'])
    .where('plan.status', '=', 'active')
    .where('unit.archived_at', 'is', null)
    .orderBy('task_occurrence.id')
    .execute();
}

/** The active assignees of tasks. */
export async function activeAssigneesOf(
  db: Q,
  taskIds: readonly number[],
): Promise<{ task_id: number; user_id: number }[]> {
  return chunked([...new Set(taskIds)], (part) =>
    db
      .selectFrom('task_assignee')
      .innerJoin('app_user', 'app_user.id', 'task_assignee.user_id')
      .select(['task_assignee.task_id', 'task_assignee.user_id'])
      .where('task_assignee.task_id', 'in', part)
      .where('app_user.active', '=', 1)
      .execute(),
  );
}

/** The active users of units, with their roles (JSON text). */
export async function activeUsersOfUnits(
  db: Q,
  unitIds: readonly number[],
): Promise<{ id: number; unit_id: number; roles: string }[]> {
  return chunked([...new Set(unitIds)], (part) =>
    db
      .selectFrom('app_user')
      .select(['id', 'unit_id', 'roles'])
      .where('unit_id', 'in', part)
      .where('active', '=', 1)
      .orderBy('id')
      .execute(),
  );
}

/** Open dossiers, their clock running, with an appointment between two instants. */
export async function openDossiersWithAppointmentIn(db: Q, fromIso: string, toIso: string) {
  return db
    .selectFrom('dossier')
    .innerJoin('unit', 'unit.id', 'dossier.unit_id')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedure_id')
    .select([
      'dossier.id',
      'dossier.code',
      'dossier.unit_id',
      'dossier.appointment_at',
      'unit.name as unit_name',
      'procedure.name as procedure_name',
    ])
    .where('dossier.ended_at', 'is', null)
    .where('dossier.awaiting_supplement_since', 'is', null)
    .where('dossier.appointment_at', '>=', fromIso)
    .where('dossier.appointment_at', '<=', toIso)
    .where('unit.archived_at', 'is', null)
    .orderBy('dossier.id')
    .execute();
}

/** Open feedback items (PAKN) whose current step's deadline falls between two instants. */
export async function openFeedbackDueIn(db: Q, fromIso: string, toIso: string) {
  return db
    .selectFrom('feedback')
    .innerJoin('unit', 'unit.id', 'feedback.unit_id')
    .select([
      'feedback.id',
      'feedback.code',
      'feedback.title',
      'feedback.status',
      'feedback.unit_id',
      'feedback.assignee_id',
      'feedback.due_at',
      'unit.name as unit_name',
    ])
    .where('feedback.closed_at', 'is', null)
    .where('feedback.due_at', 'is not', null)
    .where('feedback.due_at', '>=', fromIso)
    .where('feedback.due_at', '<=', toIso)
    .where('unit.archived_at', 'is', null)
    .orderBy('feedback.id')
    .execute();
}

// ── The sweep ───────────────────────────────────────────────────────────────────────────────

export async function recipientsByIds(
  db: Q,
  ids: readonly number[],
): Promise<{ id: number; email: string | null; active: number }[]> {
  return chunked([...new Set(ids)], (part) =>
    db.selectFrom('app_user').select(['id', 'email', 'active']).where('id', 'in', part).execute(),
  );
}

export async function preferencesOfUsers(db: Q, userIds: readonly number[]) {
  return chunked([...new Set(userIds)], (part) =>
    db.selectFrom('notification_preference').selectAll().where('user_id', 'in', part).execute(),
  );
}

/** Which of these keys already have a message. */
export async function existingDedupeKeys(db: Q, keys: readonly string[]): Promise<Set<string>> {
  const rows = await chunked(keys, (part) =>
    db.selectFrom('outbox').select('dedupe_key').where('dedupe_key', 'in', part).execute(),
  );
  return new Set(rows.map((r) => r.dedupe_key));
}

export type NewOutbox = Insertable<OutboxTable>;

/**
 * Inserts messages, skipping any whose key exists (ON CONFLICT DO NOTHING on both databases), and
 * returns only the ones this call inserted: the caller that won a key is the only one that makes
 * its notification. Rows go in key order so that two processes inserting overlapping batches on
 * PostgreSQL wait on each other's keys in the same order (no deadlock).
 */
export async function insertMessagesOnce(
  db: Q,
  rows: readonly NewOutbox[],
): Promise<{ id: number; dedupe_key: string }[]> {
  if (rows.length === 0) return [];
  const sorted = [...rows].sort((a, b) =>
    a.dedupe_key < b.dedupe_key ? -1 : a.dedupe_key > b.dedupe_key ? 1 : 0,
  );
  const out: { id: number; dedupe_key: string }[] = [];
  for (let i = 0; i < sorted.length; i += 100) {
    const part = sorted.slice(i, i + 100);
    out.push(
      ...(await db
        .insertInto('outbox')
        .values(part)
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning(['id', 'dedupe_key'])
        .execute()),
    );
  }
  return out;
}

export async function insertNotifications(
  db: Q,
  rows: readonly Insertable<NotificationTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('notification')
      .values(rows.slice(i, i + 200))
      .execute();
}

/**
 * Claims up to `limit` e-mails to send: pending ones, and ones whose sender's lease ran out (a
 * process died mid-send). On PostgreSQL the candidate rows are locked with SKIP LOCKED, so two
 * processes never claim the same row; SQLite has one writer.
 */
export async function claimEmails(
  db: Q,
  dialect: Dialect,
  o: { now: string; leaseUntil: string; token: string; limit: number },
): Promise<OutboxRow[]> {
  return db
    .updateTable('outbox')
    .set((eb) => ({
      email_status: 'sending',
      lease_until: o.leaseUntil,
      claim_token: o.token,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', (eb) => {
      const q = eb
        .selectFrom('outbox')
        .select('id')
        .where((w) =>
          w.or([
            w('email_status', '=', 'pending'),
            w.and([w('email_status', '=', 'sending'), w('lease_until', '<', o.now)]),
          ]),
        )
        .orderBy('id')
        .limit(o.limit);
      return dialect === 'postgres' ? q.forUpdate().skipLocked() : q;
    })
    .returningAll()
    .execute();
}

/** Records the outcome of a claimed e-mail; a row re-claimed by another process is left to it. */
export async function finishEmail(
  db: Q,
  id: number,
  token: string,
  outcome: { status: 'sent'; at: string } | { status: 'pending' | 'failed'; error: string },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set(
      outcome.status === 'sent'
        ? {
            email_status: 'sent',
            sent_at: outcome.at,
            claim_token: null,
            lease_until: null,
            last_error: null,
          }
        : {
            email_status: outcome.status,
            claim_token: null,
            lease_until: null,
            last_error: outcome.error.slice(0, 1000),
          },
    )
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .execute();
}

// ── Notifications, preferences, outbox ──────────────────────────────────────────────────────

export async function listNotifications(
  db: Q,
  userId: number,
  o: { unreadOnly: boolean; limit: number; offset: number },
) {
  let q = db.selectFrom('notification').selectAll().where('user_id', '=', userId);
  if (o.unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('id', 'desc').limit(o.limit).offset(o.offset).execute();
}

export async function countUnread(db: Q, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return num(r?.n);
}

export async function findNotification(db: Q, id: number) {
  return db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markNotificationRead(db: Q, id: number, at: string): Promise<void> {
  await db
    .updateTable('notification')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
}

export async function markAllNotificationsRead(db: Q, userId: number, at: string): Promise<number> {
  const r = await db
    .updateTable('notification')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function listPreferences(db: Q, userId: number) {
  return db.selectFrom('notification_preference').selectAll().where('user_id', '=', userId).execute();
}

export async function upsertPreference(
  db: Q,
  row: { user_id: number; kind: string; email: number; in_app: number; updated_at: string },
): Promise<void> {
  await db
    .insertInto('notification_preference')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'kind'])
        .doUpdateSet({ email: row.email, in_app: row.in_app, updated_at: row.updated_at }),
    )
    .execute();
}

export interface OutboxFilter {
  path: string;
  unitId?: number | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  limit: number;
  offset: number;
}

function outboxQuery(db: Q, f: OutboxFilter) {
  let q = db
    .selectFrom('outbox')
    .innerJoin('unit', 'unit.id', 'outbox.unit_id')
    .where('unit.path', 'like', `${f.path}%`);
  if (f.unitId !== undefined) q = q.where('outbox.unit_id', '=', f.unitId);
  if (f.status) q = q.where('outbox.email_status', '=', f.status);
  if (f.kind) q = q.where('outbox.kind', '=', f.kind);
  return q;
}

/** Messages of units under `path` (or of one unit), newest first, with the recipient's name. */
export async function listOutbox(db: Q, f: OutboxFilter) {
  return outboxQuery(db, f)
    .leftJoin('app_user', 'app_user.id', 'outbox.user_id')
    .selectAll('outbox')
    .select(['unit.name as unit_name', 'app_user.full_name as recipient_name'])
    .orderBy('outbox.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

export async function countOutbox(db: Q, f: OutboxFilter): Promise<number> {
  const r = await outboxQuery(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return num(r?.n);
}
