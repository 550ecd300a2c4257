import type { Insertable, Updateable } from 'kysely';
import type { PostAttachmentRow, PostAttachmentTable, PostRow, PostTable } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

export type PostWithScope = PostRow & { unit_path: string };

export async function findPost(db: Q, id: number): Promise<PostWithScope | undefined> {
  return db
    .selectFrom('post')
    .innerJoin('unit', 'unit.id', 'post.unit_id')
    .selectAll('post')
    .select('unit.path as unit_path')
    .where('post.id', '=', id)
    .executeTakeFirst();
}

export async function listPosts(
  db: Q,
  unitId: number,
  onlyPublished: boolean,
  limit: number,
): Promise<PostRow[]> {
  let q = db.selectFrom('post').selectAll().where('unit_id', '=', unitId).where('removed_at', 'is', null);
  if (onlyPublished) q = q.where('published', '=', 1).orderBy('published_at', 'desc');
  else q = q.orderBy('created_at', 'desc');
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export async function insertPost(db: Q, v: Insertable<PostTable>): Promise<PostRow> {
  return db.insertInto('post').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updatePost(db: Q, id: number, v: Updateable<PostTable>): Promise<void> {
  await db.updateTable('post').set(v).where('id', '=', id).execute();
}

export async function listAttachments(db: Q, postIds: number[]): Promise<PostAttachmentRow[]> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('post_attachment')
    .selectAll()
    .where('post_id', 'in', postIds)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function findAttachment(db: Q, id: number): Promise<PostAttachmentRow | undefined> {
  return db.selectFrom('post_attachment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAttachment(
  db: Q,
  v: Insertable<PostAttachmentTable>,
): Promise<PostAttachmentRow> {
  return db.insertInto('post_attachment').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function removeAttachment(db: Q, id: number, at: string): Promise<void> {
  await db.updateTable('post_attachment').set({ removed_at: at }).where('id', '=', id).execute();
}

/** Tasks by area and status of the unit's active plan of a year (removed tasks left out). */
export async function planAreaCounts(db: Q, unitId: number, year: number) {
  const plan = await db
    .selectFrom('plan')
    .select(['id', 'title', 'year'])
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('status', '=', 'active')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!plan) return null;
  const [areas, rows] = await Promise.all([
    db
      .selectFrom('plan_area')
      .select(['id', 'code', 'title'])
      .where('plan_id', '=', plan.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('task')
      .select(['area_id', 'status', (eb) => eb.fn.countAll().as('n')])
      .where('plan_id', '=', plan.id)
      .where('removed_at', 'is', null)
      .groupBy(['area_id', 'status'])
      .execute(),
  ]);
  return {
    plan,
    areas,
    rows: rows.map((r) => ({ area_id: r.area_id, status: r.status, n: num(r.n as number | string) })),
  };
}
