/** The source of "now": injected so that tests control time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/** Today's date in Vietnam (UTC+7, no daylight saving) as 'YYYY-MM-DD'. */
export function vietnamToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
