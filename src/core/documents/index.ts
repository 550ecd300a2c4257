/**
 * The digital office's rules (issue 13): the document register by Decree 30/2020 (types, number
 * and symbol, numbering books), its figures for targets 10.1, 10.2, 10.4 and incoming documents
 * handled on time, and internal regulations' review cycles. Pure.
 */
export * from './register.js';
export * from './figures.js';
export * from './regulations.js';
