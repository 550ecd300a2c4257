import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../tests/support/db.js';
import type { TestDb } from '../../tests/support/db.js';
import { login, makeApp } from '../../tests/support/app.js';
import type { TestApp } from '../../tests/support/app.js';
import type { PlanListItem } from '../modules/plans/schema.js';
import { DEMO_PASSWORD, demoLoginActive, seedDemo } from './seed.js';

describeEachDb('demo data for npm start', (open) => {
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

  it('seeds an empty database once, with a working demo login and plan', async () => {
    expect(await seedDemo(tdb.db, t.services)).toBe(true);
    expect(await seedDemo(tdb.db, t.services)).toBe(false);
    expect(await demoLoginActive(tdb.db)).toBe(true);
    const cookie = await login(t, 'quantri', DEMO_PASSWORD);
    const plans = (await t.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } })).json<PlanListItem[]>();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ number: '12/KH-THHB', year: 2026, taskCount: 25 });
    expect(plans[0]!.doneCount).toBeGreaterThan(0);
    const ward = await login(t, 'phuong', DEMO_PASSWORD);
    const units = (await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: ward } })).json<{ code: string }[]>();
    expect(units.map((u) => u.code)).toEqual(['PHB', 'THHB', 'MNSM']);
    // A small register too, so that the dossier pages and figures show something.
    const page = (await t.app.inject({ method: 'GET', url: '/api/dossiers', headers: { cookie } })).json<{ items: { endedAt: string | null }[]; total: number }>();
    const dossiers = page.items;
    expect(page.total).toBe(5);
    expect(dossiers).toHaveLength(5);
    expect(dossiers.filter((d) => d.endedAt !== null)).toHaveLength(2);
  });
});
