import type { Insertable } from 'kysely';
import type { DossierEventTable, DossierTable, ProcedureRow, ProcedureTable } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { applyDossierDayCounts } from '../dossiers/repository.js';

/** Rows per multi-row INSERT: ~40 columns × 500 stays under SQLite's 32,766 bound parameters. */
export const BATCH = 500;

export async function listUnitProcedures(db: Q, unitId: number): Promise<ProcedureRow[]> {
  return db.selectFrom('procedure').selectAll().where('unit_id', '=', unitId).orderBy('code').execute();
}

export async function insertProcedures(db: Q, rows: Insertable<ProcedureTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('procedure')
      .values(rows.slice(i, i + BATCH))
      .execute();
}

export async function updateProcedureRow(
  db: Q,
  id: number,
  v: Partial<Insertable<ProcedureTable>>,
): Promise<void> {
  await db.updateTable('procedure').set(v).where('id', '=', id).execute();
}

/** Which of these dossier codes already exist (in any unit: codes are unique system-wide). */
export async function existingDossierCodes(db: Q, codes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += BATCH) {
    const rows = await db
      .selectFrom('dossier')
      .select('code')
      .where('code', 'in', codes.slice(i, i + BATCH))
      .execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

/**
 * Codes starting with `prefix` (the unit's generated codes), to continue their daily sequences.
 * The prefix is a normalised unit code (A–Z, 0–9, dots) and a dash: nothing LIKE would read.
 */
export async function dossierCodesWithPrefix(db: Q, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('dossier').select('code').where('code', 'like', `${prefix}%`).execute();
  return rows.map((r) => r.code).filter((c) => c.startsWith(prefix));
}

/** How many dossiers the unit received in [from, to): continues the register book's numbering. */
/** The unit's dossiers received in [from, to], to recognise a row without a code imported before. */
export async function dossiersReceivedBetween(
  db: Q,
  unitId: number,
  from: string,
  to: string,
): Promise<{ procedure_id: number; applicant_name: string; received_at: string }[]> {
  return db
    .selectFrom('dossier')
    .select(['procedure_id', 'applicant_name', 'received_at'])
    .where('unit_id', '=', unitId)
    .where('received_at', '>=', from)
    .where('received_at', '<=', to)
    .execute();
}

/** Inserts one batch of dossiers; returns code → id. */
export async function insertDossierBatch(
  db: Q,
  rows: Insertable<DossierTable>[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (rows.length === 0) return out;
  const inserted = await db.insertInto('dossier').values(rows).returning(['id', 'code']).execute();
  // The figures' per-day counters (ADR 006), in the same transaction.
  await applyDossierDayCounts(db, [], rows as Parameters<typeof applyDossierDayCounts>[2]);
  for (const r of inserted) out.set(r.code, r.id);
  return out;
}

export async function insertEventBatch(db: Q, rows: Insertable<DossierEventTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH * 2)
    await db
      .insertInto('dossier_event')
      .values(rows.slice(i, i + BATCH * 2))
      .execute();
}
