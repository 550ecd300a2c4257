import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { Q } from '../../db/types.js';
import { insertAudit } from '../audit/repository.js';
import { findUserById, findUserByUsername, updateUser } from '../users/repository.js';
import { dummyPasswordHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.js';
import {
  clearLoginFailures,
  countLoginFailures,
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  recordLoginFailure,
  touchSession,
} from './repository.js';
import type { Actor } from './roles.js';
import { parseRoles } from './roles.js';

export interface AuthDeps {
  db: Q;
  clock: Clock;
  sessionHours: number;
  maxFailures: number;
  windowMinutes: number;
}

/** Sessions are looked up by the sha256 of the cookie token. */
export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function authService(deps: AuthDeps) {
  const { db, clock } = deps;
  const hours = (n: number) => n * 3600_000;

  return {
    async login(
      usernameRaw: string,
      password: string,
      ip: string,
      userAgent: string | null,
    ): Promise<{ token: string; actor: Actor; expiresAt: string; mustChangePassword: boolean }> {
      const username = usernameRaw.normalize('NFC').trim().toLowerCase();
      const now = clock.now();
      const since = new Date(now.getTime() - deps.windowMinutes * 60_000).toISOString();
      const failures = await countLoginFailures(db, username, ip, since);
      if (failures.byUser >= deps.maxFailures || failures.byIp >= deps.maxFailures * 4) {
        throw new AppError(
          'LOGIN_RATE_LIMITED',
          `Bạn đã đăng nhập sai quá ${deps.maxFailures} lần. Vui lòng thử lại sau ${deps.windowMinutes} phút.`,
        );
      }
      const user = await findUserByUsername(db, username);
      const usable = user !== undefined && user.active === 1;
      // One scrypt whether or not the account exists (or is active): equal time, nothing revealed.
      const matches = await verifyPassword(password, usable ? user.password_hash : await dummyPasswordHash());
      const ok = usable && matches;
      if (!user || !ok) {
        await recordLoginFailure(db, username, ip, now.toISOString());
        throw new AppError('BAD_CREDENTIALS');
      }
      await clearLoginFailures(db, username);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + hours(deps.sessionHours)).toISOString();
      await insertSession(db, {
        id: sessionId(token),
        user_id: user.id,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
        ip,
        user_agent: userAgent?.slice(0, 400) ?? null,
      });
      const resolved = await this.resolve(token);
      if (!resolved) throw new AppError('INTERNAL');
      return { token, actor: resolved, expiresAt, mustChangePassword: user.must_change_password === 1 };
    },

    /** The actor behind a session token, or null when it is unknown, expired or disabled. */
    async resolve(token: string): Promise<Actor | null> {
      const found = await findSessionWithUser(db, sessionId(token));
      if (!found) return null;
      const now = clock.now();
      if (found.session.expires_at < now.toISOString() || found.user.active !== 1) {
        await deleteSession(db, found.session.id);
        return null;
      }
      // Sliding expiry, written at most once a minute to keep reads cheap.
      if (now.getTime() - Date.parse(found.session.last_seen_at) > 60_000) {
        await touchSession(
          db,
          found.session.id,
          now.toISOString(),
          new Date(now.getTime() + hours(deps.sessionHours)).toISOString(),
        );
      }
      return {
        userId: found.user.id,
        username: found.user.username,
        fullName: found.user.full_name,
        unitId: found.unit.id,
        unitPath: found.unit.path,
        roles: parseRoles(found.user.roles),
        mustChangePassword: found.user.must_change_password === 1,
      };
    },

    async logout(token: string): Promise<void> {
      await deleteSession(db, sessionId(token));
    },

    async changePassword(actor: Actor, current: string, next: string, token: string): Promise<void> {
      if (next.length < MIN_PASSWORD_LENGTH) throw new AppError('WEAK_PASSWORD');
      const user = await findUserById(db, actor.userId);
      if (!user || !(await verifyPassword(current, user.password_hash))) throw new AppError('WRONG_PASSWORD');
      // A forced change (a password an administrator chose) must end with another password.
      if (await verifyPassword(next, user.password_hash)) throw new AppError('SAME_PASSWORD');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await updateUser(tx, user.id, {
          password_hash: await hashPassword(next),
          must_change_password: 0,
          updated_at: now,
        });
        // Other sessions end: a changed password should lock out whoever knew the old one.
        await deleteSessionsOfUser(tx, user.id, sessionId(token));
        await insertAudit(tx, {
          unitId: user.unit_id,
          userId: user.id,
          entity: 'user',
          entityId: user.id,
          action: 'change_password',
          at: now,
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
