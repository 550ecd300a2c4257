// Item numbers ("1", "3.1", "1.4.") in paragraphs and in STT cells, and the checks on their order.

import type { ImportWarning } from './types.js';
import { clean, romanToNumber } from './text.js';

const PARAGRAPH_CODE = /^(\d{1,2}(?:\.\d{1,2}){0,3})([.)])?/u;

/**
 * The number an item starts with: "3.1. Tỷ lệ …" → { code: "3.1", rest: "Tỷ lệ …" }. A single
 * number needs its dot ("5." — "5 cán bộ" is not numbered); dates, percentages and amounts
 * ("3/2023", "100%", "1.000") are not numbers of items.
 */
export function splitCode(text: string): { code: string; rest: string } | null {
  const m = PARAGRAPH_CODE.exec(text);
  if (!m) return null;
  const code = m[1] ?? '';
  const punct = m[2] ?? '';
  if (!code.includes('.') && punct === '') return null;
  const after = text.slice(m[0].length);
  if (/^[\d%/,]/u.test(after)) return null;
  return { code, rest: clean(after.replace(/^\s*[-–:]\s+/u, ' ')) };
}

/**
 * An STT cell as a code: "1.4." → "1.4", "1 . 4" → "1.4", "II" → "2". Returns the cleaned text
 * unchanged when it is not a number.
 */
export function normaliseStt(raw: string): string {
  let s = clean(raw)
    .replace(/^[(\s]+/u, '')
    .replace(/[\s.):,;]+$/u, '');
  s = s.replace(/\s*\.\s*/g, '.');
  const roman = romanToNumber(s);
  if (roman !== null) return String(roman);
  return s;
}

export function isCode(s: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3})*$/.test(s);
}

export function parentOf(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/**
 * Warn about duplicate numbers, gaps ("7.6" followed by "7.8") and numbers going backwards, in
 * document order. `whereOf` says where an item is: "Mục III, 7.8", "Phụ lục 2, dòng 2.3".
 */
export function checkSequence(codes: readonly string[], whereOf: (code: string) => string): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const seen = new Set<string>();
  const last = new Map<string, number>();
  for (const code of codes) {
    if (!isCode(code)) continue;
    const where = whereOf(code);
    if (seen.has(code)) {
      warnings.push({ code: 'duplicate_code', message: `Số thứ tự ${code} bị trùng.`, where });
      continue;
    }
    seen.add(code);
    const parent = parentOf(code);
    const n = Number(code.slice(code.lastIndexOf('.') + 1));
    const key = parent ?? '';
    const prev = last.get(key) ?? 0;
    const name = (k: number): string => (parent === null ? String(k) : `${parent}.${k}`);
    if (n > prev + 1) {
      const missing: string[] = [];
      for (let k = prev + 1; k < n && missing.length < 5; k += 1) missing.push(name(k));
      if (n - prev - 1 > 5) missing.push('…');
      const after = prev > 0 ? `sau ${name(prev)} là ${code}` : `số đầu tiên là ${code}`;
      warnings.push({
        code: 'code_gap',
        message: `Thiếu mục số ${missing.join(', ')} (${after}).`,
        where,
      });
    } else if (n <= prev) {
      warnings.push({
        code: 'code_out_of_order',
        message: `Mục số ${code} đứng sau mục số ${name(prev)}: thứ tự không liên tục.`,
        where,
      });
    }
    last.set(key, Math.max(prev, n));
  }
  return warnings;
}
