/**
 * Column mapping by meaning. Each field has the headers other one-stop software and the national
 * forms use for it; headers are compared without diacritics, case or punctuation ("Phí, lệ phí"
 * = "phi le phi"). A header that is exactly a synonym scores highest; otherwise the longest
 * synonym it contains as whole words wins ("Ngày hẹn trả kết quả" contains "ngày hẹn trả":
 * appointment, not "trả kết quả"). Each column goes to one field and each field to one column,
 * best scores first. Synonyms starting with '=' match only exactly (short words such as "Mã").
 *
 * The header row is the row, among the first 30, where most headers are recognised (at least
 * two), so title lines above the table are skipped.
 */
import { cellText, fold } from './values.js';
import type { Cell } from './cell.js';

export type Synonyms<F extends string> = Record<F, readonly string[]>;

export interface ColumnInfo<F extends string> {
  index: number;
  header: string;
  field: F | null;
}

export interface DetectedColumns<F extends string> {
  /** Index into the sheet's rows of the header row; -1 when none was found. */
  headerIndex: number;
  columns: ColumnInfo<F>[];
  mapping: Partial<Record<F, number>>;
}

interface Prepared<F extends string> {
  field: F;
  exact: boolean;
  words: string;
}

function prepare<F extends string>(synonyms: Synonyms<F>): Prepared<F>[] {
  const out: Prepared<F>[] = [];
  for (const [field, list] of Object.entries(synonyms) as [F, readonly string[]][])
    for (const s of list) {
      const exact = s.startsWith('=');
      out.push({ field, exact, words: fold(exact ? s.slice(1) : s) });
    }
  return out;
}

/** The best score of each field for one header: 1000 + length when exact, length when contained. */
function scores<F extends string>(header: string, prepared: Prepared<F>[]): Map<F, number> {
  const h = fold(header);
  const out = new Map<F, number>();
  if (h === '') return out;
  const padded = ` ${h} `;
  for (const p of prepared) {
    let score = 0;
    if (h === p.words) score = 1000 + p.words.length;
    else if (!p.exact && padded.includes(` ${p.words} `)) score = p.words.length;
    if (score > (out.get(p.field) ?? 0)) out.set(p.field, score);
  }
  return out;
}

/** Assigns columns to fields, best score first, one to one. */
export function mapHeaders<F extends string>(
  headers: string[],
  synonyms: Synonyms<F>,
): Partial<Record<F, number>> {
  const prepared = prepare(synonyms);
  const candidates: { index: number; field: F; score: number }[] = [];
  headers.forEach((header, index) => {
    for (const [field, score] of scores(header, prepared)) candidates.push({ index, field, score });
  });
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const mapping: Partial<Record<F, number>> = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (used.has(c.index) || mapping[c.field] !== undefined) continue;
    mapping[c.field] = c.index;
    used.add(c.index);
  }
  return mapping;
}

/** Finds the header row among the first rows and maps its columns. */
export function detectColumns<F extends string>(rows: Cell[][], synonyms: Synonyms<F>): DetectedColumns<F> {
  const minimum = Math.min(3, Object.keys(synonyms).length);
  let best = { headerIndex: -1, count: 0, mapping: {} as Partial<Record<F, number>> };
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const headers = rows[i]!.map(cellText);
    const mapping = mapHeaders(headers, synonyms);
    const count = Object.keys(mapping).length;
    if (count > best.count) best = { headerIndex: i, count, mapping };
    if (count >= minimum + 2) break;
  }
  if (best.count < Math.min(2, minimum)) return { headerIndex: -1, columns: [], mapping: {} };
  return {
    headerIndex: best.headerIndex,
    columns: describeColumns(rows[best.headerIndex]!, best.mapping),
    mapping: best.mapping,
  };
}

export function describeColumns<F extends string>(
  headerRow: Cell[],
  mapping: Partial<Record<F, number>>,
): ColumnInfo<F>[] {
  const byIndex = new Map<number, F>();
  for (const [field, index] of Object.entries(mapping) as [F, number][]) byIndex.set(index, field);
  return headerRow.map((h, index) => ({ index, header: cellText(h), field: byIndex.get(index) ?? null }));
}
