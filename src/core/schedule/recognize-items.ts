/**
 * The building blocks of the phrase recognizers (recognizers.ts): atoms and due items, claimed
 * ranges, period lists ("quý I, II và III năm 2023") and the due item of a quarter, month, year or
 * exact date.
 */
import {
  clampedYmd,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  formatViDate,
  romanQuarter,
  startOfMonth,
  startOfQuarter,
  startOfYear,
  ymd,
} from '../calendar/index.js';
import type { CalendarDate } from '../calendar/index.js';
import type { DueBasis, Frequency, SchoolYearSettings } from './types.js';

/** One due date read from the text. Offsets are folded-text offsets. */
export interface DueItem {
  date: CalendarDate;
  basis: DueBasis;
  label: string;
  note: string;
  start: number;
  end: number;
  /** First day of the period the phrase names (a range "từ … đến …" starts here). */
  from: CalendarDate;
  /** A whole year or school year: becomes the window of a recurrence instead of a due date. */
  window: boolean;
  /** < 1 for approximate readings ("đầu năm", "giữa tháng", "tuần đầu"). */
  factor: number;
  /** "tu" / "den" / "toi" written just before the phrase: marks a range. */
  lead?: string;
}

export interface Base {
  start: number;
  end: number;
}

export type Atom =
  | (Base & { type: 'due'; items: DueItem[] })
  | (Base & { type: 'recurring'; frequencies: Frequency[] })
  | (Base & { type: 'day'; day: number; frequency: Frequency })
  | (Base & { type: 'continuous'; note: string; factor: number })
  | (Base & { type: 'unscheduled'; year: number | null })
  | (Base & { type: 'ongoing' })
  | (Base & { type: 'optional' })
  | (Base & { type: 'reference' })
  | (Base & { type: 'invalid'; message: string })
  | (Base & { type: 'ambiguous'; message: string });

export interface RecognizeEnv {
  text: string;
  planYear: number;
  schoolYear: SchoolYearSettings;
  claimed: Uint8Array;
}

export function isFree(env: RecognizeEnv, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (env.claimed[i] === 1) return false;
  return true;
}

export function claim(env: RecognizeEnv, start: number, end: number): void {
  env.claimed.fill(1, start, end);
}

/** '23' → 2023, '2023' → 2023; out-of-range years are rejected (NaN). */
export function toYear(s: string): number {
  const n = Number(s);
  const year = s.length <= 2 ? 2000 + n : n;
  return year >= 1900 && year <= 2199 ? year : Number.NaN;
}

export const ROMAN_VALUE: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

export function quarterNumber(s: string): number {
  return ROMAN_VALUE[s] ?? Number(s);
}

export function invalid(start: number, end: number, message: string): Atom {
  return { type: 'invalid', start, end, message };
}

