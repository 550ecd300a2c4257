import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, diffDays, fromDayNumber, toDayNumber } from './date.js';
import { canChiOfYear, leapMonthOf, lunarToSolar, lunarYearMonths, solarToLunar, tetOf } from './lunar.js';
import {
  referenceDeltaTSeconds,
  referenceGioTo,
  referenceJdnToDate,
  referenceNewMoonJde,
  referenceSegment,
  referenceSolarTermJde,
  referenceSunApparentLongitude,
  referenceTet,
} from './lunar.reference.test-support.js';

const gioTo = (year: number, tz = 7): string | null =>
  lunarToSolar({ year, month: 3, day: 10, leap: false }, tz);

/**
 * Tết Nguyên đán 1975–2030 as printed in Vietnamese calendars (and, where the two agree, the
 * widely published Chinese New Year dates). 1985 and 2007 are the years Vietnam differs; 2030
 * too (checked separately below).
 */
const PUBLISHED_TET: Record<number, string> = {
  1975: '1975-02-11',
  1976: '1976-01-31',
  1977: '1977-02-18',
  1978: '1978-02-07',
  1979: '1979-01-28',
  1980: '1980-02-16',
  1981: '1981-02-05',
  1982: '1982-01-25',
  1983: '1983-02-13',
  1984: '1984-02-02',
  1985: '1985-01-21',
  1986: '1986-02-09',
  1987: '1987-01-29',
  1988: '1988-02-17',
  1989: '1989-02-06',
  1990: '1990-01-27',
  1991: '1991-02-15',
  1992: '1992-02-04',
  1993: '1993-01-23',
  1994: '1994-02-10',
  1995: '1995-01-31',
  1996: '1996-02-19',
  1997: '1997-02-07',
  1998: '1998-01-28',
  1999: '1999-02-16',
  2000: '2000-02-05',
  2001: '2001-01-24',
  2002: '2002-02-12',
  2003: '2003-02-01',
  2004: '2004-01-22',
  2005: '2005-02-09',
  2006: '2006-01-29',
  2007: '2007-02-17',
  2008: '2008-02-07',
  2009: '2009-01-26',
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
};

