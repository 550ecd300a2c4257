import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { PROGRESS_KEEP_MS, STALE_PROGRESS_MS, housekeeping } from './housekeeping.js';
import { saveImportProgress } from './repository.js';

describeEachDb('housekeeping of shared import progress', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db);
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  describe('purge', () => {
    it('drops finished imports after the keep time and killed ones once they stopped moving', async () => {
      const unit = await createUnit(t);
      const now = Date.UTC(2026, 11, 3, 9, 0);
      const iso = (ms: number) => new Date(ms).toISOString();
      const row = (state: string, finishedAt: string | null) => ({
        state,
        done: 500,
        total: 1000,
        message: null,
        userId: null,
        unitId: unit.id,
        finishedAt,
      });
      const q = tdb.db.kysely;
      await saveImportProgress(
        q,
        'finished-long-ago',
        row('done', iso(now - PROGRESS_KEEP_MS - 1)),
        iso(now - PROGRESS_KEEP_MS - 1),
      );
      await saveImportProgress(q, 'finished-just-now', row('done', iso(now - 1000)), iso(now - 1000));
      // A process killed while saving never writes `finished_at`.
      await saveImportProgress(q, 'killed-yesterday', row('saving', null), iso(now - STALE_PROGRESS_MS - 1));
      await saveImportProgress(q, 'saving-now', row('saving', null), iso(now - 5000));
      await housekeeping(q, { now: () => new Date(now) });
      const left = await q.selectFrom('import_progress').select('id_hash').orderBy('id_hash').execute();
      expect(left.map((r) => r.id_hash)).toEqual(['finished-just-now', 'saving-now']);
    });
  });
});