export function group(m: RegExpExecArray, i: number): string | undefined {
  return m[i];
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

export const PREFIX = String.raw`(?:(cuoi|trong|het|dau|giua|den het|den cuoi|vao|tu|den|toi|truoc het|trong suot|suot)\s+)?`;
/** A year written after a period number: "/2023", " /23", "-2023", " năm 2023". */
export const YEAR_TAIL = /(?:\s*[/.-]\s*(\d{4}|\d{2})|\s+nam\s+(\d{4}|\d{2}))(?!\d|\s*[/.-]\s*\d)/y;
export const LIST_SEP = /\s*(?:,|;|&|\+|va|hoac)\s*/y;
export const SHARED_YEAR = /\s*,?\s*nam\s+(\d{4}|\d{2})(?!\d)/y;
export const NEXT_YEAR = /\s*,?\s*(?:cua\s+)?nam\s+(lien ke|sau|ke tiep|tiep theo|toi)(?![a-z])/y;

export interface ListItem {
  n: number;
  keyword: boolean;
  year: number | null;
  start: number;
  end: number;
}

/**
 * Continues a list after its first item: "Tháng 6 và tháng 9 năm 2023", "quý I, II/2023".
 * An item written without its keyword ("6, 12") is kept only when a year follows it, so a
 * stray number after a comma is never taken for a month.
 */
export function scanList(
  env: RecognizeEnv,
  first: ListItem,
  itemRe: RegExp,
  toNumber: (raw: string) => number,
): { items: ListItem[]; end: number } {
  const { text } = env;
  const items: ListItem[] = [first];
  let pos = first.end;
  let shared: number | null = null;
  for (;;) {
    const last = items[items.length - 1]!;
    YEAR_TAIL.lastIndex = pos;
    const y = YEAR_TAIL.exec(text);
    if (y !== null && last.year === null && isFree(env, pos, YEAR_TAIL.lastIndex)) {
      last.year = toYear(y[1] ?? y[2] ?? '');
      last.end = pos = YEAR_TAIL.lastIndex;
    }
    LIST_SEP.lastIndex = pos;
    if (LIST_SEP.exec(text) === null) break;
    itemRe.lastIndex = LIST_SEP.lastIndex;
    const it = itemRe.exec(text);
    if (it === null || !isFree(env, it.index, itemRe.lastIndex)) break;
    items.push({
      n: toNumber(it[2] ?? ''),
      keyword: it[1] !== undefined,
      year: null,
      start: it.index,
      end: itemRe.lastIndex,
    });
    pos = itemRe.lastIndex;
  }
  SHARED_YEAR.lastIndex = pos;
  const s = SHARED_YEAR.exec(text);
  if (s !== null && isFree(env, pos, SHARED_YEAR.lastIndex)) {
    shared = toYear(s[1] ?? '');
    pos = SHARED_YEAR.lastIndex;
  }
  // Inherit the next explicit year to the right; cut at the first keyword-less item without one.
  let right = shared;
  const inherited: (number | null)[] = new Array<number | null>(items.length).fill(null);
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.year !== null) right = item.year;
    inherited[i] = right;
  }
  let cut = items.length;
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    if (!item.keyword && item.year === null && inherited[i] === null) {
      cut = i;
      break;
    }
  }
  if (cut < items.length) {
    items.length = cut;
    shared = null;
    pos = items[cut - 1]!.end;
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.year === null) item.year = inherited[i] ?? null;
  }
  return { items, end: pos };
}

// ---------------------------------------------------------------------------------------------
// Period phrases: labels and notes

export type Part = 'whole' | 'early' | 'mid';

export function partOf(prefix: string | undefined): Part {
  if (prefix === 'dau') return 'early';
  if (prefix === 'giua') return 'mid';
  return 'whole';
}

export function leadOf(prefix: string | undefined): string | undefined {
  return prefix === 'tu' || prefix === 'den' || prefix === 'toi' ? prefix : undefined;
}

export function quarterItem(
  q: number,
  year: number,
  part: Part,
  start: number,
  end: number,
  lead?: string,
): DueItem {
  const name = `quý ${romanQuarter(q)}/${year}`;
  const from = startOfQuarter(year, q);
  if (part === 'whole') {
    const date = endOfQuarter(year, q);
    return {
      date,
      basis: 'end_of_quarter',
      label: `Quý ${romanQuarter(q)}/${year}`,
      note: `Cuối ${name} (${formatViDate(date)})`,
      start,
      end,
      from,
      window: false,
      factor: 1,
      lead,
    };
  }
  const month = q * 3 - (part === 'early' ? 2 : 1);
  const date = endOfMonth(year, month);
  const word = part === 'early' ? 'Đầu' : 'Giữa';
  return {
    date,
    basis: part === 'early' ? 'early_period' : 'mid_period',
    label: `${word} quý ${romanQuarter(q)}/${year}`,
    note: `${word} ${name}: hiểu là hết tháng ${part === 'early' ? 'thứ nhất' : 'thứ hai'} của quý (${formatViDate(date)})`,
    start,
    end,
    from,
    window: false,
    factor: 0.8,
    lead,
  };
}

