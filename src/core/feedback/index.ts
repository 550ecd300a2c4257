/** Public API of the PAKN core (phản ánh, kiến nghị): workflow, deadlines, public text. Pure. */
export * from './workflow.js';
export * from './deadlines.js';
export * from './text.js';
export * from './code.js';
