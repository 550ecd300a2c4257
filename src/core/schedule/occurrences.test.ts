import { describe, expect, it } from 'vitest';
import { dueState, expandSchedule, timeliness } from './occurrences.js';
import { parseDeadline } from './parse-deadline.js';
import { parseReportDueDates, reportingPeriods } from './reporting-periods.js';
import type { Occurrence, Schedule } from './types.js';

const periods = reportingPeriods(2023);
const ctx = { planYear: 2023, periods };

function occurrencesOf(text: string, events?: { date: string; note?: string }[]): Occurrence[] {
  return expandSchedule(parseDeadline(text, { planYear: 2023 }).schedule, { ...ctx, events });
}

function keysDues(list: Occurrence[]): [string, string | null][] {
  return list.map((o) => [o.key, o.due]);
}

describe('expandSchedule — fixed', () => {
  it('one occurrence per due date, keyed by the date, in the reporting period it falls in', () => {
    expect(occurrencesOf('Tháng 7/2023 và trước ngày 15/12/2023')).toEqual([
      { key: '2023-07-31', due: '2023-07-31', label: 'Tháng 7/2023', periodKey: '2023-Q3' },
      { key: '2023-12-15', due: '2023-12-15', label: 'Ngày 15/12/2023', periodKey: '2023-Y' },
    ]);
    expect(occurrencesOf('Quý II /2023')).toEqual([
      { key: '2023-06-30', due: '2023-06-30', label: 'Quý II/2023', periodKey: '2023-H1' },
    ]);
  });

  it('a due outside the plan year has no period', () => {
    expect(occurrencesOf('Trước ngày 31/01 năm sau')).toEqual([
      { key: '2024-01-31', due: '2024-01-31', label: 'Ngày 31/01/2024' },
    ]);
  });

  it('labels a due without a label by its date', () => {
    const s: Schedule = {
      kind: 'fixed',
      dues: [{ date: '2023-05-02', basis: 'exact', span: { start: 0, end: 0 } }],
    };
    expect(expandSchedule(s, ctx)).toEqual([
      { key: '2023-05-02', due: '2023-05-02', label: 'Hạn 02/05/2023', periodKey: '2023-H1' },
    ]);
  });
});

describe('expandSchedule — recurring', () => {
  it('quarterly + yearly on day 5: day 5 of each period’s last month (the sample’s 05/3, 05/6, 05/9, 05/12)', () => {
    const list = occurrencesOf('Gửi Thanh tra Phòng GDĐT Quận 8 Định kỳ hàng quý, năm trước ngày 5 hàng quý');
    expect(list).toEqual([
      { key: '2023-Q1', due: '2023-03-05', label: 'Quý I/2023', periodKey: '2023-Q1' },
      { key: '2023-Q2', due: '2023-06-05', label: 'Quý II/2023', periodKey: '2023-H1' },
      { key: '2023-Q3', due: '2023-09-05', label: 'Quý III/2023', periodKey: '2023-Q3' },
      { key: '2023-Q4', due: '2023-12-05', label: 'Quý IV/2023', periodKey: '2023-Y' },
      { key: '2023-Y', due: '2023-12-05', label: 'Năm 2023', periodKey: '2023-Y' },
    ]);
  });

  it('quarterly without a day: due with the report of the period ending with the quarter', () => {
    expect(occurrencesOf('Hàng quý')).toEqual([
      { key: '2023-Q1', due: '2023-03-05', label: 'Quý I/2023', periodKey: '2023-Q1' },
      { key: '2023-Q2', due: '2023-06-05', label: 'Quý II/2023', periodKey: '2023-H1' },
      { key: '2023-Q3', due: '2023-09-05', label: 'Quý III/2023', periodKey: '2023-Q3' },
      { key: '2023-Q4', due: '2023-12-05', label: 'Quý IV/2023', periodKey: '2023-Y' },
    ]);
  });

  it('follows the unit’s own report due dates', () => {
    const settings = parseReportDueDates('trước ngày 15/3, 15/6, 15/9, 15/01', 2023) ?? undefined;
    const own = reportingPeriods(2023, settings);
    const list = expandSchedule(parseDeadline('Định kỳ hàng quý, năm', { planYear: 2023 }).schedule, {
      planYear: 2023,
      periods: own,
    });
    expect(keysDues(list)).toEqual([
      ['2023-Q1', '2023-03-15'],
      ['2023-Q2', '2023-06-15'],
      ['2023-Q3', '2023-09-15'],
      ['2023-Q4', '2024-01-15'],
      ['2023-Y', '2024-01-15'],
    ]);
    expect(list.map((o) => o.periodKey)).toEqual(['2023-Q1', '2023-H1', '2023-Q3', '2023-Y', '2023-Y']);
  });

  it('quarterly falls back to the quarter end when no report period ends with it', () => {
    const onlyYear = periods.filter((p) => p.key === '2023-Y');
    const list = expandSchedule(
      { kind: 'recurring', frequency: 'quarterly' },
      { planYear: 2023, periods: onlyYear },
    );
    expect(keysDues(list)).toEqual([
      ['2023-Q1', '2023-03-31'],
      ['2023-Q2', '2023-06-30'],
      ['2023-Q3', '2023-09-30'],
      ['2023-Q4', '2023-12-05'],
    ]);
  });

  it('monthly: twelve, due at each month end', () => {
    const list = occurrencesOf('hàng tháng');
    expect(list).toHaveLength(12);
    expect(list[0]).toEqual({
      key: '2023-M01',
      due: '2023-01-31',
      label: 'Tháng 1/2023',
      periodKey: '2023-Q1',
    });
    expect(list[1]).toEqual({
      key: '2023-M02',
      due: '2023-02-28',
      label: 'Tháng 2/2023',
      periodKey: '2023-Q1',
    });
    expect(list.map((o) => o.periodKey)).toEqual([
      ...Array<string>(3).fill('2023-Q1'),
      ...Array<string>(3).fill('2023-H1'),
      ...Array<string>(3).fill('2023-Q3'),
      ...Array<string>(3).fill('2023-Y'),
    ]);
    expect(list[11]?.key).toBe('2023-M12');
  });

  it('monthly on a day, clamped to short months', () => {
    const list = occurrencesOf('trước ngày 31 hàng tháng');
    expect(list.slice(0, 4).map((o) => o.due)).toEqual([
      '2023-01-31',
      '2023-02-28',
      '2023-03-31',
      '2023-04-30',
    ]);
    expect(occurrencesOf('trước ngày 25 hàng tháng')[1]?.due).toBe('2023-02-25');
  });

  it('half-yearly and yearly', () => {
    expect(occurrencesOf('Định kỳ 6 tháng')).toEqual([
      { key: '2023-H1', due: '2023-06-05', label: '6 tháng đầu năm 2023', periodKey: '2023-H1' },
      { key: '2023-H2', due: '2023-12-05', label: '6 tháng cuối năm 2023', periodKey: '2023-Y' },
    ]);
    expect(occurrencesOf('hàng năm')).toEqual([
      { key: '2023-Y', due: '2023-12-05', label: 'Năm 2023', periodKey: '2023-Y' },
    ]);
  });

  it('monthly over a school year: September 2023 to May 2024', () => {
    const list = occurrencesOf('hàng tháng trong năm học 2023-2024');
    expect(list.map((o) => o.key)).toEqual([
      '2023-M09',
      '2023-M10',
      '2023-M11',
      '2023-M12',
      '2024-M01',
      '2024-M02',
      '2024-M03',
      '2024-M04',
      '2024-M05',
    ]);
    expect(list[5]).toEqual({ key: '2024-M02', due: '2024-02-29', label: 'Tháng 2/2024' });
  });
});

