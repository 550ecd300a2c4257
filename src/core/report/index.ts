/** Periodic CCHC reports: which figures go in a report, period keys, report states. Pure. */
export * from './period.js';
export * from './content.js';
export * from './results.js';
export * from './blocks.js';
