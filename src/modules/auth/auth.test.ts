import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, createUser, login, makeApp, TEST_PASSWORD } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Mật-khẩu-đúng');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('Mật-khẩu-đúng', hash)).toBe(true);
    expect(await verifyPassword('mật-khẩu-sai', hash)).toBe(false);
  });
  it('treats composed and decomposed Vietnamese the same', async () => {
    const hash = await hashPassword('Hòa Bình'.normalize('NFC'));
    expect(await verifyPassword('Hòa Bình'.normalize('NFD'), hash)).toBe(true);
  });
});

describeEachDb('accounts and sessions', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { config: { loginMaxFailures: 3 } });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  it('logs in with an HttpOnly SameSite cookie, answers /me, and logs out', async () => {
    const unit = await createUnit(t, { name: 'Trường Tiểu học An Phú' });
    const user = await createUser(t, unit.id, ['officer']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = `cchc_session=${res.cookies[0]!.value}`;
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: user.username, roles: ['officer'] },
      unit: { name: 'Trường Tiểu học An Phú' },
    });
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe('Bạn cần đăng nhập để tiếp tục.');
  });

  it('stores only a hash of the session token', async () => {
    const unit = await createUnit(t);
    const user = await createUser(t, unit.id, ['staff']);
    const cookie = await login(t, user.username);
    const token = cookie.split('=')[1]!;
    const rows = await tdb.db.kysely
      .selectFrom('session')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password in Vietnamese and pauses login after too many failures', async () => {
    const unit = await createUnit(t);
    const user = await createUser(t, unit.id, ['staff']);
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: 'sai-mat-khau' },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('LOGIN_RATE_LIMITED');
    expect(blocked.json().error.message).toContain('đăng nhập sai quá 3 lần');
  });

  it('changes the password: the old one stops working and other sessions end', async () => {
    const unit = await createUnit(t);
    const user = await createUser(t, unit.id, ['staff']);
    const a = await login(t, user.username);
    const b = await login(t, user.username);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: a },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' },
    });
    expect(weak.statusCode).toBe(400);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: a },
      payload: { currentPassword: 'khong-dung-1', newPassword: 'mat-khau-moi-456' },
    });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: a },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-456' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: a } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: b } })).statusCode,
    ).toBe(401);
    await expect(login(t, user.username)).rejects.toThrow(/401/);
    await expect(login(t, user.username, 'mat-khau-moi-456')).resolves.toMatch(/^cchc_session=/);
    const audit = await tdb.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'user')
      .where('entity_id', '=', user.id)
      .where('action', '=', 'change_password')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('ends the session of a deactivated user', async () => {
    const unit = await createUnit(t);
    const admin = await createUser(t, unit.id, ['admin']);
    const user = await createUser(t, unit.id, ['staff']);
    const adminCookie = await login(t, admin.username);
    const userCookie = await login(t, user.username);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: adminCookie },
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: userCookie } }))
        .statusCode,
    ).toBe(401);
  });
});

describeEachDb('administrator-chosen passwords and the accounts list', (open) => {
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

  it('makes a user created by an administrator change the password before anything else', async () => {
    const unit = await createUnit(t);
    const admin = await createUser(t, unit.id, ['admin']);
    const adminCookie = await login(t, admin.username);
    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: adminCookie }, payload: { unitId: unit.id, username: 'giaovien.moi', fullName: 'Giáo viên Mới', roles: ['staff'], password: 'tam-thoi-123' } });
    expect(created.statusCode).toBe(200);
    const cookie = await login(t, 'giaovien.moi', 'tam-thoi-123');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().user.mustChangePassword).toBe(true);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: 'tam-thoi-123', newPassword: 'mat-khau-rieng-456' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } })).statusCode).toBe(200);
  });

  it('shows the accounts list to administrators only', async () => {
    const unit = await createUnit(t);
    const admin = await createUser(t, unit.id, ['admin']);
    const staff = await createUser(t, unit.id, ['staff', 'officer']);
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: await login(t, admin.username) } });
    expect(list.json<{ username: string }[]>().map((u) => u.username).sort()).toEqual([admin.username, staff.username].sort());
    const refused = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: await login(t, staff.username) } });
    expect(refused.statusCode).toBe(403);
  });
});
