/**
 * Saving an analysed register in one transaction: numbers allocated book by book under the
 * counter's lock, rows inserted in batches with progress, the counters raised, one audit line.
 */
import type { Insertable } from 'kysely';
import type { Book } from '../../core/documents/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { DocumentTable } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import { sha256 } from '../../lib/hash.js';
import type { ImportProgressEntry, ImportProgressStore } from '../../lib/import-progress.js';
import { insertAudit } from '../audit/repository.js';
import { NO_FILE_YET, searchTextOf } from './context.js';
import type { Planned } from './import-cells.js';
import type { DocumentImportCounts } from './import-schema.js';
import { insertDocumentBatch, lockCounter, raiseCounter } from './repository.js';

const BATCH = 500;

export interface SaveInput {
  unitId: number;
  userId: number | null;
  now: string;
  src: { bytes: Uint8Array; filename: string | null };
  planned: Planned[];
  counts: DocumentImportCounts;
  requestId: string | undefined;
  onProgress: ((done: number, total: number) => void) | undefined;
  entry: ImportProgressEntry | null;
  progressStore: ImportProgressStore;
}

/**
 * Gives every entry without a number the next of its book, in the given order; returns each
 * book's next free number. Locks the book's counter row for the transaction: no registration
 * interleaves.
 */
async function allocateNumbers(tx: Q, unitId: number, planned: Planned[], ordered: Planned[]) {
  const next = new Map<string, number>();
  for (const p of ordered) {
    const k = `${p.book}|${p.year}`;
    if (!next.has(k)) {
      const last = await lockCounter(tx, unitId, p.year, p.book);
      const given = planned
        .filter((q) => q.book === p.book && q.year === p.year && q.number !== null)
        .reduce((m, q) => Math.max(m, q.number!), 0);
      next.set(k, Math.max(last, given) + 1);
    }
    if (p.number === null) {
      p.number = next.get(k)!;
      next.set(k, p.number + 1);
    }
  }
  return next;
}

function rowOf(p: Planned, s: SaveInput): Insertable<DocumentTable> {
  const values = {
    unit_id: s.unitId,
    direction: p.direction,
    book: p.book,
    year: p.year,
    number: p.number!,
    number_text: p.numberText,
    doc_type: p.docType,
    document_date: p.documentDate,
    received_on: p.receivedOn,
    summary: p.summary,
    sender: p.sender,
    recipients: p.recipients,
    handling_unit: p.handlingUnit,
    due_date: p.dueDate,
    handled_on: p.handledOn,
    form: p.form,
    signed: p.signed ? 1 : 0,
    signer: p.signer,
    confidential: p.confidential ? 1 : 0,
    channel: p.channel,
    ...NO_FILE_YET,
    source: 'import',
    created_by: s.userId,
    created_at: s.now,
    updated_at: s.now,
  };
  return { ...values, search_text: searchTextOf(values) };
}

async function insertInBatches(tx: Q, ordered: Planned[], s: SaveInput) {
  const total = ordered.length;
  let done = 0;
  for (let i = 0; i < ordered.length; i += BATCH) {
    const rows = ordered.slice(i, i + BATCH).map((p) => rowOf(p, s));
    await insertDocumentBatch(tx, rows);
    done += rows.length;
    if (s.entry) {
      s.entry.done = done;
      await s.progressStore.publish(s.entry);
    }
    s.onProgress?.(done, total);
    // Let the event loop turn (better-sqlite3 answers synchronously).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Saves every planned entry, all or nothing; returns how many. */
export async function saveRegister(db: Q, s: SaveInput): Promise<number> {
  const { planned, counts } = s;
  const total = planned.length;
  if (s.entry) Object.assign(s.entry, { state: 'saving', total });
  // Book by book, in the order of their dates: allocated arrival numbers follow arrival order.
  const ordered = [...planned].sort(
    (x, y) => (x.receivedOn ?? x.documentDate).localeCompare(y.receivedOn ?? y.documentDate) || x.row - y.row,
  );
  try {
    await db.transaction().execute(async (tx) => {
      const next = await allocateNumbers(tx, s.unitId, planned, ordered);
      await insertInBatches(tx, ordered, s);
      for (const [k, n] of next) {
        const [book, year] = k.split('|') as [Book, string];
        await raiseCounter(tx, s.unitId, Number(year), book, n - 1);
      }
      await insertAudit(tx, {
        unitId: s.unitId,
        userId: s.userId,
        entity: 'document',
        entityId: null,
        action: 'import',
        after: {
          filename: s.src.filename,
          sha256: sha256(s.src.bytes),
          imported: total,
          outgoing: counts.outgoing,
          incoming: counts.incoming,
          confidential: counts.confidential,
          numbersAllocated: counts.numbersToAllocate,
          defaulted: counts.defaulted,
        },
        at: s.now,
        requestId: s.requestId ?? null,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError(
        'CONFLICT',
        'Một số số văn bản vừa được dùng bởi thao tác khác: chưa lưu gì, hãy nhập lại tệp.',
      );
    throw e;
  }
  return total;
}
