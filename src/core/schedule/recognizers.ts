/**
 * Phrase recognizers: find the time expressions ("atoms") in a folded deadline text.
 *
 * Every recognizer works on the folded text (lower case, no diacritics — see text.ts), claims the
 * range it matched, and later recognizers skip claimed ranges. Order matters: the more specific
 * phrase wins ("trước ngày 5 hàng quý" before "hàng quý", "ngày 15 tháng 12 năm 2023" before
 * "tháng 12 năm 2023", a document number "số 12/KH-UBND ngày 15/3/2023" before any date).
 */
import { endOfMonth, endOfYear, formatViDate, isValidYmd, startOfYear, ymd } from '../calendar/index.js';
import type { Frequency } from './types.js';
import {
  NEXT_YEAR,
  PREFIX,
  claim,
  due,
  exactItem,
  group,
  invalid,
  isFree,
  leadOf,
  monthItem,
  partOf,
  quarterItem,
  quarterNumber,
  scanList,
  toYear,
  yearItem,
} from './recognize-items.js';
import type { Atom, DueItem, ListItem, RecognizeEnv } from './recognize-items.js';

// ---------------------------------------------------------------------------------------------
// The recognizers, in priority order

interface Recognizer {
  name: string;
  re: RegExp;
  build(m: RegExpExecArray, env: RecognizeEnv): Atom | null;
}

const FREQ = String.raw`(?:6 thang|06 thang|sau thang|nua nam|thang|quy|nam)(?![a-z])(?!\s+(?:hoc|\d))`;

function frequencyOf(word: string): Frequency | null {
  switch (word) {
    case 'thang':
      return 'monthly';
    case 'quy':
      return 'quarterly';
    case 'nam':
      return 'yearly';
    case '6 thang':
    case '06 thang':
    case 'sau thang':
    case 'nua nam':
      return 'half_yearly';
    default:
      return null;
  }
}

