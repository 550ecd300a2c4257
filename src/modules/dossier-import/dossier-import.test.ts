import { expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { userWithSession } from '../../../tests/support/app.js';
import type { ProcedureImportReport } from './schema.js';
import { dossierImportService } from './service.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { clock, fixture, importFixture } from './dossier-import.test-support.js';

describeEachDb('dossier and procedure import: the catalogue', (open) => {
  const { t, setup, post, importCatalogue, auditOf } = importFixture(open);

  it('imports the procedure catalogue by the meaning of its Vietnamese headers, then updates it by code', async () => {
    const s = await setup();
    const report = await importCatalogue(s);
    expect(report).toMatchObject({
      dryRun: false,
      headerRow: 3,
      created: 5,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(
      report.rows.map((r) => [r.row, r.code, r.limitText, r.feeBearing, r.onlineLevel, r.resultType]),
    ).toEqual([
      [4, '1.004438', '3 ngày làm việc', false, 'partial', 'paper'],
      [5, '2.001111', '8 giờ làm việc', true, 'full', 'electronic'],
      [6, '1.000894', '1 ngày làm việc', false, 'full', 'electronic'],
      [7, '1.001193', '15 ngày', true, 'partial', 'paper'],
      [8, '1.003622', '5 ngày làm việc', false, 'none', 'paper'],
    ]);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/procedures?unitId=${s.unit.id}`,
      headers: { cookie: s.officer.cookie },
    });
    const birth = list
      .json<
        {
          code: string;
          name: string;
          field: string;
          feeText: string;
          limitUnit: string;
          limitAmount: number;
        }[]
      >()
      .find((p) => p.code === '1.000894');
    expect(birth).toMatchObject({
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      feeText: 'Miễn lệ phí',
      limitUnit: 'working_days',
      limitAmount: 1,
    });

    // The same catalogue again with one limit changed, as a comma-separated file without a title.
    const csv = [
      'Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Lệ phí,DVC trực tuyến,Kết quả',
      '1.004438,Chuyển trường đối với học sinh trung học cơ sở,Giáo dục và Đào tạo,05 ngày làm việc,Không,Một phần,Văn bản giấy',
    ].join('\r\n');
    const again = await post(
      s.officer.cookie,
      '/api/procedures/import',
      { unitId: String(s.unit.id) },
      { name: 'sua.csv', content: csv },
    );
    expect(again.json<ProcedureImportReport>()).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 0,
      rows: [{ row: 2, action: 'updated', limitText: '5 ngày làm việc' }],
    });
    const audits = await auditOf(s.unit.id, 'procedure');
    expect(audits.map((a) => JSON.parse(a.after_json!) as { created: number; updated: number })).toEqual([
      expect.objectContaining({ created: 5, updated: 0 }),
      expect.objectContaining({ created: 0, updated: 1 }),
    ]);
  });

  it('refuses a catalogue with row errors, reporting each row in Vietnamese, and saves nothing', async () => {
    const s = await setup();
    const res = await post(
      s.officer.cookie,
      '/api/procedures/import',
      { unitId: String(s.unit.id) },
      { name: 'danh-muc-loi.csv', content: fixture('danh-muc-loi.csv') },
    );
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string; details: ProcedureImportReport } }>();
    expect(body.error.message).toBe('Tệp danh mục có 3 dòng lỗi: chưa lưu thủ tục nào.');
    expect(body.error.details.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'limit'],
      [4, 'code'],
      [5, 'name'],
      [5, 'onlineLevel'],
    ]);
    expect(body.error.details.errors[0]!.message).toContain('không đọc được thời hạn "Theo quy định"');
    expect(body.error.details.errors[1]!.message).toContain('trùng với dòng 2');
    const saved = await t.db.kysely
      .selectFrom('procedure')
      .select('id')
      .where('unit_id', '=', s.unit.id)
      .execute();
    expect(saved).toEqual([]);
    expect(await auditOf(s.unit.id, 'procedure')).toEqual([]);
  });
});

describeEachDb('dossier and procedure import: access and progress', (open) => {
  const { t, setup, outsiderOf, post, importCatalogue, dossiersOf, registerCsv } = importFixture(open);

  it('lets only the unit’s own dossier handlers import: other units get 404, the superior and staff 403', async () => {
    const s = await setup();
    const staff = await userWithSession(t, s.unit.id, ['staff']);
    const reviewer = await userWithSession(t, s.ward.id, ['reviewer', 'officer']);
    const outsider = await outsiderOf();
    const csv = fixture('so-ho-so-phan-mem-khac.csv');
    const fields = { unitId: String(s.unit.id) };
    for (const url of [
      '/api/dossiers/import/preview',
      '/api/dossiers/import/commit',
      '/api/procedures/import',
    ]) {
      expect((await post(outsider.cookie, url, fields, { name: 'a.csv', content: csv })).statusCode).toBe(
        404,
      );
      expect((await post(reviewer.cookie, url, fields, { name: 'a.csv', content: csv })).statusCode).toBe(
        403,
      );
      expect((await post(staff.cookie, url, fields, { name: 'a.csv', content: csv })).statusCode).toBe(403);
      expect((await post('', url, fields, { name: 'a.csv', content: csv })).statusCode).toBe(401);
    }
    const bigger = dossierImportService({
      db: t.db.kysely,
      clock,
      calendar: t.services.calendar,
      uploadMaxBytes: 100,
    });
    await expect(
      bigger.preview(SYSTEM_ACTOR, s.unit.id, { bytes: csv, filename: 'a.csv' }),
    ).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
  });

  it('reports progress with increasing counts ending at the total, also through the progress route', async () => {
    const s = await setup();
    await importCatalogue(s);
    const lines = ['Mã hồ sơ;Tên thủ tục;Người nộp;Ngày tiếp nhận;Ngày giải quyết'];
    for (let i = 1; i <= 1234; i++) {
      const day = 1 + (i % 28);
      lines.push(
        `P-${String(i).padStart(5, '0')};Đăng ký khai sinh;Công dân thứ ${i};${String(day).padStart(2, '0')}/05/2026 08:${String(i % 60).padStart(2, '0')};${i % 3 === 0 ? '' : `${String(day).padStart(2, '0')}/05/2026 16:00`}`,
      );
    }
    const calls: [number, number][] = [];
    const importId = `kiem-thu-${s.unit.id}-tien-do-luu-so-ho-so`;
    const saved = await t.dossierImport.commit(
      SYSTEM_ACTOR,
      s.unit.id,
      { bytes: Buffer.from(lines.join('\n')), filename: 'lon.csv' },
      { onProgress: (done, total) => calls.push([done, total]), importId },
    );
    expect(saved.imported).toBe(1234);
    expect(calls).toEqual([
      [500, 1234],
      [1000, 1234],
      [1234, 1234],
    ]);
    expect((await dossiersOf(s.unit.id)).length).toBe(1234);

    // Through the routes: a commit with a secret importId; its progress is read by that id while
    // the commit runs — on SQLite too, where the commit's transaction holds the only connection (the
    // progress route reads no session, so it does not wait for the database).
    const rows: string[][] = [];
    for (let i = 1; i <= 3000; i++)
      rows.push([
        `R-${i}`,
        '1.004438',
        `Công dân ${i}`,
        `${String(1 + (i % 28)).padStart(2, '0')}/06/2026 08:00`,
        '',
      ]);
    const id = `web-${s.unit.id}-0123456789abcdef0123456789`;
    // As a browser asks: with its session cookie (which the route does not look up).
    const read = () =>
      t.app.inject({
        method: 'GET',
        url: `/api/dossiers/import/progress/${id}`,
        headers: { cookie: s.officer.cookie },
      });
    let finished = false;
    const committing = post(
      s.officer.cookie,
      '/api/dossiers/import/commit',
      { unitId: String(s.unit.id), importId: id },
      { name: 'r.csv', content: registerCsv(rows) },
    ).finally(() => {
      finished = true;
    });
    const seen: { state: string; done: number; total: number }[] = [];
    while (!finished) {
      const r = await read();
      if (r.statusCode === 200) seen.push(r.json());
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await committing).json()).toMatchObject({ imported: 3000, importId: id });
    // Seen while saving: a count between none and all.
    expect(seen.some((p) => p.state === 'saving' && p.done > 0 && p.done < 3000)).toBe(true);
    expect((await read()).json()).toEqual({ id, state: 'done', done: 3000, total: 3000, message: null });
    // Another id is not found; a malformed (guessable, short) id is refused.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/dossiers/import/progress/${id}x` })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/dossiers/import/progress/abc123' })).statusCode,
    ).toBe(400);
  });
});
