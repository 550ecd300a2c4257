import { describe, expect, it } from 'vitest';
import { RECEIVED_AT, applicant, expectTexts, issuer, readForm } from './fixtures.test-support.js';
import { mau03 } from './mau03.js';
import type { Mau03Input } from './mau03.js';

const input: Mau03Input = {
  issuer,
  issuedAt: '2026-05-12',
  addressee: applicant,
  dossierCode: '000.00.21.H29-260512-0002',
  procedureName: 'Xét tuyển trẻ vào lớp mầm non',
  receivedAt: RECEIVED_AT,
  reasons: ['Trẻ chưa đủ độ tuổi theo quy định.', 'Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị.'],
  signer: { name: 'Lê Văn Bình' },
};

describe('Mẫu 03 — Phiếu từ chối tiếp nhận, giải quyết hồ sơ', () => {
  it('prints the addressee, the dossier, the reasons, the date and the signer', async () => {
    const doc = await readForm(await mau03(input));
    expectTexts(doc, [
      'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
      'Phường Chánh Hưng, ngày 12 tháng 5 năm 2026',
      'Mã hồ sơ: 000.00.21.H29-260512-0002',
      'Kính gửi: Nguyễn Thị Hồng Nhung',
      'Nội dung yêu cầu giải quyết: Xét tuyển trẻ vào lớp mầm non',
      'Thời gian nộp hồ sơ: 08 giờ 30 phút, ngày 12 tháng 5 năm 2026',
      'thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      '1. Trẻ chưa đủ độ tuổi theo quy định.',
      '2. Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị.',
      'Xin thông báo để ông/bà/tổ chức được biết và thực hiện./.',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Lê Văn Bình',
    ]);
    // No number was given: no "Số:" line.
    expect(doc.text).not.toContain('Số:');
  });

  it('needs at least one reason', async () => {
    await expect(mau03({ ...input, reasons: [] })).rejects.toThrow(/reason for refusal/);
    await expect(mau03({ ...input, reasons: ['  '] })).rejects.toThrow(/reason for refusal/);
  });
});