const RECOGNIZERS: Recognizer[] = [
  {
    // A document reference: "số 12/KH-UBND ngày 15/3/2023", "41/2011/QĐ-UBND" — never a deadline.
    name: 'reference',
    re: /(?<![a-z\d])(?:so\s*)?\d+(?:\/\d+)*\/[a-z][a-z\d]*(?:-[a-z\d]+)*(?:\s+(?:ngay\s+)?(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?))?/g,
    build: (m) => ({ type: 'reference', start: m.index, end: m.index + m[0].length }),
  },
  {
    name: 'optional',
    re: /\(\s*neu co\s*\)/g,
    build: (m) => ({ type: 'optional', start: m.index, end: m.index + m[0].length }),
  },
  {
    name: 'unscheduled',
    re: /(?<![a-z])(?:(?:kiem tra|thanh tra)\s+)?dot xuat(?:\s+(?:trong\s+)?(?:suot\s+)?nam(?:\s+(\d{4}))?(?!\d))?(?![a-z])/g,
    build: (m) => {
      const y = group(m, 1);
      const year = y === undefined ? null : toYear(y);
      if (year !== null && Number.isNaN(year))
        return invalid(m.index, m.index + m[0].length, `Năm không hợp lệ: ${y}`);
      return { type: 'unscheduled', start: m.index, end: m.index + m[0].length, year };
    },
  },
  {
    // School year, e.g. "năm học 2023-2024" (default 5/9/2023 → 31/5/2024, see README).
    name: 'school_year',
    re: /(?<![a-z])(?:(trong|cuoi|het|ket thuc|den het)\s+)?nam hoc(?:\s+(\d{4})\s*[-/]\s*(\d{4}|\d{2})(?!\d))?(?![a-z])/g,
    build: (m, env) => {
      const start = m.index;
      const end = m.index + m[0].length;
      const a = group(m, 2);
      const b = group(m, 3);
      if (a === undefined || b === undefined) {
        return {
          type: 'ambiguous',
          start,
          end,
          message: 'Không rõ năm học nào (ghi rõ "năm học 2023-2024")',
        };
      }
      const y1 = toYear(a);
      const y2 = b.length === 2 ? Math.floor(y1 / 100) * 100 + Number(b) : toYear(b);
      if (Number.isNaN(y1) || y2 !== y1 + 1) return invalid(start, end, `Năm học không hợp lệ: ${a}-${b}`);
      const s = env.schoolYear;
      if (!isValidYmd(y1, s.startMonth, s.startDay) || !isValidYmd(y2, s.endMonth, s.endDay)) return null;
      const from = ymd(y1, s.startMonth, s.startDay);
      const date = ymd(y2, s.endMonth, s.endDay);
      return due(start, end, [
        {
          date,
          basis: 'end_of_school_year',
          label: `Năm học ${y1}-${y2}`,
          note: `Năm học ${y1}-${y2} (${formatViDate(from)} – ${formatViDate(date)}): hạn cuối năm học (${formatViDate(date)})`,
          start,
          end,
          from,
          window: true,
          factor: 1,
        },
      ]);
    },
  },
  {
    name: 'ongoing',
    re: /(?<![a-z])(?:va\s+)?(?:cac|nhung)\s+nam\s+(?:tiep theo|sau|ke tiep|toi)(?![a-z])/g,
    build: (m) => ({ type: 'ongoing', start: m.index, end: m.index + m[0].length }),
  },
  {
    name: 'continuous',
    re: /(?<![a-z])(thuong xuyen|lien tuc|hang ngay|moi ngay|hang tuan|moi tuan)(?![a-z])/g,
    build: (m) => {
      const word = group(m, 1) ?? '';
      const weekly = word.endsWith('tuan');
      return {
        type: 'continuous',
        start: m.index,
        end: m.index + m[0].length,
        // Weekly/daily work has no schedule of its own here: it is followed in every reporting
        // period, like "Thường xuyên". Weekly is the less certain reading.
        note: weekly
          ? 'Hàng tuần: theo dõi như nhiệm vụ thường xuyên, báo cáo theo từng kỳ báo cáo'
          : 'Thường xuyên: không có hạn riêng, báo cáo theo từng kỳ báo cáo',
        factor: weekly ? 0.7 : 1,
      };
    },
  },
  {
    // "trước ngày 5 hàng quý", "ngày 25 hàng tháng"
    name: 'day_of_period',
    // "ngày 20 tháng cuối quý" says outright what "ngày 20 hàng quý" means here (see README).
    re: /(?<![a-z])(?:(?:truoc|cham nhat|vao|den|han)\s+)?ngay\s+(\d{1,2})(?!\d)\s+(?:cua\s+)?(?:(?:hang|moi)\s+(thang|quy|nam)|thang cuoi\s+(?:cua\s+)?(?:(?:moi|hang)\s+)?(quy|nam))(?![a-z])/g,
    build: (m) => {
      const start = m.index;
      const end = m.index + m[0].length;
      const day = Number(group(m, 1));
      const frequency = frequencyOf(group(m, 2) ?? group(m, 3) ?? '');
      if (frequency === null) return null;
      if (day < 1 || day > 31) return invalid(start, end, `Ngày không hợp lệ: ${day}`);
      return { type: 'day', start, end, day, frequency };
    },
  },
  {
    // "Định kỳ hàng quý, năm", "hàng tháng", "mỗi quý", "định kỳ 6 tháng"
    name: 'recurring',
    re: new RegExp(
      String.raw`(?<![a-z\d])(?:dinh ky\s*,?\s*(?:(?:hang|moi|tung)\s+)?|(?:hang|moi|tung)\s+)${FREQ}(?:\s*(?:,|va|/|&|hoac|\+)\s*(?:(?:hang|moi|tung)\s+)?${FREQ})*`,
      'g',
    ),
    build: (m) => {
      const words =
        m[0].replace(/^dinh ky/, '').match(/6 thang|06 thang|sau thang|nua nam|thang|quy|nam/g) ?? [];
      const frequencies: Frequency[] = [];
      for (const w of words) {
        const f = frequencyOf(w);
        if (f !== null && !frequencies.includes(f)) frequencies.push(f);
      }
      if (frequencies.length === 0) return null;
      return { type: 'recurring', start: m.index, end: m.index + m[0].length, frequencies };
    },
  },
  {
    // "6 tháng đầu năm 2023" → 30/06, "6 tháng cuối năm" → 31/12
    name: 'half_year',
    re: /(?<![a-z\d])(?:(?:trong|cuoi|het|den het|vao)\s+)?(?:(?:6|06|sau)\s+thang|nua)\s+(dau|cuoi)\s+nam(?:\s+(\d{4})|\s*[/.-]\s*(\d{4}|\d{2}))?(?!\d)/g,
    build: (m, env) => {
      const start = m.index;
      const end = m.index + m[0].length;
      const y = group(m, 2) ?? group(m, 3);
      const year = y === undefined ? env.planYear : toYear(y);
      if (Number.isNaN(year)) return invalid(start, end, `Năm không hợp lệ: ${y}`);
      const first = group(m, 1) === 'dau';
      const date = first ? endOfMonth(year, 6) : endOfYear(year);
      const label = `6 tháng ${first ? 'đầu' : 'cuối'} năm ${year}`;
      return due(start, end, [
        {
          date,
          basis: 'end_of_half',
          label,
          note: `${label} (${formatViDate(date)})`,
          start,
          end,
          from: first ? startOfYear(year) : ymd(year, 7, 1),
          window: false,
          factor: 1,
        },
      ]);
    },
  },
  {
    // "Báo cáo 6 tháng", "sơ kết 6 tháng" (the mid-year report) → 30/06
    name: 'half_year_report',
    re: /(?<![a-z\d])(?:bao cao|so ket|bc)\s+(?:6|06|sau)\s+thang(?:\s+(?:nam\s+)?(\d{4}))?(?![a-z\d])/g,
    build: (m, env) => {
      const start = m.index;
      const end = m.index + m[0].length;
      const y = group(m, 1);
      const year = y === undefined ? env.planYear : toYear(y);
      if (Number.isNaN(year)) return invalid(start, end, `Năm không hợp lệ: ${y}`);
      const date = endOfMonth(year, 6);
      return due(start, end, [
        {
          date,
          basis: 'end_of_half',
          label: `6 tháng đầu năm ${year}`,
          note: `Báo cáo 6 tháng: hiểu là 6 tháng đầu năm ${year} (${formatViDate(date)})`,
          start,
          end,
          from: startOfYear(year),
          window: false,
          factor: 0.8,
        },
      ]);
    },
  },
  {
    // "trước ngày 15 tháng 12 năm 2023", "ngày 31 tháng 01 năm sau"
    name: 'written_date',
    re: /(?<![a-z])(?:(truoc|cham nhat|han chot|han|den|vao|toi|tu)\s+(?:het\s+)?)?ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?!\d)(?:\s*,?\s*nam\s+(\d{4})(?!\d))?/g,
    build: (m, env) => dateAtom(m, env, group(m, 1), group(m, 2), group(m, 3), group(m, 4), true),
  },
  {
    // "Trước tháng 11/2023" → the last day of October
    name: 'before_month',
    re: /(?<![a-z])truoc\s+thang\s*(\d{1,2})(?!\d)(?:\s*[/.-]\s*(\d{4}|\d{2})|\s+nam\s+(\d{4}|\d{2}))?(?!\d|\s*[/.-]\s*\d)/g,
    build: (m, env) => {
      const start = m.index;
      const end = m.index + m[0].length;
      const month = Number(group(m, 1));
      const y = group(m, 2) ?? group(m, 3);
      const year = y === undefined ? env.planYear : toYear(y);
      if (month < 1 || month > 12) return invalid(start, end, `Tháng không hợp lệ: ${month}`);
      if (Number.isNaN(year)) return invalid(start, end, `Năm không hợp lệ: ${y}`);
      const py = month === 1 ? year - 1 : year;
      const pm = month === 1 ? 12 : month - 1;
      const date = endOfMonth(py, pm);
      return due(start, end, [
        {
          date,
          basis: 'before_month',
          label: `Trước tháng ${month}/${year}`,
          note: `Trước tháng ${month}/${year}: hạn cuối tháng ${pm}/${py} (${formatViDate(date)})`,
          start,
          end,
          from: date,
          window: false,
          factor: 1,
        },
      ]);
    },
  },
  {
    // "Quý I/2023", "Quý II /2023", "quý 2 năm 2023", "Q4/2024", "quý I và quý III/2023"
    name: 'quarter',
    re: new RegExp(
      String.raw`(?<![a-z\d])${PREFIX}(?:quy\s*(?:thu\s+)?|q\s*(?=\d\s*[/.-]\s*\d))(iv|i{1,3}|\d{1,2})(?![a-z\d])`,
      'g',
    ),
    build: (m, env) => {
      const prefix = group(m, 1);
      const first: ListItem = {
        n: quarterNumber(group(m, 2) ?? ''),
        keyword: true,
        year: null,
        start: m.index,
        end: m.index + m[0].length,
      };
      const { items, end } = scanList(env, first, QUARTER_ITEM, quarterNumber);
      return periodListAtom(env, m.index, end, items, (q, year, s, e, i) =>
        q >= 1 && q <= 4
          ? quarterItem(q, year, partOf(prefix), s, e, i === 0 ? leadOf(prefix) : undefined)
          : null,
      );
    },
  },
  {
    // "Tháng 3/2023", "Tháng 6 và tháng 9 năm 2023", "tuần đầu tháng 3", "T3/2023"
    name: 'month',
    re: /(?<![a-z\d])(?:(cuoi|trong|het|dau|giua|den het|den cuoi|vao|tu|den|toi|truoc het|tuan\s+(?:dau|cuoi|(?:thu\s+)?[1-5]))\s+(?:cua\s+)?)?(?:thang\s*|t(?=\d{1,2}\s*[/.-]\s*\d{2,4}(?!\d)))(\d{1,2})(?!\d)/g,
    build: (m, env) => {
      const prefix = group(m, 1)?.replace(/\s+/g, ' ');
      const first: ListItem = {
        n: Number(group(m, 2)),
        keyword: true,
        year: null,
        start: m.index,
        end: m.index + m[0].length,
      };
      const { items, end } = scanList(env, first, MONTH_ITEM, Number);
      return periodListAtom(env, m.index, end, items, (month, year, s, e, i) =>
        month >= 1 && month <= 12 ? monthItem(month, year, i === 0 ? prefix : samePart(prefix), s, e) : null,
      );
    },
  },
  {
    // "Trước ngày 05/11/2023", "trước 15/12", "31/12/2023", "15-12-2023", "ngày 31/01 của năm liền kề"
    name: 'numeric_date',
    re: /(?<![a-z\d/.-])(?:(truoc|cham nhat|han chot|han|den|vao|toi|tu|ngay)\s+(?:(?:het\s+)?ngay\s+)?)?(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\3\s*(\d{4}|\d{2}))?(?!\d|[/.-]\d)/g,
    build: (m, env) => {
      const prefix = group(m, 1);
      const sep = group(m, 3);
      const y = group(m, 5);
      // "3.1" or "2-3" alone is a number, not a date: only '/' may stand without a year or a cue.
      if (prefix === undefined && y === undefined && sep !== '/') return null;
      return dateAtom(m, env, prefix, group(m, 2), group(m, 4), y, prefix !== undefined || y !== undefined);
    },
  },
  {
    // "Trong năm 2023", "năm 2023", "cuối năm 2023", "đầu năm 2024"
    name: 'year',
    re: /(?<![a-z])(?:(trong|cuoi|het|den het|den cuoi|dau|giua|ca|suot|trong suot|vao|tu|den|toi)\s+)?nam\s+(\d{4})(?!\d)(?!\s*[-/]\s*\d)/g,
    build: (m) => {
      const start = m.index;
      const end = m.index + m[0].length;
      const year = toYear(group(m, 2) ?? '');
      if (Number.isNaN(year)) return invalid(start, end, `Năm không hợp lệ: ${group(m, 2)}`);
      return due(start, end, [yearItem(year, normalizeYearPrefix(group(m, 1)), start, end)]);
    },
  },
  {
    // "cuối năm", "trong năm", "đầu năm", "năm sau", "trong năm liền kề" (year of the plan, or next)
    name: 'year_relative',
    re: /(?<![a-z])(?:(trong|cuoi|het|den het|den cuoi|dau|giua|ca|suot|trong suot)\s+)?nam(?:\s+(nay|lien ke|sau|ke tiep|tiep theo|toi))?(?![a-z])(?!\s*\d)/g,
    build: (m, env) => {
      const prefix = group(m, 1);
      const rel = group(m, 2);
      if (prefix === undefined && (rel === undefined || rel === 'nay')) return null;
      const year = rel === undefined || rel === 'nay' ? env.planYear : env.planYear + 1;
      const start = m.index;
      const end = m.index + m[0].length;
      return due(start, end, [yearItem(year, normalizeYearPrefix(prefix), start, end)]);
    },
  },
  {
    // Bare "định kỳ": periodic, frequency not said → reported in every reporting period.
    name: 'periodic',
    re: /(?<![a-z])dinh ky(?![a-z])/g,
    build: (m) => ({
      type: 'continuous',
      start: m.index,
      end: m.index + m[0].length,
      note: 'Định kỳ (không ghi tần suất): báo cáo theo từng kỳ báo cáo',
      factor: 0.8,
    }),
  },
];

