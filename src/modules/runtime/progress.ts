import { createHash } from 'node:crypto';
import type { Q } from '../../db/types.js';
import type { ImportProgressView, SharedProgress } from '../../lib/import-progress.js';
import type { Clock } from '../../lib/clock.js';
import { findImportProgress, saveImportProgress } from './repository.js';

/**
 * Import progress shared through the `import_progress` table (keyed by the sha256 of the secret
 * id), written through the pool outside the import's transaction, so that every server process
 * answers the progress request (ADR 008). Only on PostgreSQL: SQLite serves one process, and its
 * only connection is held by the import's transaction.
 */
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function sharedImportProgress(db: Q, clock: Clock): SharedProgress {
  return {
    save: (e) =>
      saveImportProgress(
        db,
        sha256(Buffer.from(e.id)),
        { ...e, finishedAt: e.finishedAt === null ? null : new Date(e.finishedAt).toISOString() },
        clock.now().toISOString(),
      ),
    async load(id): Promise<ImportProgressView | null> {
      const row = await findImportProgress(db, sha256(Buffer.from(id)));
      if (!row) return null;
      return {
        id,
        state: row.state as ImportProgressView['state'],
        done: row.done,
        total: row.total,
        message: row.message,
      };
    },
  };
}
