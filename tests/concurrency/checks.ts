import { expect } from 'vitest';
import { parseDossierCode } from '../../src/core/dossier/index.js';
import type { Db } from '../../src/db/database.js';
import { vietnamToday, systemClock } from '../../src/lib/clock.js';
import type { Fixture, LogEntry } from './workload.js';
import {
  CLIENTS,
  RACE_WIDTH,
  RATING_RACES,
  RECEIPTS_PER_CLIENT,
  databaseFacts,
  oneToN,
  sequencesByDay,
} from './workload.js';

const ok = (log: LogEntry[], op: string) => log.filter((e) => e.op === op && e.status === 200);

/**
 * What must hold after the workload, whatever the interleaving: no 5xx, codes and register
 * numbers unique and gapless, one rating per link, one answer per browser, one submission, and
 * the figures equal to what the log says was done.
 */
export async function checkAfterWorkload(
  db: Db,
  f: Fixture,
  log: LogEntry[],
  opts: { imported?: number } = {},
): Promise<void> {
  // Soft assertions: one run shows every race that went wrong, not only the first.
  const errors: Record<string, number> = {};
  for (const e of log.filter((x) => x.status >= 500)) {
    const k = `${e.op.replace(/:.*/, '')} → ${e.status}`;
    errors[k] = (errors[k] ?? 0) + 1;
  }
  expect.soft(errors, `first 5xx: ${log.find((e) => e.status >= 500)?.body ?? ''}`).toEqual({});

  const facts = await databaseFacts(db, f.unit.id);
  // Every receipt succeeded; dossier codes and register numbers run 1..n without a gap.
  expect.soft(ok(log, 'receive')).toHaveLength(CLIENTS * RECEIPTS_PER_CLIENT);
  expect.soft(facts.dossiers).toHaveLength(CLIENTS * RECEIPTS_PER_CLIENT + (opts.imported ?? 0));
  for (const seqs of sequencesByDay(facts.dossiers.map((d) => d.code)).values())
    expect.soft(seqs).toEqual(oneToN(seqs.length));
  const books = new Map<string, number[]>();
  for (const d of facts.dossiers)
    books.set(String(d.register_book), [...(books.get(String(d.register_book)) ?? []), d.register_no ?? 0]);
  for (const nos of books.values()) expect.soft(nos.sort((a, b) => a - b)).toEqual(oneToN(nos.length));

  // PAKN codes: staff entries and public submissions share one gapless sequence per day.
  expect.soft(ok(log, 'feedback_enter')).toHaveLength(CLIENTS * 2);
  expect.soft(ok(log, 'feedback_public')).toHaveLength(4);
  expect.soft(log.find((e) => e.op === 'feedback_replay')?.status).toBe(400);
  expect.soft(facts.feedback).toHaveLength(CLIENTS * 2 + 4);
  for (const seqs of sequencesByDay(
    facts.feedback.map((x) => x.code),
    'PA-',
  ).values())
    expect.soft(seqs).toEqual(oneToN(seqs.length));

  // One rating per link: one racer of eight wins, the others get a 409.
  const races = [...new Set(log.filter((e) => e.op.startsWith('rate:')).map((e) => e.op))];
  expect.soft(races).toHaveLength(RATING_RACES);
  for (const race of races) {
    const statuses = log.filter((e) => e.op === race).map((e) => e.status);
    expect.soft(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect.soft(statuses.filter((s) => s === 409)).toHaveLength(RACE_WIDTH - 1);
  }
  expect.soft(facts.rated.map((r) => Number(r.n))).toEqual(Array(RATING_RACES).fill(1));
  expect.soft(facts.dossiers.filter((d) => d.rating !== null)).toHaveLength(RATING_RACES);

  // One answer per browser.
  const raced = log.filter((e) => e.op === 'survey_race').map((e) => e.status);
  expect.soft(raced.filter((s) => s === 200)).toHaveLength(1);
  expect.soft(raced.filter((s) => s === 409)).toHaveLength(RACE_WIDTH - 1);
  expect.soft(facts.responses).toBe(ok(log, 'survey').length + 1);

  // Report: saves succeed or conflict, exactly one submission wins.
  expect
    .soft(log.filter((e) => e.op === 'report_save').every((e) => e.status === 200 || e.status === 409))
    .toBe(true);
  expect.soft(ok(log, 'report_submit')).toHaveLength(1);
  expect.soft(facts.reports.map((r) => r.seq)).toEqual([1]);
  expect.soft(ok(log, 'task')).toHaveLength(CLIENTS);

  // The figures equal the log's own count.
  const today = vietnamToday(systemClock);
  const t = f.t.services;
  const figures = await t.dossiers.measure(f.unit.id, today, today);
  expect.soft(figures.received.total).toBe(ok(log, 'receive').length);
  // A returned dossier ended when it was resolved (the first end).
  expect.soft(figures.finished.resolved).toBe(ok(log, 'resolve').length);
  const ratedTotal = figures.ratings.verySatisfied + figures.ratings.satisfied + figures.ratings.notSatisfied;
  expect.soft(ratedTotal).toBe(RATING_RACES);
  // Of today's dossiers (an import may add past ones), only the one whose toggles end "on".
  const todays = facts.dossiers.filter((d) => parseDossierCode(d.code)?.date === today);
  expect.soft(todays).toHaveLength(ok(log, 'receive').length);
  expect.soft(todays.filter((d) => d.digitised === 1)).toHaveLength(1);
  expect.soft(figures.componentDigitisation.numerator).toBe(1);
  const fb = await t.feedback.figures(f.unit.id, today, today);
  expect.soft(fb.counts.total).toBe(ok(log, 'feedback_enter').length + ok(log, 'feedback_public').length);
}