const QUARTER_ITEM = /(quy\s*(?:thu\s+)?|q\s*)?(iv|i{1,3}|[1-4])(?![a-z\d])/y;
const MONTH_ITEM = /(thang\s*|t(?=\d))?(\d{1,2})(?!\d)/y;

/** Items after the first share its "đầu/giữa/cuối" but not its range word or week. */
function samePart(prefix: string | undefined): string | undefined {
  return prefix === 'dau' || prefix === 'giua' ? prefix : undefined;
}

function normalizeYearPrefix(prefix: string | undefined): string | undefined {
  return prefix === 'dau' || prefix === 'giua' || prefix === 'tu' || prefix === 'den' || prefix === 'toi'
    ? prefix
    : undefined;
}

function periodListAtom(
  env: RecognizeEnv,
  start: number,
  end: number,
  items: ListItem[],
  make: (n: number, year: number, start: number, end: number, index: number) => DueItem | null,
): Atom {
  const out: DueItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const year = item.year ?? env.planYear;
    if (Number.isNaN(year)) return invalid(start, end, 'Năm không hợp lệ');
    // The last item of a list owns the shared year written after it.
    const itemEnd = i === items.length - 1 ? end : item.end;
    const made = make(item.n, year, item.start, itemEnd, i);
    if (made === null) return invalid(start, end, 'Số tháng/quý không hợp lệ');
    out.push(made);
  }
  return due(start, end, out);
}

