import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../calendar/index.js';
import { parseDeadline, scheduleDates } from './parse-deadline.js';
import type { DueBasis, Frequency, Schedule } from './types.js';

const ctx = { planYear: 2023 };

/** A schedule reduced to what a reader checks: kind, dates, frequencies. */
type Shape =
  | { kind: 'fixed'; dates: string[]; bases?: DueBasis[] }
  | { kind: 'recurring'; frequencies: Frequency[]; day?: number; from?: string; to?: string }
  | { kind: 'continuous' }
  | { kind: 'event' }
  | { kind: 'unscheduled'; from: string; to: string }
  | { kind: 'unparsed' }
  | { kind: 'per_deliverable'; parts: [string, Shape][] };

function shape(s: Schedule, withBases: boolean): Shape {
  switch (s.kind) {
    case 'fixed':
      return withBases
        ? { kind: 'fixed', dates: s.dues.map((d) => d.date), bases: s.dues.map((d) => d.basis) }
        : { kind: 'fixed', dates: s.dues.map((d) => d.date) };
    case 'recurring': {
      const out: Shape = { kind: 'recurring', frequencies: s.frequencies ?? [s.frequency] };
      if (s.day !== undefined) out.day = s.day;
      if (s.from !== undefined) out.from = s.from;
      if (s.to !== undefined) out.to = s.to;
      return out;
    }
    case 'per_deliverable':
      return {
        kind: 'per_deliverable',
        parts: s.parts.map((p) => [p.deliverable, shape(p.schedule, false)]),
      };
    case 'continuous':
      return { kind: 'continuous' };
    case 'event':
      return { kind: 'event' };
    case 'unscheduled':
      return { kind: 'unscheduled', from: s.from, to: s.to };
    case 'unparsed':
      return { kind: 'unparsed' };
  }
}

/** full = confidence 1; partial = 0 < c < 1 (text ignored or an approximate reading); none = 0. */
type Conf = 'full' | 'partial' | 'none';

function confOf(c: number): Conf {
  return c === 1 ? 'full' : c === 0 ? 'none' : 'partial';
}

const fixed = (dates: string[], bases?: DueBasis[]): Shape =>
  bases === undefined ? { kind: 'fixed', dates } : { kind: 'fixed', dates, bases };
const rec = (frequencies: Frequency[], extra: { day?: number; from?: string; to?: string } = {}): Shape => ({
  kind: 'recurring',
  frequencies,
  ...extra,
});
const CONTINUOUS: Shape = { kind: 'continuous' };
const EVENT: Shape = { kind: 'event' };
const UNPARSED: Shape = { kind: 'unparsed' };
const YEAR_2023: Shape = { kind: 'unscheduled', from: '2023-01-01', to: '2023-12-31' };

function check(text: string, expected: Shape, conf: Conf): void {
  const r = parseDeadline(text, ctx);
  const withBases = expected.kind === 'fixed' && expected.bases !== undefined;
  expect(shape(r.schedule, withBases)).toEqual(expected);
  expect(confOf(r.confidence)).toBe(conf);
  expect(r.raw).toBe(text);
  expect(r.notes.length).toBeGreaterThan(0);
}

