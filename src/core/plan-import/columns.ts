// Appendix table columns, recognised by meaning rather than by position or exact wording.

import type { Row } from './blocks.js';
import { cellText } from './blocks.js';
import { clean, fold } from './text.js';

export type ColumnRole =
  'stt' | 'task' | 'target' | 'deliverable' | 'lead' | 'cooperators' | 'deadline' | 'note' | 'unknown';

/** The role of a header cell: "Cơ quan chủ trì, theo dõi, tổng hợp" → lead. */
export function columnRole(header: string): ColumnRole {
  const f = clean(fold(header).replace(/[^A-Z0-9]+/g, ' '));
  if (f === '') return 'unknown';
  if (/^(STT|TT|SO TT|SO THU TU|THU TU)$/.test(f)) return 'stt';
  if (f.includes('CHU TRI')) return 'lead';
  if (f.includes('PHOI HOP')) return 'cooperators';
  if (f.includes('GHI CHU')) return 'note';
  if (/^(THOI GIAN|THOI HAN|TIEN DO|MOC THOI GIAN|HAN HOAN THANH|NGAY HOAN THANH)\b/.test(f))
    return 'deadline';
  if (/\b(SAN PHAM|KET QUA)\b/.test(f)) return 'deliverable';
  if (/^((CO QUAN|DON VI|BO PHAN|NGUOI) )?(THUC HIEN|PHU TRACH)$/.test(f)) return 'lead';
  if (/\bCHI TIEU\b/.test(f)) return 'target';
  if (/^(TEN )?(NHIEM VU|NOI DUNG|CONG VIEC)\b/.test(f)) return 'task';
  return 'unknown';
}

export interface ColumnMap {
  /** Role of each column, by index. */
  roles: ColumnRole[];
  /** Header text of each column, by index. */
  headers: string[];
  /** First column of each role. */
  index: Partial<Record<Exclude<ColumnRole, 'unknown'>, number>>;
  kind: 'tasks' | 'targets';
}

/**
 * Read a header row. A row is a header when at least three of its cells (or two, one of them the
 * task / target column) name known columns, and no cell is long enough to be content.
 */
export function readHeader(row: Row, preferTargets: boolean): ColumnMap | null {
  const headers = row.cells.map((c) => clean(cellText(c)));
  if (headers.some((h) => h.length > 80)) return null;
  const roles = headers.map(columnRole);
  const index: ColumnMap['index'] = {};
  roles.forEach((role, i) => {
    if (role === 'unknown') return;
    if (index[role] === undefined) index[role] = i;
    else roles[i] = 'unknown'; // a second column with the same meaning is not ours to guess
  });
  const known = roles.filter((r) => r !== 'unknown').length;
  const hasContent = index.task !== undefined || index.target !== undefined;
  if (!(known >= 3 || (known >= 2 && hasContent))) return null;
  if (!hasContent) return null;
  let kind: ColumnMap['kind'];
  if (index.target !== undefined && index.task === undefined) kind = 'targets';
  else if (index.deadline !== undefined || index.deliverable !== undefined) kind = 'tasks';
  else if (index.target !== undefined) kind = 'targets';
  else kind = preferTargets ? 'targets' : 'tasks';
  if (kind === 'targets' && index.target === undefined && index.task !== undefined) {
    // "Nội dung" in a targets table is the target's text.
    index.target = index.task;
    delete index.task;
    roles[index.target] = 'target';
  }
  return { roles, headers, index, kind };
}

/** The same header again (Word repeats it on every page), compared by the roles it maps to. */
export function isSameHeader(row: Row, map: ColumnMap): boolean {
  const again = readHeader(row, map.kind === 'targets');
  if (!again) return false;
  return again.kind === map.kind && again.roles.join() === map.roles.join();
}

/** A row of column numbers under the header: "1 | 2 | 3 …" or "(1) | (2) …". */
export function isColumnNumberRow(row: Row): boolean {
  const texts = row.cells.map((c) => clean(cellText(c)));
  if (texts.length < 3) return false;
  return texts.every((t, i) => t === String(i + 1) || t === `(${i + 1})`);
}