function dateAtom(
  m: RegExpExecArray,
  env: RecognizeEnv,
  prefix: string | undefined,
  d: string | undefined,
  mo: string | undefined,
  y: string | undefined,
  strong: boolean,
): Atom | null {
  const start = m.index;
  let end = m.index + m[0].length;
  NEXT_YEAR.lastIndex = end;
  const next = NEXT_YEAR.exec(env.text);
  const nextYear = next !== null && isFree(env, end, NEXT_YEAR.lastIndex);
  if (nextYear) end = NEXT_YEAR.lastIndex;
  const year = y !== undefined ? toYear(y) : nextYear ? env.planYear + 1 : env.planYear;
  const day = Number(d);
  const month = Number(mo);
  if (Number.isNaN(year) || !isValidYmd(year, month, day)) {
    return strong
      ? invalid(start, end, `Ngày không hợp lệ: ${d}/${mo}${y === undefined ? '' : `/${y}`}`)
      : null;
  }
  return due(start, end, [
    exactItem(year, month, day, start, end, nextYear && y === undefined, leadOf(prefix)),
  ]);
}

/** Runs every recognizer over the folded text; returns atoms in text order. */
export function recognize(env: RecognizeEnv): Atom[] {
  const atoms: Atom[] = [];
  for (const r of RECOGNIZERS) {
    const re = r.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(env.text)) !== null) {
      const matchEnd = m.index + m[0].length;
      if (m[0].length === 0 || !isFree(env, m.index, matchEnd)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const atom = r.build(m, env);
      if (atom === null) {
        re.lastIndex = m.index + 1;
        continue;
      }
      claim(env, atom.start, atom.end);
      atoms.push(atom);
      re.lastIndex = atom.end;
    }
  }
  return atoms.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Words that carry no timing of their own: they count as understood for the confidence score.

