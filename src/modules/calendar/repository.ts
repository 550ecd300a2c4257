import type { CalendarScheduleRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

export async function listActiveSchedules(db: Q): Promise<CalendarScheduleRow[]> {
  return db.selectFrom('calendar_schedule').selectAll().where('status', '=', 'active').orderBy('year').execute();
}

export async function listScheduleVersions(db: Q, year: number): Promise<(CalendarScheduleRow & { author: string | null })[]> {
  return db
    .selectFrom('calendar_schedule')
    .leftJoin('app_user', 'app_user.id', 'calendar_schedule.created_by')
    .selectAll('calendar_schedule')
    .select('app_user.full_name as author')
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
}

/** Stores a new version of a year's schedule; the previous one is kept as superseded. */
export async function insertScheduleVersion(
  db: Q,
  v: { year: number; daysOff: unknown; workingDays: unknown; source: string | null; createdBy: number | null; at: string },
): Promise<CalendarScheduleRow> {
  const max = await db.selectFrom('calendar_schedule').select((eb) => eb.fn.max('version').as('v')).where('year', '=', v.year).executeTakeFirst();
  await db.updateTable('calendar_schedule').set({ status: 'superseded' }).where('year', '=', v.year).where('status', '=', 'active').execute();
  return db
    .insertInto('calendar_schedule')
    .values({
      year: v.year,
      version: num(max?.v) + 1,
      status: 'active',
      days_off_json: JSON.stringify(v.daysOff),
      working_days_json: JSON.stringify(v.workingDays),
      source: v.source,
      created_by: v.createdBy,
      created_at: v.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Calendar settings of the given units (a unit and its ancestors). */
export async function findUnitCalendars(db: Q, unitIds: number[]): Promise<{ unit_id: number; settings_json: string }[]> {
  if (unitIds.length === 0) return [];
  return db.selectFrom('unit_calendar').select(['unit_id', 'settings_json']).where('unit_id', 'in', unitIds).execute();
}

export async function upsertUnitCalendar(db: Q, unitId: number, settingsJson: string, by: number, at: string): Promise<void> {
  const existing = await db.selectFrom('unit_calendar').select('unit_id').where('unit_id', '=', unitId).executeTakeFirst();
  if (existing)
    await db.updateTable('unit_calendar').set({ settings_json: settingsJson, updated_by: by, updated_at: at }).where('unit_id', '=', unitId).execute();
  else await db.insertInto('unit_calendar').values({ unit_id: unitId, settings_json: settingsJson, updated_by: by, updated_at: at }).execute();
}

export async function insertFeed(db: Q, userId: number, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('calendar_feed').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  await db.insertInto('calendar_feed').values({ user_id: userId, token_hash: tokenHash, created_at: at, revoked_at: null }).execute();
}

export async function revokeFeeds(db: Q, userId: number, at: string): Promise<void> {
  await db.updateTable('calendar_feed').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function findActiveFeed(db: Q, tokenHash: string): Promise<{ user_id: number } | undefined> {
  return db.selectFrom('calendar_feed').select('user_id').where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function activeFeedOf(db: Q, userId: number): Promise<{ created_at: string } | undefined> {
  return db.selectFrom('calendar_feed').select('created_at').where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
}

/** Occurrences due in [from, to] of active plans of the units under `path`. */
export async function occurrencesDueIn(
  db: Q,
  path: string,
  from: string,
  to: string,
  opts: { assigneeId?: number; unitId?: number; pendingOnly?: boolean } = {},
) {
  let q = db
    .selectFrom('task_occurrence')
    .innerJoin('task', 'task.id', 'task_occurrence.task_id')
    .innerJoin('plan', 'plan.id', 'task.plan_id')
    .innerJoin('unit', 'unit.id', 'plan.unit_id')
    .select([
      'task_occurrence.id',
      'task_occurrence.key',
      'task_occurrence.due_date',
      'task_occurrence.label',
      'task_occurrence.deliverable',
      'task_occurrence.status',
      'task.id as task_id',
      'task.code as task_code',
      'task.title as task_title',
      'unit.id as unit_id',
      'unit.code as unit_code',
      'unit.name as unit_name',
    ])
    .where('unit.path', 'like', `${path}%`)
    .where('plan.status', '=', 'active')
    .where('task.removed_at', 'is', null)
    .where('task_occurrence.removed_at', 'is', null)
    .where('task_occurrence.due_date', '>=', from)
    .where('task_occurrence.due_date', '<=', to);
  if (opts.unitId !== undefined) q = q.where('plan.unit_id', '=', opts.unitId);
  if (opts.pendingOnly) q = q.where('task_occurrence.status', '=', 'pending').where('task.status', 'not in', ['done', 'not_applicable']);
  if (opts.assigneeId !== undefined) {
    const uid = opts.assigneeId;
    q = q.where((eb) => eb.exists(eb.selectFrom('task_assignee').select('task_assignee.task_id').whereRef('task_assignee.task_id', '=', 'task.id').where('task_assignee.user_id', '=', uid)));
  }
  return q.orderBy('task_occurrence.due_date').orderBy('task.position').limit(2000).execute();
}
