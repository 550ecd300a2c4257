import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { UserRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { insertAudit } from '../audit/repository.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { policy } from '../auth/policy.js';
import type { Actor, Role } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { deleteSessionsOfUser } from '../auth/repository.js';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsersInSubtree,
  updateUser,
} from './repository.js';

export interface UserInput {
  unitId: number;
  username: string;
  fullName: string;
  email?: string | null | undefined;
  roles: Role[];
  password: string;
}

export interface UsersDeps {
  db: Q;
  clock: Clock;
}

const withoutSecret = (u: UserRow) => ({ ...u, password_hash: '' });

export function usersService({ db, clock }: UsersDeps) {
  async function create(actor: Actor | null, input: UserInput, requestId?: string): Promise<UserRow> {
    const unit = await findUnitById(db, input.unitId);
    if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    // actor === null only from the command line, run by whoever runs the server.
    if (actor && !policy.manageUsers(actor, unit.path)) throw new AppError('FORBIDDEN');
    if (input.password.length < MIN_PASSWORD_LENGTH) throw new AppError('WEAK_PASSWORD');
    const username = input.username.normalize('NFC').trim().toLowerCase();
    const now = clock.now().toISOString();
    const hash = await hashPassword(input.password);
    return db.transaction().execute(async (tx) => {
      if (await findUserByUsername(tx, username)) throw new AppError('USERNAME_TAKEN');
      const user = await insertUser(tx, {
        unit_id: unit.id,
        username,
        full_name: input.fullName.normalize('NFC').trim(),
        email: input.email ?? null,
        password_hash: hash,
        roles: JSON.stringify([...new Set(input.roles)]),
        active: 1,
        must_change_password: actor ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
      await insertAudit(tx, {
        unitId: unit.id,
        userId: actor?.userId ?? null,
        entity: 'user',
        entityId: user.id,
        action: 'create',
        after: withoutSecret(user),
        at: now,
        requestId,
      });
      return user;
    });
  }

  return {
    create,

    async list(actor: Actor) {
      // Accounts (with e-mails) are for administrators; others see colleagues only as assignees.
      if (!policy.manageUsers(actor, actor.unitPath)) throw new AppError('FORBIDDEN');
      return listUsersInSubtree(db, actor.unitPath);
    },

    async update(
      actor: Actor,
      id: number,
      patch: {
        fullName?: string;
        email?: string | null;
        roles?: Role[];
        active?: boolean;
        password?: string;
      },
      requestId?: string,
    ): Promise<UserRow> {
      const user = await findUserById(db, id);
      const unit = user ? await findUnitById(db, user.unit_id) : undefined;
      if (!user || !unit || !policy.readUnit(actor, unit.path)) throw new AppError('NOT_FOUND');
      if (!policy.manageUsers(actor, unit.path)) throw new AppError('FORBIDDEN');
      if (patch.password !== undefined && patch.password.length < MIN_PASSWORD_LENGTH)
        throw new AppError('WEAK_PASSWORD');
      const now = clock.now().toISOString();
      return db.transaction().execute(async (tx) => {
        const next: UserRow = {
          ...user,
          full_name: patch.fullName?.normalize('NFC').trim() ?? user.full_name,
          email: patch.email === undefined ? user.email : patch.email,
          roles: patch.roles ? JSON.stringify([...new Set(patch.roles)]) : user.roles,
          active: patch.active === undefined ? user.active : patch.active ? 1 : 0,
          password_hash: patch.password ? await hashPassword(patch.password) : user.password_hash,
          must_change_password: patch.password ? 1 : user.must_change_password,
          updated_at: now,
        };
        const { id: _id, ...values } = next;
        await updateUser(tx, id, values);
        if (patch.password || patch.active === false) await deleteSessionsOfUser(tx, id);
        await insertAudit(tx, {
          unitId: user.unit_id,
          userId: actor.userId,
          entity: 'user',
          entityId: id,
          action: patch.password ? 'reset_password' : 'update',
          before: withoutSecret(user),
          after: withoutSecret(next),
          at: now,
          requestId,
        });
        return next;
      });
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
