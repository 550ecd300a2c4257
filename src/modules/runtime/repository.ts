import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

/**
 * State that every server process must agree on, kept in the database (ADR 008): a generated
 * secret when the configuration gives none, used one-time challenges, rate-limit counters, import
 * progress, cache generations.
 */

/** The named secret shared by every process on this database; generated once (first writer wins). */
export async function sharedSecret(db: Q, name: string, at: string): Promise<string> {
  await db
    .insertInto('app_secret')
    .values({ name, value: randomBytes(32).toString('base64url'), created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('app_secret')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Marks a challenge used; false when it was used already (by any process). */
export async function useChallenge(db: Q, nonce: string, expiresAt: string): Promise<boolean> {
  const r = await db
    .insertInto('used_challenge')
    .values({ nonce, expires_at: expiresAt })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Forgets challenges that would be refused as expired anyway. */
export async function purgeUsedChallenges(db: Q, now: string): Promise<void> {
  await db.deleteFrom('used_challenge').where('expires_at', '<', now).execute();
}

/**
 * One hit on a rate-limit key: a new window when the last one ended, else one more hit. One
 * upsert, so hits from several processes add up exactly.
 */
export async function hitRateLimit(
  db: Q,
  key: string,
  nowMs: number,
  windowMs: number,
): Promise<{ hits: number; windowEndsAt: number }> {
  const r = await db
    .insertInto('rate_limit_hit')
    .values({ key, hits: 1, window_ends_at: nowMs + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limit_hit.window_ends_at <= ${nowMs} then 1 else rate_limit_hit.hits + 1 end`,
        window_ends_at: sql<number>`case when rate_limit_hit.window_ends_at <= ${nowMs} then excluded.window_ends_at else rate_limit_hit.window_ends_at end`,
      }),
    )
    .returning(['hits', 'window_ends_at'])
    .executeTakeFirstOrThrow();
  return { hits: num(r.hits), windowEndsAt: num(r.window_ends_at) };
}

/** A rate-limit key's hits without counting one. */
export async function readRateLimit(
  db: Q,
  key: string,
): Promise<{ hits: number; windowEndsAt: number } | null> {
  const r = await db
    .selectFrom('rate_limit_hit')
    .select(['hits', 'window_ends_at'])
    .where('key', '=', key)
    .executeTakeFirst();
  return r ? { hits: num(r.hits), windowEndsAt: num(r.window_ends_at) } : null;
}

/** Drops rate-limit windows that have ended. */
export async function purgeRateLimits(db: Q, nowMs: number): Promise<void> {
  await db.deleteFrom('rate_limit_hit').where('window_ends_at', '<=', nowMs).execute();
}

export interface ProgressRow {
  state: string;
  done: number;
  total: number;
  message: string | null;
  userId: number | null;
  unitId: number;
  finishedAt: string | null;
}

/** Writes an import's progress (the row keyed by the sha256 of its secret id). */
export async function saveImportProgress(db: Q, idHash: string, p: ProgressRow, at: string): Promise<void> {
  const values = {
    state: p.state,
    done: p.done,
    total: p.total,
    message: p.message,
    user_id: p.userId,
    unit_id: p.unitId,
    finished_at: p.finishedAt,
    updated_at: at,
  };
  await db
    .insertInto('import_progress')
    .values({ id_hash: idHash, started_at: at, ...values })
    .onConflict((oc) => oc.column('id_hash').doUpdateSet(values))
    .execute();
}

export async function findImportProgress(db: Q, idHash: string) {
  return db.selectFrom('import_progress').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

/**
 * Forgets progress of imports that finished before `before`, and of imports that never finished
 * (their process was killed) and have not moved since `staleBefore`.
 */
export async function purgeImportProgress(db: Q, before: string, staleBefore: string): Promise<void> {
  await db
    .deleteFrom('import_progress')
    .where((eb) =>
      eb.or([
        eb('finished_at', '<', before),
        eb.and([eb('finished_at', 'is', null), eb('updated_at', '<', staleBefore)]),
      ]),
    )
    .execute();
}

/** The current value of a counter used as a cache generation (0 before the first change). */
export async function readGeneration(db: Q, scope: string): Promise<number> {
  const r = await db
    .selectFrom('number_counter')
    .select('value')
    .where('scope', '=', scope)
    .executeTakeFirst();
  return r ? num(r.value) : 0;
}
