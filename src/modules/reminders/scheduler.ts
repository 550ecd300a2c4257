import { startSweepSchedule } from '../../lib/interval.js';
import type { SweepLog } from '../../lib/interval.js';
import type { SweepResult } from './sweep.js';

export type { SweepLog };

/**
 * Runs `sweep` every `minutes` in this process (0: never) and once shortly after start. A sweep
 * still running when the next is due is not doubled. Returns a function that stops the schedule.
 * Several processes may each run one: the outbox's unique keys and row claims keep every reminder
 * single (see sweep.ts).
 */
export function startReminderSchedule(
  sweep: () => Promise<SweepResult>,
  minutes: number,
  log: SweepLog,
  firstDelayMs = 10_000,
): () => void {
  return startSweepSchedule(
    'reminder sweep',
    sweep,
    minutes * 60_000,
    log,
    (r) => r.created > 0 || r.emailsSent > 0 || r.emailsFailed > 0 || r.sourceErrors.length > 0,
    firstDelayMs,
  );
}