// Every distinct phrase of the sample plan 71/KH-MNTT, Phụ lục 1, column "Thời gian hoàn thành"
// (28 distinct phrases over the 44 tasks), copied verbatim, with its reading for plan year 2023.
const SAMPLE: [string, Shape, Conf][] = [
  ['Quý I/2023', fixed(['2023-03-31'], ['end_of_quarter']), 'full'], // 1.1, 1.9, 6.2, 6.4
  [
    'Gửi Thanh tra Phòng GDĐT Quận 8 Định kỳ hàng quý, năm trước ngày 5 hàng quý', // 1.2
    rec(['quarterly', 'yearly'], { day: 5 }),
    'partial', // the recipient "Gửi Thanh tra Phòng GDĐT Quận 8" carries no time
  ],
  ['Khi có thay đổi', EVENT, 'full'], // 1.3
  [
    '- Kế hoạch: Quý II/2023 - Biên bản tự kiểm tra Quý II /2023', // 1.4
    {
      kind: 'per_deliverable',
      parts: [
        ['Kế hoạch', fixed(['2023-06-30'])],
        ['Biên bản tự kiểm tra', fixed(['2023-06-30'])],
      ],
    },
    'full',
  ],
  ['Tháng 12/2023', fixed(['2023-12-31'], ['end_of_month']), 'full'], // 1.5
  ['Trong năm 2023', fixed(['2023-12-31'], ['end_of_year']), 'full'], // 1.6, 1.7, 2.4, 3.8, 3.9, 7.2, 7.3
  ['Thường xuyên', CONTINUOUS, 'full'], // 1.8, 2.6, 5.2, 6.1, 6.3, 6.6, 7.1
  [
    '<p>- Kế hoạch: trước ngày 31/01/2023</p> <p>- Báo cáo năm: trước ngày 31/01 của năm liền kề</p>', // 2.1
    {
      kind: 'per_deliverable',
      parts: [
        ['Kế hoạch', fixed(['2023-01-31'])],
        ['Báo cáo năm', fixed(['2024-01-31'])],
      ],
    },
    'full',
  ],
  [
    '- Kế hoạch: trước ngày 31/01/2023 - Báo cáo năm: trước ngày 20/11', // 2.2
    {
      kind: 'per_deliverable',
      parts: [
        ['Kế hoạch', fixed(['2023-01-31'])],
        ['Báo cáo năm', fixed(['2023-11-20'])],
      ],
    },
    'full',
  ],
  ['Khi có ban hành văn bản QPPL', EVENT, 'full'], // 2.3
  ['Sau khi Thành phố triển khai Đề án', EVENT, 'full'], // 2.5
  ['Tháng 3/2023', fixed(['2023-03-31'], ['end_of_month']), 'full'], // 3.1
  [
    '- Kế hoạch: Tháng 3/2023 - Báo cáo: Định kỳ hàng quý, năm', // 3.2
    {
      kind: 'per_deliverable',
      parts: [
        ['Kế hoạch', fixed(['2023-03-31'])],
        ['Báo cáo', rec(['quarterly', 'yearly'])],
      ],
    },
    'full',
  ],
  ['BC nếu được kiểm tra', EVENT, 'full'], // 3.3
  ['Tháng 02/2023', fixed(['2023-02-28'], ['end_of_month']), 'full'], // 3.4, 3.7
  ['Trong tháng 6, tháng 12 năm 2023', fixed(['2023-06-30', '2023-12-31']), 'full'], // 3.5
  ['Trong năm 2023 và các năm tiếp theo', fixed(['2023-12-31'], ['end_of_year']), 'full'], // 3.6
  ['Trước ngày 05/11/2023', fixed(['2023-11-05'], ['exact']), 'full'], // 4.1
  ['Tháng 6 và tháng 9 năm 2023', fixed(['2023-06-30', '2023-09-30']), 'full'], // 4.2
  ['Trước tháng 11/2023', fixed(['2023-10-31'], ['before_month']), 'full'], // 4.3
  [
    'Tháng 7/2023 và trước ngày 15/12/2023',
    fixed(['2023-07-31', '2023-12-15'], ['end_of_month', 'exact']),
    'full',
  ], // 5.1
  ['Theo Thông báo mở lớp', EVENT, 'full'], // 5.3
  [
    'Tiếp tục triển khai theo Văn bản triển khai của quận trong năm 2023', // 5.4
    fixed(['2023-12-31'], ['end_of_year']),
    'partial',
  ],
  ['Kiểm tra đột xuất trong năm', YEAR_2023, 'full'], // 5.5
  ['Thực hiện theo Kết luận thanh tra, kiểm tra, kiểm toán', EVENT, 'full'], // 6.5
  ['Theo đề xuất của đơn vị', EVENT, 'full'], // 6.7
  ['Định kỳ hàng quý', rec(['quarterly']), 'full'], // 7.4
  ['Hàng quý', rec(['quarterly']), 'full'], // 7.5
];

