/**
 * Benchmark: the period figures (src/core/metrics dossierFigures) over 1,000,000 dossier summaries
 * received across 2025–2026 (deterministic PRNG), for the second quarter of 2026, timed 7 times;
 * prints the median as JSON.
 *
 *   npx tsx bench/dossier-figures.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { momentOf } from '../src/core/calendar/index.js';
import { dossierFigures, periodOfDates } from '../src/core/metrics/index.js';
import type { DossierSummary } from '../src/core/metrics/index.js';
import { median, report } from './support.js';

const COUNT = 1_000_000;
const REPEATS = 7;
const HOUR = 3_600_000;

/** Deterministic PRNG (mulberry32) so every run times the same inputs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = mulberry32(20260512);
const start = momentOf('2025-01-01', '07:30');
const spanHours = 2 * 365 * 24;
const CHANNELS = ['direct', 'online', 'postal'] as const;
const END_KINDS = ['resolved', 'resolved', 'resolved', 'returned', 'refused', 'withdrawn'] as const;
const RATINGS = [undefined, 'very_satisfied', 'satisfied', 'not_satisfied'] as const;

const summaries: DossierSummary[] = new Array<DossierSummary>(COUNT);
for (let i = 0; i < COUNT; i++) {
  const receivedAt = start + Math.floor(random() * spanHours) * HOUR;
  const appointment = receivedAt + (1 + Math.floor(random() * 20)) * 24 * HOUR;
  const open = random() < 0.1;
  const endedAt = open ? null : receivedAt + Math.floor(random() * 25 * 24) * HOUR;
  const late = endedAt !== null && endedAt > appointment;
  summaries[i] = {
    receivedAt,
    channel: CHANNELS[Math.floor(random() * 3)]!,
    appointment,
    endedAt,
    endKind: endedAt === null ? null : END_KINDS[Math.floor(random() * END_KINDS.length)]!,
    late,
    lateSince: late ? appointment : null,
    awaitingSupplementSince: open && random() < 0.2 ? receivedAt + 24 * HOUR : null,
    supplementRequests: random() < 0.1 ? (random() < 0.2 ? 2 : 1) : 0,
    paidOnline: random() < 0.4,
    feeBearing: random() < 0.6,
    digitised: random() < 0.7,
    electronicResult: random() < 0.5,
    rating: RATINGS[Math.floor(random() * RATINGS.length)],
    complaint: random() < 0.02,
  };
}

const period = periodOfDates('2026-04-01', '2026-06-30');
dossierFigures(summaries.slice(0, 10_000), period); // warm up outside the timing

const times: number[] = [];
let sink = 0;
for (let r = 0; r < REPEATS; r++) {
  const t0 = performance.now();
  const f = dossierFigures(summaries, period);
  times.push(performance.now() - t0);
  sink += f.handled;
}
if (sink === 0) throw new Error('unreachable: keeps the call from being optimised away');

report({
  name: 'metrics.dossierFigures x1e6 summaries (Q2/2026 of 2025-2026)',
  medianMs: Math.round(median(times) * 10) / 10,
  runsMs: times.map((t) => Math.round(t * 10) / 10),
});
