import type { Q } from '../../db/types.js';
import { hitRateLimit, readRateLimit } from './repository.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A store for `@fastify/rate-limit` that keeps its counters in the database (`rate_limit_hit`), so
 * that every server process counts the same hits (ADR 008). One upsert per limited request; where
 * that is too much, the operator sets CCHC_REDIS_URL and the library's own Redis store is used.
 */
export function databaseRateLimitStore(db: Q, now: () => number = Date.now) {
  return class DatabaseRateLimitStore {
    private readonly prefix: string;
    constructor(_options?: unknown, prefix = 'global-') {
      this.prefix = prefix;
    }
    incr(key: string, cb: Callback, timeWindow: number): void {
      const t = now();
      hitRateLimit(db, this.prefix + key, t, timeWindow).then(
        (r) => cb(null, { current: r.hits, ttl: Math.max(0, r.windowEndsAt - t) }),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      );
    }
    read(key: string, cb: Callback): void {
      const t = now();
      readRateLimit(db, this.prefix + key).then(
        (r) =>
          cb(
            null,
            !r || r.windowEndsAt <= t ? { current: 0, ttl: 0 } : { current: r.hits, ttl: r.windowEndsAt - t },
          ),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      );
    }
    /** A route's own counters (the plugin passes its merged options, with `routeInfo`). */
    child(routeOptions: object) {
      const info =
        (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new DatabaseRateLimitStore(undefined, `${String(info.method ?? '')}${info.url ?? ''}-`);
    }
  };
}