describe('Tết Nguyên đán', () => {
  it.each([
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i is %s', (year, date) => {
    expect(tetOf(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it('differs between Vietnam (UTC+7) and China (UTC+8) where the new moon is near midnight', () => {
    expect(tetOf(1985)).toBe('1985-01-21');
    expect(tetOf(1985, 8)).toBe('1985-02-20');
    expect(tetOf(2007)).toBe('2007-02-17');
    expect(tetOf(2007, 8)).toBe('2007-02-18');
    expect(tetOf(2030)).toBe('2030-02-02');
    expect(tetOf(2030, 8)).toBe('2030-02-03');
    // …and agrees in an ordinary year.
    expect(tetOf(2026, 8)).toBe('2026-02-17');
  });

  it('matches the published table 1975–2030', () => {
    for (const [year, date] of Object.entries(PUBLISHED_TET)) expect(tetOf(Number(year)), year).toBe(date);
  });

  it('falls between 21 January and 20 February', () => {
    for (let y = 1900; y <= 2100; y++) {
      const t = tetOf(y);
      expect(t >= `${y}-01-21` && t <= `${y}-02-20`, `${y}: ${t}`).toBe(true);
    }
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar, regular month)', () => {
  it.each([
    [2016, '2016-04-16'],
    [2017, '2017-04-06'],
    [2018, '2018-04-25'],
    [2019, '2019-04-14'],
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'], // after a leap 2nd month
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ %i is %s', (year, date) => {
    expect(gioTo(year)).toBe(date);
  });
});

describe('leap months', () => {
  it.each([
    [2001, 4],
    [2004, 2],
    [2006, 7],
    [2009, 5],
    [2012, 4],
    [2014, 9],
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2033, 11], // the famous "2033 problem": a leap 11th month
  ])('%i has a leap month %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
    expect(lunarYearMonths(year)).toHaveLength(13);
  });

  it('has no leap month in 2024 and 2026', () => {
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2026)).toBeNull();
    expect(lunarYearMonths(2026)).toHaveLength(12);
  });

  it('returns null for dates that do not exist', () => {
    expect(lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toBeNull(); // no leap month
    expect(lunarToSolar({ year: 2025, month: 5, day: 1, leap: true })).toBeNull(); // leap is 6
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe('2025-07-25');
    // Tháng Chạp Ất Tỵ has 29 days: there is no "30 Tết" in 2026 (16/2 is 29 tháng Chạp).
    expect(lunarToSolar({ year: 2025, month: 12, day: 30, leap: false })).toBeNull();
    expect(lunarToSolar({ year: 2025, month: 12, day: 29, leap: false })).toBe('2026-02-16');
    expect(lunarToSolar({ year: 2025, month: 13, day: 1, leap: false })).toBeNull();
    expect(lunarToSolar({ year: 2025, month: 1, day: 0, leap: false })).toBeNull();
  });
});

describe('solarToLunar', () => {
  it('converts known days', () => {
    expect(solarToLunar('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leap: false }); // 30 Tết Quý Mão
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar('2025-10-06')).toEqual({ year: 2025, month: 8, day: 15, leap: false }); // Trung thu 2025
    expect(solarToLunar('2033-12-22')).toEqual({ year: 2033, month: 11, day: 1, leap: true });
    expect(solarToLunar('2034-01-20')).toEqual({ year: 2033, month: 12, day: 1, leap: false });
  });

  it('rejects years outside the supported range', () => {
    expect(() => solarToLunar('1700-01-01')).toThrow(RangeError);
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
  });

  it('round-trips every day from 1900-01-01 to 2100-12-31, one day after another', () => {
    const first = toDayNumber('1900-01-01');
    const last = toDayNumber('2100-12-31');
    let prev = solarToLunar('1899-12-31');
    for (let dn = first; dn <= last; dn++) {
      const date = fromDayNumber(dn);
      const l = solarToLunar(date);
      if (lunarToSolar(l) !== date) throw new Error(`round trip failed for ${date}: ${JSON.stringify(l)}`);
      // The lunar date advances by one day, or starts a new month after day 29/30.
      const sameMonth = l.year === prev.year && l.month === prev.month && l.leap === prev.leap;
      if (sameMonth ? l.day !== prev.day + 1 : l.day !== 1 || prev.day < 29) {
        throw new Error(`lunar date does not advance properly at ${date}`);
      }
      prev = l;
    }
  });

  it('round-trips at UTC+8 too (sampled)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }), (dn) => {
        const date = fromDayNumber(dn);
        expect(lunarToSolar(solarToLunar(date, 8), 8)).toBe(date);
      }),
      { numRuns: 3000 },
    );
  });

  it('names years', () => {
    expect(canChiOfYear(2026)).toBe('Bính Ngọ');
    expect(canChiOfYear(2025)).toBe('Ất Tỵ');
    expect(canChiOfYear(2024)).toBe('Giáp Thìn');
    expect(canChiOfYear(1975)).toBe('Ất Mão');
    expect(canChiOfYear(1968)).toBe('Mậu Thân');
  });
});

