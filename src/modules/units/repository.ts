import { sql } from 'kysely';
import type { NewUnit, UnitRow, UnitUpdate } from '../../db/tables.js';
import type { Q } from '../../db/types.js';

export async function findUnitById(db: Q, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitByCode(db: Q, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The unit at `path` and everything below it, in tree order. */
export async function listUnitSubtree(db: Q, path: string): Promise<UnitRow[]> {
  return db
    .selectFrom('unit')
    .selectAll()
    .where('path', 'like', `${path}%`)
    .where('archived_at', 'is', null)
    .orderBy('path')
    .execute();
}

export async function insertUnit(db: Q, unit: Omit<NewUnit, 'path'>, parentPath: string): Promise<UnitRow> {
  const row = await db
    .insertInto('unit')
    .values({ ...unit, path: '' })
    .returningAll()
    .executeTakeFirstOrThrow();
  const path = `${parentPath}${row.id}/`;
  await db.updateTable('unit').set({ path }).where('id', '=', row.id).execute();
  return { ...row, path };
}

export async function updateUnit(db: Q, id: number, patch: UnitUpdate): Promise<void> {
  await db.updateTable('unit').set(patch).where('id', '=', id).execute();
}

/** Moves a subtree: every path under `oldPath` is rewritten to start with `newPath`. */
export async function rewriteSubtreePaths(db: Q, oldPath: string, newPath: string): Promise<void> {
  await db
    .updateTable('unit')
    .set({ path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})` })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}

export async function countUnits(db: Q): Promise<number> {
  const r = await db
    .selectFrom('unit')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The first top-level unit (the one whose administrators keep the national calendar). */
export async function findFirstRootUnit(db: Q): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
}
