import type { Q } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { purgeImportProgress, purgeRateLimits, purgeUsedChallenges } from './repository.js';

/** How long a finished import's progress stays readable. */
export const PROGRESS_KEEP_MS = 15 * 60_000;
/** An import that has not written its progress for this long died (a batch takes seconds). */
export const STALE_PROGRESS_MS = 24 * 60 * 60_000;

/** Drops shared state that has expired: used challenges, ended rate-limit windows, old progress. */
export async function housekeeping(db: Q, clock: Clock): Promise<void> {
  const now = clock.now().getTime();
  await purgeUsedChallenges(db, new Date(now).toISOString());
  await purgeRateLimits(db, now);
  await purgeImportProgress(
    db,
    new Date(now - PROGRESS_KEEP_MS).toISOString(),
    new Date(now - STALE_PROGRESS_MS).toISOString(),
  );
}

/** Runs `housekeeping` every minute (unref'd); returns the stop function. */
export function startHousekeeping(
  db: Q,
  clock: Clock,
  log: { warn: (o: object, m: string) => void },
): () => void {
  const timer = setInterval(() => {
    housekeeping(db, clock).catch((err: unknown) => log.warn({ err }, 'housekeeping failed'));
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
