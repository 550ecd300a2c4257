import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../tests/support/db.js';
import type { TestDb } from '../../tests/support/db.js';
import { login, makeApp } from '../../tests/support/app.js';
import type { TestApp } from '../../tests/support/app.js';
import type { FeedbackListItem } from '../modules/feedback/schema.js';
import { DEMO_PASSWORD, seedDemo } from './seed.js';

describeEachDb('demo feedback (PAKN)', (open) => {
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

  it('seeds a published, a forwarded, a handled and an unclassified item, and a template', async () => {
    expect(await seedDemo(tdb.db, t.services)).toBe(true);
    const cookie = await login(t, 'quantri', DEMO_PASSWORD);
    const items = (await t.app.inject({ method: 'GET', url: '/api/feedback', headers: { cookie } })).json<
      FeedbackListItem[]
    >();
    expect(items.map((i) => i.status).sort()).toEqual(['accepted', 'forwarded', 'published', 'received']);
    const answers = (
      await t.app.inject({ method: 'GET', url: '/api/public/feedback/answers?q=khoan%20thu' })
    ).json<{ items: { title: string }[] }>();
    expect(answers.items.map((a) => a.title)).toEqual(['Công khai các khoản thu đầu năm học']);
    const templates = (
      await t.app.inject({ method: 'GET', url: '/api/feedback/templates', headers: { cookie } })
    ).json<unknown[]>();
    expect(templates).toHaveLength(1);
  });
});
