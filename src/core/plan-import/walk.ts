// First pass of the interpretation: walk the blocks once, note which section each paragraph is
// in, and sort the appendix tables' rows into task rows and target rows (by what their header
// says, not where they are). Tables that are not appendix tables (the header block, the signature
// block) become paragraphs, row by row.

import type { Block, Cell, Para, Row } from './blocks.js';
import { cellText } from './blocks.js';
import type { ColumnMap } from './columns.js';
import { isColumnNumberRow, isSameHeader, readHeader } from './columns.js';
import type { ImportWarning } from './types.js';
import { fold, isUpperish, romanToNumber } from './text.js';

export type SectionKind = 'preamble' | 'objectives' | 'targets' | 'focus' | 'other' | 'appendix';

export interface Line {
  para: Para;
  section: SectionKind;
  /** Appendix number when in an appendix ("Phụ lục 2" → 2), else null. */
  appendix: number | null;
}

export interface RowRecord {
  map: ColumnMap;
  cells: Cell[];
  /** See `PlanTask.sourceRow`. */
  physicalRow: number;
  /** "Phụ lục 1", or "Bảng nhiệm vụ" for a table outside any appendix. */
  label: string;
  /** Which table of the document the row is in (0-based, counting appendix tables only). */
  table: number;
}

export interface Walked {
  lines: Line[];
  taskRows: RowRecord[];
  targetRows: RowRecord[];
  warnings: ImportWarning[];
}

const SECTION = /^([IVX]{1,4})\s*[.)\-–:]\s*(\S.*)$/u;

/** "III. NHIỆM VỤ TRỌNG TÂM" → focus; "IV. KINH PHÍ THỰC HIỆN" → other; not a heading → null. */
export function sectionHeading(p: Para): Exclude<SectionKind, 'preamble' | 'appendix'> | null {
  const m = SECTION.exec(p.text);
  if (!m || romanToNumber(m[1] ?? '') === null) return null;
  const rest = m[2] ?? '';
  if (!(p.heading > 0 || p.bold || isUpperish(rest))) return null;
  const f = fold(rest);
  if (/^MUC (TIEU|DICH)/.test(f)) return 'objectives';
  if (/^CHI TIEU/.test(f)) return 'targets';
  if (/^(CAC )?NHIEM VU/.test(f)) return 'focus';
  return 'other';
}

/** "PHỤ LỤC 1", "Phụ lục II", "PHỤ LỤC SỐ 2: …" → its number; 0 when unnumbered; null otherwise. */
export function appendixHeading(p: Para): number | null {
  if (p.text.length > 160) return null;
  const m = /^PHU LUC(?:\s+SO)?\s*([0-9]{1,2}|[IVX]{1,4})?(?![A-Z0-9])/.exec(fold(p.text));
  if (!m) return null;
  const strong = p.heading > 0 || p.bold || isUpperish(p.text.slice(0, 7));
  if (!strong && p.text.length > 40) return null;
  const n = m[1];
  if (n === undefined) return 0;
  return /^\d+$/.test(n) ? Number(n) : (romanToNumber(n) ?? 0);
}

export function walk(blocks: readonly Block[]): Walked {
  const lines: Line[] = [];
  const taskRows: RowRecord[] = [];
  const targetRows: RowRecord[] = [];
  const warnings: ImportWarning[] = [];
  const warnedColumns = new Set<string>();
  const rowCounters = new Map<string, number>();
  let section: SectionKind = 'preamble';
  let appendix: number | null = null;
  let appendixCount = 0;
  let lastMap: ColumnMap | null = null;
  let tableCount = 0;

  const pushLines = (rows: readonly Row[]): void => {
    for (const row of rows)
      for (const cell of row.cells)
        for (const para of cell.paragraphs) lines.push({ para, section, appendix });
  };

  const handleTable = (rows: readonly Row[]): void => {
    const preferTargets = appendix === 2;
    let map: ColumnMap | null = null;
    let start = 0;
    for (let r = 0; r < Math.min(2, rows.length); r += 1) {
      const row = rows[r];
      const found = row ? readHeader(row, preferTargets) : null;
      if (found) {
        map = found;
        start = r + 1;
        break;
      }
    }
    const width = Math.max(0, ...rows.map((r) => r.cells.length));
    if (!map && lastMap && width === lastMap.roles.length) {
      // A table continued on the next page without its header.
      map = lastMap;
      start = 0;
    }
    if (!map) {
      if (section === 'appendix' && rows.length >= 2 && width >= 3) {
        warnings.push({
          code: 'unrecognised_table',
          message:
            'Không nhận ra các cột của bảng (STT, nhiệm vụ/chỉ tiêu, chủ trì, phối hợp…); bảng được đọc như văn bản thường.',
          where: appendix ? `Phụ lục ${appendix}` : 'Bảng',
        });
      }
      pushLines(rows);
      return;
    }
    lastMap = map;
    const label = appendix ? `Phụ lục ${appendix}` : map.kind === 'tasks' ? 'Bảng nhiệm vụ' : 'Bảng chỉ tiêu';
    map.roles.forEach((role, i) => {
      const header = map.headers[i] ?? '';
      const key = `${label}|${header}`;
      if (role !== 'unknown' || warnedColumns.has(key)) return;
      // A blank column (a trailing tab, an empty spacer column) is not worth a warning.
      if (!header && rows.every((row) => cellText(row.cells[i]) === '')) return;
      warnedColumns.add(key);
      warnings.push({
        code: 'unknown_column',
        message: header
          ? `Không nhận ra cột "${header}"; nội dung cột này bị bỏ qua.`
          : `Cột thứ ${i + 1} không có tiêu đề; nội dung cột này bị bỏ qua.`,
        where: `${label}, tiêu đề bảng`,
      });
    });
    const table = tableCount;
    tableCount += 1;
    let counter = rowCounters.get(label) ?? 0;
    rows.forEach((row, r) => {
      counter += 1;
      if (r < start || isSameHeader(row, map) || isColumnNumberRow(row)) return;
      if (row.cells.every((c) => cellText(c) === '')) return;
      const record: RowRecord = { map, cells: row.cells, physicalRow: counter, label, table };
      (map.kind === 'tasks' ? taskRows : targetRows).push(record);
    });
    rowCounters.set(label, counter);
  };

  for (const block of blocks) {
    if (block.kind === 'table') {
      handleTable(block.rows);
      continue;
    }
    const para = block.para;
    const n = appendixHeading(para);
    if (n !== null) {
      appendixCount += 1;
      appendix = n === 0 ? appendixCount : n;
      section = 'appendix';
      lastMap = null;
      continue;
    }
    const heading: SectionKind | null = section === 'appendix' ? null : sectionHeading(para);
    if (heading) {
      section = heading;
      lastMap = null;
      continue;
    }
    lines.push({ para, section, appendix });
  }
  return { lines, taskRows, targetRows, warnings };
}
