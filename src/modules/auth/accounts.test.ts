import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import {
  createUnit,
  makeApp,
  multipartBody,
  TEST_PASSWORD,
  userWithSession,
} from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { importPlan, smallPlanText } from '../../../tests/support/plans.js';
import type { PlanDetail } from '../plans/schema.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describeEachDb('accounts (issue 11, item 8)', (open) => {
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

  it('a password change refuses the current password', async () => {
    const unit = await createUnit(t);
    const { cookie } = await userWithSession(t, unit.id, ['staff']);
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error).toMatchObject({
      code: 'SAME_PASSWORD',
      message: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    });
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' },
    });
    expect(other.statusCode).toBeLessThan(300);
  });

  it('staff withdraw only evidence they uploaded; the officer withdraws any', async () => {
    const unit = await createUnit(t);
    const officer = await userWithSession(t, unit.id, ['officer']);
    const a = await userWithSession(t, unit.id, ['staff']);
    const b = await userWithSession(t, unit.id, ['staff']);
    const { planId } = await importPlan(t, officer.cookie, unit.id, smallPlanText());
    const plan = await t.app.inject({
      method: 'GET',
      url: `/api/plans/${planId}`,
      headers: { cookie: officer.cookie },
    });
    const task = plan.json<PlanDetail>().tasks[0]!;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { cookie: officer.cookie },
      payload: { assigneeIds: [a.user.id, b.user.id] },
    });
    const upload = async (cookie: string) => {
      const body = multipartBody({}, { field: 'file', filename: 'minh-chung.pdf', content: PDF });
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/tasks/${task.id}/evidence`,
        headers: { cookie, ...body.headers },
        payload: body.payload,
      });
      expect(r.statusCode).toBe(200);
      return r.json<{ id: number }>().id;
    };
    const withdraw = (id: number, cookie: string) =>
      t.app.inject({ method: 'POST', url: `/api/evidence/${id}/withdraw`, headers: { cookie } });
    const officersFile = await upload(officer.cookie);
    const aFile = await upload(a.cookie);
    const refused = await withdraw(officersFile, b.cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/do chính mình tải lên/);
    expect((await withdraw(aFile, b.cookie)).statusCode).toBe(403);
    expect((await withdraw(aFile, a.cookie)).statusCode).toBe(200);
    expect((await withdraw(officersFile, officer.cookie)).statusCode).toBe(200);
  });
});
