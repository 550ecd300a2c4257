import { describe, expect, it } from 'vitest';
import { detectColumns, mapHeaders } from './columns.js';
import { PROCEDURE_SYNONYMS, REGISTER_SYNONYMS } from './fields.js';
import {
  readChannel,
  readFee,
  readFlag,
  readMoment,
  readOnlineLevel,
  readResultType,
  readTimeLimit,
  restoreLeadingZero,
} from './values.js';

const vn = (s: string) => Date.parse(`${s}+07:00`);

describe('dates', () => {
  it('reads dd/MM/yyyy with or without a time, the time first, ISO, Excel dates and serials, in Vietnam time', () => {
    expect(readMoment('12/05/2026 08:30')).toEqual({
      ms: vn('2026-05-12T08:30:00'),
      day: 20585,
      dateOnly: false,
    });
    expect(readMoment('12/05/2026')).toMatchObject({ ms: vn('2026-05-12T00:00:00'), dateOnly: true });
    expect(readMoment('2/5/2026 8:05:09')).toMatchObject({ ms: vn('2026-05-02T08:05:09') });
    expect(readMoment('12-05-26')).toMatchObject({ ms: vn('2026-05-12T00:00:00') });
    expect(readMoment('08:30 12/05/2026')).toMatchObject({ ms: vn('2026-05-12T08:30:00'), dateOnly: false });
    expect(readMoment('8h30 ngày 12/05/2026')).toMatchObject({ ms: vn('2026-05-12T08:30:00') });
    expect(readMoment('8 giờ 30 phút, ngày 12/5/2026')).toMatchObject({ ms: vn('2026-05-12T08:30:00') });
    expect(readMoment('2026-05-12')).toMatchObject({ ms: vn('2026-05-12T00:00:00'), dateOnly: true });
    expect(readMoment('2026-05-12 08:30:00')).toMatchObject({
      ms: vn('2026-05-12T08:30:00'),
      dateOnly: false,
    });
    expect(readMoment('2026-05-12T01:30:00Z')).toMatchObject({ ms: vn('2026-05-12T08:30:00') });
    expect(readMoment('2026-05-12T08:30:00+0700')).toMatchObject({ ms: vn('2026-05-12T08:30:00') });
    // exceljs hands a date cell back as the wall-clock time in UTC fields.
    expect(readMoment(new Date(Date.UTC(2026, 4, 12, 8, 30)))).toMatchObject({
      ms: vn('2026-05-12T08:30:00'),
      dateOnly: false,
    });
    expect(readMoment(new Date(Date.UTC(2026, 4, 12)))).toMatchObject({
      ms: vn('2026-05-12T00:00:00'),
      dateOnly: true,
    });
    expect(readMoment(46154.5)).toMatchObject({ ms: vn('2026-05-12T12:00:00') });
    expect(readMoment('')).toBeNull();
    expect(readMoment(null)).toBeNull();
  });

  it('refuses impossible dates and other text with a Vietnamese reason', () => {
    for (const bad of ['31/02/2026', '12/13/2026', '12/05/2026 25:00', 'hôm qua', '2026/05/12', '46154'])
      expect(readMoment(bad)).toEqual({ error: expect.stringContaining(`không đọc được ngày "${bad}"`) });
  });
});

describe('procedure cells', () => {
  it('reads time limits in working days, working hours and calendar days', () => {
    expect(readTimeLimit('05 ngày làm việc')).toEqual({ unit: 'working_days', amount: 5 });
    expect(readTimeLimit('Trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ')).toEqual({
      unit: 'working_days',
      amount: 10,
    });
    expect(readTimeLimit('8 giờ làm việc')).toEqual({ unit: 'working_hours', amount: 8 });
    expect(readTimeLimit('4 giờ')).toEqual({ unit: 'working_hours', amount: 4 });
    expect(readTimeLimit('1,5 giờ')).toEqual({ unit: 'working_hours', amount: 1.5 });
    expect(readTimeLimit('30 ngày')).toEqual({ unit: 'calendar_days', amount: 30 });
    expect(readTimeLimit('15 (mười lăm) ngày làm việc')).toEqual({ unit: 'working_days', amount: 15 });
    expect(readTimeLimit('03 ngày làm việc (05 ngày nếu cần xác minh)')).toEqual({
      unit: 'working_days',
      amount: 3,
    });
    expect(readTimeLimit('05 NGAY LAM VIEC')).toEqual({ unit: 'working_days', amount: 5 });
    expect(readTimeLimit(7)).toMatchObject({ error: expect.stringContaining('không đọc được thời hạn "7"') });
    expect(readTimeLimit('Theo quy định')).toMatchObject({
      error: expect.stringContaining('không đọc được thời hạn'),
    });
    expect(readTimeLimit('0 ngày làm việc')).toMatchObject({
      error: expect.stringContaining('phải lớn hơn 0'),
    });
    expect(readTimeLimit('1,5 ngày làm việc')).toMatchObject({ error: expect.stringContaining('số nguyên') });
    expect(readTimeLimit('  ')).toBeNull();
  });

  it('says a procedure bears a fee when an amount is stated or "có"', () => {
    const bearing = (v: string) => readFee(v).feeBearing;
    expect(bearing('50.000 đồng/hồ sơ')).toBe(true);
    expect(bearing('Lệ phí: 20.000đ/bản')).toBe(true);
    expect(bearing('100 nghìn đồng')).toBe(true);
    expect(bearing('Phí thẩm định: 1.500.000')).toBe(true);
    expect(bearing('Có')).toBe(true);
    expect(bearing('co')).toBe(true);
    expect(bearing('Không')).toBe(false);
    expect(bearing('Không thu phí')).toBe(false);
    expect(bearing('Miễn lệ phí')).toBe(false);
    expect(bearing('0 đồng')).toBe(false);
    expect(bearing('Theo Thông tư 85/2019/TT-BTC')).toBe(false);
    expect(bearing('Cơ quan thu theo quy định')).toBe(false);
    expect(readFee('')).toEqual({ text: null, feeBearing: false });
    expect(readFee('Không').text).toBe('Không');
  });

  it('reads the online level and the result type', () => {
    expect(readOnlineLevel('Toàn trình')).toBe('full');
    expect(readOnlineLevel('DVC trực tuyến một phần')).toBe('partial');
    expect(readOnlineLevel('Mức độ 4')).toBe('full');
    expect(readOnlineLevel('Mức độ 3')).toBe('partial');
    expect(readOnlineLevel('')).toBe('none');
    expect(readOnlineLevel('Không')).toBe('none');
    expect(readOnlineLevel('Cung cấp thông tin trực tuyến')).toBe('none');
    expect(readOnlineLevel('Cao')).toMatchObject({ error: expect.stringContaining('"Cao" không rõ') });
    expect(readResultType('Giấy khai sinh điện tử')).toBe('electronic');
    expect(readResultType('Bản giấy')).toBe('paper');
    expect(readResultType(null)).toBe('paper');
  });
});

