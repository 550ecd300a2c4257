/**
 * The Vietnamese lunisolar calendar (âm lịch).
 *
 * Rules (the ones shared by the Chinese calendar since 1645; Vietnam computes them for its own
 * meridian, UTC+7, which is why Tết sometimes falls on a different day than Chinese New Year):
 *
 *  1. A lunar month begins on the local calendar day that contains the astronomical new moon.
 *  2. Month 11 is the month that contains the winter solstice (sun at 270°).
 *  3. If there are 13 months from one month 11 to the next (exclusive), one of them is a leap
 *     month: the first month, after that month 11, that contains no major solar term (trung khí,
 *     a moment when the sun's longitude is a multiple of 30°). It repeats the number of the month
 *     before it ("tháng 2 nhuận" follows tháng 2).
 *  4. Months are numbered on from 11; the lunar year starts with month 1 (Tết Nguyên đán).
 *
 * The astronomy is the classic low-precision approach popularised for Vietnam by Hồ Ngọc Đức:
 * new moons from the series in J. Meeus, "Astronomical Formulae for Calculators" (1979), and the
 * sun's apparent longitude from Meeus, "Astronomical Algorithms" (2nd ed., 1998) ch. 25.
 * Both are good to a few minutes over 1800–2200, far better than needed except when an event
 * is within minutes of local midnight. The test tree checks every Tết and Giỗ Tổ from 1950 to
 * 2100 against an independent, higher-precision implementation.
 *
 * Pure and synchronous; results for a (year, time zone) are memoised.
 */
import { JDN_OF_DAY_ZERO, dayNumberFromParts, fromDayNumber, toDayNumber } from './date.js';
import type { CalendarDate } from './date.js';

export interface LunarDate {
  /** Lunar year, named by the solar year in which its month 1 begins (Tết 2026 → 2026). */
  year: number;
  /** 1…12 */
  month: number;
  /** 1…30 */
  day: number;
  /** true for the leap (intercalary, "nhuận") month that repeats `month`. */
  leap: boolean;
}

export interface LunarMonth {
  /** Lunar year the month belongs to. */
  year: number;
  month: number;
  leap: boolean;
  /** Solar date of day 1 (mùng 1). */
  start: CalendarDate;
  /** 29 (tháng thiếu) or 30 (tháng đủ). */
  length: number;
}

/** Vietnam's time zone for lunar computations (hours east of UTC). China uses 8. */
export const VIETNAM_TIME_ZONE = 7;

/** Range of (solar and lunar) years accepted. Verified against the reference for 1900–2100. */
export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2200;

const DEG = Math.PI / 180;

function sinDeg(degrees: number): number {
  return Math.sin(degrees * DEG);
}

/** Mean synodic month in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian Date of the mean new moon numbered k = 0 (6 January 1900, ~13:50 UT). */
const MEAN_NEW_MOON_0 = 2415021.076998695;

/**
 * ΔT = TT − UT in days, the simple parabola used with the 1979 formulae (T in Julian centuries
 * from 1900.0). Off by well under a minute over 1900–2100: it only moves events by seconds.
 */
function deltaTDays(julianCenturiesFrom1900: number): number {
  const T = julianCenturiesFrom1900;
  if (T < -11) {
    return 0.001 + 0.000839 * T + 0.0002261 * T * T - 0.00000845 * T ** 3 - 0.000000081 * T ** 4;
  }
  return -0.000278 + 0.000265 * T + 0.000262 * T * T;
}

/**
 * Julian Date (UT) of the true new moon number k (k = 0: January 1900), after Meeus (1979),
 * ch. 32: the mean phase plus the largest periodic corrections from the sun's mean anomaly M,
 * the moon's mean anomaly M' and the moon's argument of latitude F.
 */
function newMoonJd(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900.0
  const T2 = T * T;
  const T3 = T2 * T;
  let jde = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jde += 0.00033 * sinDeg(166.56 + 132.87 * T - 0.009173 * T2);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mp = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  const correction =
    (0.1734 - 0.000393 * T) * sinDeg(M) +
    0.0021 * sinDeg(2 * M) -
    0.4068 * sinDeg(Mp) +
    0.0161 * sinDeg(2 * Mp) -
    0.0004 * sinDeg(3 * Mp) +
    0.0104 * sinDeg(2 * F) -
    0.0051 * sinDeg(M + Mp) -
    0.0074 * sinDeg(M - Mp) +
    0.0004 * sinDeg(2 * F + M) -
    0.0004 * sinDeg(2 * F - M) -
    0.0006 * sinDeg(2 * F + Mp) +
    0.001 * sinDeg(2 * F - Mp) +
    0.0005 * sinDeg(M + 2 * Mp);
  return jde + correction - deltaTDays(T);
}

