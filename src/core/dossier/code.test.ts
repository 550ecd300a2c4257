import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, momentOf, toDayNumber } from '../calendar/index.js';
import { dossierCode, normaliseUnitCode, parseDossierCode } from './code.js';
import {
  DOSSIER_CHANNEL_LABELS,
  DOSSIER_EVENT_LABELS,
  DOSSIER_STATUS_LABELS,
  RETURN_METHOD_LABELS,
  TIMELINESS_LABELS,
  formatTimeLimit,
} from './labels.js';

describe('dossierCode', () => {
  it('MNTT-260512-0007: unit, YYMMDD of the receipt date, 4-digit sequence', () => {
    expect(dossierCode('MNTT', '2026-05-12', 7)).toBe('MNTT-260512-0007');
    expect(dossierCode('MNTT', '2026-05-12', 1234)).toBe('MNTT-260512-1234');
  });

  it('reads a moment in Vietnam time', () => {
    // 2026-05-11T17:30Z is 00:30 on 12/5 in Vietnam; 23:59 on 12/5 Vietnam is still 12/5.
    expect(dossierCode('MNTT', Date.UTC(2026, 4, 11, 17, 30), 1)).toBe('MNTT-260512-0001');
    expect(dossierCode('MNTT', momentOf('2026-05-12', '23:59'), 1)).toBe('MNTT-260512-0001');
  });

  it('widens past 9,999 rather than failing', () => {
    expect(dossierCode('MNTT', '2026-05-12', 12_345)).toBe('MNTT-260512-12345');
  });

  it('normalises the unit code: upper case, no diacritics, Đ → D; dots allowed (national codes)', () => {
    expect(dossierCode('mntt', '2026-05-12', 7)).toBe('MNTT-260512-0007');
    expect(normaliseUnitCode('Đhsp')).toBe('DHSP');
    expect(normaliseUnitCode('Phường8')).toBe('PHUONG8');
    expect(dossierCode('000.00.20.H29', '2025-05-12', 7)).toBe('000.00.20.H29-250512-0007');
  });

  it('rejects bad input', () => {
    expect(() => dossierCode('MN TT', '2026-05-12', 1)).toThrow(RangeError);
    expect(() => dossierCode('MN-TT', '2026-05-12', 1)).toThrow(RangeError);
    expect(() => dossierCode('', '2026-05-12', 1)).toThrow(RangeError);
    expect(() => dossierCode('MNTT', '2026-05-12', 0)).toThrow(RangeError);
    expect(() => dossierCode('MNTT', '2026-05-12', 1.5)).toThrow(RangeError);
    expect(() => dossierCode('MNTT', '2026-02-30', 1)).toThrow(RangeError);
    expect(() => dossierCode('MNTT', '1999-12-31', 1)).toThrow(RangeError);
  });
});

describe('parseDossierCode', () => {
  it('reads the parts back', () => {
    expect(parseDossierCode('MNTT-260512-0007')).toEqual({ unitCode: 'MNTT', date: '2026-05-12', seq: 7 });
    expect(parseDossierCode(' mntt-260512-0007 ')).toEqual({ unitCode: 'MNTT', date: '2026-05-12', seq: 7 });
    expect(parseDossierCode('000.00.20.H29-250512-12345')).toEqual({
      unitCode: '000.00.20.H29',
      date: '2025-05-12',
      seq: 12_345,
    });
  });

  it('null for what is not a code', () => {
    expect(parseDossierCode('MNTT-260230-0007')).toBeNull(); // 30/2
    expect(parseDossierCode('MNTT-260512-007')).toBeNull(); // 3-digit sequence
    expect(parseDossierCode('MNTT-260512-0000')).toBeNull();
    expect(parseDossierCode('71/KH-MNTT')).toBeNull();
    expect(parseDossierCode('')).toBeNull();
  });

  it('round-trips (property)', () => {
    const first = toDayNumber('2000-01-01');
    const last = toDayNumber('2099-12-31');
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{1,6}(\.[A-Z0-9]{1,4}){0,3}$/),
        fc.integer({ min: first, max: last }),
        fc.integer({ min: 1, max: 200_000 }),
        (unit, dn, seq) => {
          const date = fromDayNumber(dn);
          expect(parseDossierCode(dossierCode(unit, date, seq))).toEqual({ unitCode: unit, date, seq });
        },
      ),
    );
  });
});

describe('labels', () => {
  it('Vietnamese labels for statuses, channels, methods, Mẫu 05 statuses', () => {
    expect(DOSSIER_STATUS_LABELS.awaiting_supplement).toBe('Chờ bổ sung');
    expect(DOSSIER_STATUS_LABELS.returned).toBe('Đã trả kết quả');
    expect(DOSSIER_CHANNEL_LABELS.postal).toBe('Qua dịch vụ bưu chính công ích');
    expect(RETURN_METHOD_LABELS.online).toBe('Trực tuyến (kết quả điện tử)');
    expect(TIMELINESS_LABELS).toEqual({ early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' });
    expect(DOSSIER_EVENT_LABELS.apology_issued).toContain('Mẫu 04');
    // Every label is NFC (architecture rule 7).
    for (const map of [
      DOSSIER_STATUS_LABELS,
      DOSSIER_CHANNEL_LABELS,
      RETURN_METHOD_LABELS,
      DOSSIER_EVENT_LABELS,
    ]) {
      for (const label of Object.values(map)) expect(label).toBe(label.normalize('NFC'));
    }
  });

  it('formatTimeLimit', () => {
    expect(formatTimeLimit({ unit: 'working_days', amount: 15 })).toBe('15 ngày làm việc');
    expect(formatTimeLimit({ unit: 'working_hours', amount: 1.5 })).toBe('1,5 giờ làm việc');
    expect(formatTimeLimit({ unit: 'calendar_days', amount: 30 })).toBe('30 ngày');
  });
});
