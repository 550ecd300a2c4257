/**
 * A register file read against the unit (its catalogue, calendar and the dossiers the system
 * holds): the I/O around `core/register-import`, shared by the preview and the commit.
 */
import { parseTimeOfDay } from '../../core/calendar/index.js';
import {
  assignCodes,
  codelessKey,
  codelessSpan,
  codePrefix,
  emptyCounts,
  finishReading,
  readLayout,
  readRegister,
  refuseKnownCodeless,
  refuseTakenCodes,
  rowContext,
} from '../../core/register-import/index.js';
import type {
  MappingOverride,
  PlannedDossier,
  RegisterCounts,
  RowError,
} from '../../core/register-import/index.js';
import type { ProcedureRow, UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { sha256 } from '../../lib/hash.js';
import type { CalendarService } from '../calendar/service.js';
import type { ImportSource } from './access.js';
import type { Sheet } from './file.js';
import {
  dossierCodesWithPrefix,
  dossiersReceivedBetween,
  existingDossierCodes,
  listUnitProcedures,
} from './repository.js';
import type { RegisterField, RegisterPreview } from './schema.js';

/** A dossier of the file ready to be written. */
export type Planned = PlannedDossier<ProcedureRow>;

export interface Analysis {
  fileKind: 'xlsx' | 'csv';
  headerRow: number;
  columns: RegisterPreview['columns'];
  mapping: Partial<Record<RegisterField, number>>;
  planned: Planned[];
  errors: RowError[];
  counts: RegisterCounts;
  sha256: string;
}

export interface AnalyseDeps {
  db: Q;
  clock: Clock;
  calendar: CalendarService;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function analyse(
  { db, clock, calendar }: AnalyseDeps,
  unit: UnitRow,
  src: ImportSource,
  sheet: Sheet,
  override: MappingOverride | undefined,
): Promise<Analysis> {
  const layout = readLayout(sheet.rows, override);
  const { headerRow, columns, mapping } = layout;
  const base = { fileKind: sheet.kind, headerRow, columns, mapping, sha256: sha256(src.bytes) };
  if (layout.errors.length > 0) return { ...base, counts: emptyCounts(), planned: [], errors: layout.errors };

  // Read everything the rows need before any transaction (SQLite has one connection).
  const procedures = await listUnitProcedures(db, unit.id);
  const cal = (await calendar.forUnit(unit.id)).calendar;
  const ctx = rowContext(mapping, procedures, cal, {
    morning: parseTimeOfDay(cal.officeHours.morning[0]),
    endOfDay: parseTimeOfDay(cal.officeHours.afternoon[1]),
    nowMs: clock.now().getTime(),
  });
  const reading = readRegister(sheet.rows.slice(layout.headerIndex + 1), ctx);

  const taken = await existingDossierCodes(
    db,
    reading.givenCodes.map((g) => g.code),
  );
  refuseTakenCodes(reading, taken);
  const span = codelessSpan(reading);
  if (span) {
    const held = await dossiersReceivedBetween(db, unit.id, iso(span.from), iso(span.to));
    refuseKnownCodeless(
      reading,
      new Set(
        held.map((d) => codelessKey(d.procedure_id, d.applicant_name, new Date(d.received_at).toISOString())),
      ),
    );
  }
  const prefix = codePrefix(unit.code);
  const existing =
    prefix !== null && reading.needingCodes().length > 0 ? await dossierCodesWithPrefix(db, prefix) : [];
  assignCodes(reading, unit.code, existing);
  return { ...base, ...finishReading(reading) };
}