/** Julian Day Number of the local calendar day on which new moon k falls. */
function newMoonJdn(k: number, timeZone: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + timeZone / 24);
}

/**
 * The sun's apparent geocentric longitude in degrees [0, 360) at Julian Date `jdUt`
 * (Meeus 1998, ch. 25, "low accuracy": mean longitude + equation of centre, then nutation and
 * aberration; error ~0.01°, i.e. ~15 minutes of time).
 */
function sunApparentLongitude(jdUt: number): number {
  const jde = jdUt + deltaTDays((jdUt - 2415020) / 36525);
  const T = (jde - 2451545.0) / 36525; // Julian centuries from J2000.0
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T * T;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T * T) * sinDeg(M) +
    (0.019993 - 0.000101 * T) * sinDeg(2 * M) +
    0.000289 * sinDeg(3 * M);
  const omega = 125.04 - 1934.136 * T;
  const apparent = L0 + C - 0.00569 - 0.00478 * sinDeg(omega);
  return ((apparent % 360) + 360) % 360;
}

/**
 * Which 30° sector (0 = [0°, 30°), …, 9 = [270°, 300°) …) the sun is in at the local midnight
 * that starts day `jdn`. A month whose first day and the next month's first day have the same
 * sector contains no major solar term.
 */
function sunSectorAtStartOfDay(jdn: number, timeZone: number): number {
  const localMidnightUt = jdn - 0.5 - timeZone / 24;
  return Math.floor(sunApparentLongitude(localMidnightUt) / 30);
}

function jdnOf(year: number, month: number, day: number): number {
  return dayNumberFromParts(year, month, day) + JDN_OF_DAY_ZERO;
}

/** Number k of the lunar month 11 that contains the winter solstice of solar year `year`. */
function month11Index(year: number, timeZone: number): number {
  const dec31 = jdnOf(year, 12, 31);
  // The last new moon on or before 31 December (the estimate can be one off either way).
  let k = Math.floor((dec31 - MEAN_NEW_MOON_0) / SYNODIC_MONTH);
  while (newMoonJdn(k + 1, timeZone) <= dec31) k++;
  while (newMoonJdn(k, timeZone) > dec31) k--;
  // That month contains the solstice (21/22 December) unless the sun had already reached 270°
  // when it began; then the solstice fell in the month before.
  if (sunSectorAtStartOfDay(newMoonJdn(k, timeZone), timeZone) >= 9) k--;
  return k;
}

interface SegmentMonth {
  month: number;
  leap: boolean;
  startJdn: number;
  length: number;
}

/**
 * The months from the month 11 of solar year `year - 1` up to (not including) the month 11 of
 * `year`: 12 or 13 months numbered 11, 12, 1, …, 10 with a leap month inserted when 13.
 */
interface Segment {
  startJdn: number;
  months: SegmentMonth[];
}

const segmentCache = new Map<string, Segment>();

function segment(year: number, timeZone: number): Segment {
  const key = `${timeZone}:${year}`;
  const cached = segmentCache.get(key);
  if (cached) return cached;

  const kStart = month11Index(year - 1, timeZone);
  const kEnd = month11Index(year, timeZone);
  const count = kEnd - kStart;
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(newMoonJdn(kStart + i, timeZone));

  let leapIndex = -1;
  if (count === 13) {
    // Rule 3: the first month after month 11 with no major solar term is the leap month.
    let sectorAtStart = sunSectorAtStartOfDay(starts[1]!, timeZone);
    for (let i = 1; i < count; i++) {
      const sectorAtNext = sunSectorAtStartOfDay(starts[i + 1]!, timeZone);
      if (sectorAtNext === sectorAtStart) {
        leapIndex = i;
        break;
      }
      sectorAtStart = sectorAtNext;
    }
    if (leapIndex < 0) throw new Error(`No leap month found in lunar segment ${year} (tz ${timeZone})`);
  } else if (count !== 12) {
    throw new Error(`Unexpected ${count} lunar months in segment ${year} (tz ${timeZone})`);
  }

  const months: SegmentMonth[] = [];
  let label = 10; // incremented to 11 for the first month
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (!leap) label = (label % 12) + 1;
    months.push({ month: label, leap, startJdn: starts[i]!, length: starts[i + 1]! - starts[i]! });
  }
  const result: Segment = { startJdn: starts[0]!, months };
  segmentCache.set(key, result);
  return result;
}

