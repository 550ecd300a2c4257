import type { Q } from '../../db/types.js';
import type { SessionTable, UnitRow, UserRow } from '../../db/tables.js';

export async function insertSession(db: Q, s: SessionTable): Promise<void> {
  await db.insertInto('session').values(s).execute();
}

export async function findSessionWithUser(
  db: Q,
  id: string,
): Promise<{ session: SessionTable; user: UserRow; unit: UnitRow } | undefined> {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('unit', 'unit.id', 'app_user.unit_id')
    .select([
      'session.id as s_id',
      'session.user_id as s_user_id',
      'session.created_at as s_created_at',
      'session.last_seen_at as s_last_seen_at',
      'session.expires_at as s_expires_at',
      'session.ip as s_ip',
      'session.user_agent as s_user_agent',
    ])
    .selectAll('app_user')
    .select([
      'unit.id as u_id',
      'unit.code as u_code',
      'unit.name as u_name',
      'unit.kind as u_kind',
      'unit.parent_id as u_parent_id',
      'unit.path as u_path',
      'unit.superior_name as u_superior_name',
      'unit.created_at as u_created_at',
      'unit.updated_at as u_updated_at',
      'unit.archived_at as u_archived_at',
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    session: {
      id: row.s_id,
      user_id: row.s_user_id,
      created_at: row.s_created_at,
      last_seen_at: row.s_last_seen_at,
      expires_at: row.s_expires_at,
      ip: row.s_ip,
      user_agent: row.s_user_agent,
    },
    user: {
      id: row.id,
      unit_id: row.unit_id,
      username: row.username,
      full_name: row.full_name,
      email: row.email,
      password_hash: row.password_hash,
      roles: row.roles,
      active: row.active,
      must_change_password: row.must_change_password,
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    unit: {
      id: row.u_id,
      code: row.u_code,
      name: row.u_name,
      kind: row.u_kind,
      parent_id: row.u_parent_id,
      path: row.u_path,
      superior_name: row.u_superior_name,
      created_at: row.u_created_at,
      updated_at: row.u_updated_at,
      archived_at: row.u_archived_at,
    },
  };
}

export async function touchSession(db: Q, id: string, lastSeen: string, expires: string): Promise<void> {
  await db
    .updateTable('session')
    .set({ last_seen_at: lastSeen, expires_at: expires })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Q, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Q, userId: number, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Q, now: string): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<', now).execute();
}

export async function recordLoginFailure(db: Q, username: string, ip: string, at: string): Promise<void> {
  await db.insertInto('login_failure').values({ username, ip, at }).execute();
}

export async function countLoginFailures(
  db: Q,
  username: string,
  ip: string,
  since: string,
): Promise<{ byUser: number; byIp: number }> {
  const [u, i] = await Promise.all([
    db
      .selectFrom('login_failure')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('username', '=', username)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('login_failure')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('ip', '=', ip)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow(),
  ]);
  return { byUser: Number(u.n), byIp: Number(i.n) };
}

export async function clearLoginFailures(db: Q, username: string): Promise<void> {
  await db.deleteFrom('login_failure').where('username', '=', username).execute();
}