// Our own phrases: realistic variants, approximate readings, and phrases that must stay unparsed.
const NFD = (s: string): string => s.normalize('NFD');
const MORE: [string, Shape, Conf][] = [
  // without diacritics
  ['quy 2/2023', fixed(['2023-06-30']), 'full'],
  ['Quy I/2023', fixed(['2023-03-31']), 'full'],
  ['thuong xuyen', CONTINUOUS, 'full'],
  ['truoc ngay 15/12', fixed(['2023-12-15']), 'full'],
  ['Truoc ngay 05/11/2023', fixed(['2023-11-05']), 'full'],
  ['Trong nam 2023', fixed(['2023-12-31']), 'full'],
  ['Dinh ky hang quy, nam truoc ngay 5 hang quy', rec(['quarterly', 'yearly'], { day: 5 }), 'full'],
  ['Thang 6 va thang 9 nam 2023', fixed(['2023-06-30', '2023-09-30']), 'full'],
  ['Kiem tra dot xuat trong nam', YEAR_2023, 'full'],
  ['Khi co thay doi', EVENT, 'full'],
  ['truoc thang 11/2023', fixed(['2023-10-31']), 'full'],
  // spacing, case, Unicode forms, markup
  ['  Quý   II  /  2023  ', fixed(['2023-06-30']), 'full'],
  ['Tháng 3 / 2023', fixed(['2023-03-31']), 'full'],
  ['Trước  ngày  05/11/2023', fixed(['2023-11-05']), 'full'],
  ['Thường  xuyên', CONTINUOUS, 'full'],
  ['QUÝ I/2023', fixed(['2023-03-31']), 'full'],
  [NFD('Quý II /2023'), fixed(['2023-06-30']), 'full'],
  [NFD('Thường xuyên'), CONTINUOUS, 'full'],
  [NFD('Trước ngày 05/11/2023'), fixed(['2023-11-05']), 'full'],
  ['<p>Quý I/2023</p>', fixed(['2023-03-31']), 'full'],
  // quarters
  ['Quý 2', fixed(['2023-06-30']), 'full'],
  ['quý II năm 2023', fixed(['2023-06-30']), 'full'],
  ['Q4/2024', fixed(['2024-12-31']), 'full'],
  ['Q2/23', fixed(['2023-06-30']), 'full'],
  ['Quý IV/2023', fixed(['2023-12-31']), 'full'],
  ['Quý 03/2023', fixed(['2023-09-30']), 'full'],
  ['Cuối quý III/2023', fixed(['2023-09-30']), 'full'],
  ['Trong quý I năm 2024', fixed(['2024-03-31']), 'full'],
  ['Quý I và quý III/2023', fixed(['2023-03-31', '2023-09-30']), 'full'],
  ['quý I, II/2023', fixed(['2023-03-31', '2023-06-30']), 'full'],
  ['Đầu quý II/2023', fixed(['2023-04-30'], ['early_period']), 'partial'],
  // months
  ['Tháng 3 năm 2023', fixed(['2023-03-31']), 'full'],
  ['T3/2023', fixed(['2023-03-31']), 'full'],
  ['Tháng 6, 12/2023', fixed(['2023-06-30', '2023-12-31']), 'full'],
  ['Cuối tháng 3', fixed(['2023-03-31']), 'full'],
  ['Tháng 2/2024', fixed(['2024-02-29']), 'full'],
  ['Giữa tháng 3/2023', fixed(['2023-03-20'], ['mid_period']), 'partial'],
  ['Đầu tháng 10/2023', fixed(['2023-10-10'], ['early_period']), 'partial'],
  ['tuần đầu tháng 3/2023', fixed(['2023-03-07'], ['week_of_month']), 'partial'],
  ['tuần 2 tháng 3', fixed(['2023-03-14'], ['week_of_month']), 'partial'],
  ['Từ tháng 3 đến tháng 6/2023', fixed(['2023-06-30']), 'full'],
  // exact dates
  ['31/12/2023', fixed(['2023-12-31'], ['exact']), 'full'],
  ['15-12-2023', fixed(['2023-12-15']), 'full'],
  ['15.12.2023', fixed(['2023-12-15']), 'full'],
  ['trước 15/12/23', fixed(['2023-12-15']), 'full'],
  ['ngày 15 tháng 12 năm 2023', fixed(['2023-12-15'], ['exact']), 'full'],
  ['Chậm nhất ngày 20/12/2023', fixed(['2023-12-20']), 'full'],
  ['Hạn chót 30/6/2023', fixed(['2023-06-30']), 'full'],
  ['Trước ngày 31/01 năm sau', fixed(['2024-01-31']), 'full'],
  [
    'Trước ngày 05/3, 05/6, 05/9, 05/12',
    fixed(['2023-03-05', '2023-06-05', '2023-09-05', '2023-12-05']),
    'full',
  ],
  ['Trước tháng 1/2024', fixed(['2023-12-31'], ['before_month']), 'full'],
  ['Gửi Phòng GDĐT trước ngày 10/01/2024', fixed(['2024-01-10']), 'partial'],
  // years
  ['cuối năm', fixed(['2023-12-31'], ['end_of_year']), 'full'],
  ['Cuối năm 2023', fixed(['2023-12-31']), 'full'],
  ['Năm 2023', fixed(['2023-12-31']), 'full'],
  ['đầu năm', fixed(['2023-01-31'], ['early_period']), 'partial'],
  ['Đầu năm 2024', fixed(['2024-01-31']), 'partial'],
  ['giữa năm', fixed(['2023-06-30'], ['mid_period']), 'partial'],
  ['năm sau', fixed(['2024-12-31']), 'full'],
  ['Trong năm liền kề', fixed(['2024-12-31']), 'full'],
  // halves
  ['6 tháng đầu năm', fixed(['2023-06-30'], ['end_of_half']), 'full'],
  ['6 tháng cuối năm 2023', fixed(['2023-12-31'], ['end_of_half']), 'full'],
  ['sáu tháng đầu năm 2024', fixed(['2024-06-30']), 'full'],
  ['Báo cáo 6 tháng', fixed(['2023-06-30'], ['end_of_half']), 'partial'],
  // school year (5/9 → 31/5): due at its end; a window when it bounds a recurrence
  ['năm học 2023-2024', fixed(['2024-05-31'], ['end_of_school_year']), 'full'],
  ['Trong năm học 2023 - 2024', fixed(['2024-05-31']), 'full'],
  ['hàng tháng trong năm học 2023-2024', rec(['monthly'], { from: '2023-09-05', to: '2024-05-31' }), 'full'],
  // recurring
  ['hàng tháng', rec(['monthly']), 'full'],
  ['hằng tháng', rec(['monthly']), 'full'],
  ['mỗi quý', rec(['quarterly']), 'full'],
  ['Định kỳ 6 tháng', rec(['half_yearly']), 'full'],
  ['hàng năm', rec(['yearly']), 'full'],
  ['trước ngày 5 hàng quý', rec(['quarterly'], { day: 5 }), 'full'],
  ['trước ngày 25 hàng tháng', rec(['monthly'], { day: 25 }), 'full'],
  ['Định kỳ hàng quý, 6 tháng, năm', rec(['quarterly', 'half_yearly', 'yearly']), 'full'],
  ['Hàng quý năm 2023', rec(['quarterly'], { from: '2023-01-01', to: '2023-12-31' }), 'full'],
  ['Báo cáo hàng quý và năm', rec(['quarterly', 'yearly']), 'full'],
  ['Hàng quý, trước ngày 20 tháng cuối quý', rec(['quarterly'], { day: 20 }), 'full'],
  ['trước ngày 15/12 hàng năm', fixed(['2023-12-15'], ['exact']), 'full'],
  // continuous
  ['hàng tuần', CONTINUOUS, 'partial'],
  ['Hằng ngày', CONTINUOUS, 'full'],
  ['Liên tục', CONTINUOUS, 'full'],
  ['Thường xuyên trong năm 2023', CONTINUOUS, 'full'],
  ['Định kỳ', CONTINUOUS, 'partial'],
  // event-driven
  ['Khi có yêu cầu', EVENT, 'full'],
  ['Theo lịch của Phòng Giáo dục', EVENT, 'full'],
  ['Theo Kế hoạch số 12/KH-UBND ngày 15/3/2023', EVENT, 'full'],
  ['Trong vòng 15 ngày làm việc kể từ ngày nhận văn bản', EVENT, 'partial'],
  ['Sau khi có hướng dẫn của cấp trên', EVENT, 'full'],
  ['Nếu có phát sinh', EVENT, 'full'],
  // unscheduled
  ['Kiểm tra đột xuất', YEAR_2023, 'full'],
  ['Đột xuất trong năm 2024', { kind: 'unscheduled', from: '2024-01-01', to: '2024-12-31' }, 'full'],
  // per deliverable
  [
    'Kế hoạch tháng 3/2023, báo cáo hàng quý',
    {
      kind: 'per_deliverable',
      parts: [
        ['Kế hoạch', fixed(['2023-03-31'])],
        ['báo cáo', rec(['quarterly'])],
      ],
    },
    'full',
  ],
  [
    '- Kế hoạch: Quý I/2023\n- Báo cáo: Hàng quý',
    {
      kind: 'per_deliverable',
      parts: [
        ['Kế hoạch', fixed(['2023-03-31'])],
        ['Báo cáo', rec(['quarterly'])],
      ],
    },
    'full',
  ],
  [
    'Kế hoạch: trước 15/02/2023; Báo cáo: trước 15/12/2023',
    {
      kind: 'per_deliverable',
      parts: [
        ['Kế hoạch', fixed(['2023-02-15'])],
        ['Báo cáo', fixed(['2023-12-15'])],
      ],
    },
    'full',
  ],
  [
    // the labels are names: "6 tháng" inside "Báo cáo 6 tháng:" is not a date
    '- Báo cáo 6 tháng: trước ngày 05/6 - Báo cáo năm: trước ngày 05/12',
    {
      kind: 'per_deliverable',
      parts: [
        ['Báo cáo 6 tháng', fixed(['2023-06-05'])],
        ['Báo cáo năm', fixed(['2023-12-05'])],
      ],
    },
    'full',
  ],
  [
    'Trong quý I/2023 (Kế hoạch); hàng quý (Báo cáo)',
    {
      kind: 'per_deliverable',
      parts: [
        ['Kế hoạch', fixed(['2023-03-31'])],
        ['Báo cáo', rec(['quarterly'])],
      ],
    },
    'full',
  ],
  [
    'Kế hoạch tháng 3/2023, báo cáo hàng quý năm 2023',
    {
      kind: 'per_deliverable',
      parts: [
        ['Kế hoạch', fixed(['2023-03-31'])],
        ['báo cáo', rec(['quarterly'], { from: '2023-01-01', to: '2023-12-31' })],
      ],
    },
    'full',
  ],
  [
    'Kiểm tra đột xuất; báo cáo trước 15/12/2023',
    {
      kind: 'per_deliverable',
      parts: [
        ['Phần 1', YEAR_2023],
        ['báo cáo', fixed(['2023-12-15'])],
      ],
    },
    'full',
  ],
  ['hàng tháng trong năm học', rec(['monthly']), 'partial'],
  ['Thời gian: Quý I/2023', fixed(['2023-03-31']), 'full'],
  ['Quý I/2023 (nếu có)', fixed(['2023-03-31']), 'full'],
  ['tháng 3, 5 lớp', fixed(['2023-03-31']), 'partial'],
  // not understood: never a guessed date
  ['Trong tuần', UNPARSED, 'none'],
  ['Tháng 13/2023', UNPARSED, 'none'],
  ['Quý 5/2023', UNPARSED, 'none'],
  ['32/12/2023', UNPARSED, 'none'],
  ['31/02/2023', UNPARSED, 'none'],
  ['29/02/2023', UNPARSED, 'none'],
  ['năm học', UNPARSED, 'none'],
  ['năm học 2023-2025', UNPARSED, 'none'],
  ['Chưa xác định', UNPARSED, 'none'],
  ['xyz', UNPARSED, 'none'],
  ['2023', UNPARSED, 'none'],
  ['Thực hiện ngay', UNPARSED, 'none'],
  ['Sớm nhất có thể', UNPARSED, 'none'],
  ['ASAP', UNPARSED, 'none'],
  ['', UNPARSED, 'none'],
  ['   ', UNPARSED, 'none'],
  ['3.1', UNPARSED, 'none'],
  ['Quận 8', UNPARSED, 'none'],
];

