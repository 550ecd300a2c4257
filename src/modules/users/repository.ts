import type { UserRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';

export type NewUserValues = Omit<UserRow, 'id'>;

export async function findUserById(db: Q, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByUsername(db: Q, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertUser(db: Q, values: NewUserValues): Promise<UserRow> {
  return db.insertInto('app_user').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(db: Q, id: number, patch: Partial<NewUserValues>): Promise<void> {
  await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

/** Users of the units under `path` (the subtree), with their unit's code and name. */
export async function listUsersInSubtree(
  db: Q,
  path: string,
): Promise<(UserRow & { unit_code: string; unit_name: string })[]> {
  return db
    .selectFrom('app_user')
    .innerJoin('unit', 'unit.id', 'app_user.unit_id')
    .selectAll('app_user')
    .select(['unit.code as unit_code', 'unit.name as unit_name'])
    .where('unit.path', 'like', `${path}%`)
    .orderBy('unit.path')
    .orderBy('app_user.full_name')
    .execute();
}

export async function listUsersOfUnit(db: Q, unitId: number): Promise<UserRow[]> {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('active', '=', 1)
    .orderBy('full_name')
    .execute();
}
