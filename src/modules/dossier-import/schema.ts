import { z } from 'zod';
import { REGISTER_FIELD_LABELS, REGISTER_FIELDS } from '../../core/register-import/index.js';

export {
  PROCEDURE_FIELD_LABELS,
  PROCEDURE_FIELDS,
  PROCEDURE_SYNONYMS,
  REGISTER_FIELD_LABELS,
  REGISTER_FIELDS,
  REGISTER_SYNONYMS,
} from '../../core/register-import/index.js';
export type { ProcedureField, RegisterField, RowError } from '../../core/register-import/index.js';

// ---------------------------------------------------------------------------------------------
// Procedure catalogue

export const RowErrorOut = z.object({ row: z.number(), field: z.string(), message: z.string() });

export const ProcedureImportReport = z.object({
  dryRun: z.boolean(),
  headerRow: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      code: z.string(),
      name: z.string(),
      action: z.enum(['created', 'updated', 'unchanged']),
      limitText: z.string(),
      feeBearing: z.boolean(),
      onlineLevel: z.enum(['full', 'partial', 'none']),
      resultType: z.enum(['paper', 'electronic']),
    }),
  ),
  errors: z.array(RowErrorOut),
});
export type ProcedureImportReport = z.infer<typeof ProcedureImportReport>;

// ---------------------------------------------------------------------------------------------
// Register of dossiers

/** A caller's mapping: field → 0-based column index, or null to leave a detected field out. */
export const ColumnMapping = z.partialRecord(
  z.enum(REGISTER_FIELDS),
  z.number().int().min(0).max(1000).nullable(),
);
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** One row as understood, for the preview (dates ISO UTC). */
export const UnderstoodRow = z.object({
  row: z.number(),
  code: z.string(),
  codeGenerated: z.boolean(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  channel: z.enum(['direct', 'online', 'postal']),
  receivedAt: z.string(),
  appointmentAt: z.string(),
  appointmentComputed: z.boolean(),
  status: z.string(),
  endedAt: z.string().nullable(),
  endKind: z.string().nullable(),
  late: z.boolean(),
  supplementRequests: z.number(),
});
export type UnderstoodRow = z.infer<typeof UnderstoodRow>;

export const RegisterCounts = z.object({
  /** Data rows read (blank and column-numbering rows excluded). */
  rows: z.number(),
  valid: z.number(),
  /** Rows with at least one error. */
  invalid: z.number(),
  /** Rows with no dossier in them (blank, "(1) (2) (3)…" numbering, footers), skipped. */
  skipped: z.number(),
  generatedCodes: z.number(),
  computedAppointments: z.number(),
  open: z.number(),
  ended: z.number(),
  late: z.number(),
});
export type RegisterCounts = z.infer<typeof RegisterCounts>;

/** The fields a column can be mapped to, with their Vietnamese names, for the mapping screen. */
export const RegisterFieldInfo = z.object({
  key: z.enum(REGISTER_FIELDS),
  label: z.string(),
  required: z.boolean(),
});
export const REGISTER_FIELD_INFO: z.infer<typeof RegisterFieldInfo>[] = REGISTER_FIELDS.map((key) => ({
  key,
  label: REGISTER_FIELD_LABELS[key],
  // A procedure code or a procedure name is needed too (either will do).
  required: key === 'applicantName' || key === 'receivedAt',
}));

export const RegisterPreview = z.object({
  fileKind: z.enum(['xlsx', 'csv']),
  fields: z.array(RegisterFieldInfo),
  headerRow: z.number(),
  columns: z.array(
    z.object({ index: z.number(), header: z.string(), field: z.enum(REGISTER_FIELDS).nullable() }),
  ),
  mapping: z.partialRecord(z.enum(REGISTER_FIELDS), z.number()),
  counts: RegisterCounts,
  sample: z.array(UnderstoodRow),
  errors: z.array(RowErrorOut),
});
export type RegisterPreview = z.infer<typeof RegisterPreview>;

export const CommitResult = z.object({
  imported: z.number(),
  counts: RegisterCounts,
  importId: z.string().nullable(),
});

export const ImportProgress = z.object({
  id: z.string(),
  state: z.enum(['reading', 'saving', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  message: z.string().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** A client-chosen id for following a commit's progress. */
/**
 * A commit's progress id, chosen by the client: a secret of at least 128 bits (the progress route
 * answers without a session, so the id is what entitles the reader — it shows counts only).
 */
export const ImportId = z.string().regex(/^[A-Za-z0-9_-]{24,64}$/, 'Mã theo dõi tiến độ không hợp lệ');
