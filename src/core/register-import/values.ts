/**
 * Readers for the cells of imported registers and procedure catalogues: Vietnamese free text,
 * Excel dates and serials, time limits, fees, channels and yes/no flags. Pure functions; each
 * returns a value, `null` for a blank cell, or `{ error }` with a Vietnamese reason.
 */
import { daysInMonth, dayNumberFromParts, momentOfDayNumber, MS_PER_DAY } from '../../core/calendar/index.js';
import type { DossierChannel, ReturnMethod, TimeLimit } from '../../core/dossier/index.js';
import type { Cell } from './cell.js';

export interface Problem {
  error: string;
}

export const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;

/** Diacritics-, case- and punctuation-insensitive form: "Phí, lệ phí" → "phi le phi". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const LOOSE_SPACE = /\s\s|[^\S ]/;

/**
 * The text of a cell (numbers without a thousands separator, dates as ISO), trimmed, runs of
 * white space and line breaks as one space. Cells from `readSheet` are NFC already.
 */
export function cellText(v: Cell): string {
  if (typeof v === 'string') {
    if (v === '') return v;
    return LOOSE_SPACE.test(v) ? v.replace(/\s+/g, ' ').trim() : v.trim();
  }
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return v ? 'có' : 'không';
}

export const isBlank = (v: Cell): boolean => cellText(v) === '';

// ---------------------------------------------------------------------------------------------
// Dates

/** A moment read from a cell: `dateOnly` when the cell gave a day without a time of day. */
export interface ReadMoment {
  ms: number;
  /** Day number (days since 1970-01-01) of the Vietnam-time day. */
  day: number;
  dateOnly: boolean;
}

/** Excel's day 0 is 1899-12-30; serial 25569 is 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;
const VN_OFFSET_MS = 7 * 3_600_000;

function wallClock(y: number, mo: number, d: number, h: number, mi: number, s: number): ReadMoment | null {
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const day = dayNumberFromParts(y, mo, d);
  return { ms: momentOfDayNumber(day, h * 60 + mi) + s * 1000, day, dateOnly: false };
}

/** A wall-clock value stored as UTC (what exceljs returns for a date cell) read as Vietnam time. */
function fromUtcWallClock(ms: number): ReadMoment | null {
  if (!Number.isFinite(ms)) return null;
  const day = Math.floor(ms / MS_PER_DAY);
  const inDay = ms - day * MS_PER_DAY;
  // Excel keeps fractions of a second from float serials: round to the nearest second.
  const seconds = Math.round(inDay / 1000);
  return { ms: day * MS_PER_DAY + seconds * 1000 - VN_OFFSET_MS, day, dateOnly: seconds === 0 };
}

const DATE_HINT = 'cần dạng dd/MM/yyyy HH:mm, dd/MM/yyyy hoặc yyyy-MM-dd';

/**
 * Reads a date or a date-time in Vietnam time (UTC+7):
 *  - an Excel date cell or serial number (the wall-clock time shown in Excel);
 *  - "dd/MM/yyyy HH:mm[:ss]", "dd/MM/yyyy", also with "-" or "." and a 2-digit year, the time
 *    before or after the date, and "8h30" / "8 giờ 30";
 *  - ISO "yyyy-MM-dd[THH:mm[:ss][Z|±hh:mm]]": with a zone it is that instant, without one it is
 *    Vietnam time.
 * A value at exactly 00:00 from Excel, or without a time, is `dateOnly`.
 */
export function readMoment(v: Cell): ReadMoment | Problem | null {
  if (v === null) return null;
  if (v instanceof Date) return fromUtcWallClock(v.getTime()) ?? { error: 'ô ngày tháng không hợp lệ' };
  if (typeof v === 'number') {
    if (v > 1 && v < 100_000) {
      const r = fromUtcWallClock(Math.round((v - EXCEL_EPOCH_OFFSET) * MS_PER_DAY));
      if (r) return r;
    }
    return { error: `không đọc được ngày "${v}" (${DATE_HINT})` };
  }
  const text = cellText(v);
  if (text === '') return null;
  const r = parseDateText(text);
  return r ?? { error: `không đọc được ngày "${text}" (${DATE_HINT})` };
}

