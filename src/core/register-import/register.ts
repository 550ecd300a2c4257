/**
 * A register file read row by row into planned dossiers, then checked against what the system
 * holds (codes already taken, dossiers imported before) and given our own codes where the file
 * has none. Pure: the caller reads the database and passes what it found.
 */
import { dateOfMoment } from '../calendar/index.js';
import { dossierCode, normaliseUnitCode, parseDossierCode } from '../dossier/index.js';
import { REGISTER_FIELD_LABELS } from './fields.js';
import type { RegisterField, RowError } from './fields.js';
import { isFiller } from './filler.js';
import type { SheetRow } from './layout.js';
import { readRow } from './row.js';
import type { PlannedDossier, RegisterProcedure, RowContext } from './row.js';

export interface RegisterCounts {
  /** Data rows read (blank and column-numbering rows excluded). */
  rows: number;
  valid: number;
  /** Rows with at least one error. */
  invalid: number;
  /** Rows with no dossier in them (blank, "(1) (2) (3)…" numbering, footers), skipped. */
  skipped: number;
  generatedCodes: number;
  computedAppointments: number;
  open: number;
  ended: number;
  late: number;
}

export const emptyCounts = (): RegisterCounts => ({
  rows: 0,
  valid: 0,
  invalid: 0,
  skipped: 0,
  generatedCodes: 0,
  computedAppointments: 0,
  open: 0,
  ended: 0,
  late: 0,
});

/** A register being read: every row's dossier or problems, and the codes the file gives. */
export class RegisterReading<P extends RegisterProcedure = RegisterProcedure> {
  readonly planned: PlannedDossier<P>[] = [];
  readonly errors: RowError[] = [];
  readonly invalidRows = new Set<number>();
  readonly givenCodes: { code: string; row: number }[] = [];
  readonly counts = emptyCounts();

  err(row: number, field: RegisterField, message: string): void {
    this.invalidRows.add(row);
    this.errors.push({ row, field, message: `${REGISTER_FIELD_LABELS[field]}: ${message}` });
  }

  /** The rows without a code of their own that are still valid. */
  needingCodes(): PlannedDossier<P>[] {
    return this.planned.filter((p) => p.codeGenerated && !this.invalidRows.has(p.row));
  }
}

/** Reads every row after the header. */
export function readRegister<P extends RegisterProcedure>(
  rows: readonly SheetRow[],
  ctx: RowContext<P>,
): RegisterReading<P> {
  const reading = new RegisterReading<P>();
  const codeRows = new Map<string, number>();
  const claimCode = (code: string, row: number) => {
    const first = codeRows.get(code);
    if (first !== undefined) return first;
    codeRows.set(code, row);
    reading.givenCodes.push({ code, row });
    return undefined;
  };
  for (const { row, cells } of rows) {
    const filler = isFiller(cells);
    if (filler === 'numbering') reading.counts.skipped++;
    if (filler !== null) continue;
    const r = readRow(row, cells, ctx, (code) => claimCode(code, row));
    if (r.kind === 'skipped') {
      reading.counts.skipped++;
      continue;
    }
    reading.counts.rows++;
    if (r.errors.length > 0) reading.invalidRows.add(row);
    reading.errors.push(...r.errors);
    if (r.dossier) reading.planned.push(r.dossier);
  }
  return reading;
}

/** Codes of the file already in the system (any unit: dossier codes are unique system-wide). */
export function refuseTakenCodes(reading: RegisterReading, taken: ReadonlySet<string>): void {
  for (const g of reading.givenCodes)
    if (taken.has(g.code))
      reading.err(g.row, 'code', `mã ${g.code} đã có trong hệ thống (hồ sơ đã được nhập trước đây?).`);
}

/** What makes a codeless row the same dossier as one the unit holds. */
export const codelessKey = (procedureId: number, applicantName: string, receivedIso: string): string =>
  `${procedureId}|${applicantName}|${receivedIso}`;

/** The receipt moments the codeless rows span, to look the unit's dossiers up; null if none. */
export function codelessSpan(reading: RegisterReading): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const p of reading.planned)
    if (p.codeGenerated) {
      from = Math.min(from, p.received);
      to = Math.max(to, p.received);
    }
  return from <= to ? { from, to } : null;
}

/**
 * A row without a code matching a dossier of the unit (same procedure, applicant and receipt
 * moment, keyed by `codelessKey`) was imported before: refuse it rather than register it twice.
 */
export function refuseKnownCodeless(reading: RegisterReading, known: ReadonlySet<string>): void {
  for (const p of reading.planned)
    if (
      p.codeGenerated &&
      known.has(codelessKey(p.procedure.id, p.applicant.name, new Date(p.received).toISOString()))
    )
      reading.err(
        p.row,
        'code',
        'đơn vị đã có hồ sơ cùng thủ tục, người nộp và thời điểm tiếp nhận (hồ sơ đã được nhập trước đây?).',
      );
}

/** The prefix of the unit's dossier codes ("UBXA-"), or null when its code cannot make one. */
export function codePrefix(unitCode: string): string | null {
  try {
    return `${normaliseUnitCode(unitCode)}-`;
  } catch {
    return null;
  }
}

/**
 * Our own codes for the rows without one: the day's sequence continues after every code of the
 * unit's shape already used that day, in the system (`existing`) or in the file.
 */
export function assignCodes(reading: RegisterReading, unitCode: string, existing: readonly string[]): void {
  const needCodes = reading.needingCodes();
  if (needCodes.length === 0) return;
  const prefix = codePrefix(unitCode);
  if (prefix === null) {
    for (const p of needCodes)
      reading.err(
        p.row,
        'code',
        `thiếu mã hồ sơ và không sinh được mã từ mã đơn vị "${unitCode}": hãy ghi mã hồ sơ.`,
      );
    return;
  }
  const maxSeq = new Map<string, number>();
  const note = (c: string) => {
    const parsed = c.startsWith(prefix) ? parseDossierCode(c) : null;
    if (parsed && `${parsed.unitCode}-` === prefix)
      maxSeq.set(parsed.date, Math.max(maxSeq.get(parsed.date) ?? 0, parsed.seq));
  };
  for (const c of existing) note(c);
  for (const g of reading.givenCodes) note(g.code);
  needCodes.sort((a, b) => a.received - b.received || a.row - b.row);
  for (const p of needCodes) {
    const day = dateOfMoment(p.received);
    const seq = (maxSeq.get(day) ?? 0) + 1;
    try {
      p.code = dossierCode(unitCode, p.received, seq);
      maxSeq.set(day, seq);
    } catch (e) {
      reading.err(p.row, 'code', `không sinh được mã hồ sơ (${(e as Error).message}).`);
    }
  }
}

/** The valid dossiers, the problems by row, and the counts. */
export function finishReading<P extends RegisterProcedure>(
  reading: RegisterReading<P>,
): { planned: PlannedDossier<P>[]; errors: RowError[]; counts: RegisterCounts } {
  const { counts } = reading;
  const planned = reading.planned.filter((p) => !reading.invalidRows.has(p.row));
  counts.invalid = reading.invalidRows.size;
  counts.valid = counts.rows - counts.invalid;
  for (const p of planned) {
    if (p.codeGenerated) counts.generatedCodes++;
    if (p.appointmentComputed) counts.computedAppointments++;
    if (p.state.endedAt === null) counts.open++;
    else counts.ended++;
    if (p.state.late) counts.late++;
  }
  const errors = [...reading.errors].sort((a, b) => a.row - b.row);
  return { planned, errors, counts };
}
