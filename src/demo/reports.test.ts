import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../tests/support/db.js';
import type { TestDb } from '../../tests/support/db.js';
import { login, makeApp } from '../../tests/support/app.js';
import type { TestApp } from '../../tests/support/app.js';
import { DEMO_PASSWORD, seedDemo } from './seed.js';

describeEachDb('demo reports for npm start', (open) => {
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

  it('seeds the school’s quarter I report submitted and its quarter III report as a draft', async () => {
    expect(await seedDemo(tdb.db, t.services)).toBe(true);
    const ward = await login(t, 'phuong', DEMO_PASSWORD);
    const school = await tdb.db.kysely
      .selectFrom('unit')
      .select('id')
      .where('code', '=', 'THHB')
      .executeTakeFirstOrThrow();
    const overview = await t.app.inject({
      method: 'GET',
      url: '/api/reports/overview?period=2026-Q1',
      headers: { cookie: ward },
    });
    expect(
      overview
        .json<{ units: { unitId: number; state: string }[] }>()
        .units.find((u) => u.unitId === school.id)?.state,
    ).toBe('submitted');
    const q3 = await t.app.inject({
      method: 'GET',
      url: `/api/reports/units/${school.id}/periods/2026-Q3`,
      headers: { cookie: ward },
    });
    expect(q3.json<{ period: { status: string }; draft: { number: string } }>()).toMatchObject({
      period: { status: 'draft' },
      draft: { number: '35/BC-THHB' },
    });
  });
});
