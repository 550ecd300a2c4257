import { describe, expect, it } from 'vitest';
import { runWith } from '../docx-reader.test-support.js';
import {
  APPOINTMENT_AT,
  RECEIVED_AT,
  applicant,
  expectTexts,
  issuer,
  readForm,
} from './fixtures.test-support.js';
import { mau04 } from './mau04.js';
import type { Mau04Input } from './mau04.js';

const input: Mau04Input = {
  issuer,
  number: '05/PXL-MNTT',
  issuedAt: '2026-05-18T10:00:00+07:00',
  addressee: applicant,
  dossierCode: '000.00.21.H29-260512-0001',
  procedureName: 'Chuyển trường đối với học sinh mầm non',
  receivedAt: RECEIVED_AT,
  originalAppointmentAt: APPOINTMENT_AT,
  delayReason: 'Cần xác minh thông tin với trường nơi chuyển đi.',
  newAppointmentAt: '2026-05-22T16:00:00+07:00',
  signer: { name: 'Trần Thị Bích Ngọc' },
};

describe('Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả', () => {
  it('prints the original appointment, the reason, the apology and the new date, signed by the head', async () => {
    const doc = await readForm(await mau04(input));
    expectTexts(doc, [
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'Số: 05/PXL-MNTT',
      'Phường Chánh Hưng, ngày 18 tháng 5 năm 2026',
      'Mã hồ sơ: 000.00.21.H29-260512-0001',
      'Kính gửi: Nguyễn Thị Hồng Nhung',
      'Ngày 12 tháng 5 năm 2026, Trường Mầm non Tuổi Thơ tiếp nhận hồ sơ của Nguyễn Thị Hồng Nhung',
      '“Chuyển trường đối với học sinh mầm non”',
      'Giấy tiếp nhận hồ sơ và hẹn trả kết quả: 16 giờ 00 phút, ngày 19 tháng 5 năm 2026.',
      'lý do: Cần xác minh thông tin với trường nơi chuyển đi.',
      'Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của ông/bà/tổ chức.',
      'Trường Mầm non Tuổi Thơ trân trọng xin lỗi ông/bà/tổ chức',
      'Thời gian hẹn trả kết quả mới: 16 giờ 00 phút, ngày 22 tháng 5 năm 2026.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
      'THỦ TRƯỞNG CƠ QUAN',
      'Trần Thị Bích Ngọc',
    ]);
    // The new date stands out.
    expect(runWith(doc.documentXml, '16 giờ 00 phút, ngày 22 tháng 5 năm 2026')).toContain('<w:b/>');
  });

  it('takes the apology, the signer title and the recipients from the caller', async () => {
    const doc = await readForm(
      await mau04({
        ...input,
        apology: 'Nhà trường chân thành xin lỗi gia đình vì sự chậm trễ này.',
        signer: { title: 'Hiệu trưởng', name: 'Trần Thị Bích Ngọc' },
        recipients: ['Bà Nguyễn Thị Hồng Nhung;', 'Lưu: VT, BPMC.'],
      }),
    );
    expectTexts(doc, [
      'Nhà trường chân thành xin lỗi gia đình vì sự chậm trễ này.',
      'HIỆU TRƯỞNG',
      '- Bà Nguyễn Thị Hồng Nhung;',
    ]);
    expect(doc.text).not.toContain('THỦ TRƯỞNG CƠ QUAN');
  });

  it('refuses a new date that is not after the original appointment', async () => {
    await expect(mau04({ ...input, newAppointmentAt: APPOINTMENT_AT })).rejects.toThrow(/new return date/);
    await expect(mau04({ ...input, newAppointmentAt: '2026-05-19' })).rejects.toThrow(/new return date/);
  });
});
