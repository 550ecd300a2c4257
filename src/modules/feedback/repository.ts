import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type {
  FeedbackEventRow,
  FeedbackRow,
  FeedbackSettingsTable,
  FeedbackTable,
  FeedbackTemplateRow,
} from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

export type FeedbackWithScope = FeedbackRow & {
  unit_path: string;
  unit_code: string;
  unit_name: string;
  assignee_name: string | null;
};

const withScope = (db: Q) =>
  db
    .selectFrom('feedback')
    .innerJoin('unit', 'unit.id', 'feedback.unit_id')
    .leftJoin('app_user as assignee', 'assignee.id', 'feedback.assignee_id')
    .selectAll('feedback')
    .select([
      'unit.path as unit_path',
      'unit.code as unit_code',
      'unit.name as unit_name',
      'assignee.full_name as assignee_name',
    ]);

export async function findFeedback(db: Q, id: number): Promise<FeedbackWithScope | undefined> {
  return withScope(db).where('feedback.id', '=', id).executeTakeFirst();
}

export async function findFeedbackByToken(db: Q, hash: string): Promise<FeedbackWithScope | undefined> {
  return withScope(db).where('feedback.tracking_token_hash', '=', hash).executeTakeFirst();
}

export async function insertFeedback(db: Q, v: Insertable<FeedbackTable>): Promise<FeedbackRow> {
  return db.insertInto('feedback').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateFeedback(
  db: Q,
  id: number,
  v: Partial<Insertable<FeedbackTable>>,
): Promise<void> {
  await db.updateTable('feedback').set(v).where('id', '=', id).execute();
}

/** The feedback row's state under a row lock, for a workflow step's read-modify-write (ADR 008). */
export async function lockFeedback(
  db: Q,
  id: number,
): Promise<{ status: string; updated_at: string } | undefined> {
  return db
    .selectFrom('feedback')
    .select(['status', 'updated_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertFeedbackEvent(db: Q, v: Omit<FeedbackEventRow, 'id'>): Promise<void> {
  await db.insertInto('feedback_event').values(v).execute();
}

export async function listFeedbackEvents(db: Q, feedbackId: number) {
  return db
    .selectFrom('feedback_event')
    .leftJoin('app_user', 'app_user.id', 'feedback_event.actor_id')
    .selectAll('feedback_event')
    .select('app_user.full_name as actor_name')
    .where('feedback_id', '=', feedbackId)
    .orderBy('feedback_event.at')
    .orderBy('feedback_event.id')
    .execute();
}

export interface FeedbackFilter {
  path: string;
  unitId?: number | undefined;
  status?: string | undefined;
  /** open: a deadline runs; overdue: past it at `now`; closed: nothing left to do. */
  state?: 'open' | 'overdue' | 'closed' | undefined;
  now: string;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export async function listFeedback(db: Q, f: FeedbackFilter): Promise<FeedbackWithScope[]> {
  let q = withScope(db).where('unit.path', 'like', `${f.path}%`);
  if (f.unitId !== undefined) q = q.where('feedback.unit_id', '=', f.unitId);
  if (f.status) q = q.where('feedback.status', '=', f.status);
  if (f.state === 'open') q = q.where('feedback.due_at', 'is not', null);
  if (f.state === 'overdue') q = q.where('feedback.due_at', '<', f.now);
  if (f.state === 'closed') q = q.where('feedback.due_at', 'is', null);
  if (f.search) {
    const s = `%${f.search}%`;
    q = q.where((eb) =>
      eb.or([
        eb('feedback.code', 'like', s),
        eb('feedback.title', 'like', s),
        eb('feedback.external_code', 'like', s),
      ]),
    );
  }
  const ordered =
    f.state === 'open' || f.state === 'overdue'
      ? q.orderBy('feedback.due_at', 'asc')
      : q.orderBy('feedback.received_at', 'desc');
  return ordered.orderBy('feedback.id', 'desc').limit(f.limit).offset(f.offset).execute();
}

/** Published answers (not withdrawn), newest first; `folded` searches the folded text. */
export async function listPublished(
  db: Q,
  f: { folded?: string | undefined; unitId?: number | undefined; limit: number; offset: number },
) {
  let q = db
    .selectFrom('feedback')
    .innerJoin('unit', 'unit.id', 'feedback.unit_id')
    .select([
      'feedback.id',
      'feedback.code',
      'feedback.published_title',
      'feedback.published_content',
      'feedback.published_answer',
      'feedback.published_at',
      'feedback.received_at',
      'feedback.approved_at',
      'unit.name as unit_name',
    ])
    .where('feedback.status', '=', 'published');
  if (f.unitId !== undefined) q = q.where('feedback.unit_id', '=', f.unitId);
  if (f.folded)
    for (const word of f.folded.split(' ').filter(Boolean).slice(0, 8))
      q = q.where('feedback.search_text', 'like', `%${word}%`);
  return q
    .orderBy('feedback.published_at', 'desc')
    .orderBy('feedback.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

export async function insertAttachment(
  db: Q,
  v: {
    feedback_id: number;
    blob_id: number;
    filename: string;
    mime: string;
    size: number;
    created_at: string;
  },
): Promise<void> {
  await db.insertInto('feedback_attachment').values(v).execute();
}

export async function listAttachments(db: Q, feedbackId: number) {
  return db
    .selectFrom('feedback_attachment')
    .select(['id', 'filename', 'mime', 'size', 'blob_id', 'created_at'])
    .where('feedback_id', '=', feedbackId)
    .orderBy('id')
    .execute();
}

export async function listTemplates(db: Q, unitId: number): Promise<FeedbackTemplateRow[]> {
  return db
    .selectFrom('feedback_template')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('removed_at', 'is', null)
    .orderBy('title')
    .execute();
}

export async function findTemplate(db: Q, id: number): Promise<FeedbackTemplateRow | undefined> {
  return db.selectFrom('feedback_template').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTemplate(
  db: Q,
  v: Omit<FeedbackTemplateRow, 'id'>,
): Promise<FeedbackTemplateRow> {
  return db.insertInto('feedback_template').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateTemplate(
  db: Q,
  id: number,
  v: Partial<Omit<FeedbackTemplateRow, 'id'>>,
): Promise<void> {
  await db.updateTable('feedback_template').set(v).where('id', '=', id).execute();
}

export async function findSettings(db: Q, unitIds: number[]) {
  if (unitIds.length === 0) return [];
  return db.selectFrom('feedback_settings').selectAll().where('unit_id', 'in', unitIds).execute();
}

export async function upsertSettings(db: Q, v: FeedbackSettingsTable): Promise<void> {
  const found = await db
    .selectFrom('feedback_settings')
    .select('unit_id')
    .where('unit_id', '=', v.unit_id)
    .executeTakeFirst();
  if (found) await db.updateTable('feedback_settings').set(v).where('unit_id', '=', v.unit_id).execute();
  else await db.insertInto('feedback_settings').values(v).execute();
}

export async function logFeedbackAccess(
  db: Q,
  v: { userId: number; unitId: number; detail: string; at: string },
): Promise<void> {
  await db
    .insertInto('personal_data_access')
    .values({
      user_id: v.userId,
      unit_id: v.unitId,
      dossier_id: null,
      kind: 'view',
      detail: v.detail,
      at: v.at,
    })
    .execute();
}

export interface FeedbackCountsRow {
  total: number;
  received: number;
  notAccepted: number;
  forwarded: number;
  answered: number;
  answeredOnTime: number;
  published: number;
  publishedOnTime: number;
  open: number;
  overdue: number;
}

/**
 * Items received in [from, to] over a unit or its subtree. `received` counts the items the unit
 * handles itself (not refused, not sent elsewhere); answered = approved by `to`; published = still
 * published (a withdrawn answer no longer counts).
 */
export async function feedbackCountsSql(
  db: Q,
  scope: { path: string; unitId?: number | undefined },
  from: string,
  to: string,
  now: string,
): Promise<FeedbackCountsRow> {
  const one = (cond: ReturnType<typeof sql<boolean>>) =>
    sql<number>`sum(case when ${cond} then 1 else 0 end)`;
  const own = sql<boolean>`f.status not in ('not_accepted', 'to_forward', 'forwarded')`;
  const answered = sql<boolean>`f.approved_at is not null and f.approved_at <= ${to}`;
  const unitFilter =
    scope.unitId !== undefined
      ? sql`f.unit_id = ${scope.unitId}`
      : sql`f.unit_id in (select id from unit where path like ${`${scope.path}%`})`;
  const r = await sql<Record<string, string | number | null>>`select
      count(*) as total,
      ${one(own)} as received,
      ${one(sql`f.status = 'not_accepted'`)} as not_accepted,
      ${one(sql`f.status in ('to_forward', 'forwarded')`)} as forwarded,
      ${one(sql`${own} and ${answered}`)} as answered,
      ${one(sql`${own} and ${answered} and f.answered_on_time = 1`)} as answered_on_time,
      ${one(sql`${own} and ${answered} and f.status = 'published' and f.published_at <= ${to}`)} as published,
      ${one(sql`${own} and ${answered} and f.status = 'published' and f.published_at <= ${to} and f.publish_due_at is not null and f.published_at <= f.publish_due_at`)} as published_on_time,
      ${one(sql`f.due_at is not null`)} as open_items,
      ${one(sql`f.due_at is not null and f.due_at < ${now}`)} as overdue
    from feedback f where ${unitFilter} and f.received_at >= ${from} and f.received_at <= ${to}`.execute(db);
  const row = r.rows[0] ?? {};
  return {
    total: num(row.total),
    received: num(row.received),
    notAccepted: num(row.not_accepted),
    forwarded: num(row.forwarded),
    answered: num(row.answered),
    answeredOnTime: num(row.answered_on_time),
    published: num(row.published),
    publishedOnTime: num(row.published_on_time),
    open: num(row.open_items),
    overdue: num(row.overdue),
  };
}

/**
 * Feedback still being handled (not closed) per unit under `path`, and how many of those have
 * passed the deadline of the step they wait for — one grouped query, for the dashboards.
 */
export async function openFeedbackByUnit(db: Q, path: string, now: string) {
  const rows = await db
    .selectFrom('feedback')
    .innerJoin('unit', 'unit.id', 'feedback.unit_id')
    .select((eb) => [
      'feedback.unit_id',
      eb.fn.countAll<number | string>().as('open'),
      eb.fn
        .sum<number | string | null>(eb.case().when('feedback.due_at', '<', now).then(1).else(0).end())
        .as('overdue'),
    ])
    .where('unit.path', 'like', `${path}%`)
    .where('feedback.closed_at', 'is', null)
    .groupBy('feedback.unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, { open: num(r.open), overdue: num(r.overdue ?? 0) }]));
}
