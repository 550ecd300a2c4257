import { sql } from 'kysely';
import { normaliseUnitCode, parseDossierCode } from '../../core/dossier/index.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';

/**
 * Numbers that never collide (ADR 008): the last number issued in each scope is one row of
 * `number_counter`, incremented with an upsert `… RETURNING` inside the writing transaction. Two
 * writers of one scope queue on the row (PostgreSQL's row lock, SQLite's write lock); a rolled-back
 * transaction gives its number back, so a scope stays gapless.
 */
export const counterScope = {
  /** Dossier codes `PREFIX-YYMMDD-NNNN`: per unit code and Vietnam day. */
  dossierCode: (unitCode: string, day: string) => `dossier_code:${normaliseUnitCode(unitCode)}:${day}`,
  /** Register entry numbers: per unit and register book (the receipt year). */
  registerNo: (unitId: number, book: string) => `register_no:${unitId}:${book}`,
  /** PAKN codes `PA-PREFIX-YYMMDD-NNNN` (public form and staff entry): per unit code and day. */
  feedbackCode: (unitCode: string, day: string) => `feedback_code:${normaliseUnitCode(unitCode)}:${day}`,
  /** Versions of a PAR criteria set: per owner unit, year and kind of unit (`-`: every kind). */
  parSetVersion: (ownerId: number, year: number, unitKind: string | null) =>
    `par_set_version:${ownerId}:${year}:${unitKind ?? '-'}`,
};

/** Takes `count` numbers of a scope; returns the last one (the first is `last - count + 1`). */
export async function takeNumbers(db: Q, scope: string, count = 1): Promise<number> {
  const row = await db
    .insertInto('number_counter')
    .values({ scope, value: count })
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet({ value: sql<number>`number_counter.value + excluded.value` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return num(row.value);
}

/** Makes sure a scope's counter is at least `value` (a number that came from elsewhere: an import). */
export async function raiseCounter(db: Q, scope: string, value: number): Promise<void> {
  await db
    .insertInto('number_counter')
    .values({ scope, value })
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet({
        value: sql<number>`case when excluded.value > number_counter.value then excluded.value else number_counter.value end`,
      }),
    )
    .execute();
}

/** Stored counters whose scope starts with one of the prefixes (all when none). */
export async function listCounters(db: Q, prefixes: string[] = []): Promise<Map<string, number>> {
  let q = db.selectFrom('number_counter').select(['scope', 'value']);
  if (prefixes.length > 0) q = q.where((eb) => eb.or(prefixes.map((p) => eb('scope', 'like', `${p}%`))));
  return new Map((await q.execute()).map((r) => [r.scope, num(r.value)]));
}

/** Sets counters to the given values (a repair). */
export async function setCounters(db: Q, values: Map<string, number>): Promise<void> {
  const rows = [...values].map(([scope, value]) => ({ scope, value }));
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('number_counter')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.column('scope').doUpdateSet({ value: sql<number>`excluded.value` }))
      .execute();
}

/** The scope prefixes of one unit's counters (for `figures verify --unit`). */
export function unitCounterPrefixes(unit: { id: number; code: string }): string[] {
  const prefix = normaliseUnitCode(unit.code);
  return [`dossier_code:${prefix}:`, `feedback_code:${prefix}:`, `register_no:${unit.id}:`];
}

/**
 * What every counter should hold, recounted from the rows: the highest register number per unit
 * and book, the highest sequence of the codes of the unit's own shape per day.
 */
export async function expectedNumberCounters(db: Q, unitId?: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const keep = (scope: string, value: number) => out.set(scope, Math.max(out.get(scope) ?? 0, value));
  let reg = db
    .selectFrom('dossier')
    .select(['unit_id', 'register_book', (eb) => eb.fn.max('register_no').as('n')])
    .where('register_no', 'is not', null)
    .where('register_book', 'is not', null)
    .groupBy(['unit_id', 'register_book']);
  if (unitId !== undefined) reg = reg.where('unit_id', '=', unitId);
  for (const r of await reg.execute())
    keep(counterScope.registerNo(r.unit_id, String(r.register_book)), num(r.n));

  const units = new Map(
    (await db.selectFrom('unit').select(['id', 'code']).execute()).map((u) => {
      let prefix: string | null = null;
      try {
        prefix = normaliseUnitCode(u.code);
      } catch {
        prefix = null;
      }
      return [u.id, prefix];
    }),
  );
  const codes = async (table: 'dossier' | 'feedback', strip: string, kind: string) => {
    let lastId = 0;
    for (;;) {
      let q = db
        .selectFrom(table)
        .select(['id', 'unit_id', 'code'])
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(20_000);
      if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
      const rows = await q.execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        const prefix = units.get(r.unit_id);
        if (!prefix || !r.code.startsWith(strip)) continue;
        const p = parseDossierCode(r.code.slice(strip.length));
        if (p && p.unitCode === prefix) keep(`${kind}:${prefix}:${p.date}`, p.seq);
      }
      lastId = rows[rows.length - 1]!.id;
    }
  };
  await codes('dossier', '', 'dossier_code');
  await codes('feedback', 'PA-', 'feedback_code');
  return out;
}

/** Fills the counters from the existing rows (the migration that introduced them). */
export async function initialiseNumberCounters(db: Q): Promise<void> {
  await setCounters(db, await expectedNumberCounters(db));
}
