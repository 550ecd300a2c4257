/**
 * Benchmark: 1,000,000 addWorkingDays calls (random start dates in 2024–2026, n in 1..30) under
 * the default rules, repeated 5 times; prints the median as JSON.
 *
 *   npx tsx bench/calendar.bench.ts
 */
import { mulberry32 } from '../tests/support/registers.js';
import { performance } from 'node:perf_hooks';
import { createWorkingCalendar, fromDayNumber, toDayNumber } from '../src/core/calendar/index.js';
import { median, report } from './support.js';

const CALLS = 1_000_000;
const REPEATS = 5;

const random = mulberry32(20260217);
const first = toDayNumber('2024-01-01');
const span = toDayNumber('2026-12-31') - first + 1;
const starts: string[] = new Array<string>(CALLS);
const ns = new Int32Array(CALLS);
for (let i = 0; i < CALLS; i++) {
  starts[i] = fromDayNumber(first + Math.floor(random() * span));
  ns[i] = 1 + Math.floor(random() * 30);
}

const calendar = createWorkingCalendar();
calendar.addWorkingDays('2025-01-01', 1); // compile the years once, outside the timing

const times: number[] = [];
let sink = 0;
for (let r = 0; r < REPEATS; r++) {
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) {
    sink += calendar.addWorkingDays(starts[i]!, ns[i]!).length;
  }
  times.push(performance.now() - t0);
}
if (sink === 0) throw new Error('unreachable: keeps the loop from being optimised away');

report({
  name: 'calendar.addWorkingDays x1e6 (2024-2026, n 1..30)',
  medianMs: Math.round(median(times) * 10) / 10,
  runsMs: times.map((t) => Math.round(t * 10) / 10),
});
