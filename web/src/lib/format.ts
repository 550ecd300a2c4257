import dayjs from 'dayjs';
import 'dayjs/locale/vi.js';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import type { Named, Threshold } from '../api/types.js';

dayjs.extend(customParseFormat);
dayjs.locale('vi');

export const DATE_FORMAT = 'DD/MM/YYYY';

/** `2023-03-17` or an ISO timestamp → `17/03/2023`. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** An ISO timestamp → `17/03/2023 14:05` in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : value;
}

/** Parses what a user typed in a date field (`17/3/2023`, `17/03/2023`) to `YYYY-MM-DD`. */
export function parseVnDate(text: string): string | null {
  const d = dayjs(text.trim(), ['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD'], true);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
}

export const todayIso = (): string => dayjs().format('YYYY-MM-DD');

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
export const formatNumber = (n: number): string => numberFormat.format(n);

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${formatNumber(Math.round(n / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(n / 104857.6) / 10)} MB`;
}

/**
 * Folds Vietnamese text for searching: no diacritics, no case, đ → d
 * ("Hoàn thành" and "hoan thanh" match).
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether every word of `query` occurs in one of `fields` (diacritics and case ignored). */
export function matchesSearch(query: string, fields: (string | null | undefined)[]): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(fields.filter(Boolean).join(' '));
  return words.every((w) => haystack.includes(w));
}

const OP_SIGN = { '>=': '≥', '<=': '≤', '=': '=' } as const;

/** A target's threshold as the plan writes it: "≥ 98%", "≥ năm 2022". */
export function formatThreshold(t: Threshold | null): string {
  if (!t) return '—';
  switch (t.kind) {
    case 'percent':
      return `${OP_SIGN[t.op]} ${formatNumber(t.value)}%`;
    case 'not_lower_than_year':
      return `≥ năm ${t.year}`;
    case 'text':
      return t.text;
  }
}

/** Parties and deliverables, "(nếu có)" marking the optional ones. */
export function formatNamed(list: Named[]): string {
  return list.map((n) => (n.optional ? `${n.name} (nếu có)` : n.name)).join('; ');
}

/** One item a line, " (nếu có)" after an optional one: how the import wizard edits such lists. */
export function namedToLines(list: Named[]): string {
  return list.map((n) => (n.optional ? `${n.name} (nếu có)` : n.name)).join('\n');
}

export function linesToNamed(text: string): Named[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const optional = /\(\s*nếu có\s*\)\s*\.?$/iu.test(line.normalize('NFC'));
      const name = line
        .normalize('NFC')
        .replace(/\(\s*nếu có\s*\)\s*\.?$/iu, '')
        .trim();
      return { name: name || line, optional };
    });
}