const TIME = String.raw`(\d{1,2})\s*(?::|h|g|giờ|gio)\s*(\d{1,2})?(?:\s*(?::|phút|phut|p)\s*(\d{1,2})?)?\s*(?:phút|phut|p)?`;
const DMY = String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})`;
const RE_DMY_TIME = new RegExp(String.raw`^(?:ngày\s*)?${DMY}(?:[\sT,]+(?:lúc\s*)?${TIME})?$`, 'i');
const RE_TIME_DMY = new RegExp(String.raw`^${TIME}[\s,]+(?:ngày\s*)?${DMY}$`, 'i');
const RE_ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

const year4 = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

function parseDateText(text: string): ReadMoment | null {
  const t = text.replace(/\s+/g, ' ').trim();
  let m = RE_ISO.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, s, zone] = m;
    const r = wallClock(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
    if (!r) return null;
    if (h === undefined) return { ...r, dateOnly: true };
    if (zone) {
      const instant = Date.parse(
        `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${s ?? '00'}${zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`,
      );
      if (!Number.isFinite(instant)) return null;
      return { ms: instant, day: Math.floor((instant + VN_OFFSET_MS) / MS_PER_DAY), dateOnly: false };
    }
    return r;
  }
  m = RE_DMY_TIME.exec(t);
  if (m) {
    const [, d, mo, y, h, mi, s] = m;
    const r = wallClock(year4(y!), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
    return r && h === undefined ? { ...r, dateOnly: true } : r;
  }
  m = RE_TIME_DMY.exec(t);
  if (m) {
    const [, h, mi, s, d, mo, y] = m;
    return wallClock(year4(y!), Number(mo), Number(d), Number(h), Number(mi ?? 0), Number(s ?? 0));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Procedure catalogue

const LIMIT_RE = /(\d+(?:[.,]\d+)?)\s*(ngay lam viec|ngay lv|gio lam viec|gio lv|gio|ngay)(?![a-z])/;

/** Lower case without diacritics, punctuation kept: "1,5 Giờ" → "1,5 gio". */
const strip = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ');

/**
 * "05 ngày làm việc" → 5 working days; "8 giờ làm việc" / "4 giờ" → working hours; "30 ngày" →
 * calendar days. Words in brackets are skipped ("15 (mười lăm) ngày"); the first number followed
 * by a unit wins ("05 ngày làm việc, 10 ngày nếu phải xác minh" → 5 working days). Days must be
 * whole; anything else is a problem.
 */
export function readTimeLimit(v: Cell): TimeLimit | Problem | null {
  const text = cellText(v);
  if (text === '') return null;
  const m = LIMIT_RE.exec(
    strip(text)
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\s+/g, ' '),
  );
  if (!m)
    return {
      error: `không đọc được thời hạn "${text}" (cần dạng "05 ngày làm việc", "8 giờ làm việc" hoặc "30 ngày")`,
    };
  const amount = Number(m[1]!.replace(',', '.'));
  const unit: TimeLimit['unit'] = m[2]!.startsWith('gio')
    ? 'working_hours'
    : m[2] === 'ngay'
      ? 'calendar_days'
      : 'working_days';
  if (!(amount > 0) || amount > 1000) return { error: `thời hạn "${text}" phải lớn hơn 0 và không quá 1000` };
  if (unit !== 'working_hours' && !Number.isInteger(amount))
    return { error: `thời hạn "${text}": số ngày phải là số nguyên` };
  return { unit, amount };
}

const MONEY_RE = /(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(?:d|dong|vnd|nghin|ngan|trieu|k)(?![a-z])/;
const GROUPED_RE = /(?<![\d.,])\d{1,3}(?:[.,]\d{3})+(?![\d.,]*\d)/;
const SAYS_YES = /(^|[^\p{L}])có([^\p{L}]|$)/u;

/**
 * Fee-bearing when the text states a positive amount (followed by đ / đồng / VNĐ / nghìn / triệu,
 * or written with thousands separators such as 50.000) or says "có"; not when it starts with
 * "không" / "miễn", states 0 đồng, or is blank. The text is kept as written.
 */
export function readFee(v: Cell): { text: string | null; feeBearing: boolean } {
  const text = cellText(v);
  if (text === '') return { text: null, feeBearing: false };
  const s = strip(text).trim();
  if (/^(khong|mien)/.test(s)) return { text, feeBearing: false };
  const money = MONEY_RE.exec(s);
  const amount = money ? Number(money[1]!.replace(/[.,\s]/g, '')) : 0;
  const grouped = GROUPED_RE.exec(s);
  const groupedAmount = grouped ? Number(grouped[0].replace(/[.,]/g, '')) : 0;
  const says = SAYS_YES.test(text.toLowerCase()) || s === 'co';
  return { text, feeBearing: amount > 0 || groupedAmount > 0 || says };
}

/**
 * "Toàn trình" (or the former "Mức độ 4") → full; "Một phần" ("Mức độ 3") → partial; blank,
 * "Không", "Cung cấp thông tin", "Mức độ 1/2" → none; any other text is a problem.
 */
export function readOnlineLevel(v: Cell): 'full' | 'partial' | 'none' | Problem {
  const f = fold(cellText(v));
  if (f === '') return 'none';
  if (f.includes('toan trinh') || /(^| )(muc do )?4$/.test(f)) return 'full';
  if (f.includes('mot phan') || /(^| )(muc do )?3$/.test(f)) return 'partial';
  if (/^(khong|chua|cung cap thong tin)/.test(f) || /(^| )(muc do )?[12]$/.test(f)) return 'none';
  return {
    error: `mức độ dịch vụ công trực tuyến "${cellText(v)}" không rõ (cần "Toàn trình", "Một phần" hoặc để trống)`,
  };
}

/** "điện tử" anywhere → electronic, else paper. */
export function readResultType(v: Cell): 'paper' | 'electronic' {
  return fold(cellText(v)).includes('dien tu') ? 'electronic' : 'paper';
}

// ---------------------------------------------------------------------------------------------
// Register

/** "Trực tiếp" / "Trực tuyến" / "Bưu chính" (and the usual variants); blank → null. */
export function readChannel(v: Cell, what = 'kênh tiếp nhận'): DossierChannel | Problem | null {
  const f = fold(cellText(v));
  if (f === '') return null;
  if (/buu chinh|bcci|buu dien|^bc$/.test(f)) return 'postal';
  if (/truc tuyen|online|dich vu cong|dvc|qua mang|internet|dien tu/.test(f)) return 'online';
  if (/truc tiep|tai quay|tai bo phan|mot cua|^bo phan/.test(f)) return 'direct';
  return { error: `${what} "${cellText(v)}" không rõ (cần "Trực tiếp", "Trực tuyến" hoặc "Bưu chính")` };
}

export function readReturnMethod(v: Cell): ReturnMethod | Problem | null {
  return readChannel(v, 'hình thức trả kết quả');
}

/** "x", "có", "1", "đã…", "true", "✓" → true; blank, "không", "0", "chưa…", "false" → false. */
export function readFlag(v: Cell): boolean | Problem {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const raw = cellText(v);
  const f = fold(raw);
  if (raw === '' || /^(khong|chua|0|false|no|n)( |$)/.test(f) || raw === '-') return false;
  if (/^(co|x|1|true|yes|y|da|roi|ok)( |$)/.test(f) || /^[✓✔☑]$/.test(raw)) return true;
  return { error: `giá trị "${raw}" không rõ (cần "Có"/"x" hoặc "Không"/để trống)` };
}

export function readCount(v: Cell): number | Problem | null {
  const raw = cellText(v);
  if (raw === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 100)
    return { error: `số lần "${raw}" phải là số nguyên từ 0 đến 100` };
  return n;
}

/**
 * Text of an identity number or phone typed into a number cell by Excel, which drops the leading
 * zero: an 11-digit number becomes a 12-digit CCCD, a 9-digit phone gets its 0 back.
 */
export function restoreLeadingZero(v: Cell, kind: 'id' | 'phone'): string {
  const text = cellText(v);
  if (typeof v !== 'number' || !/^\d+$/.test(text)) return text;
  if (kind === 'id' && text.length === 11) return `0${text}`;
  if (kind === 'phone' && text.length === 9) return `0${text}`;
  return text;
}
