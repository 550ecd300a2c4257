/**
 * One app on a fresh database for a `describeEachDb` block: `use` gets both once they are up; the
 * app is closed and the database dropped after the block. (A candidate for tests/support.)
 */
import { afterAll, beforeAll } from 'vitest';
import { makeApp } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { TestDb } from '../../../tests/support/db.js';

export function appPerDb(
  open: () => Promise<TestDb>,
  options: Parameters<typeof makeApp>[1],
  use: (tdb: TestDb, t: TestApp) => void,
): void {
  let tdb: TestDb | undefined;
  let t: TestApp | undefined;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, options);
    use(tdb, t);
  });
  afterAll(async () => {
    await t?.app.close();
    await tdb?.drop();
  });
}
