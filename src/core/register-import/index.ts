/**
 * The register import's reading of a file, without I/O: cells, columns by meaning, the rows of a
 * register of dossiers and of a procedure catalogue (docs/adr/014-register-import-core.md).
 */
export type { Cell } from './cell.js';
export { describeColumns, detectColumns, mapHeaders } from './columns.js';
export type { ColumnInfo, DetectedColumns, Synonyms } from './columns.js';
export {
  PROCEDURE_FIELD_LABELS,
  PROCEDURE_FIELDS,
  PROCEDURE_SYNONYMS,
  REGISTER_FIELD_LABELS,
  REGISTER_FIELDS,
  REGISTER_SYNONYMS,
} from './fields.js';
export type { ProcedureField, RegisterField, RowError } from './fields.js';
export { isFiller } from './filler.js';
export { applyMapping, readLayout } from './layout.js';
export type { FieldColumns, MappingOverride, RegisterLayout, SheetRow } from './layout.js';
export { missingProcedureColumns, readCatalogue } from './procedures.js';
export type {
  CatalogueReading,
  HeldProcedure,
  ProcedureAction,
  ProcedureReportRow,
  ProcedureValues,
} from './procedures.js';
export {
  assignCodes,
  codelessKey,
  codelessSpan,
  codePrefix,
  emptyCounts,
  finishReading,
  readRegister,
  RegisterReading,
  refuseKnownCodeless,
  refuseTakenCodes,
} from './register.js';
export type { RegisterCounts } from './register.js';
export { readRow, rowContext } from './row.js';
export type { PlannedDossier, RegisterProcedure, RowContext, RowReading } from './row.js';
export * from './values.js';
