import type { SweepResult } from './sweep.js';

export interface SweepLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

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
  if (minutes <= 0) return () => undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await sweep();
      if (r.created > 0 || r.emailsSent > 0 || r.emailsFailed > 0 || r.sourceErrors.length > 0)
        log.info(r, 'reminder sweep');
    } catch (err) {
      log.error({ err }, 'reminder sweep failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), firstDelayMs);
  const every = setInterval(() => void tick(), minutes * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
