import { describe, expect, it } from 'vitest';
import {
  BLANK,
  BLANK_LONG_DATE,
  formatDateTime,
  formatLongDate,
  formatPlaceDate,
  formatShortDate,
  formatTime,
  nfc,
  orBlank,
  toVietnamDateTime,
  upper,
  vietnamCalendarDay,
} from './format.js';

describe('dates and times in documents', () => {
  it('writes long dates the Decree 30 way: leading zero for days below 10 and for months 1 and 2', () => {
    expect(formatLongDate('2026-05-12')).toBe('ngày 12 tháng 5 năm 2026');
    expect(formatLongDate('2023-03-17')).toBe('ngày 17 tháng 3 năm 2023');
    expect(formatLongDate('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatLongDate('2026-01-31')).toBe('ngày 31 tháng 01 năm 2026');
    expect(formatLongDate('2026-12-09')).toBe('ngày 09 tháng 12 năm 2026');
  });

  it('reads moments in Vietnam time whatever the host time zone', () => {
    // 17:30 UTC on 11 May is 00:30 on 12 May in Vietnam.
    const moment = Date.UTC(2026, 4, 11, 17, 30);
    expect(formatLongDate(moment)).toBe('ngày 12 tháng 5 năm 2026');
    expect(formatLongDate(new Date(moment))).toBe('ngày 12 tháng 5 năm 2026');
    expect(formatTime(moment)).toBe('00 giờ 30 phút');
    expect(formatShortDate('2026-05-11T17:30:00Z')).toBe('12/05/2026');
    expect(toVietnamDateTime('2026-05-12T08:30:00+07:00')).toEqual({
      year: 2026,
      month: 5,
      day: 12,
      hour: 8,
      minute: 30,
    });
  });

  it('writes times and date-times as the forms do', () => {
    expect(formatTime('2026-05-12T08:05:00+07:00')).toBe('08 giờ 05 phút');
    expect(formatDateTime('2026-05-12T14:30:00+07:00')).toBe('14 giờ 30 phút, ngày 12 tháng 5 năm 2026');
    expect(formatShortDate('2026-05-12')).toBe('12/05/2026');
    // A calendar date has no time of day: no "00 giờ 00 phút".
    expect(formatDateTime('2026-05-12')).toBe('ngày 12 tháng 5 năm 2026');
    expect(formatDateTime(Date.UTC(2026, 4, 11, 17, 0))).toBe('00 giờ 00 phút, ngày 12 tháng 5 năm 2026');
  });

  it('writes the place and date line, or its blanks', () => {
    expect(formatPlaceDate('Quận 8', '2023-03-17')).toBe('Quận 8, ngày 17 tháng 3 năm 2023');
    expect(formatPlaceDate('Quận 8')).toBe(`Quận 8, ${BLANK_LONG_DATE}`);
  });

  it('gives spreadsheets the Vietnam calendar day at 00:00 UTC', () => {
    expect(vietnamCalendarDay('2026-05-11T18:00:00Z').toISOString()).toBe('2026-05-12T00:00:00.000Z');
    expect(vietnamCalendarDay('2026-05-12').toISOString()).toBe('2026-05-12T00:00:00.000Z');
  });

  it('rejects impossible dates', () => {
    expect(() => formatLongDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatLongDate('not a date')).toThrow(RangeError);
    expect(() => formatLongDate(Number.NaN)).toThrow(RangeError);
  });
});

describe('text', () => {
  it('normalises to NFC and upper-cases Vietnamese letters', () => {
    const decomposed = 'Trường Mầm non Tuổi Thơ'.normalize('NFD');
    expect(nfc(decomposed)).toBe('Trường Mầm non Tuổi Thơ'.normalize('NFC'));
    expect(upper('ủy ban nhân dân phường đông hưng thuận')).toBe('ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HƯNG THUẬN');
  });

  it('prints a dotted blank for missing values', () => {
    expect(orBlank(undefined)).toBe(BLANK);
    expect(orBlank('  ')).toBe(BLANK);
    expect(orBlank(3)).toBe('3');
  });
});