describe('parseDeadline — every phrase of the sample plan (Phụ lục 1)', () => {
  it.each(SAMPLE)('%s', (text, expected, conf) => check(text, expected, conf));

  it('covers all 28 distinct phrases of the 44 tasks', () => {
    expect(new Set(SAMPLE.map(([t]) => t)).size).toBe(28);
  });
});

describe('parseDeadline — the project phrase list', () => {
  it.each(MORE)('%j', (text, expected, conf) => check(text, expected, conf));

  it('has at least 60 phrases', () => {
    expect(MORE.length).toBeGreaterThanOrEqual(60);
  });
});

describe('parseDeadline — details', () => {
  it('explains a reading in Vietnamese', () => {
    expect(parseDeadline('Quý II /2023', ctx).notes).toEqual(['Cuối quý II/2023 (30/06/2023)']);
    expect(parseDeadline('Trước tháng 11/2023', ctx).notes).toEqual([
      'Trước tháng 11/2023: hạn cuối tháng 10/2023 (31/10/2023)',
    ]);
  });

  it('labels dues in the Vietnamese form', () => {
    const r = parseDeadline('Quý 2 và tháng 02/2023 và trước 05/11/2023', ctx);
    expect(r.schedule.kind === 'fixed' && r.schedule.dues.map((d) => d.label)).toEqual([
      'Tháng 2/2023',
      'Quý II/2023',
      'Ngày 05/11/2023',
    ]);
  });

  it('names what it ignored and lowers the confidence', () => {
    const r = parseDeadline(
      'Gửi Thanh tra Phòng GDĐT Quận 8 Định kỳ hàng quý, năm trước ngày 5 hàng quý',
      ctx,
    );
    expect(r.notes).toContain('Bỏ qua: "Thanh tra Phòng GDĐT Quận 8"');
    expect(r.confidence).toBeGreaterThan(0.7);
    expect(r.confidence).toBeLessThan(1);
  });

  it('keeps the event trigger as written', () => {
    const r = parseDeadline('  Theo  Thông báo mở lớp ', ctx);
    expect(r.schedule).toEqual({ kind: 'event', trigger: 'Theo Thông báo mở lớp' });
  });

  it('keeps the raw text of an unparsed phrase', () => {
    expect(parseDeadline('Chưa xác định', ctx).schedule).toEqual({ kind: 'unparsed', raw: 'Chưa xác định' });
  });

  it('uses the plan year for phrases without a year', () => {
    const r = parseDeadline('Quý 2', { planYear: 2025 });
    expect(scheduleDates(r.schedule)).toEqual(['2025-06-30']);
    expect(
      scheduleDates(parseDeadline('trước ngày 31/01 của năm liền kề', { planYear: 2025 }).schedule),
    ).toEqual(['2026-01-31']);
  });

  it('names unlabeled parts after the task deliverables', () => {
    const r = parseDeadline('Kế hoạch: Quý I/2023; Tháng 12/2023', {
      planYear: 2023,
      deliverables: ['Kế hoạch', 'Báo cáo'],
    });
    expect(shape(r.schedule, false)).toEqual({
      kind: 'per_deliverable',
      parts: [
        ['Kế hoạch', fixed(['2023-03-31'])],
        ['Báo cáo', fixed(['2023-12-31'])],
      ],
    });
  });

  it('accepts a configured school year', () => {
    const r = parseDeadline('năm học 2023-2024', {
      planYear: 2023,
      schoolYear: { startMonth: 8, startDay: 15, endMonth: 6, endDay: 15 },
    });
    expect(scheduleDates(r.schedule)).toEqual(['2024-06-15']);
  });
});

