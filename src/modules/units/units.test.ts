import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';

describeEachDb('unit tree', (open) => {
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

  it('lets a superior administrator create, edit and move units in its subtree, with an audit trail', async () => {
    const city = await createUnit(t, { kind: 'province', name: 'Thành phố thử' });
    const { cookie } = await userWithSession(t, city.id, ['admin']);
    const create = (body: object) =>
      t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie }, payload: body });
    const wardA = (
      await create({ code: `pa${city.id}`, name: 'Phường A', kind: 'ward', parentId: city.id })
    ).json();
    expect(wardA.code).toBe(`PA${city.id}`);
    const wardB = (
      await create({ code: `PB${city.id}`, name: 'Phường B', kind: 'ward', parentId: city.id })
    ).json();
    const school = (
      await create({
        code: `TH${city.id}`,
        name: 'Trường Tiểu học Bình Minh',
        kind: 'school',
        parentId: wardA.id,
      })
    ).json();
    expect(school.superiorName).toBe('Phường A');
    const dup = await create({ code: `TH${city.id}`, name: 'Trùng mã', kind: 'school', parentId: wardA.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('Mã đơn vị đã được sử dụng.');

    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/units/${school.id}/move`,
      headers: { cookie },
      payload: { parentId: wardB.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: wardB.id, superiorName: 'Phường B' });
    const cycle = await t.app.inject({
      method: 'POST',
      url: `/api/units/${wardB.id}/move`,
      headers: { cookie },
      payload: { parentId: school.id },
    });
    expect(cycle.json().error.code).toBe('UNIT_CYCLE');

    const list = (await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie } })).json<
      { id: number; depth: number }[]
    >();
    expect(list.map((u) => u.id)).toEqual([city.id, wardA.id, wardB.id, school.id]);
    expect(list.find((u) => u.id === school.id)!.depth).toBe(2);

    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${school.id}`,
      headers: { cookie },
      payload: { name: 'Trường Tiểu học Bình Minh 2' },
    });
    expect(edit.json().name).toBe('Trường Tiểu học Bình Minh 2');
    const audit = await tdb.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'unit')
      .where('entity_id', '=', school.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'move', 'update']);
  });

  it('shows a unit only itself, and keeps other units out of reach', async () => {
    const ward = await createUnit(t, { kind: 'ward' });
    const a = await createUnit(t, { parentId: ward.id });
    const b = await createUnit(t, { parentId: ward.id });
    const { cookie } = await userWithSession(t, a.id, ['admin']);
    const list = (await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie } })).json<
      { id: number }[]
    >();
    expect(list.map((u) => u.id)).toEqual([a.id]);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/units/${b.id}`, headers: { cookie } })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/units/${b.id}`,
          headers: { cookie },
          payload: { name: 'Chiếm quyền' },
        })
      ).statusCode,
    ).toBe(404);
    const child = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie },
      payload: { code: `X${b.id}`, name: 'Con', kind: 'other', parentId: b.id },
    });
    expect(child.statusCode).toBe(404);
    // A unit cannot move itself out from under its superior.
    const self = await t.app.inject({
      method: 'POST',
      url: `/api/units/${a.id}/move`,
      headers: { cookie },
      payload: { parentId: a.id },
    });
    expect(self.statusCode).toBe(403);
  });

  it('refuses unit management to non-administrators', async () => {
    const ward = await createUnit(t, { kind: 'ward' });
    const { cookie } = await userWithSession(t, ward.id, ['officer']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie },
      payload: { code: `N${ward.id}`, name: 'Đơn vị mới', kind: 'school', parentId: ward.id },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
  });

  it('validates input with Vietnamese messages', async () => {
    const ward = await createUnit(t, { kind: 'ward' });
    const { cookie } = await userWithSession(t, ward.id, ['admin']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie },
      payload: { code: 'có dấu cách', name: 'X', kind: 'school', parentId: ward.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.message).toMatch(/Dữ liệu gửi lên không hợp lệ/);
  });
});
