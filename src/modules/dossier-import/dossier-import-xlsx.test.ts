import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { listDossierEvents } from '../dossiers/repository.js';
import { describeEachDb } from '../../../tests/support/db.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { excelDate, importFixture, vn } from './dossier-import.test-support.js';

describeEachDb('dossier and procedure import: an .xlsx register', (open) => {
  const { t, setup, importCatalogue, dossiersOf } = importFixture(open);

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
});