describe('expandSchedule — other kinds', () => {
  it('continuous: one per reporting period, due with its report', () => {
    expect(occurrencesOf('Thường xuyên')).toEqual([
      { key: '2023-Q1', due: '2023-03-05', label: 'Quý I/2023', periodKey: '2023-Q1' },
      { key: '2023-H1', due: '2023-06-05', label: '6 tháng đầu năm 2023', periodKey: '2023-H1' },
      { key: '2023-Q3', due: '2023-09-05', label: 'Quý III/2023', periodKey: '2023-Q3' },
      { key: '2023-Y', due: '2023-12-05', label: 'Năm 2023', periodKey: '2023-Y' },
    ]);
  });

  it('continuous with no periods configured uses the default periods of the plan year', () => {
    const list = expandSchedule({ kind: 'continuous' }, { planYear: 2024, periods: [] });
    expect(keysDues(list)).toEqual([
      ['2024-Q1', '2024-03-05'],
      ['2024-H1', '2024-06-05'],
      ['2024-Q3', '2024-09-05'],
      ['2024-Y', '2024-12-05'],
    ]);
  });

  it('event: waiting without events, one per recorded event otherwise', () => {
    expect(occurrencesOf('Khi có thay đổi')).toEqual([
      { key: 'event', due: null, label: 'Chờ sự kiện: Khi có thay đổi' },
    ]);
    expect(
      occurrencesOf('Theo Thông báo mở lớp', [
        { date: '2023-05-02', note: 'Lớp bồi dưỡng CCHC' },
        { date: '2023-03-01' },
        { date: '2023-05-02' },
      ]),
    ).toEqual([
      {
        key: 'event:2023-03-01',
        due: '2023-03-01',
        label: 'Phát sinh ngày 01/03/2023',
        periodKey: '2023-Q1',
      },
      { key: 'event:2023-05-02', due: '2023-05-02', label: 'Lớp bồi dưỡng CCHC', periodKey: '2023-H1' },
      {
        key: 'event:2023-05-02#2',
        due: '2023-05-02',
        label: 'Phát sinh ngày 02/05/2023',
        periodKey: '2023-H1',
      },
    ]);
  });

  it('unscheduled: one, due at the end of its window', () => {
    expect(occurrencesOf('Kiểm tra đột xuất trong năm')).toEqual([
      {
        key: 'unscheduled:2023-01-01_2023-12-31',
        due: '2023-12-31',
        label: 'Đột xuất trong năm 2023',
        periodKey: '2023-Y',
      },
    ]);
    expect(expandSchedule({ kind: 'unscheduled', from: '2023-09-05', to: '2024-05-31' }, ctx)).toEqual([
      {
        key: 'unscheduled:2023-09-05_2024-05-31',
        due: '2024-05-31',
        label: 'Đột xuất (05/09/2023 – 31/05/2024)',
      },
    ]);
  });

  it('unparsed: one, without a due date', () => {
    expect(occurrencesOf('Chưa xác định')).toEqual([
      { key: 'unparsed', due: null, label: 'Chưa xác định thời hạn' },
    ]);
  });

  it('per deliverable: keys prefixed by the deliverable', () => {
    expect(
      occurrencesOf(
        '<p>- Kế hoạch: trước ngày 31/01/2023</p> <p>- Báo cáo năm: trước ngày 31/01 của năm liền kề</p>',
      ),
    ).toEqual([
      {
        key: 'kehoach:2023-01-31',
        due: '2023-01-31',
        label: 'Ngày 31/01/2023',
        deliverable: 'Kế hoạch',
        periodKey: '2023-Q1',
      },
      {
        key: 'baocaonam:2024-01-31',
        due: '2024-01-31',
        label: 'Ngày 31/01/2024',
        deliverable: 'Báo cáo năm',
      },
    ]);
    expect(keysDues(occurrencesOf('- Kế hoạch: Tháng 3/2023 - Báo cáo: Định kỳ hàng quý, năm'))).toEqual([
      ['kehoach:2023-03-31', '2023-03-31'],
      ['baocao:2023-Q1', '2023-03-05'],
      ['baocao:2023-Q2', '2023-06-05'],
      ['baocao:2023-Q3', '2023-09-05'],
      ['baocao:2023-Q4', '2023-12-05'],
      ['baocao:2023-Y', '2023-12-05'],
    ]);
  });

  it('two parts with the same deliverable keep distinct keys', () => {
    const s: Schedule = {
      kind: 'per_deliverable',
      parts: [
        { deliverable: 'Báo cáo', schedule: { kind: 'continuous' }, span: { start: 0, end: 0 } },
        { deliverable: 'Báo cáo', schedule: { kind: 'unparsed', raw: '?' }, span: { start: 0, end: 0 } },
      ],
    };
    expect(expandSchedule(s, ctx).map((o) => o.key)).toEqual([
      'baocao:2023-Q1',
      'baocao:2023-H1',
      'baocao:2023-Q3',
      'baocao:2023-Y',
      'baocao-2:unparsed',
    ]);
  });

  it('keys are stable across re-imports of the same text in another spelling', () => {
    const pairs: [string, string][] = [
      [
        '- Kế hoạch: Quý II/2023 - Biên bản tự kiểm tra Quý II /2023',
        '- Ke hoach: Quy II/2023 - Bien ban tu kiem tra Quy II /2023',
      ],
      ['Trong tháng 6, tháng 12 năm 2023', 'trong  thang 6, thang 12 nam 2023'],
      ['Định kỳ hàng quý', 'dinh ky hang quy'],
    ];
    for (const [a, b] of pairs) {
      expect(occurrencesOf(b).map((o) => o.key)).toEqual(occurrencesOf(a).map((o) => o.key));
      expect(occurrencesOf(a.normalize('NFD')).map((o) => o.key)).toEqual(occurrencesOf(a).map((o) => o.key));
    }
    expect(
      occurrencesOf('- Kế hoạch: Quý II/2023 - Biên bản tự kiểm tra Quý II /2023').map((o) => o.key),
    ).toEqual(['kehoach:2023-06-30', 'bienbantukiemtra:2023-06-30']);
  });
});

