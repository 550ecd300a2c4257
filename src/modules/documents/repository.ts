import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { DocumentRow, DocumentTable, TrustedRootRow, TrustedRootTable } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { num } from '../../db/types.js';
import { DOCUMENT_COUNT_KEYS, emptyDocumentCounts } from '../../core/documents/index.js';
import type { DocumentCounts } from '../../core/documents/index.js';

export type DocumentWithUnit = DocumentRow & { unit_path: string; unit_code: string; unit_name: string };

/**
 * The next number of a book: one atomic step in the writing transaction. The counter row is
 * created at 1 or incremented, and the row lock it takes (PostgreSQL) or the single writer
 * (SQLite) holds every other registration of the same book until this transaction ends — so
 * numbers are unique, and a rolled-back registration gives its number back (no gaps).
 */
export async function nextNumber(db: Q, unitId: number, year: number, book: string): Promise<number> {
  const row = await db
    .insertInto('document_counter')
    .values({ unit_id: unitId, year, book, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'year', 'book'])
        .doUpdateSet({ last_number: sql<number>`document_counter.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/**
 * The book's last number, taking the counter row's lock for the rest of the transaction (an
 * import that numbers many entries at once).
 */
export async function lockCounter(db: Q, unitId: number, year: number, book: string): Promise<number> {
  const row = await db
    .insertInto('document_counter')
    .values({ unit_id: unitId, year, book, last_number: 0 })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'year', 'book'])
        .doUpdateSet({ last_number: sql<number>`document_counter.last_number` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/** Raises a book's counter to at least `number` (numbers kept from an import). */
export async function raiseCounter(db: Q, unitId: number, year: number, book: string, number: number) {
  await db
    .insertInto('document_counter')
    .values({ unit_id: unitId, year, book, last_number: number })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'year', 'book']).doUpdateSet({
        last_number: sql<number>`case when document_counter.last_number < excluded.last_number then excluded.last_number else document_counter.last_number end`,
      }),
    )
    .execute();
}

export async function insertDocument(db: Q, v: Insertable<DocumentTable>): Promise<DocumentRow> {
  return db.insertInto('document').values(v).returningAll().executeTakeFirstOrThrow();
}

/** Inserts a batch of imported entries (one multi-row INSERT). */
export async function insertDocumentBatch(db: Q, rows: Insertable<DocumentTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('document').values(rows).execute();
}

export async function updateDocument(db: Q, id: number, v: Updateable<DocumentTable>): Promise<void> {
  await db.updateTable('document').set(v).where('id', '=', id).execute();
}

const withUnit = (db: Q) =>
  db
    .selectFrom('document')
    .innerJoin('unit', 'unit.id', 'document.unit_id')
    .selectAll('document')
    .select(['unit.path as unit_path', 'unit.code as unit_code', 'unit.name as unit_name']);

export async function findDocument(db: Q, id: number): Promise<DocumentWithUnit | undefined> {
  return withUnit(db).where('document.id', '=', id).executeTakeFirst();
}

export interface DocumentFilter {
  path: string;
  unitId?: number | undefined;
  direction?: 'outgoing' | 'incoming' | undefined;
  year?: number | undefined;
  status?: 'active' | 'cancelled' | undefined;
  /** Folded words (no diacritics, lower case), each must appear. */
  words?: string[] | undefined;
  /** Incoming documents with a deadline not handled by `asOf`, past it or due within days. */
  due?: { asOf: string; until: string } | undefined;
}

function filtered(db: Q, f: DocumentFilter) {
  let q = withUnit(db).where('unit.path', 'like', `${f.path}%`);
  if (f.unitId !== undefined) q = q.where('document.unit_id', '=', f.unitId);
  if (f.direction) q = q.where('document.direction', '=', f.direction);
  if (f.year !== undefined) q = q.where('document.year', '=', f.year);
  if (f.status) q = q.where('document.status', '=', f.status);
  for (const w of f.words ?? []) q = q.where('document.search_text', 'like', `%${w}%`);
  if (f.due)
    q = q
      .where('document.direction', '=', 'incoming')
      .where('document.status', '=', 'active')
      .where('document.handled_on', 'is', null)
      .where('document.due_date', 'is not', null)
      .where('document.due_date', '<=', f.due.until);
  return q;
}

export async function listDocuments(
  db: Q,
  f: DocumentFilter,
  page: { limit: number; offset: number },
): Promise<DocumentWithUnit[]> {
  return filtered(db, f)
    .orderBy('document.year', 'desc')
    .orderBy('document.number', 'desc')
    .orderBy('document.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countDocuments(db: Q, f: DocumentFilter): Promise<number> {
  const r = await filtered(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return num(r.n);
}

/** Numbers already used in a book and year (to refuse an imported duplicate). */
export async function usedNumbers(db: Q, unitId: number, book: string, year: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('document')
    .select('number')
    .where('unit_id', '=', unitId)
    .where('book', '=', book)
    .where('year', '=', year)
    .execute();
  return new Set(rows.map((r) => Number(r.number)));
}

/** The counter's current value (0 when the book has no number yet this year). */
export async function lastNumber(db: Q, unitId: number, year: number, book: string): Promise<number> {
  const r = await db
    .selectFrom('document_counter')
    .select('last_number')
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('book', '=', book)
    .executeTakeFirst();
  return r ? Number(r.last_number) : 0;
}

/**
 * The figures' counters (core/documents `countDocument`) in SQL, over one unit or a subtree:
 * outgoing entries by their date, incoming by the day they arrived, both in [from, to]; incoming
 * deadlines judged as of `asOf`. Confidential entries are excluded from the shares, cancelled ones
 * from everything.
 */
export async function documentCounts(
  db: Q,
  scope: { path: string; unitId?: number | undefined },
  from: string,
  to: string,
  asOf: string,
): Promise<DocumentCounts> {
  const open = sql`document.confidential = 0`;
  const sum = (cond: ReturnType<typeof sql>) =>
    sql<string>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;
  const official = sql`document.channel in ('eoffice', 'email')`;
  const base = (direction: 'outgoing' | 'incoming', dayColumn: 'document_date' | 'received_on') => {
    // `unit_id in (…)`: one range of the covering index per unit, not a scan of the whole index.
    let q = db
      .selectFrom('document')
      .where('document.unit_id', 'in', (eb) =>
        eb.selectFrom('unit').select('unit.id').where('unit.path', 'like', `${scope.path}%`),
      )
      .where('document.direction', '=', direction)
      .where('document.status', '=', 'active')
      .where(`document.${dayColumn}`, '>=', from)
      .where(`document.${dayColumn}`, '<=', to);
    if (scope.unitId !== undefined) q = q.where('document.unit_id', '=', scope.unitId);
    return q;
  };
  const out = await base('outgoing', 'document_date')
    .select([
      sql<string>`count(*)`.as('outgoing'),
      sum(sql`document.confidential = 1`).as('outgoingConfidential'),
      sum(sql`${open} and document.form = 'electronic'`).as('outgoingElectronic'),
      sum(sql`${open} and document.signed = 1`).as('outgoingSigned'),
      sum(sql`${open} and ${official}`).as('outgoingOfficialChannel'),
    ])
    .executeTakeFirstOrThrow();
  const handled = sql`document.handled_on is not null and document.handled_on <= ${asOf}`;
  const inc = await base('incoming', 'received_on')
    .select([
      sql<string>`count(*)`.as('incoming'),
      sum(sql`document.confidential = 1`).as('incomingConfidential'),
      sum(sql`${open} and document.form = 'electronic'`).as('incomingElectronic'),
      sum(sql`${open} and ${official}`).as('incomingOfficialChannel'),
      sum(sql`document.due_date is not null`).as('withDeadline'),
      sum(sql`document.due_date is not null and ${handled} and document.handled_on <= document.due_date`).as(
        'handledOnTime',
      ),
      sum(sql`document.due_date is not null and ${handled} and document.handled_on > document.due_date`).as(
        'handledLate',
      ),
      sum(sql`document.due_date is not null and not (${handled}) and document.due_date >= ${asOf}`).as(
        'openOnTime',
      ),
      sum(sql`document.due_date is not null and not (${handled}) and document.due_date < ${asOf}`).as(
        'openLate',
      ),
    ])
    .executeTakeFirstOrThrow();
  const c = emptyDocumentCounts();
  const values = { ...out, ...inc } as Record<string, string | number | null>;
  for (const k of DOCUMENT_COUNT_KEYS) c[k] = num(values[k]);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Trusted root certificates (one store per installation)

export async function listTrustedRoots(db: Q, includeRemoved = false): Promise<TrustedRootRow[]> {
  let q = db.selectFrom('trusted_root').selectAll();
  if (!includeRemoved) q = q.where('removed_at', 'is', null);
  return q.orderBy('added_at', 'desc').execute();
}

export async function findTrustedRoot(db: Q, id: number): Promise<TrustedRootRow | undefined> {
  return db.selectFrom('trusted_root').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTrustedRootByFingerprint(
  db: Q,
  fingerprint: string,
): Promise<TrustedRootRow | undefined> {
  return db.selectFrom('trusted_root').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst();
}

export async function insertTrustedRoot(db: Q, v: Insertable<TrustedRootTable>): Promise<TrustedRootRow> {
  return db.insertInto('trusted_root').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateTrustedRoot(db: Q, id: number, v: Updateable<TrustedRootTable>): Promise<void> {
  await db.updateTable('trusted_root').set(v).where('id', '=', id).execute();
}

/** When the store last changed (an import or a removal), to tell a verdict may be out of date. */
export async function trustedRootsChangedAt(db: Q): Promise<string | null> {
  const r = await db
    .selectFrom('trusted_root')
    .select([(eb) => eb.fn.max('added_at').as('added'), (eb) => eb.fn.max('removed_at').as('removed')])
    .executeTakeFirst();
  const a = r?.added ?? null;
  const b = r?.removed ?? null;
  return a && b ? (a > b ? a : b) : (a ?? b);
}