export function monthItem(
  month: number,
  year: number,
  prefix: string | undefined,
  start: number,
  end: number,
): DueItem {
  const name = `tháng ${month}/${year}`;
  const from = startOfMonth(year, month);
  const lead = leadOf(prefix);
  const week = prefix?.startsWith('tuan') === true ? prefix.slice(5).trim() : undefined;
  if (week !== undefined && week !== 'cuoi') {
    const n = week === 'dau' ? 1 : Number(week.replace('thu', '').trim());
    const date = clampedYmd(year, month, n * 7);
    const label = n === 1 ? `Tuần đầu tháng ${month}/${year}` : `Tuần ${n} tháng ${month}/${year}`;
    return {
      date,
      basis: 'week_of_month',
      label,
      note: `${label}: hiểu là hết ngày ${formatViDate(date)}`,
      start,
      end,
      from,
      window: false,
      factor: 0.8,
    };
  }
  const part = partOf(prefix);
  if (part === 'whole') {
    const date = endOfMonth(year, month);
    return {
      date,
      basis: 'end_of_month',
      label: week === 'cuoi' ? `Tuần cuối tháng ${month}/${year}` : `Tháng ${month}/${year}`,
      note: `Cuối ${name} (${formatViDate(date)})`,
      start,
      end,
      from,
      window: false,
      factor: 1,
      lead,
    };
  }
  // Đầu / giữa tháng: the usual thirds of a month (thượng tuần 1–10, trung tuần 11–20).
  const date = ymd(year, month, part === 'early' ? 10 : 20);
  const word = part === 'early' ? 'Đầu' : 'Giữa';
  return {
    date,
    basis: part === 'early' ? 'early_period' : 'mid_period',
    label: `${word} tháng ${month}/${year}`,
    note: `${word} ${name}: hiểu là hết ngày ${formatViDate(date)}`,
    start,
    end,
    from,
    window: false,
    factor: 0.8,
    lead,
  };
}

export function yearItem(year: number, prefix: string | undefined, start: number, end: number): DueItem {
  const part = partOf(prefix);
  const from = startOfYear(year);
  if (part === 'whole') {
    const date = endOfYear(year);
    return {
      date,
      basis: 'end_of_year',
      label: `Năm ${year}`,
      note: `Trong năm ${year}: hạn cuối năm (${formatViDate(date)})`,
      start,
      end,
      from,
      window: true,
      factor: 1,
      lead: leadOf(prefix),
    };
  }
  // Đầu năm = the first month; giữa năm = the first half. Approximate, so lower confidence.
  const date = part === 'early' ? endOfMonth(year, 1) : endOfMonth(year, 6);
  const word = part === 'early' ? 'Đầu' : 'Giữa';
  return {
    date,
    basis: part === 'early' ? 'early_period' : 'mid_period',
    label: `${word} năm ${year}`,
    note: `${word} năm ${year}: hiểu là hết tháng ${part === 'early' ? '01' : '6'} (${formatViDate(date)})`,
    start,
    end,
    from,
    window: false,
    factor: 0.8,
  };
}

export function exactItem(
  year: number,
  month: number,
  day: number,
  start: number,
  end: number,
  nextYear: boolean,
  lead?: string,
): DueItem {
  const date = ymd(year, month, day);
  return {
    date,
    basis: 'exact',
    label: `Ngày ${formatViDate(date)}`,
    note: `Hạn ngày ${formatViDate(date)}${nextYear ? ' (năm liền kề)' : ''}`,
    start,
    end,
    from: date,
    window: false,
    factor: 1,
    lead,
  };
}

export function due(start: number, end: number, items: DueItem[]): Atom {
  return { type: 'due', start, end, items };
}
