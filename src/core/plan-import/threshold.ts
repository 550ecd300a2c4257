// Reading the measurable part of a target ("chỉ tiêu") out of its Vietnamese text.
// See the `Threshold` type for the meaning of each operator.

import type { Threshold } from './types.js';
import { clean } from './text.js';

const NOT_LOWER_THAN_YEAR =
  /(?:bằng hoặc cao hơn|cao hơn hoặc bằng|không thấp hơn|không giảm so với|tương đương hoặc cao hơn)\s*(?:so với\s*)?(?:kết quả\s*)?(?:của\s*)?(?:năm\s*)?(\d{4})/u;
const PERCENT = /(\d{1,3}(?:[.,]\d+)?)\s*%/gu;
const AT_MOST_BEFORE = /(?:không quá|không vượt quá|tối đa|dưới|thấp hơn)\s*$/u;
const AT_MOST_AFTER = /^\s*trở xuống/u;
const EXACTLY_BEFORE = /(?:\bbằng|\bđúng)\s*$/u;

export function parseThreshold(text: string): Threshold | null {
  const t = clean(text).toLocaleLowerCase('vi');
  const year = NOT_LOWER_THAN_YEAR.exec(t);
  if (year) return { kind: 'not_lower_than_year', year: Number(year[1]) };
  const matches = [...t.matchAll(PERCENT)];
  const first = matches[0];
  if (!first) return null;
  const values = new Set(matches.map((m) => Number((m[1] ?? '').replace(',', '.'))));
  if (values.size > 1) return { kind: 'text', text: clean(text) };
  const value = Number((first[1] ?? '').replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const before = t.slice(Math.max(0, first.index - 30), first.index);
  const after = t.slice(first.index + first[0].length, first.index + first[0].length + 20);
  if (AT_MOST_BEFORE.test(before) || AT_MOST_AFTER.test(after)) return { kind: 'percent', op: '<=', value };
  if (EXACTLY_BEFORE.test(before)) return { kind: 'percent', op: '=', value };
  return { kind: 'percent', op: '>=', value };
}