describe('independent reference implementation (sanity of the reference itself)', () => {
  it('reproduces Meeus example 49.a (new moon of 1977 February)', () => {
    expect(referenceNewMoonJde(-283)).toBeCloseTo(2443192.65118, 5);
  });

  it('reproduces Meeus example 25.b (apparent solar longitude 1992-10-13.0 TD = 199°54′21.8″)', () => {
    expect(Math.abs(referenceSunApparentLongitude(2448908.5) - (199 + 54 / 60 + 21.818 / 3600))).toBeLessThan(
      0.0002,
    );
  });

  it('finds published equinox and solstice instants to within a minute', () => {
    const utcOf = (longitude: number, guessJd: number): number => {
      const jde = referenceSolarTermJde(longitude, guessJd);
      const jdUt = jde - referenceDeltaTSeconds(2000 + (jde - 2451545) / 365.25) / 86400;
      return (jdUt - 2440587.5) * 86_400_000;
    };
    const cases: [number, number, number][] = [
      [0, 2451623.8, Date.UTC(2000, 2, 20, 7, 35)],
      [0, 2460390, Date.UTC(2024, 2, 20, 3, 6)],
      [90, 2460482, Date.UTC(2024, 5, 20, 20, 51)],
      [270, 2460666, Date.UTC(2024, 11, 21, 9, 20)],
      [90, 2460848, Date.UTC(2025, 5, 21, 2, 42)],
    ];
    for (const [lon, guess, expected] of cases) {
      expect(Math.abs(utcOf(lon, guess) - expected)).toBeLessThan(90_000);
    }
  });

  it('converts Julian Day Numbers like date.ts does', () => {
    for (const d of ['1900-03-01', '2000-02-29', '2100-12-31', '1970-01-01']) {
      expect(referenceJdnToDate(toDayNumber(d) + 2440588)).toBe(d);
    }
  });
});

describe('lunar.ts against the independent reference', () => {
  it('Tết and Giỗ Tổ agree for every year 1950–2100 (UTC+7 and UTC+8)', () => {
    for (let y = 1950; y <= 2100; y++) {
      expect(tetOf(y), `Tết ${y}`).toBe(referenceTet(y, 7));
      expect(gioTo(y), `Giỗ Tổ ${y}`).toBe(referenceGioTo(y, 7));
      expect(tetOf(y, 8), `Chinese New Year ${y}`).toBe(referenceTet(y, 8));
    }
  });

  it('every month start and leap month 1900–2100 agrees, except where the new moon is within 2 minutes of midnight', () => {
    const mismatches: string[] = [];
    for (let y = 1900; y <= 2100; y++) {
      const ref = referenceSegment(y, 7);
      const main = [
        ...lunarYearMonths(y - 1).filter((m) => m.month >= 11),
        ...lunarYearMonths(y).filter((m) => m.month <= 10),
      ];
      expect(
        main.map((m) => `${m.month}${m.leap ? 'L' : ''}`),
        `labels ${y}`,
      ).toEqual(ref.map((m) => `${m.month}${m.leap ? 'L' : ''}`));
      ref.forEach((r, i) => {
        const start = referenceJdnToDate(r.startJdn);
        const mine = main[i]!.start;
        // Keep the later of the two dates: its midnight is the boundary the new moon is near.
        if (mine !== start) {
          expect(Math.abs(diffDays(mine, start)), `month starting ${start}`).toBe(1);
          mismatches.push(mine > start ? mine : start);
        }
      });
    }
    // Each mismatch must be a borderline case: the reference new moon within 120 s of a local
    // midnight, where the lower-precision formulae of lunar.ts may fall on the other side.
    for (const date of mismatches) {
      const midnightJd = toDayNumber(date) + 2440587.5 - 7 / 24; // local midnight, as JD (UT)
      const k = Math.round((midnightJd - 2451550.1) / 29.530588861);
      const jde = referenceNewMoonJde(k);
      const jdUt = jde - referenceDeltaTSeconds(2000 + (jde - 2451545) / 365.25) / 86400;
      expect(Math.abs(jdUt - midnightJd) * 86400, `new moon near ${date}`).toBeLessThan(120);
    }
    expect(mismatches.length).toBeLessThanOrEqual(5);
  });

  it('the day before Tết is the last day (29 or 30) of the old year', () => {
    for (let y = 1950; y <= 2100; y++) {
      const eve = addDays(tetOf(y), -1);
      const l = solarToLunar(eve);
      expect(l.month).toBe(12);
      expect(l.year).toBe(y - 1);
      expect(l.day === 29 || l.day === 30).toBe(true);
    }
  });
});