describe('timeliness', () => {
  it.each([
    ['2023-06-30', '2023-06-29', 'early'],
    ['2023-06-30', '2023-06-30', 'on_time'],
    ['2023-06-30', '2023-07-01', 'late'],
    ['2023-12-31', '2024-01-01', 'late'],
  ] as const)('due %s, done %s → %s', (due, done, expected) => {
    expect(timeliness(due, done)).toBe(expected);
  });
});

describe('dueState', () => {
  it.each([
    [null, '2023-06-01', 7, 'none'],
    ['2023-06-30', '2023-07-01', 7, 'overdue'],
    ['2023-06-30', '2023-06-30', 7, 'due_soon'],
    ['2023-06-30', '2023-06-23', 7, 'due_soon'],
    ['2023-06-30', '2023-06-22', 7, 'upcoming'],
    ['2023-06-30', '2023-06-01', 30, 'due_soon'],
    ['2023-06-30', '2023-06-29', 0, 'upcoming'],
    ['2024-01-02', '2023-12-30', 7, 'due_soon'],
  ] as const)('due %s, today %s, window %d → %s', (due, today, days, expected) => {
    expect(dueState(due, today, days)).toBe(expected);
  });

  it('defaults to a 7-day window', () => {
    expect(dueState('2023-06-30', '2023-06-23')).toBe('due_soon');
    expect(dueState('2023-06-30', '2023-06-22')).toBe('upcoming');
  });
});
