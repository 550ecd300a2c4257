/**
 * Per-day pre-aggregated counters of the dossier figures (ADR 006).
 *
 * Every counter of `dossierFigures` belongs to one of three families, and each family is decided
 * by one moment of the dossier:
 *  - received counters (received, channel, fee, online payment, digitisation) by the Vietnam-time
 *    day the dossier was received;
 *  - finished counters (early / on time / late, end kinds, results, ratings, and the complaints of
 *    finished dossiers) by the day it ended;
 *  - "in progress at the end of day D" (on time / late, and their complaints) for a dossier that
 *    has ended since: every day from its receipt's day to the day before its end. Its state at the
 *    end of each such day is fixed by its dates, so it can be counted once, when it is written.
 *    Dossiers still open are never in this family: they are counted live at the period's end.
 *
 * So the figures of a period made of whole days are sums of these per-day counters (plus the live
 * open dossiers), and `dossierDayCounts` applies exactly the rules of `dossierFigures` (a test
 * compares the two on random registers).
 *
 * Invariant relied on: a dossier never ends before it is received (the lifecycle and the register
 * import refuse it).
 */
import { MS_PER_DAY, VIETNAM_UTC_OFFSET_MS, fromDayNumber } from '../calendar/index.js';
import type { CalendarDate } from '../calendar/index.js';
import type { DossierSummary } from './types.js';

export const DAY_RECEIVED_KEYS = [
  'received',
  'online',
  'direct',
  'postal',
  'feeBearing',
  'paidOnline',
  'componentsDigitised',
  'fullyDigitised',
] as const;

export const DAY_FINISHED_KEYS = [
  'early',
  'onTime',
  'lateFinished',
  'resolved',
  'returned',
  'refused',
  'withdrawn',
  'withResult',
  'electronic',
  'verySatisfied',
  'satisfied',
  'notSatisfied',
  'complaintsFinished',
] as const;

/** Dossiers open at the end of the day that have ended since. */
export const DAY_OPEN_KEYS = ['openOnTime', 'openLate', 'complaintsOpen'] as const;

export const DAY_COUNT_KEYS = [...DAY_RECEIVED_KEYS, ...DAY_FINISHED_KEYS, ...DAY_OPEN_KEYS] as const;
export type DayCountKey = (typeof DAY_COUNT_KEYS)[number];

/** Vietnam-time day number of a moment. */
export const vietnamDayNumber = (m: number): number => Math.floor((m + VIETNAM_UTC_OFFSET_MS) / MS_PER_DAY);
/** First moment of a Vietnam-time day. */
export const vietnamDayStartMs = (day: number): number => day * MS_PER_DAY - VIETNAM_UTC_OFFSET_MS;
/** Last moment (millisecond) of a Vietnam-time day. */
export const vietnamDayEndMs = (day: number): number => vietnamDayStartMs(day + 1) - 1;

/**
 * Calls `add(day, key, 1)` for every per-day counter the dossier adds to (see the module comment).
 * The rules are those of `dossierFigures`, evaluated at the end of each day.
 */
export function dossierDayCounts(
  s: DossierSummary,
  add: (day: CalendarDate, key: DayCountKey) => void,
): void {
  const r = s.receivedAt;
  const rDay = fromDayNumber(vietnamDayNumber(r));
  const endKind = s.endKind;
  const hasResult = endKind === 'resolved' || endKind === 'returned';
  add(rDay, 'received');
  add(rDay, s.channel === 'online' ? 'online' : s.channel === 'direct' ? 'direct' : 'postal');
  if (s.feeBearing) {
    add(rDay, 'feeBearing');
    if (s.paidOnline) add(rDay, 'paidOnline');
  }
  if (s.digitised) {
    add(rDay, 'componentsDigitised');
    if (!hasResult || s.electronicResult) add(rDay, 'fullyDigitised');
  }
  const e = s.endedAt;
  if (e === null) return; // open: counted live at the period end
  const complaint = s.complaint === true || s.rating === 'not_satisfied';
  const eDayNo = vietnamDayNumber(e);
  const eDay = fromDayNumber(eDayNo);
  if (s.late || s.supplementRequests > 1 || e > s.appointment) add(eDay, 'lateFinished');
  else if (eDayNo < vietnamDayNumber(s.appointment)) add(eDay, 'early');
  else add(eDay, 'onTime');
  if (endKind === 'resolved') add(eDay, 'resolved');
  else if (endKind === 'returned') add(eDay, 'returned');
  else if (endKind === 'refused') add(eDay, 'refused');
  else if (endKind === 'withdrawn') add(eDay, 'withdrawn');
  if (hasResult) {
    add(eDay, 'withResult');
    if (s.electronicResult) add(eDay, 'electronic');
  }
  if (s.rating === 'very_satisfied') add(eDay, 'verySatisfied');
  else if (s.rating === 'satisfied') add(eDay, 'satisfied');
  else if (s.rating === 'not_satisfied') add(eDay, 'notSatisfied');
  if (complaint) add(eDay, 'complaintsFinished');
  // Open at the end of every day from its receipt's day to the day before its end.
  for (let d = vietnamDayNumber(r); d < eDayNo; d++) {
    const to = vietnamDayEndMs(d);
    const lateSince = s.lateSince;
    let late =
      lateSince === undefined ? s.late || s.supplementRequests > 1 : lateSince !== null && lateSince <= to;
    if (!late && to > s.appointment) {
      const paused = s.awaitingSupplementSince;
      late = paused === undefined || paused === null || paused > to;
    }
    const day = fromDayNumber(d);
    add(day, late ? 'openLate' : 'openOnTime');
    if (complaint) add(day, 'complaintsOpen');
  }
}