describe('register cells', () => {
  it('reads channels, return methods, flags and identity numbers Excel stored as numbers', () => {
    expect(readChannel('Trực tiếp')).toBe('direct');
    expect(readChannel('Nộp trực tuyến qua Cổng DVC')).toBe('online');
    expect(readChannel('Bưu chính công ích')).toBe('postal');
    expect(readChannel('BCCI')).toBe('postal');
    expect(readChannel('')).toBeNull();
    expect(readChannel('Fax')).toMatchObject({
      error: expect.stringContaining('kênh tiếp nhận "Fax" không rõ'),
    });
    for (const yes of ['x', 'X', 'Có', 'co', '1', 'Đã thanh toán', 'TRUE', '✓', true, 1])
      expect(readFlag(yes)).toBe(true);
    for (const no of ['', 'Không', 'chưa', '0', 'false', '-', null, false, 0])
      expect(readFlag(no)).toBe(false);
    expect(readFlag('Có lẽ')).toBe(true);
    expect(readFlag('Đang chờ')).toMatchObject({ error: expect.stringContaining('"Đang chờ" không rõ') });
    expect(restoreLeadingZero(79123456789, 'id')).toBe('079123456789');
    expect(restoreLeadingZero('79123456789', 'id')).toBe('79123456789');
    expect(restoreLeadingZero(901234567, 'phone')).toBe('0901234567');
  });
});

describe('column mapping by meaning', () => {
  it('maps other software’s headers, diacritics- and case-insensitive, longest phrase first', () => {
    const headers = [
      'STT',
      'MÃ HỒ SƠ',
      'Ten thu tuc',
      'Người nộp hồ sơ',
      'Địa chỉ email',
      'Địa chỉ',
      'Ngày hẹn trả kết quả',
      'Ngày trả kết quả',
      'Hình thức trả kết quả',
    ];
    expect(mapHeaders(headers, REGISTER_SYNONYMS)).toEqual({
      code: 1,
      procedureName: 2,
      applicantName: 3,
      email: 4,
      address: 5,
      appointmentAt: 6,
      returnedAt: 7,
      returnMethod: 8,
    });
    expect(mapHeaders(['Ngày nhận kết quả', 'Ngày nhận'], REGISTER_SYNONYMS)).toEqual({
      returnedAt: 0,
      receivedAt: 1,
    });
  });

  it('reads the register this app exports (Mẫu 06) and the national catalogue’s headers', () => {
    const mau06 = [
      ['SỔ THEO DÕI HỒ SƠ'],
      [],
      [
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
      ],
    ];
    const d = detectColumns(mau06, REGISTER_SYNONYMS);
    expect(d.headerIndex).toBe(2);
    expect(d.mapping).toEqual({
      code: 1,
      procedureName: 2,
      applicantName: 3,
      address: 4,
      receivedAt: 6,
      appointmentAt: 7,
      resolvedAt: 9,
      returnMethod: 10,
    });
    const catalogue = detectColumns(
      [['Mã', 'Tên', 'Lĩnh vực', 'Thời hạn', 'Phí', 'Mức độ', 'Kết quả']],
      PROCEDURE_SYNONYMS,
    );
    expect(catalogue.mapping).toEqual({
      code: 0,
      name: 1,
      field: 2,
      limit: 3,
      fee: 4,
      onlineLevel: 5,
      resultType: 6,
    });
    expect(
      detectColumns(
        [
          ['Họ', 'Tên đệm'],
          ['a', 'b'],
        ],
        REGISTER_SYNONYMS,
      ).headerIndex,
    ).toBe(-1);
  });
});
