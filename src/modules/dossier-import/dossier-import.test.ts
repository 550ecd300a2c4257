import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { findDossierByCode, listDossierEvents } from '../dossiers/repository.js';
import { describeEachDb } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { createUnit, multipartBody, testConfig, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import type { ProcedureImportReport, RegisterPreview, RowError } from './schema.js';
import { dossierImportService } from './service.js';
import type { DossierImportService } from './service.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';

const FIXTURES = path.join(process.cwd(), 'tests', 'fixtures', 'registers');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
/** Tuesday 30/6/2026, 10:00 in Vietnam. */
const clock: Clock = { now: () => new Date('2026-06-30T10:00:00+07:00') };
const vn = (s: string) => new Date(`${s}+07:00`).toISOString();
/** A wall-clock time in Vietnam as exceljs writes a date cell (its UTC fields are what Excel shows). */
const excelDate = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min));

type ImportApp = TestApp & { dossierImport: DossierImportService };

async function importApp(db: Db): Promise<ImportApp> {
  const { app, services } = await buildApp({
    config: testConfig({ sessionHours: 24 * 365 }),
    db,
    logger: false,
    clock,
  });
  await app.ready();
  return { app, services, db, dossierImport: services.dossierImport };
}

describeEachDb('dossier and procedure import', (open) => {
  let tdb: TestDb;
  let t: ImportApp;
  beforeAll(async () => {
    tdb = await open();
    t = await importApp(tdb.db);
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  /** A unit of its own with an officer signed in (logins are rate-limited: others on request). */
  async function setup() {
    const ward = await createUnit(t, { kind: 'ward', name: 'Ủy ban nhân dân phường Hòa Bình' });
    const unit = await createUnit(t, { parentId: ward.id, name: 'Trường Trung học cơ sở Hòa Bình' });
    const officer = await userWithSession(t, unit.id, ['officer']);
    return { ward, unit, officer };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;
  const outsiderOf = async () => userWithSession(t, (await createUnit(t)).id, ['admin', 'officer']);
  /** Dossier codes are unique system-wide: each test's copy of the fixture gets its own. */
  const theirCode = (s: Setup, tail: string) => `000.00.${s.unit.id}.H29-${tail}`;
  const registerFixture = (s: Setup) =>
    fixture('so-ho-so-phan-mem-khac.csv').toString('utf8').replaceAll('000.00.20.H29-', theirCode(s, ''));

  const post = (
    cookie: string,
    url: string,
    fields: Record<string, string>,
    file: { name: string; content: Uint8Array | string },
  ) => {
    const body = multipartBody(fields, { field: 'file', filename: file.name, content: file.content });
    return t.app.inject({ method: 'POST', url, headers: { ...body.headers, cookie }, payload: body.payload });
  };
  const importCatalogue = async (s: Setup) => {
    const res = await post(
      s.officer.cookie,
      '/api/procedures/import',
      { unitId: String(s.unit.id) },
      { name: 'danh-muc-thu-tuc.csv', content: fixture('danh-muc-thu-tuc.csv') },
    );
    expect(res.statusCode).toBe(200);
    return res.json<ProcedureImportReport>();
  };
  const dossiersOf = (unitId: number) =>
    t.db.kysely
      .selectFrom('dossier')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy('received_at')
      .execute();
  const auditOf = (unitId: number, entity: string) =>
    t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('entity', '=', entity)
      .where('action', '=', 'import')
      .execute();

  /** A register CSV with the other software's headers, one line per row given. */
  const registerCsv = (rows: string[][]) =>
    ['Số hồ sơ,Mã TTHC,Chủ hồ sơ,Ngày tiếp nhận,Ngày có kết quả', ...rows.map((r) => r.join(','))].join('\n');

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

  it('previews then imports a register exported by other software (CSV): codes, appointments, lateness, events', async () => {
    const s = await setup();
    await importCatalogue(s);
    const file = { name: 'so-ho-so.csv', content: registerFixture(s) };
    const pre = await post(
      s.officer.cookie,
      '/api/dossiers/import/preview',
      { unitId: String(s.unit.id) },
      file,
    );
    expect(pre.statusCode).toBe(200);
    const p = pre.json<RegisterPreview>();
    expect(p.errors).toEqual([]);
    expect(p.headerRow).toBe(3);
    expect(p.mapping).toMatchObject({
      code: 1,
      procedureCode: 2,
      procedureName: 3,
      applicantName: 4,
      idNumber: 5,
      address: 6,
      phone: 7,
      email: 8,
      channel: 9,
      receivedAt: 10,
      appointmentAt: 11,
      resolvedAt: 12,
      returnedAt: 13,
      returnMethod: 14,
      supplementRequests: 15,
      paidOnline: 16,
      digitised: 17,
      electronicResult: 18,
    });
    expect(p.counts).toEqual({
      rows: 7,
      valid: 7,
      invalid: 0,
      skipped: 1,
      generatedCodes: 1,
      computedAppointments: 5,
      open: 2,
      ended: 5,
      late: 3,
    });
    expect(p.sample).toHaveLength(7);
    expect(p.fields.filter((f) => f.required).map((f) => f.label)).toEqual([
      'Người nộp hồ sơ',
      'Ngày tiếp nhận',
    ]);
    expect(p.sample[1]).toMatchObject({
      row: 5,
      code: `${s.unit.code}-260112-0001`,
      codeGenerated: true,
      procedureCode: '1.000894',
      channel: 'online',
      appointmentComputed: true,
    });
    expect(await dossiersOf(s.unit.id)).toEqual([]); // the preview saves nothing

    const res = await post(
      s.officer.cookie,
      '/api/dossiers/import/commit',
      { unitId: String(s.unit.id) },
      file,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 7 });
    const rows = await dossiersOf(s.unit.id);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    // Their code kept; the address with a comma and a line break read whole (spaces collapsed);
    // the appointment given kept.
    expect(byCode.get(theirCode(s, '260105-0001'))).toMatchObject({
      applicant_name: 'Trần Thị Bích Ngọc',
      applicant_address: 'Số 5, ngõ 12, phố Hòa Bình phường Hòa Bình',
      applicant_email: 'ngoc.tran@example.vn',
      received_at: vn('2026-01-05T08:30:00'),
      appointment_at: vn('2026-01-08T17:00:00'),
      status: 'returned',
      end_kind: 'resolved',
      ended_at: vn('2026-01-07T15:00:00'),
      late: 0,
      digitised: 1,
      register_book: '2026',
      register_no: 1,
    });
    // No code: ours, by the day's sequence; date only: received at the office's opening; the
    // appointment computed on the unit's calendar (Mon 12/1 + 1 working day = Tue 13/1, 17:00).
    expect(byCode.get(`${s.unit.code}-260112-0001`)).toMatchObject({
      channel: 'online',
      received_at: vn('2026-01-12T07:30:00'),
      appointment_at: vn('2026-01-13T17:00:00'),
      late: 0,
      paid_online: 1,
      electronic_result: 1,
    });
    // Resolved after the computed appointment (Mon 2/3 + 3 working days = Thu 5/3, 17:00): late.
    expect(byCode.get(theirCode(s, '260302-0007'))).toMatchObject({
      appointment_at: vn('2026-03-05T17:00:00'),
      late: 1,
      late_since: vn('2026-03-05T17:00:00'),
      status: 'resolved',
    });
    // Still open past its appointment (4/5 + 15 days): late; open with time left: not late.
    expect(byCode.get(theirCode(s, '260504-0002'))).toMatchObject({
      channel: 'postal',
      appointment_at: vn('2026-05-19T17:00:00'),
      ended_at: null,
      late: 1,
      status: 'received',
      fee_bearing: 1,
    });
    expect(byCode.get(theirCode(s, '260629-0001'))).toMatchObject({
      appointment_at: vn('2026-07-02T17:00:00'),
      late: 0,
      ended_at: null,
    });
    // Two supplement requests: late although finished early.
    expect(byCode.get(theirCode(s, '260406-0003'))).toMatchObject({
      supplement_requests: 2,
      late: 1,
      late_since: vn('2026-04-06T08:00:00'),
    });
    // Returned with no resolution date: resolved when returned; the printed appointment kept.
    expect(byCode.get(theirCode(s, '260210-0004'))).toMatchObject({
      appointment_at: vn('2026-02-11T11:00:00'),
      ended_at: vn('2026-02-11T10:30:00'),
      late: 0,
      status: 'returned',
    });
    expect(rows.map((r) => r.register_no)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // Events: received, then the end; the summary is what the core replays from them.
    const first = (await findDossierByCode(t.db.kysely, theirCode(s, '260105-0001')))!;
    const events = await listDossierEvents(t.db.kysely, first.id);
    expect(events.map((e): unknown[] => [e.kind, e.at, JSON.parse(e.data_json)])).toEqual([
      ['received', vn('2026-01-05T08:30:00'), { channel: 'direct' }],
      ['resolved', vn('2026-01-07T15:00:00'), {}],
      ['returned', vn('2026-01-08T09:00:00'), { method: 'direct' }],
    ]);
    for (const code of [
      `${s.unit.code}-260112-0001`,
      theirCode(s, '260302-0007'),
      theirCode(s, '260504-0002'),
      theirCode(s, '260629-0001'),
    ]) {
      const d = (await findDossierByCode(t.db.kysely, code))!;
      const state = await t.services.dossiers.stateOf(d);
      expect({
        status: d.status,
        late: d.late === 1,
        ended: d.ended_at,
        appointment: d.appointment_at,
      }).toEqual({
        status: state.status,
        late: state.late,
        ended: state.endedAt === null ? null : new Date(state.endedAt).toISOString(),
        appointment: new Date(state.appointment).toISOString(),
      });
    }
    // The period's figures (counted in SQL from the summary columns) read the imported register.
    const figures = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/figures?unitId=${s.unit.id}&from=2026-01-01&to=2026-06-30`,
      headers: { cookie: s.officer.cookie },
    });
    expect(figures.json()).toMatchObject({
      received: { total: 7 },
      finished: { total: 5, early: 1, onTime: 2, late: 2 },
      inProgress: { total: 2, onTime: 1, late: 1 },
    });
    // One audit entry with the counts.
    const audit = await auditOf(s.unit.id, 'dossier');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      imported: 7,
      generatedCodes: 1,
      computedAppointments: 5,
      late: 3,
      filename: 'so-ho-so.csv',
    });
    expect(audit[0]!.user_id).toBe(s.officer.user.id);
  });

  it('refuses a duplicate code, in the file or already in the database, and a row imported before', async () => {
    const s = await setup();
    await importCatalogue(s);
    const file = { name: 'so-ho-so.csv', content: registerFixture(s) };
    expect(
      (await post(s.officer.cookie, '/api/dossiers/import/commit', { unitId: String(s.unit.id) }, file))
        .statusCode,
    ).toBe(200);
    const again = await post(
      s.officer.cookie,
      '/api/dossiers/import/commit',
      { unitId: String(s.unit.id) },
      file,
    );
    expect(again.statusCode).toBe(400);
    const errors = again.json<{ error: { details: { errors: RowError[] } } }>().error.details.errors;
    expect(errors.map((e) => e.row)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(errors[0]!.message).toBe(
      `Mã hồ sơ: mã ${theirCode(s, '260105-0001')} đã có trong hệ thống (hồ sơ đã được nhập trước đây?).`,
    );
    expect(errors[1]!.message).toContain('đã có hồ sơ cùng thủ tục, người nộp và thời điểm tiếp nhận');
    expect(await dossiersOf(s.unit.id)).toHaveLength(7);

    const twice = registerCsv([
      ['HS-0001', '1.004438', 'Nguyễn Thị Mai', '01/06/2026 08:00', ''],
      ['HS-0001', '1.004438', 'Ngô Văn Nam', '01/06/2026 09:00', ''],
    ]);
    const p = await t.dossierImport.preview(SYSTEM_ACTOR, s.unit.id, {
      bytes: Buffer.from(twice),
      filename: 'trung.csv',
    });
    expect(p.errors).toEqual([
      { row: 3, field: 'code', message: 'Mã hồ sơ: mã HS-0001 trùng với dòng 2 trong tệp.' },
    ]);
  });

  it('rejects an unknown procedure with its row number and saves nothing when one row of many fails', async () => {
    const s = await setup();
    await importCatalogue(s);
    const csv = registerCsv([
      ['A-1', '1.004438', 'Nguyễn Thị Mai', '01/06/2026 08:00', '02/06/2026 10:00'],
      ['A-2', '1.004438', 'Ngô Văn Nam', '01/06/2026 09:00', ''],
      ['A-3', '9.999999', 'Đỗ Thị Oanh', '02/06/2026 09:00', ''],
      ['A-4', '1.000894', 'Lý Văn Phúc', '31/02/2026', ''],
      ['A-5', '1.000894', 'Mạc Thị Quỳnh', '03/06/2026 08:00', '01/06/2026 08:00'],
      ['A-6', '1.000894', 'Tạ Văn Sơn', '03/06/2026 08:00', '01/07/2026 08:00'],
    ]);
    const res = await post(
      s.officer.cookie,
      '/api/dossiers/import/commit',
      { unitId: String(s.unit.id) },
      { name: 'loi.csv', content: csv },
    );
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { message: string; details: { errors: RowError[] } } }>().error;
    expect(body.message).toBe('Tệp có 4 dòng lỗi: chưa lưu hồ sơ nào.');
    expect(body.details.errors).toEqual([
      {
        row: 4,
        field: 'procedureCode',
        message:
          'Mã thủ tục: thủ tục "9.999999" không có trong danh mục thủ tục của đơn vị (hãy nhập danh mục trước).',
      },
      {
        row: 5,
        field: 'receivedAt',
        message:
          'Ngày tiếp nhận: không đọc được ngày "31/02/2026" (cần dạng dd/MM/yyyy HH:mm, dd/MM/yyyy hoặc yyyy-MM-dd).',
      },
      { row: 6, field: 'resolvedAt', message: 'Ngày giải quyết xong: trước ngày tiếp nhận.' },
      { row: 7, field: 'resolvedAt', message: 'Ngày giải quyết xong: không được ở tương lai.' },
    ]);
    expect(await dossiersOf(s.unit.id)).toEqual([]);
    expect(await auditOf(s.unit.id, 'dossier')).toEqual([]);
  });

  it('imports an .xlsx register: Excel dates, numbers that lost their leading zero, refusals, withdrawals, a caller’s mapping', async () => {
    const s = await setup();
    await importCatalogue(s);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sổ hồ sơ');
    ws.addRow(['ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH']);
    ws.mergeCells('A1:E1');
    ws.addRow(['SỔ THEO DÕI HỒ SƠ (dữ liệu hư cấu)']);
    ws.addRow([]);
    ws.addRow([
      'STT',
      'Mã hồ sơ',
      'Tên thủ tục',
      'Công dân/Tổ chức',
      'CCCD',
      'Số điện thoại',
      'Kênh tiếp nhận',
      'Ngày nhận hồ sơ',
      'Ngày hẹn trả kết quả',
      'Ngày giải quyết',
      'Ngày rút hồ sơ',
      'Ngày từ chối',
      'Lý do từ chối',
    ]);
    ws.addRow([
      '(1)',
      '(2)',
      '(3)',
      '(4)',
      '(5)',
      '(6)',
      '(7)',
      '(8)',
      '(9)',
      '(10)',
      '(11)',
      '(12)',
      '(13)',
    ]);
    ws.addRow([
      1,
      'X-0001',
      'Chuyển trường đối với học sinh trung học cơ sở',
      'Nguyễn Văn An',
      79123456789,
      901234567,
      'Trực tuyến',
      excelDate(2026, 3, 16, 8, 0),
      null,
      excelDate(2026, 3, 18, 14, 30),
    ]);
    ws.addRow([
      2,
      'X-0002',
      'chuyen truong doi voi hoc sinh trung hoc co so',
      'Trịnh Thị Bình',
      '001190000202',
      '0912 345 678',
      'Trực tiếp',
      excelDate(2026, 3, 17),
      excelDate(2026, 3, 27),
      null,
      excelDate(2026, 3, 20),
    ]);
    ws.addRow([
      3,
      'X-0003',
      'Đăng ký khai sinh',
      'Cao Văn Chiến',
      null,
      null,
      'Bưu chính',
      excelDate(2026, 3, 18, 9, 15),
      null,
      null,
      null,
      excelDate(2026, 3, 18, 10, 0),
      'Hồ sơ không thuộc thẩm quyền',
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const file = { bytes, filename: 'so-ho-so.xlsx' };

    // "Công dân/Tổ chức" is not a header we know: the preview says so, the caller maps it.
    const first = await t.dossierImport.preview(SYSTEM_ACTOR, s.unit.id, file);
    expect(first.fileKind).toBe('xlsx');
    expect(first.headerRow).toBe(4);
    expect(first.errors).toEqual([
      {
        row: 4,
        field: 'applicantName',
        message: 'Không tìm thấy cột "Người nộp hồ sơ" trong tệp: hãy ghép cột thủ công.',
      },
    ]);
    const mapped = await t.dossierImport.preview(SYSTEM_ACTOR, s.unit.id, file, { applicantName: 3 });
    expect(mapped.errors).toEqual([]);
    expect(mapped.counts).toMatchObject({ rows: 3, valid: 3, skipped: 1, computedAppointments: 2, ended: 3 });
    expect(mapped.columns[3]).toEqual({ index: 3, header: 'Công dân/Tổ chức', field: 'applicantName' });

    const saved = await t.dossierImport.commit(SYSTEM_ACTOR, s.unit.id, file, {
      mapping: { applicantName: 3 },
    });
    expect(saved.imported).toBe(3);
    const rows = new Map((await dossiersOf(s.unit.id)).map((r) => [r.code, r]));
    expect(rows.get('X-0001')).toMatchObject({
      applicant_id_number: '079123456789',
      applicant_phone: '0901234567',
      channel: 'online',
      received_at: vn('2026-03-16T08:00:00'),
      appointment_at: vn('2026-03-19T17:00:00'),
      ended_at: vn('2026-03-18T14:30:00'),
      late: 0,
      created_by: null,
    });
    // Withdrawn (a date without time: at the start of that day, never before the receipt).
    expect(rows.get('X-0002')).toMatchObject({
      applicant_phone: '0912 345 678',
      received_at: vn('2026-03-17T07:30:00'),
      appointment_at: vn('2026-03-27T17:00:00'),
      status: 'withdrawn',
      end_kind: 'withdrawn',
      ended_at: vn('2026-03-20T00:00:00'),
    });
    const refused = rows.get('X-0003')!;
    expect(refused).toMatchObject({
      channel: 'postal',
      status: 'refused',
      end_kind: 'refused',
      ended_at: vn('2026-03-18T10:00:00'),
    });
    const events = await listDossierEvents(t.db.kysely, refused.id);
    expect(events.map((e): unknown[] => [e.kind, JSON.parse(e.data_json)])).toEqual([
      ['received', { channel: 'postal' }],
      ['refused', { reasons: ['Hồ sơ không thuộc thẩm quyền'] }],
    ]);
  });

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
