export interface SweepLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Runs `sweep` every `everyMs` in this process, and once `firstDelayMs` after start; a sweep still
 * running when the next is due is not doubled; a failure is logged, never thrown. Its result is
 * logged when `worthLogging` says so. Timers do not keep the process alive. Returns a function
 * that stops the schedule. `everyMs` ≤ 0: never runs.
 */
export function startSweepSchedule<R extends object>(
  name: string,
  sweep: () => Promise<R>,
  everyMs: number,
  log: SweepLog,
  worthLogging: (r: R) => boolean,
  firstDelayMs: number,
): () => void {
  if (everyMs <= 0) return () => undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await sweep();
      if (worthLogging(r)) log.info(r, name);
    } catch (err) {
      log.error({ err }, `${name} failed`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), firstDelayMs);
  const every = setInterval(() => void tick(), everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
