import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { issuer } from './fixtures.test-support.js';
import { MAU06_COLUMNS, MAU06_HEADER_ROW, mau06 } from './mau06.js';
import type { Mau06Input } from './mau06.js';

const input: Mau06Input = {
  issuer,
  period: { from: '2026-04-01', to: '2026-06-30' },
  book: '03',
  entries: [
    {
      dossierCode: '000.00.21.H29-260512-0001',
      procedureName: 'Chuyển trường đối với học sinh mầm non',
      applicantName: 'Nguyễn Thị Hồng Nhung',
      address: '123 Phạm Thế Hiển, phường Chánh Hưng',
      phone: '0903123456',
      leadBody: 'Ban Giám hiệu',
      // 23:30 UTC on 11 May is 06:30 on 12 May in Vietnam: the register shows 12/05/2026.
      receivedAt: '2026-05-11T23:30:00Z',
      appointmentAt: '2026-05-19T16:00:00+07:00',
      transferredAt: '2026-05-12T10:00:00+07:00',
      resultAt: '2026-05-18',
      returnMethod: 'direct',
      note: 'Trả trước hạn',
    },
    {
      dossierCode: '000.00.21.H29-260513-0002',
      procedureName: 'Xét tuyển trẻ vào lớp mầm non',
      applicantName: 'Công ty TNHH Ánh Dương',
      receivedAt: '2026-05-13',
      appointmentAt: '2026-05-20',
    },
  ],
};

async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

describe('Mẫu 06 — Sổ theo dõi hồ sơ (xlsx)', () => {
  it('writes the header block, the title, the period and the column headers', async () => {
    const sheet = await load(await mau06(input));
    expect(sheet.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN PHƯỜNG CHÁNH HƯNG');
    expect(sheet.getCell('A2').value).toBe('TRƯỜNG MẦM NON TUỔI THƠ');
    expect(sheet.getCell('A2').font.bold).toBe(true);
    expect(sheet.getCell('I1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sheet.getCell('I2').value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(sheet.getCell('A4').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(sheet.getCell('A4').font).toMatchObject({ name: 'Times New Roman', bold: true, size: 14 });
    expect(sheet.getCell('A5').value).toBe('Từ ngày 01/04/2026 đến ngày 30/06/2026');
    expect(sheet.getCell('A6').value).toBe('Quyển số: 03');
    expect(sheet.getCell('M4').isMerged).toBe(true);

    const header = sheet.getRow(MAU06_HEADER_ROW);
    const headers = MAU06_COLUMNS.map((_, i) => header.getCell(i + 1).value);
    expect(headers).toEqual([
      'STT',
      'Mã hồ sơ',
      'Tên TTHC',
      'Tên cá nhân/tổ chức',
      'Địa chỉ/Số điện thoại',
      'Cơ quan chủ trì giải quyết',
      'Ngày nhận hồ sơ',
      'Ngày hẹn trả kết quả',
      'Ngày chuyển hồ sơ đến cơ quan giải quyết',
      'Ngày có kết quả/trả kết quả',
      'Hình thức trả kết quả',
      'Ký nhận',
      'Ghi chú',
    ]);
    for (let c = 1; c <= MAU06_COLUMNS.length; c++) {
      const cell = header.getCell(c);
      expect(cell.font).toMatchObject({ name: 'Times New Roman', bold: true });
      expect(cell.border.top?.style).toBe('thin');
      expect(cell.border.bottom?.style).toBe('thin');
      expect(cell.alignment.wrapText).toBe(true);
    }
    expect(sheet.getColumn(3).width).toBe(32);
  });

  it('writes one row per dossier with real dates in dd/mm/yyyy', async () => {
    const sheet = await load(await mau06(input));
    const row = sheet.getRow(MAU06_HEADER_ROW + 1);
    expect(row.getCell(1).value).toBe(1);
    expect(row.getCell(2).value).toBe('000.00.21.H29-260512-0001');
    expect(row.getCell(3).value).toBe('Chuyển trường đối với học sinh mầm non');
    expect(row.getCell(4).value).toBe('Nguyễn Thị Hồng Nhung');
    expect(row.getCell(5).value).toBe('123 Phạm Thế Hiển, phường Chánh Hưng\n0903123456');
    expect(row.getCell(6).value).toBe('Ban Giám hiệu');
    const dates = [7, 8, 9, 10].map((c) => row.getCell(c));
    for (const cell of dates) {
      expect(cell.value).toBeInstanceOf(Date);
      expect(cell.numFmt).toBe('dd/mm/yyyy');
    }
    expect(dates.map((cell) => (cell.value as Date).toISOString().slice(0, 10))).toEqual([
      '2026-05-12',
      '2026-05-19',
      '2026-05-12',
      '2026-05-18',
    ]);
    expect(row.getCell(11).value).toBe('Trực tiếp');
    expect(row.getCell(13).value).toBe('Trả trước hạn');
    expect(row.getCell(2).font).toMatchObject({ name: 'Times New Roman' });
    expect(row.getCell(13).border.right?.style).toBe('thin');

    const second = sheet.getRow(MAU06_HEADER_ROW + 2);
    expect(second.getCell(1).value).toBe(2);
    expect(second.getCell(7).value).toEqual(new Date(Date.UTC(2026, 4, 13)));
    // Dates not reached yet stay empty.
    expect(second.getCell(9).value).toBeNull();
    expect(second.getCell(10).value).toBeNull();
    expect(sheet.rowCount).toBe(MAU06_HEADER_ROW + 2);
  });

  it('freezes the header and prints A4 landscape with the header row on every page', async () => {
    const sheet = await load(await mau06(input));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: MAU06_HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: `${MAU06_HEADER_ROW}:${MAU06_HEADER_ROW}`,
    });
  });

  it('accepts a period label and a unit without superior', async () => {
    const sheet = await load(
      await mau06({
        issuer: { name: 'Trường Mầm non Tuổi Thơ', place: 'Quận 8' },
        period: 'Quý II năm 2026',
        entries: [],
      }),
    );
    expect(sheet.getCell('A1').value).toBe('TRƯỜNG MẦM NON TUỔI THƠ');
    expect(sheet.getCell('A5').value).toBe('Quý II năm 2026');
    expect(sheet.getRow(MAU06_HEADER_ROW).getCell(1).value).toBe('STT');
  });
});
