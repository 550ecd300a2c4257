export * from './criteria.js';
export * from './scoring.js';
