import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_AT,
  RECEIVED_AT,
  applicant,
  expectTexts,
  issuer,
  readForm,
} from './fixtures.test-support.js';
import { formatTimeLimit, lookupQrPng, mau01 } from './mau01.js';
import type { Mau01Input } from './mau01.js';

const LOOKUP_URL = 'https://cchc.example.gov.vn/tra-cuu/ho-so/000.00.21.H29-260512-0001';

const input: Mau01Input = {
  issuer,
  number: '125/GTN-MNTT',
  dossierCode: '000.00.21.H29-260512-0001',
  applicant,
  procedureName: 'Chuyển trường đối với học sinh mầm non',
  documents: [
    { name: 'Đơn đề nghị chuyển trường', copies: 1, kind: 'original' },
    { name: 'Giấy khai sinh của trẻ', copies: 2, kind: 'certified_copy' },
    { name: 'Sổ theo dõi sức khỏe', kind: 'copy' },
  ],
  timeLimit: 5,
  receivedAt: RECEIVED_AT,
  appointmentAt: APPOINTMENT_AT,
  resultReturnPlace: 'Bộ phận tiếp nhận và trả kết quả, Trường Mầm non Tuổi Thơ',
  register: { book: '03', entry: 125 },
  lookupUrl: LOOKUP_URL,
  receiverName: 'Lê Văn Bình',
};

describe('Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả', () => {
  it('prints every field of the receipt', async () => {
    const doc = await readForm(await mau01(input));
    expectTexts(doc, [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Số: 125/GTN-MNTT',
      'Phường Chánh Hưng, ngày 12 tháng 5 năm 2026',
      'Mã hồ sơ: 000.00.21.H29-260512-0001',
      'Bộ phận tiếp nhận và trả kết quả Trường Mầm non Tuổi Thơ',
      'Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung',
      'Số định danh cá nhân/mã định danh tổ chức: 079186001234',
      'Địa chỉ: 123 Phạm Thế Hiển, phường Chánh Hưng, Thành phố Hồ Chí Minh',
      'Số điện thoại: 0903123456',
      'Email: nhung.nguyen@example.vn',
      'Nội dung yêu cầu giải quyết: Chuyển trường đối với học sinh mầm non',
      '1. Thành phần hồ sơ nộp gồm:',
      'Đơn đề nghị chuyển trường',
      'Giấy khai sinh của trẻ',
      'Sổ theo dõi sức khỏe',
      'Bản chính',
      'Bản sao có chứng thực',
      'Bản sao',
      '2. Số lượng hồ sơ: 01 (bộ)',
      '3. Thời gian giải quyết hồ sơ theo quy định: 05 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 12 tháng 5 năm 2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 19 tháng 5 năm 2026',
      '6. Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả, Trường Mầm non Tuổi Thơ',
      'Vào Sổ theo dõi hồ sơ, Quyển số 03, Số thứ tự 125',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký, ghi rõ họ tên)',
      'Lê Văn Bình',
      'Quét mã để tra cứu tình trạng hồ sơ',
    ]);
    // The documents table: number, name, kind, copies on one row.
    expect(doc.text).toMatch(/2\nGiấy khai sinh của trẻ\nBản sao có chứng thực\n02/);
    // The submitter signs under their own name.
    expect(doc.text.match(/Nguyễn Thị Hồng Nhung/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('embeds the QR code of the lookup URL as a PNG', async () => {
    const doc = await readForm(await mau01(input));
    expect(doc.media).toHaveLength(1);
    const [png] = doc.media;
    expect(png).toMatch(/^word\/media\/.+\.png$/);
    const bytes = await doc.readMedia(png!);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The same bytes as the QR code of the URL: the image encodes that URL.
    expect(bytes.equals(await lookupQrPng(LOOKUP_URL))).toBe(true);
    // Printed 25 mm wide: 94 px at 96 px/in, 9525 EMU a pixel.
    expect(doc.documentXml).toContain('<wp:extent cx="895350" cy="895350"/>');
  });

  it('prints dotted blanks for missing contact details', async () => {
    const doc = await readForm(
      await mau01({ ...input, applicant: { name: 'Công ty TNHH Ánh Dương' }, timeLimit: '03 ngày làm việc' }),
    );
    expectTexts(doc, ['Tiếp nhận hồ sơ của: Công ty TNHH Ánh Dương', 'Email: …………………', '03 ngày làm việc']);
  });

  it('refuses inconsistent input', async () => {
    await expect(mau01({ ...input, appointmentAt: '2026-05-11' })).rejects.toThrow(/appointment/);
    await expect(mau01({ ...input, documents: [] })).rejects.toThrow(/received document/);
    await expect(mau01({ ...input, dossierSets: 0 })).rejects.toThrow(/dossier sets/);
    await expect(mau01({ ...input, documents: [{ name: 'Đơn', copies: 1.5 }] })).rejects.toThrow(/copies/);
    await expect(mau01({ ...input, lookupUrl: 'javascript:alert(1)' })).rejects.toThrow(/http/);
    await expect(mau01({ ...input, lookupUrl: 'not a url' })).rejects.toThrow(/lookup URL/);
    expect(() => formatTimeLimit(0)).toThrow(RangeError);
    expect(formatTimeLimit(12)).toBe('12 ngày làm việc');
  });
});