describe('parseDeadline — spans', () => {
  /** Each span's text (NFC, tags removed, spaces collapsed) for comparison with what was matched. */
  function spanTexts(text: string): string[] {
    return parseDeadline(text, ctx).spans.map((s) =>
      text
        .slice(s.start, s.end)
        .normalize('NFC')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }

  it.each<[string, string[]]>([
    ['Quý I/2023', ['Quý I/2023']],
    [
      'Gửi Thanh tra Phòng GDĐT Quận 8 Định kỳ hàng quý, năm trước ngày 5 hàng quý',
      ['Định kỳ hàng quý, năm', 'trước ngày 5 hàng quý'],
    ],
    ['- Kế hoạch: Quý II/2023 - Biên bản tự kiểm tra Quý II /2023', ['Quý II/2023', 'Quý II /2023']],
    ['Tháng 7/2023 và trước ngày 15/12/2023', ['Tháng 7/2023', 'trước ngày 15/12/2023']],
    [
      '<p>- Kế hoạch: trước ngày 31/01/2023</p> <p>- Báo cáo năm: trước ngày 31/01 của năm liền kề</p>',
      ['trước ngày 31/01/2023', 'trước ngày 31/01 của năm liền kề'],
    ],
    ['Tiếp tục triển khai theo Văn bản triển khai của quận trong năm 2023', ['trong năm 2023']],
    ['Trong năm 2023 và các năm tiếp theo', ['Trong năm 2023', 'và các năm tiếp theo']],
    ['  Khi có thay đổi  ', ['Khi có thay đổi']],
    [NFD('Trước ngày 05/11/2023 (nếu có)'), ['Trước ngày 05/11/2023']],
    [NFD('Định kỳ hàng quý, năm'), ['Định kỳ hàng quý, năm']],
    ['Chưa xác định', []],
  ])('%j', (text, expected) => {
    expect(spanTexts(text)).toEqual(expected);
  });

  it('gives each due its own span', () => {
    const text = 'Tháng 6 và tháng 9 năm 2023';
    const r = parseDeadline(text, ctx);
    expect(
      r.schedule.kind === 'fixed' && r.schedule.dues.map((d) => text.slice(d.span.start, d.span.end)),
    ).toEqual(['Tháng 6', 'tháng 9 năm 2023']);
  });

  it('gives each deliverable part its span', () => {
    const text = '- Kế hoạch: Tháng 3/2023 - Báo cáo: Định kỳ hàng quý, năm';
    const r = parseDeadline(text, ctx);
    expect(
      r.schedule.kind === 'per_deliverable' &&
        r.schedule.parts.map((p) => text.slice(p.span.start, p.span.end)),
    ).toEqual(['Kế hoạch: Tháng 3/2023', 'Báo cáo: Định kỳ hàng quý, năm']);
    const inline = 'Kế hoạch tháng 3/2023, báo cáo hàng quý';
    const r2 = parseDeadline(inline, ctx);
    expect(
      r2.schedule.kind === 'per_deliverable' &&
        r2.schedule.parts.map((p) => inline.slice(p.span.start, p.span.end)),
    ).toEqual(['Kế hoạch tháng 3/2023', 'báo cáo hàng quý']);
  });
});

/** Removes Vietnamese diacritics the way a hurried typist does. */
function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

describe('parseDeadline — properties', () => {
  it('never throws, stays in bounds and only returns real dates', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.integer({ min: 1990, max: 2100 }),
        (s, y) => {
          const r = parseDeadline(s, { planYear: y });
          expect(r.confidence).toBeGreaterThanOrEqual(0);
          expect(r.confidence).toBeLessThanOrEqual(1);
          for (const span of r.spans) {
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeLessThanOrEqual(s.length);
            expect(span.start).toBeLessThan(span.end);
          }
          for (const d of scheduleDates(r.schedule)) expect(isCalendarDate(d)).toBe(true);
          if (r.schedule.kind === 'unparsed') expect(r.confidence).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never returns a date for random junk', () => {
    // Junk: letters that spell no Vietnamese time word, digits and symbols — but no date separators.
    const junk = fc.string({
      unit: fc.constantFrom(...'bcfgjkpswxzBCFGJKPSWXZ0123456789 !?@#$%*()_=[]{}|<>,'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(junk, (s) => {
        const r = parseDeadline(s, ctx);
        expect(scheduleDates(r.schedule)).toEqual([]);
        expect(['unparsed']).toContain(r.schedule.kind);
        expect(r.confidence).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the same without diacritics, decomposed, or with extra spaces', () => {
    const phrases = SAMPLE.map(([t]) => t);
    fc.assert(
      fc.property(fc.constantFrom(...phrases), fc.integer({ min: 1, max: 4 }), (text, spaces) => {
        const expected = shape(parseDeadline(text, ctx).schedule, true);
        for (const variant of [
          stripDiacritics(text),
          text.normalize('NFD'),
          text.replace(/ /g, ' '.repeat(spaces)),
        ]) {
          const got = shape(parseDeadline(variant, ctx).schedule, true);
          if (expected.kind === 'per_deliverable' && got.kind === 'per_deliverable') {
            // Deliverable names keep the spelling they were written in.
            expect(got.parts.map(([, s]) => s)).toEqual(expected.parts.map(([, s]) => s));
          } else {
            expect(got).toEqual(expected);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
