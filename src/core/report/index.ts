/** Periodic CCHC reports: which figures go in a report, period keys, report states. Pure. */
export * from './period.js';
export * from './figures.js';
