/** Use case: read and check a register file, saving nothing. */
import { REGISTER_FIELD_INFO } from './schema.js';
import type { RegisterPreview, UnderstoodRow } from './schema.js';
import type { Analysis, Planned } from './analyse.js';

const SAMPLE = 20;
const iso = (ms: number) => new Date(ms).toISOString();

/** One row as understood, for the preview (dates ISO UTC). */
export function understood(p: Planned): UnderstoodRow {
  return {
    row: p.row,
    code: p.code,
    codeGenerated: p.codeGenerated,
    procedureCode: p.procedure.code,
    procedureName: p.procedure.name,
    applicantName: p.applicant.name,
    channel: p.channel,
    receivedAt: iso(p.received),
    appointmentAt: iso(p.appointment),
    appointmentComputed: p.appointmentComputed,
    status: p.state.status,
    endedAt: p.state.endedAt === null ? null : iso(p.state.endedAt),
    endKind: p.state.endKind,
    late: p.state.late,
    supplementRequests: p.supplementRequests,
  };
}

/** The preview of an analysed file: its columns, counts, the first rows understood, the errors. */
export function previewOf(a: Analysis): RegisterPreview {
  return {
    fileKind: a.fileKind,
    fields: REGISTER_FIELD_INFO,
    headerRow: a.headerRow,
    columns: a.columns,
    mapping: a.mapping,
    counts: a.counts,
    sample: [...a.planned]
      .sort((x, y) => x.row - y.row)
      .slice(0, SAMPLE)
      .map(understood),
    errors: a.errors,
  };
}