function checkTimeZone(timeZone: number): void {
  if (!Number.isFinite(timeZone) || timeZone < -12 || timeZone > 14) {
    throw new RangeError(`Invalid time zone offset ${timeZone} (hours east of UTC)`);
  }
}

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`${what} ${year} is outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
}

/** The lunar date of a solar date (default: Vietnamese calendar, UTC+7). */
export function solarToLunar(date: CalendarDate, timeZone = VIETNAM_TIME_ZONE): LunarDate {
  checkTimeZone(timeZone);
  const jdn = toDayNumber(date) + JDN_OF_DAY_ZERO;
  const solarYear = Number(date.slice(0, 4));
  checkYear(solarYear, 'Solar year');
  // The segment of `solarYear` starts in late November/December of the year before; dates from
  // this year's month 11 on belong to the next segment.
  let segYear = solarYear;
  const next = segment(solarYear + 1, timeZone);
  if (jdn >= next.startJdn) segYear = solarYear + 1;
  const seg = segYear === solarYear ? segment(solarYear, timeZone) : next;
  let found: SegmentMonth | undefined;
  for (const m of seg.months) {
    if (m.startJdn <= jdn) found = m;
    else break;
  }
  if (!found) throw new Error(`Internal error: ${date} precedes its lunar segment`);
  return {
    // Months 11 and 12 at the head of a segment belong to the previous lunar year.
    year: found.month >= 11 ? segYear - 1 : segYear,
    month: found.month,
    day: jdn - found.startJdn + 1,
    leap: found.leap,
  };
}

/**
 * The solar date of a lunar date, or null when it does not exist: a leap month that year does
 * not have, or day 30 of a 29-day month.
 */
export function lunarToSolar(l: LunarDate, timeZone = VIETNAM_TIME_ZONE): CalendarDate | null {
  checkTimeZone(timeZone);
  checkYear(l.year, 'Lunar year');
  if (!Number.isInteger(l.month) || l.month < 1 || l.month > 12) return null;
  if (!Number.isInteger(l.day) || l.day < 1 || l.day > 30) return null;
  // Months 1–10 of lunar year Y lie in segment Y; months 11 and 12 (and a leap 11/12) in Y + 1.
  const seg = segment(l.month >= 11 ? l.year + 1 : l.year, timeZone);
  const m = seg.months.find((x) => x.month === l.month && x.leap === l.leap);
  if (!m || l.day > m.length) return null;
  return fromDayNumber(m.startJdn + l.day - 1 - JDN_OF_DAY_ZERO);
}

/** The months of a lunar year in order, including its leap month if any (12 or 13 months). */
export function lunarYearMonths(year: number, timeZone = VIETNAM_TIME_ZONE): LunarMonth[] {
  checkTimeZone(timeZone);
  checkYear(year, 'Lunar year');
  const toMonth = (m: SegmentMonth): LunarMonth => ({
    year,
    month: m.month,
    leap: m.leap,
    start: fromDayNumber(m.startJdn - JDN_OF_DAY_ZERO),
    length: m.length,
  });
  return [
    ...segment(year, timeZone)
      .months.filter((m) => m.month <= 10)
      .map(toMonth),
    ...segment(year + 1, timeZone)
      .months.filter((m) => m.month >= 11)
      .map(toMonth),
  ];
}

/** The leap month of a lunar year (e.g. 2025 → 6), or null in a 12-month year. */
export function leapMonthOf(year: number, timeZone = VIETNAM_TIME_ZONE): number | null {
  return lunarYearMonths(year, timeZone).find((m) => m.leap)?.month ?? null;
}

/** Tết Nguyên đán: the solar date of day 1, month 1 of the lunar year beginning in `year`. */
export function tetOf(year: number, timeZone = VIETNAM_TIME_ZONE): CalendarDate {
  const d = lunarToSolar({ year, month: 1, day: 1, leap: false }, timeZone);
  if (d === null) throw new Error(`Internal error: no month 1 in lunar year ${year}`);
  return d;
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** Sexagenary name of a lunar year: 2026 → 'Bính Ngọ' (year 4 CE was Giáp Tý). */
export function canChiOfYear(year: number): string {
  const can = CAN[(((year + 6) % 10) + 10) % 10];
  const chi = CHI[(((year + 8) % 12) + 12) % 12];
  return `${can} ${chi}`;
}
