import { expect, it } from 'vitest';
import { findDossierByCode, listDossierEvents } from '../dossiers/repository.js';
import { describeEachDb } from '../../../tests/support/db.js';
import type { RegisterPreview, RowError } from './schema.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { importFixture, vn } from './dossier-import.test-support.js';

describeEachDb('dossier and procedure import: a register from other software', (open) => {
  const { t, setup, theirCode, registerFixture, post, importCatalogue, dossiersOf, auditOf } =
    importFixture(open);

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
});

describeEachDb('dossier and procedure import: refusals', (open) => {
  const { t, setup, theirCode, registerFixture, post, importCatalogue, dossiersOf, auditOf, registerCsv } =
    importFixture(open);

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
});
