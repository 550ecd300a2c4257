import { startSweepSchedule } from '../../lib/interval.js';
import type { SweepLog } from '../../lib/interval.js';

/**
 * Sweeps the report exchange outbox every `seconds` in this process (0: never), shortly after
 * start too. A sweep still running when the next is due is not doubled; several processes may each
 * sweep (packages are claimed). Returns a function that stops the schedule.
 */
export function startExchangeSchedule(
  sweep: () => Promise<{ delivered: number; retry: number; refused: number }>,
  seconds: number,
  log: SweepLog,
  firstDelayMs = 15_000,
): () => void {
  return startSweepSchedule(
    'report exchange sweep',
    sweep,
    seconds * 1000,
    log,
    (r) => r.delivered + r.retry + r.refused > 0,
    firstDelayMs,
  );
}
