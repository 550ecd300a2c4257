import { describe, expect, it } from 'vitest';
import { RECEIVED_AT, applicant, expectTexts, issuer, readForm } from './fixtures.test-support.js';
import { mau02 } from './mau02.js';
import type { Mau02Input } from './mau02.js';

const input: Mau02Input = {
  issuer,
  number: '12/PYC-MNTT',
  issuedAt: '2026-05-13T09:00:00+07:00',
  addressee: applicant,
  dossierCode: '000.00.21.H29-260512-0001',
  procedureName: 'Chuyển trường đối với học sinh mầm non',
  receivedAt: RECEIVED_AT,
  items: [
    { content: 'Bản sao giấy khai sinh của trẻ', reason: 'Bản đã nộp không có chứng thực' },
    { content: 'Ý kiến đồng ý của trường nơi chuyển đến' },
  ],
  reason: 'Hồ sơ chưa đủ thành phần theo quy định của thủ tục hành chính.',
  contact: {
    name: 'Lê Văn Bình',
    position: 'nhân viên văn thư',
    phone: '028 3855 1234',
    email: 'mntt@example.gov.vn',
  },
};

describe('Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', () => {
  it('prints the addressee, the dossier, what to supplement and why, and the contact', async () => {
    const doc = await readForm(await mau02(input));
    expectTexts(doc, [
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Số: 12/PYC-MNTT',
      'Phường Chánh Hưng, ngày 13 tháng 5 năm 2026',
      'Mã hồ sơ: 000.00.21.H29-260512-0001',
      'Kính gửi: Nguyễn Thị Hồng Nhung',
      'Địa chỉ: 123 Phạm Thế Hiển, phường Chánh Hưng, Thành phố Hồ Chí Minh',
      'Số điện thoại: 0903123456',
      'Email: nhung.nguyen@example.vn',
      'Nội dung yêu cầu giải quyết: Chuyển trường đối với học sinh mầm non',
      'Thời gian tiếp nhận hồ sơ: 08 giờ 30 phút, ngày 12 tháng 5 năm 2026',
      'Bộ phận tiếp nhận và trả kết quả Trường Mầm non Tuổi Thơ đề nghị ông/bà/tổ chức bổ sung, hoàn thiện hồ sơ',
      'Nội dung cần bổ sung, hoàn thiện',
      'Bản sao giấy khai sinh của trẻ',
      'Bản đã nộp không có chứng thực',
      'Ý kiến đồng ý của trường nơi chuyển đến',
      'Lý do: Hồ sơ chưa đủ thành phần theo quy định của thủ tục hành chính.',
      'liên hệ với Lê Văn Bình, nhân viên văn thư, số điện thoại 028 3855 1234, thư điện tử mntt@example.gov.vn để được hướng dẫn.',
      'NGƯỜI HƯỚNG DẪN',
      '(Ký, ghi rõ họ tên)',
    ]);
    expect(doc.text).toMatch(/1\nBản sao giấy khai sinh của trẻ\nBản đã nộp không có chứng thực/);
  });

  it('lets the caller name another signer and needs at least one item', async () => {
    const doc = await readForm(
      await mau02({ ...input, signer: { title: 'Công chức tiếp nhận', name: 'Phạm Thu Hà' } }),
    );
    expectTexts(doc, ['CÔNG CHỨC TIẾP NHẬN', 'Phạm Thu Hà']);
    await expect(mau02({ ...input, items: [] })).rejects.toThrow(/item to supplement/);
  });
});
