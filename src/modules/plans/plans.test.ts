import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, makeApp, multipartBody, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import { importPlan, smallPlanText } from '../../../tests/support/plans.js';
import type { Dashboard } from '../dashboard/schema.js';
import type { PlanDetail, PreviewResult } from './schema.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describeEachDb('plan import and tracking', (open) => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await open();
    t = await makeApp(tdb.db, { config: { uploadMaxBytes: 64 * 1024 } });
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('previews without saving, then saves all tasks and targets', async () => {
    const unit = await createUnit(t);
    const { cookie } = await userWithSession(t, unit.id, ['officer']);
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/plans/import/preview-text',
      headers: { cookie },
      payload: { unitId: unit.id, text: smallPlanText() },
    });
    expect(preview.statusCode).toBe(200);
    const p = preview.json<PreviewResult>();
    expect(p.summary.tasks).toBe(3);
    expect(p.draft.number).toBe('05/KH-THTN');
    expect(p.draft.year).toBe(2026);
    expect(p.existing).toBeNull();
    expect(
      await tdb.db.kysely.selectFrom('plan').select('id').where('unit_id', '=', unit.id).execute(),
    ).toHaveLength(0);

    const { planId } = await importPlan(t, cookie, unit.id, smallPlanText());
    const plan = (await get(`/api/plans/${planId}`, cookie)).json<PlanDetail>();
    expect(plan.tasks.map((x) => x.code)).toEqual(['1.1', '1.2', '2.1']);
    expect(plan.tasks[1]!.deliverables.map((d) => d.name)).toEqual(['Báo cáo quý', 'Báo cáo năm']);
    expect(plan.tasks[0]!.deadlineText).toBe('Quý I/2026');
    expect(plan.areas.map((a) => a.code)).toEqual(['1', '2']);
    const leaf = plan.targets.find((x) => x.source === 'appendix' && x.code === '1.1')!;
    expect(leaf.threshold).toEqual({ kind: 'percent', op: '>=', value: 98 });
    expect(plan.targets.find((x) => x.id === leaf.parentId)!.isGroup).toBe(true);
    const audit = await tdb.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'plan')
      .where('entity_id', '=', planId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['import']);
  });

  it('asks before overwriting, replaces keeping progress, or saves a new version', async () => {
    const unit = await createUnit(t);
    const { cookie } = await userWithSession(t, unit.id, ['officer']);
    const { planId } = await importPlan(t, cookie, unit.id, smallPlanText());
    const plan = (await get(`/api/plans/${planId}`, cookie)).json<PlanDetail>();
    const task21 = plan.tasks.find((x) => x.code === '2.1')!;
    const task12 = plan.tasks.find((x) => x.code === '1.2')!;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task21.id}`,
      headers: { cookie },
      payload: { status: 'done', progressNote: 'Đã niêm yết' },
    });
    const up = multipartBody({}, { field: 'file', filename: 'bien-ban.pdf', content: PDF });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${task21.id}/evidence`,
          headers: { cookie, ...up.headers },
          payload: up.payload,
        })
      ).statusCode,
    ).toBe(200);

    // Same year again: the preview says a plan exists, and a plain save is refused.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/plans/import/preview-text',
      headers: { cookie },
      payload: { unitId: unit.id, text: smallPlanText({ extraTask: true, renameTask: true }) },
    });
    const p = again.json<PreviewResult>();
    expect(p.existing).toMatchObject({ id: planId, version: 1 });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/plans/import/commit',
      headers: { cookie },
      payload: { unitId: unit.id, draft: p.draft, mode: 'create', source: p.source },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PLAN_EXISTS');

    // Replace: 2.1 (renamed, same code) keeps status and evidence; 2.2 is new; 1.2 dropped → removed, kept.
    const draft = { ...p.draft, tasks: p.draft.tasks.filter((x) => x.code !== '1.2') };
    const replaced = await t.app.inject({
      method: 'POST',
      url: '/api/plans/import/commit',
      headers: { cookie },
      payload: { unitId: unit.id, draft, mode: 'replace', source: p.source },
    });
    expect(replaced.json()).toEqual({ planId, mode: 'replace' });
    const after = (await get(`/api/plans/${planId}`, cookie)).json<PlanDetail>();
    expect(after.tasks.map((x) => x.code)).toEqual(['1.1', '2.1', '2.2']);
    const kept = after.tasks.find((x) => x.code === '2.1')!;
    expect(kept).toMatchObject({
      id: task21.id,
      status: 'done',
      progressNote: 'Đã niêm yết',
      evidenceCount: 1,
    });
    expect(kept.title).toContain('(cập nhật)');
    const removed = await tdb.db.kysely
      .selectFrom('task')
      .select(['removed_at'])
      .where('id', '=', task12.id)
      .executeTakeFirstOrThrow();
    expect(removed.removed_at).not.toBeNull();

    // New version: the old one is kept as superseded, progress carried over.
    const v2 = await importPlan(t, cookie, unit.id, smallPlanText(), 'new_version');
    expect(v2.planId).not.toBe(planId);
    const list = (await get(`/api/plans?unitId=${unit.id}`, cookie)).json<
      { id: number; version: number; status: string }[]
    >();
    expect(list.map((x) => [x.version, x.status])).toEqual([
      [2, 'active'],
      [1, 'superseded'],
    ]);
    const v2plan = (await get(`/api/plans/${v2.planId}`, cookie)).json<PlanDetail>();
    expect(v2plan.tasks.find((x) => x.code === '2.1')).toMatchObject({ status: 'done', evidenceCount: 1 });
    expect(v2plan.tasks.find((x) => x.code === '1.2')).toMatchObject({ status: 'not_started' });
    // A superseded plan is read-only.
    const old = (await get(`/api/plans/${planId}`, cookie)).json<PlanDetail>();
    expect(old.tasks.every((x) => !x.actions.update)).toBe(true);
  });

  it('refuses bad input with a clear Vietnamese message and saves nothing', async () => {
    const unit = await createUnit(t);
    const { cookie } = await userWithSession(t, unit.id, ['officer']);
    const send = (filename: string, content: Uint8Array | string) => {
      const body = multipartBody({ unitId: String(unit.id) }, { field: 'file', filename, content });
      return t.app.inject({
        method: 'POST',
        url: '/api/plans/import/preview',
        headers: { cookie, ...body.headers },
        payload: body.payload,
      });
    };
    const cases: [string, Uint8Array | string, string, RegExp][] = [
      ['rong.docx', '', 'FILE_EMPTY', /rỗng|Chưa chọn/],
      [
        'hong.docx',
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
        'FILE_CORRUPT',
        /bị hỏng/,
      ],
      [
        'mat-khau.docx',
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(100),
          Buffer.from('EncryptedPackage', 'utf16le'),
        ]),
        'FILE_ENCRYPTED',
        /mật khẩu/,
      ],
      [
        'thu-moi.txt',
        'Kính mời quý thầy cô dự họp phụ huynh vào thứ Bảy.\nTrân trọng.',
        'NOT_A_PLAN',
        /không phải là kế hoạch/,
      ],
      ['lon.txt', 'x'.repeat(70 * 1024), 'FILE_TOO_LARGE', /vượt quá/],
      ['nhi-phan.txt', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x00, 0x10]), 'FILE_CORRUPT', /UTF-8|hỏng/],
    ];
    for (const [name, content, code, message] of cases) {
      const res = await send(name, content);
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(res.json().error.code, name).toBe(code);
      expect(res.json().error.message, name).toMatch(message);
    }
    expect(
      await tdb.db.kysely.selectFrom('plan').select('id').where('unit_id', '=', unit.id).execute(),
    ).toHaveLength(0);
  });

  it('saves all or nothing: a draft with a task in an unknown area saves no plan', async () => {
    const unit = await createUnit(t);
    const { cookie } = await userWithSession(t, unit.id, ['officer']);
    const p = (
      await t.app.inject({
        method: 'POST',
        url: '/api/plans/import/preview-text',
        headers: { cookie },
        payload: { unitId: unit.id, text: smallPlanText() },
      })
    ).json<PreviewResult>();
    const bad = {
      ...p.draft,
      tasks: [...p.draft.tasks, { ...p.draft.tasks[0]!, code: '1.9', title: 'x'.repeat(20_000) }],
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/plans/import/commit',
      headers: { cookie },
      payload: { unitId: unit.id, draft: bad, mode: 'create', source: p.source },
    });
    expect(res.statusCode).toBe(400);
    expect(
      await tdb.db.kysely.selectFrom('plan').select('id').where('unit_id', '=', unit.id).execute(),
    ).toHaveLength(0);
    expect(
      await tdb.db.kysely
        .selectFrom('task')
        .innerJoin('plan', 'plan.id', 'task.plan_id')
        .select('task.id')
        .where('plan.unit_id', '=', unit.id)
        .execute(),
    ).toHaveLength(0);
  });

  it('tracks a task: status, assignees, evidence with type checks, history; "việc của tôi"', async () => {
    const unit = await createUnit(t);
    const officer = await userWithSession(t, unit.id, ['officer']);
    const teacher = await userWithSession(t, unit.id, ['staff']);
    const { planId } = await importPlan(t, officer.cookie, unit.id, smallPlanText());
    const task = (await get(`/api/plans/${planId}`, officer.cookie)).json<PlanDetail>().tasks[0]!;

    // Staff not assigned: may read, may not update.
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/tasks/${task.id}`,
          headers: { cookie: teacher.cookie },
          payload: { status: 'in_progress' },
        })
      ).statusCode,
    ).toBe(403);
    const assign = await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { cookie: officer.cookie },
      payload: { assigneeIds: [teacher.user.id] },
    });
    expect(assign.json().task.assignees).toEqual([{ id: teacher.user.id, fullName: teacher.user.full_name }]);
    const mine = (await get('/api/tasks/mine', teacher.cookie)).json<{ id: number }[]>();
    expect(mine.map((x) => x.id)).toEqual([task.id]);
    // An assignee may not reassign.
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/tasks/${task.id}`,
          headers: { cookie: teacher.cookie },
          payload: { assigneeIds: [] },
        })
      ).statusCode,
    ).toBe(403);

    const exe = multipartBody(
      {},
      { field: 'file', filename: 'minh-chung.pdf', content: Buffer.from('MZ\x90\x00 this is a program') },
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/evidence`,
      headers: { cookie: teacher.cookie, ...exe.headers },
      payload: exe.payload,
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.message).toMatch(/Chỉ nhận: PDF/);
    const big = multipartBody(
      {},
      { field: 'file', filename: 'lon.pdf', content: Buffer.concat([PDF, Buffer.alloc(70 * 1024)]) },
    );
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${task.id}/evidence`,
          headers: { cookie: teacher.cookie, ...big.headers },
          payload: big.payload,
        })
      ).statusCode,
    ).toBe(413);

    const ok = multipartBody(
      { deliverableIndex: '0', note: 'Bản ký' },
      { field: 'file', filename: 'Kế hoạch đã ký.pdf', content: PDF },
    );
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/evidence`,
      headers: { cookie: teacher.cookie, ...ok.headers },
      payload: ok.payload,
    });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({
      filename: 'Kế hoạch đã ký.pdf',
      contentType: 'application/pdf',
      deliverableIndex: 0,
    });
    const dl = await get(`/api/evidence/${up.json().id}/download`, officer.cookie);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''");

    const done = await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { cookie: teacher.cookie },
      payload: { status: 'done', progressNote: 'Đã ban hành' },
    });
    expect(done.json().task).toMatchObject({ status: 'done', progressNote: 'Đã ban hành' });
    expect(done.json().task.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const history = done.json().history as { action: string; userName: string }[];
    expect(history.map((h) => h.action)).toEqual(['update', 'evidence_upload', 'update']);
    expect(history[0]!.userName).toBe(teacher.user.full_name);

    // Withdrawn evidence disappears from lists but stays in the database.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/evidence/${up.json().id}/withdraw`,
          headers: { cookie: officer.cookie },
        })
      ).statusCode,
    ).toBe(200);
    expect((await get(`/api/tasks/${task.id}/evidence`, officer.cookie)).json()).toEqual([]);
    const row = await tdb.db.kysely
      .selectFrom('evidence')
      .select(['withdrawn_at'])
      .where('id', '=', up.json().id)
      .executeTakeFirstOrThrow();
    expect(row.withdrawn_at).not.toBeNull();
  });

  it('records a target achieved value and reports met / not met', async () => {
    const unit = await createUnit(t);
    const { cookie } = await userWithSession(t, unit.id, ['officer']);
    const { planId } = await importPlan(t, cookie, unit.id, smallPlanText());
    const target = (await get(`/api/plans/${planId}`, cookie))
      .json<PlanDetail>()
      .targets.find((x) => x.source === 'appendix' && x.code === '1.1')!;
    // Bound to the register's on-time rate at import; entered by hand once unbound.
    expect(target.metric).toBe('dossier_on_time');
    await t.app.inject({ method: 'PATCH', url: `/api/targets/${target.id}`, headers: { cookie }, payload: { metric: null } });
    const low = await t.app.inject({
      method: 'PATCH',
      url: `/api/targets/${target.id}`,
      headers: { cookie },
      payload: { achievedValue: 96.5 },
    });
    // Within 2 points below the threshold is amber ("có nguy cơ"), further below is red.
    expect(low.json()).toMatchObject({ achievedValue: 96.5, state: 'at_risk' });
    const lower = await t.app.inject({ method: 'PATCH', url: `/api/targets/${target.id}`, headers: { cookie }, payload: { achievedValue: 90 } });
    expect(lower.json().state).toBe('not_met');
    const high = await t.app.inject({
      method: 'PATCH',
      url: `/api/targets/${target.id}`,
      headers: { cookie },
      payload: { achievedValue: 99 },
    });
    expect(high.json().state).toBe('met');
    // A target without a single figure ("≥ năm 2025") takes the officer's own assessment.
    const yearTarget = (await get(`/api/plans/${planId}`, cookie)).json<PlanDetail>().targets.find((x) => x.threshold?.kind === 'not_lower_than_year')!;
    expect(yearTarget.state).toBe('unknown');
    const assessed = await t.app.inject({ method: 'PATCH', url: `/api/targets/${yearTarget.id}`, headers: { cookie }, payload: { assessedState: 'met' } });
    expect(assessed.json()).toMatchObject({ state: 'met', assessedState: 'met' });
    const group = (await get(`/api/plans/${planId}`, cookie))
      .json<PlanDetail>()
      .targets.find((x) => x.isGroup)!;
    const groupRes = await t.app.inject({
      method: 'PATCH',
      url: `/api/targets/${group.id}`,
      headers: { cookie },
      payload: { achievedValue: 1 },
    });
    expect(groupRes.statusCode).toBe(400);
    expect(groupRes.json().error.message).toMatch(/Nhóm chỉ tiêu không có giá trị riêng/);
  });

  it('keeps each unit to its own plans; a reviewer at the superior reads but cannot change them', async () => {
    const ward = await createUnit(t, { kind: 'ward' });
    const a = await createUnit(t, { parentId: ward.id });
    const b = await createUnit(t, { parentId: ward.id });
    const ownerA = await userWithSession(t, a.id, ['officer']);
    const adminB = await userWithSession(t, b.id, ['admin', 'head', 'officer']);
    const reviewer = await userWithSession(t, ward.id, ['reviewer']);
    const { planId } = await importPlan(t, ownerA.cookie, a.id, smallPlanText());
    const plan = (await get(`/api/plans/${planId}`, ownerA.cookie)).json<PlanDetail>();
    const task = plan.tasks[0]!;
    const target = plan.targets.find((x) => !x.isGroup)!;
    const up = multipartBody({}, { field: 'file', filename: 'a.pdf', content: PDF });
    const ev = (
      await t.app.inject({
        method: 'POST',
        url: `/api/tasks/${task.id}/evidence`,
        headers: { cookie: ownerA.cookie, ...up.headers },
        payload: up.payload,
      })
    ).json<{ id: number }>();

    // Unit B: nothing of A's is visible or changeable.
    const B = adminB.cookie;
    expect((await get(`/api/plans/${planId}`, B)).statusCode).toBe(404);
    expect((await get(`/api/plans`, B)).json()).toEqual([]);
    expect((await get(`/api/tasks/${task.id}`, B)).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/tasks/${task.id}`,
          headers: { cookie: B },
          payload: { status: 'done' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/targets/${target.id}`,
          headers: { cookie: B },
          payload: { achievedValue: 1 },
        })
      ).statusCode,
    ).toBe(404);
    expect((await get(`/api/tasks/${task.id}/evidence`, B)).statusCode).toBe(404);
    expect((await get(`/api/evidence/${ev.id}/download`, B)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/evidence/${ev.id}/withdraw`, headers: { cookie: B } }))
        .statusCode,
    ).toBe(404);
    const upB = multipartBody({}, { field: 'file', filename: 'b.pdf', content: PDF });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${task.id}/evidence`,
          headers: { cookie: B, ...upB.headers },
          payload: upB.payload,
        })
      ).statusCode,
    ).toBe(404);
    const importIntoA = await t.app.inject({
      method: 'POST',
      url: '/api/plans/import/preview-text',
      headers: { cookie: B },
      payload: { unitId: a.id, text: smallPlanText() },
    });
    expect(importIntoA.statusCode).toBe(404);
    expect((await get(`/api/dashboard?unitId=${a.id}`, B)).statusCode).toBe(404);

    // The reviewer at the ward reads everything below it…
    const R = reviewer.cookie;
    expect((await get(`/api/plans/${planId}`, R)).statusCode).toBe(200);
    expect((await get(`/api/tasks/${task.id}`, R)).json().task.actions).toEqual({
      update: false,
      uploadEvidence: false,
    });
    expect((await get(`/api/evidence/${ev.id}/download`, R)).statusCode).toBe(200);
    expect((await get(`/api/dashboard?unitId=${a.id}`, R)).statusCode).toBe(200);
    // …and changes nothing.
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/tasks/${task.id}`,
          headers: { cookie: R },
          payload: { status: 'done' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/targets/${target.id}`,
          headers: { cookie: R },
          payload: { achievedValue: 1 },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${task.id}/evidence`,
          headers: { cookie: R, ...upB.headers },
          payload: upB.payload,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/evidence/${ev.id}/withdraw`, headers: { cookie: R } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/plans/import/preview-text',
          headers: { cookie: R },
          payload: { unitId: a.id, text: smallPlanText() },
        })
      ).statusCode,
    ).toBe(403);
    // Without a session: 401.
    expect((await t.app.inject({ method: 'GET', url: `/api/plans/${planId}` })).statusCode).toBe(401);
  });

  it('rolls task progress up per area, per unit and over a subtree', async () => {
    const ward = await createUnit(t, { kind: 'ward' });
    const a = await createUnit(t, { parentId: ward.id });
    const b = await createUnit(t, { parentId: ward.id });
    const ownerA = await userWithSession(t, a.id, ['officer']);
    const ownerB = await userWithSession(t, b.id, ['officer']);
    const reviewer = await userWithSession(t, ward.id, ['reviewer']);
    const pa = await importPlan(t, ownerA.cookie, a.id, smallPlanText());
    await importPlan(t, ownerB.cookie, b.id, smallPlanText({ extraTask: true, extraArea: true }));
    const tasksA = (await get(`/api/plans/${pa.planId}`, ownerA.cookie)).json<PlanDetail>().tasks;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${tasksA[0]!.id}`,
      headers: { cookie: ownerA.cookie },
      payload: { status: 'done' },
    });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${tasksA[2]!.id}`,
      headers: { cookie: ownerA.cookie },
      payload: { status: 'in_progress' },
    });

    const dA = (await get('/api/dashboard', ownerA.cookie)).json<Dashboard>();
    expect(dA.year).toBe(2026);
    expect(dA.totals).toEqual({ not_started: 1, in_progress: 1, done: 1, not_applicable: 0 });
    expect(dA.percentDone).toBe(33);
    expect(dA.areas.map((x) => [x.code, x.counts.done])).toEqual([
      ['1', 1],
      ['2', 0],
    ]);

    const dW = (await get('/api/dashboard', reviewer.cookie)).json<Dashboard>();
    expect(dW.totals).toEqual({ not_started: 5, in_progress: 1, done: 1, not_applicable: 0 });
    expect(dW.units.map((u) => [u.id, u.percentDone]).sort()).toEqual(
      [
        [a.id, 33],
        [b.id, 0],
      ].sort(),
    );
    // An area the plan names without any task still shows, with zero counts.
    expect(dW.areas.map((x) => x.code)).toEqual(['1', '2', '3']);
    expect(dW.areas[2]!.counts).toEqual({ not_started: 0, in_progress: 0, done: 0, not_applicable: 0 });
    // The plan list counts "không phát sinh" apart, as the dashboard does.
    await t.app.inject({ method: 'PATCH', url: `/api/tasks/${tasksA[1]!.id}`, headers: { cookie: ownerA.cookie }, payload: { status: 'not_applicable' } });
    const listed = (await get('/api/plans', ownerA.cookie)).json<{ taskCount: number; doneCount: number; notApplicableCount: number }[]>();
    expect(listed[0]).toMatchObject({ taskCount: 3, doneCount: 1, notApplicableCount: 1 });
    expect((await get('/api/dashboard', ownerA.cookie)).json<Dashboard>().percentDone).toBe(50);
  });
});