const FILLER =
  /(?<![a-z])(?:truoc|va|hoac|cua|thuc hien|hoan thanh|trong|vao|den|tu|toi|han chot|thoi han|thoi gian|han|nop|gui|bao cao|bc|cham nhat)(?![a-z])/g;

export function markFillers(text: string, covered: Uint8Array): void {
  for (const m of text.matchAll(FILLER)) covered.fill(1, m.index, m.index + m[0].length);
}

const TRIGGER =
  /(?<![a-z])(?:sau khi|khi|theo|neu|tuy theo|tuy|phat sinh|duoc yeu cau|co yeu cau|ke tu|trong vong)(?![a-z])/;
const LEAD_TRIGGER =
  /^\s*(?:(?:bc|bao cao|thuc hien|tham gia|cu|to chuc|trien khai|kiem tra)\s+)?(?:ngay\s+)?(?:sau khi|khi|theo|neu|tuy theo|tuy|phat sinh|trong vong)(?![a-z])/;
const RELATIVE = /(?<![a-z])trong\s+(?:vong\s+|thoi han\s+)?(\d{1,3})\s+ngay(\s+lam viec)?/;

/** Event-driven wording when no time expression was found; null when there is none. */
export function eventReading(
  text: string,
): { factor: number; relative?: { days: number; working: boolean } } | null {
  const rel = RELATIVE.exec(text);
  if (rel !== null) return { factor: 0.7, relative: { days: Number(rel[1]), working: rel[2] !== undefined } };
  if (!TRIGGER.test(text)) return null;
  return { factor: LEAD_TRIGGER.test(text) ? 1 : 0.8 };
}
