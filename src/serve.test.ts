import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../tests/support/db.js';
import type { TestDb } from '../tests/support/db.js';
import { makeApp, testConfig } from '../tests/support/app.js';
import type { TestApp } from '../tests/support/app.js';
import { loadConfig } from './config.js';
import { DEMO_USERS, seedDemo } from './demo/seed.js';
import { hashPassword } from './modules/auth/password.js';
import { findUserByUsername, updateUser } from './modules/users/repository.js';
import { assertSafeToListen } from './serve.js';

it('listens on 127.0.0.1 with demo data unless HOST is set', () => {
  expect(loadConfig({}).host).toBe('127.0.0.1');
  expect(loadConfig({ CCHC_DEMO: '0' }).host).toBe('0.0.0.0');
  expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', hostExplicit: true });
});

describeEachDb('safe by default (issue 11, item 9)', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db);
    await seedDemo(tdb.db, t.services);
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  it('refuses to open demo accounts with the published password to the network, and says how to proceed', async () => {
    const exposed = testConfig({ demo: true, host: '0.0.0.0', hostExplicit: true });
    await expect(assertSafeToListen(exposed, tdb.db)).rejects.toThrow(/HOST=0\.0\.0\.0.*quantri/s);
    await expect(assertSafeToListen(exposed, tdb.db)).rejects.toThrow(/bỏ HOST/);
    await assertSafeToListen(testConfig({ demo: true, host: '127.0.0.1', hostExplicit: true }), tdb.db);
    // Once every demo account has another password (or is locked) the server may face the network.
    for (const u of DEMO_USERS) {
      const row = await findUserByUsername(tdb.db.kysely, u.username);
      if (row)
        await updateUser(tdb.db.kysely, row.id, {
          password_hash: await hashPassword('mot-mat-khau-khac-2026'),
        });
    }
    await assertSafeToListen(exposed, tdb.db);
  });
});
