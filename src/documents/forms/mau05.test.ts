import { describe, expect, it } from 'vitest';
import { APPOINTMENT_AT, RECEIVED_AT, expectTexts, issuer, readForm } from './fixtures.test-support.js';
import { MAU05_COLUMNS, handoverResult, mau05 } from './mau05.js';
import type { Mau05Input } from './mau05.js';

const input: Mau05Input = {
  issuer,
  dossierCode: '000.00.21.H29-260512-0001',
  applicantName: 'Nguyễn Thị Hồng Nhung',
  procedureName: 'Chuyển trường đối với học sinh mầm non',
  receivedAt: RECEIVED_AT,
  appointmentAt: APPOINTMENT_AT,
  leadBody: 'Ban Giám hiệu Trường Mầm non Tuổi Thơ',
  coordinatingBodies: ['Trường Mầm non Hoa Sen'],
  handovers: [
    {
      from: 'Bộ phận tiếp nhận và trả kết quả',
      to: 'Ban Giám hiệu',
      at: '2026-05-12T10:00:00+07:00',
      giver: 'Lê Văn Bình',
      receiver: 'Trần Thị Bích Ngọc',
      result: 'early',
    },
    {
      from: 'Ban Giám hiệu',
      to: 'Bộ phận tiếp nhận và trả kết quả',
      at: '2026-05-19T17:00:00+07:00',
      dueAt: APPOINTMENT_AT,
      note: 'Chờ ý kiến trường nơi chuyển đi',
    },
  ],
  blankRows: 1,
};

describe('Mẫu 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ', () => {
  it('prints the dossier, its times and a line for each hand-over with its result', async () => {
    const doc = await readForm(await mau05(input));
    expectTexts(doc, [
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Mã hồ sơ: 000.00.21.H29-260512-0001',
      'Kèm theo hồ sơ của: Nguyễn Thị Hồng Nhung',
      'Nội dung yêu cầu giải quyết: Chuyển trường đối với học sinh mầm non',
      'Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 12 tháng 5 năm 2026',
      'Thời gian hẹn trả kết quả: 16 giờ 00 phút, ngày 19 tháng 5 năm 2026',
      'Cơ quan (bộ phận) chủ trì giải quyết: Ban Giám hiệu Trường Mầm non Tuổi Thơ',
      'Cơ quan phối hợp giải quyết: Trường Mầm non Hoa Sen',
      ...MAU05_COLUMNS,
      '1. Giao: Bộ phận tiếp nhận và trả kết quả',
      '2. Nhận: Ban Giám hiệu',
      '10 giờ 00 phút, ngày 12 tháng 5 năm 2026',
      'Người giao: Lê Văn Bình',
      'Người nhận: Trần Thị Bích Ngọc',
      'Trước hạn',
      '17 giờ 00 phút, ngày 19 tháng 5 năm 2026',
      // Worked out from the step's deadline: an hour after it.
      'Quá hạn',
      'Chờ ý kiến trường nơi chuyển đi',
      '… giờ … phút, ngày … tháng … năm …',
    ]);
    // The header row repeats on every page.
    expect(doc.documentXml).toContain('<w:tblHeader/>');
  });

  it('works out a step result from its time and deadline', () => {
    expect(handoverResult('2026-05-18T09:00:00+07:00', APPOINTMENT_AT)).toBe('early');
    expect(handoverResult('2026-05-19T09:00:00+07:00', APPOINTMENT_AT)).toBe('on_time');
    expect(handoverResult(APPOINTMENT_AT, APPOINTMENT_AT)).toBe('on_time');
    expect(handoverResult('2026-05-19T16:01:00+07:00', APPOINTMENT_AT)).toBe('late');
  });

  it('needs a hand-over or a blank row', async () => {
    await expect(mau05({ ...input, handovers: [], blankRows: 0 })).rejects.toThrow(/at least one/);
    await expect(mau05({ ...input, blankRows: -1 })).rejects.toThrow(/blankRows/);
  });
});
