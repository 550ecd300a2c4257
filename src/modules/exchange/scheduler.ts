export interface ExchangeLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Sweeps the report exchange outbox every `seconds` in this process (0: never), shortly after
 * start too. A sweep still running when the next is due is not doubled; several processes may each
 * sweep (packages are claimed). Returns a function that stops the schedule.
 */
export function startExchangeSchedule(
  sweep: () => Promise<{ delivered: number; retry: number; refused: number }>,
  seconds: number,
  log: ExchangeLog,
  firstDelayMs = 15_000,
): () => void {
  if (seconds <= 0) return () => undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await sweep();
      if (r.delivered + r.retry + r.refused > 0) log.info(r, 'report exchange sweep');
    } catch (err) {
      log.error({ err }, 'report exchange sweep failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), firstDelayMs);
  const every = setInterval(() => void tick(), seconds * 1000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
