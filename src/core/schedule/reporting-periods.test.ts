import { describe, expect, it } from 'vitest';
import {
  describePeriod,
  parseReportDueDates,
  periodContaining,
  reportingPeriods,
} from './reporting-periods.js';

describe('reportingPeriods', () => {
  it('builds the four periods of 2023 with the sample due dates and Decree 09/2019 cut-offs', () => {
    expect(reportingPeriods(2023)).toEqual([
      {
        key: '2023-Q1',
        label: 'Quý I/2023',
        from: '2023-01-01',
        to: '2023-03-31',
        dueDate: '2023-03-05',
        cutoffFrom: '2022-12-15',
        cutoffTo: '2023-03-14',
      },
      {
        key: '2023-H1',
        label: '6 tháng đầu năm 2023',
        from: '2023-01-01',
        to: '2023-06-30',
        dueDate: '2023-06-05',
        cutoffFrom: '2022-12-15',
        cutoffTo: '2023-06-14',
      },
      {
        key: '2023-Q3',
        label: 'Quý III/2023',
        from: '2023-07-01',
        to: '2023-09-30',
        dueDate: '2023-09-05',
        cutoffFrom: '2023-06-15',
        cutoffTo: '2023-09-14',
      },
      {
        key: '2023-Y',
        label: 'Năm 2023',
        from: '2023-01-01',
        to: '2023-12-31',
        dueDate: '2023-12-05',
        cutoffFrom: '2022-12-15',
        cutoffTo: '2023-12-14',
      },
    ]);
  });

  it('takes due dates and cut-off days from settings', () => {
    const periods = reportingPeriods(2024, {
      dueDates: { Q1: { month: 3, day: 20 }, Y: { month: 1, day: 15, yearOffset: 1 } },
      cutoffStartDay: 1,
      cutoffEndDay: 31,
    });
    expect(periods.map((p) => [p.key, p.dueDate, p.cutoffFrom, p.cutoffTo])).toEqual([
      ['2024-Q1', '2024-03-20', '2023-12-01', '2024-03-31'],
      ['2024-H1', '2024-06-05', '2023-12-01', '2024-06-30'], // 31/6 → the month's last day
      ['2024-Q3', '2024-09-05', '2024-06-01', '2024-09-30'],
      ['2024-Y', '2025-01-15', '2023-12-01', '2024-12-31'],
    ]);
  });

  it('clamps a day past the month end (29/02 in a common year)', () => {
    const [q1] = reportingPeriods(2023, { dueDates: { Q1: { month: 2, day: 29 } } });
    expect(q1?.dueDate).toBe('2023-02-28');
    const [q1Leap] = reportingPeriods(2024, { dueDates: { Q1: { month: 2, day: 29 } } });
    expect(q1Leap?.dueDate).toBe('2024-02-29');
  });

  it('describes a period in Vietnamese', () => {
    expect(describePeriod(reportingPeriods(2023)[0]!)).toBe(
      'Quý I/2023: hạn 05/03/2023 (số liệu 15/12/2022 – 14/03/2023)',
    );
  });
});

describe('periodContaining', () => {
  const periods = reportingPeriods(2023);
  it.each([
    ['2023-01-01', '2023-Q1'],
    ['2023-03-31', '2023-Q1'],
    ['2023-04-01', '2023-H1'],
    ['2023-06-30', '2023-H1'],
    ['2023-07-01', '2023-Q3'],
    ['2023-09-30', '2023-Q3'],
    ['2023-10-01', '2023-Y'],
    ['2023-12-31', '2023-Y'],
    ['2024-01-31', undefined],
    ['2022-12-31', undefined],
  ])('%s → %s', (date, key) => {
    expect(periodContaining(periods, date)?.key).toBe(key);
  });
});

describe('parseReportDueDates', () => {
  it('reads the sample plan sentence', () => {
    const text =
      'Báo cáo định kỳ kết quả thực hiện công tác cải cách hành chính của đơn vị, có 04 loại báo cáo: quý I, 06 tháng, quý III, cả năm (đính kèm 04 phụ lục trong mỗi loại báo cáo) gửi trước **ngày 05/3, 05/6, 05/9, 05/12** định kỳ hàng năm.';
    const settings = parseReportDueDates(text, 2023);
    expect(settings).toEqual({
      dueDates: {
        Q1: { month: 3, day: 5 },
        H1: { month: 6, day: 5 },
        Q3: { month: 9, day: 5 },
        Y: { month: 12, day: 5 },
      },
    });
    expect(reportingPeriods(2023, settings ?? undefined)).toEqual(reportingPeriods(2023));
  });

  it('reads other separators, no diacritics, and a year report due next year', () => {
    expect(parseReportDueDates('gui truoc ngay 15-3, 15-6, 15-9 va 15-01', 2023)).toEqual({
      dueDates: {
        Q1: { month: 3, day: 15 },
        H1: { month: 6, day: 15 },
        Q3: { month: 9, day: 15 },
        Y: { month: 1, day: 15, yearOffset: 1 },
      },
    });
    const settings = parseReportDueDates('trước 10/3/2023, 10/6/2023, 10/9/2023, 10/01/2024', 2023);
    expect(settings?.dueDates?.Y).toEqual({ month: 1, day: 10, yearOffset: 1 });
    expect(reportingPeriods(2023, settings ?? undefined)[3]?.dueDate).toBe('2024-01-10');
  });

  it('returns null unless exactly four valid dates are written', () => {
    expect(parseReportDueDates('gửi trước ngày 05/3, 05/6, 05/9', 2023)).toBeNull();
    expect(parseReportDueDates('gửi trước ngày 05/3, 05/6, 05/9, 05/12, 05/01', 2023)).toBeNull();
    expect(parseReportDueDates('gửi trước ngày 05/3, 31/6, 05/9, 05/12', 2023)).toBeNull();
    expect(parseReportDueDates('Kế hoạch số 71/KH-MNTT', 2023)).toBeNull();
    expect(parseReportDueDates('', 2023)).toBeNull();
  });
});
