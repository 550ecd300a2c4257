/**
 * Dossier codes (mã hồ sơ, printed on Mẫu 01 and Mẫu 06).
 *
 * Format: `<unit code>-<YYMMDD>-<sequence>`, e.g. `MNTT-260512-0007` = the 7th dossier the unit
 * MNTT received on 12/05/2026. This is the shape the national public-service portal uses
 * (`000.00.20.H29-250512-0007`), so the unit code may contain dots. The date is the receipt date in
 * Vietnam time; the sequence restarts at 1 each day and has at least 4 digits (more when a unit
 * receives over 9,999 dossiers in one day, which keeps codes unique rather than failing).
 * The unit code is written upper-case without diacritics (Đ → D) so the code reads the same in a
 * barcode, a QR code and a search box.
 */
import { dateOfMoment, makeDate, parseDate } from '../calendar/index.js';
import type { CalendarDate, Moment } from '../calendar/index.js';

const UNIT_CODE = /^[A-Z0-9](?:[A-Z0-9.]*[A-Z0-9])?$/;

/** Upper case, no diacritics; throws a RangeError when other characters remain. */
export function normaliseUnitCode(unitCode: string): string {
  const code = unitCode
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .trim()
    .toUpperCase();
  if (!UNIT_CODE.test(code)) {
    throw new RangeError(
      `Mã đơn vị không hợp lệ trong mã hồ sơ: '${unitCode}' (chỉ gồm chữ, số và dấu chấm)`,
    );
  }
  return code;
}

/** `MNTT-260512-0007`; `date` is the receipt date (or moment, read in Vietnam time). */
export function dossierCode(unitCode: string, date: CalendarDate | Moment, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1)
    throw new RangeError(`Số thứ tự hồ sơ phải là số nguyên ≥ 1: ${seq}`);
  const day = typeof date === 'number' ? dateOfMoment(date) : date;
  const { year, month, day: d } = parseDate(day);
  if (year < 2000 || year > 2099) throw new RangeError(`Năm ngoài phạm vi mã hồ sơ (2000–2099): ${year}`);
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(d).padStart(2, '0')}`;
  return `${normaliseUnitCode(unitCode)}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

export interface ParsedDossierCode {
  unitCode: string;
  date: CalendarDate;
  seq: number;
}

/** The inverse of `dossierCode`; null when the text is not such a code. */
export function parseDossierCode(code: string): ParsedDossierCode | null {
  const m = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4,})$/.exec(code.trim().toUpperCase());
  if (!m || !UNIT_CODE.test(m[1]!)) return null;
  const seq = Number(m[5]);
  if (seq < 1) return null;
  try {
    return { unitCode: m[1]!, date: makeDate(2000 + Number(m[2]), Number(m[3]), Number(m[4])), seq };
  } catch {
    return null;
  }
}
