/** Why a period of dates is refused (the start after the end, or after today). */
export const INVALID_PERIOD = 'Kỳ số liệu không hợp lệ: ngày đầu phải trước ngày cuối và không sau hôm nay.';

/**
 * A period of dates in Vietnam time as UTC instants. A period that has not ended yet is counted up
 * to now: an open dossier is judged by where it stands today, never by a future period end.
 * Throws a RangeError (message `INVALID_PERIOD`) for a period that is not one.
 */
export function periodBounds(from: string, to: string, nowMs: number): { fromIso: string; toIso: string } {
  const end = Math.min(Date.parse(`${to}T23:59:59.999+07:00`), nowMs);
  const start = Date.parse(`${from}T00:00:00+07:00`);
  if (Number.isNaN(start) || Number.isNaN(end) || start > end) throw new RangeError(INVALID_PERIOD);
  return { fromIso: new Date(start).toISOString(), toIso: new Date(end).toISOString() };
}
