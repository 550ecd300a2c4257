/**
 * PAR Index criteria sets (domain.md §10): a tree lĩnh vực → tiêu chí → tiêu chí thành phần, each
 * node with a maximum, a scoring guide and the evidence required (tài liệu kiểm chứng). Provinces
 * publish them as spreadsheets in a few layouts; this file turns the rows of such a sheet into a
 * tree and checks it (children adding up to their parent, leaves with a maximum), naming the rows.
 *
 * Layouts read:
 *  - a code column (`I`, `1`, `1.1`, `a)`) beside a text column;
 *  - a text column whose text starts with its code ("1.1. Ban hành kế hoạch…"), codes being absent;
 *  - field rows written in capitals without a code;
 *  - merged cells (the reader passes the value once, at the merge's first cell).
 */

export type ParRuleKind = 'manual' | 'yes_no' | 'bands';

export interface ParBand {
  /** Lower bound of the figure, a percentage (98 means 98 %), inclusive. */
  min: number;
  points: number;
}

/** How a leaf is scored, as provinces type it. */
export type ParRule =
  | { kind: 'manual'; step?: number | undefined }
  | { kind: 'yes_no' }
  | { kind: 'bands'; metric: string; bands: ParBand[] };

export interface ParNode {
  code: string;
  title: string;
  /** 1 = lĩnh vực, deeper levels below. */
  depth: number;
  maxPoints: number | null;
  guide: string | null;
  evidence: string | null;
  /** Bonus points (điểm thưởng) are added over the maximum; minus points (điểm trừ) subtracted. */
  sign: 'normal' | 'bonus' | 'minus';
  /** Spreadsheet row the node was read from (1-based, as Excel shows it). */
  row: number;
  children: ParNode[];
}

export interface ParIssue {
  row: number;
  code: string;
  message: string;
}

export type SheetCell = string | number | boolean | Date | null | undefined;
export interface SheetRow {
  row: number;
  cells: SheetCell[];
}

export interface ColumnMap {
  code: number | null;
  title: number;
  max: number;
  guide: number | null;
  evidence: number | null;
  headerRow: number;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export const cellText = (c: SheetCell): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).normalize('NFC').replace(/\s+/g, ' ').trim();
};

/** Finds the header row and the columns by their meaning (within the first 15 rows). */
export function detectColumns(rows: SheetRow[]): ColumnMap | null {
  for (const r of rows.slice(0, 15)) {
    const heads = r.cells.map((c) => fold(cellText(c)));
    const find = (re: RegExp) => {
      const i = heads.findIndex((h) => re.test(h));
      return i < 0 ? null : i;
    };
    const max = find(/diem (toi da|chuan)|^toi da|^diem$|thang diem/);
    const title = find(/linh vuc|tieu chi|noi dung/);
    if (max === null || title === null || max === title) continue;
    const code = find(/^(stt|tt|ma|ma so|so tt|ky hieu)$/);
    return {
      code: code !== null && code !== title ? code : null,
      title,
      max,
      guide: find(/huong dan|cach (cham|tinh)|phuong phap/),
      evidence: find(/kiem chung|minh chung/),
      headerRow: r.row,
    };
  }
  return null;
}

type CodeKind = 'roman' | 'number' | 'dotted' | 'letter';
const ROMAN = /^(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** Reads a code ("I", "II.", "1", "1.", "1.1", "1.1.2", "a)", "a.") or null. */
export function classifyCode(raw: string): { kind: CodeKind; code: string; dots: number } | null {
  const s = raw.trim().replace(/[.:]$/, '');
  if (!s) return null;
  if (ROMAN.test(s)) return { kind: 'roman', code: s, dots: 0 };
  if (/^\d+$/.test(s)) return { kind: 'number', code: s, dots: 0 };
  if (/^\d+(\.\d+)+$/.test(s)) return { kind: 'dotted', code: s, dots: s.split('.').length - 1 };
  const letter = /^([a-zđ])\)?$/.exec(raw.trim().replace(/\.$/, ''));
  if (letter) return { kind: 'letter', code: `${letter[1]})`, dots: 0 };
  return null;
}

/** A code at the start of a text: "1.2. Ban hành…", "II. CÔNG TÁC…", "a) Có kế hoạch…". */
function codeFromText(text: string): { code: string; rest: string } | null {
  const m = /^((?:[IVXLC]+|\d+(?:\.\d+)*)\.?|[a-zđ]\))\s+(.+)$/.exec(text);
  if (!m || !classifyCode(m[1]!)) return null;
  return { code: m[1]!, rest: m[2]! };
}

function parsePoints(c: SheetCell): number | null | 'bad' {
  if (c === null || c === undefined || c === '') return null;
  if (typeof c === 'number') return Number.isFinite(c) ? c : 'bad';
  const s = cellText(c).replace(/điểm/i, '').trim().replace(',', '.');
  if (!s) return null;
  const n = Number(s.replace(/^[+]/, ''));
  return Number.isFinite(n) ? n : 'bad';
}

const isCapitals = (s: string) => /\p{L}/u.test(s) && s === s.toLocaleUpperCase('vi');

export interface ParsedCriteria {
  columns: ColumnMap;
  fields: ParNode[];
  issues: ParIssue[];
}

/**
 * Rows → tree. The depth of a node comes from its code: a Roman numeral is a field, a number a
 * criterion, `1.1` one level deeper per dot, a letter one level below the last non-letter node; a
 * row in capitals without a code is a field. Rows without a title are skipped (blank or total rows).
 */
export function parseCriteriaRows(rows: SheetRow[]): ParsedCriteria {
  const columns = detectColumns(rows);
  if (!columns)
    return {
      columns: { code: null, title: 0, max: 1, guide: null, evidence: null, headerRow: 0 },
      fields: [],
      issues: [
        {
          row: 1,
          code: '',
          message:
            'Không tìm thấy dòng tiêu đề: cần một cột "Lĩnh vực/tiêu chí" (hoặc "Nội dung") và một cột "Điểm tối đa".',
        },
      ],
    };
  const issues: ParIssue[] = [];
  const fields: ParNode[] = [];
  const stack: ParNode[] = [];
  for (const r of rows) {
    if (r.row <= columns.headerRow) continue;
    let title = cellText(r.cells[columns.title]);
    let codeRaw = columns.code !== null ? cellText(r.cells[columns.code]) : '';
    if (!title && !codeRaw) continue;
    if (/^(tổng|cộng)\b/i.test(title) || /^(tổng|cộng)\b/i.test(codeRaw)) continue;
    if (!codeRaw) {
      const fromText = codeFromText(title);
      if (fromText) {
        codeRaw = fromText.code;
        title = fromText.rest;
      }
    } else if (title.startsWith(codeRaw)) {
      title = title.slice(codeRaw.length).replace(/^[.)\s]+/, '');
    }
    if (!title) {
      issues.push({ row: r.row, code: codeRaw, message: 'Dòng có mã nhưng thiếu tên tiêu chí.' });
      continue;
    }
    const points = parsePoints(r.cells[columns.max]);
    if (points === 'bad') {
      issues.push({ row: r.row, code: codeRaw, message: 'Điểm tối đa không phải là số.' });
      continue;
    }
    const folded = fold(title);
    const sign: ParNode['sign'] = /^(diem thuong|thuong)\b/.test(folded)
      ? 'bonus'
      : /^(diem tru|tru diem)\b/.test(folded)
        ? 'minus'
        : 'normal';
    let cls = classifyCode(codeRaw);
    if (!cls) {
      if (codeRaw) {
        issues.push({ row: r.row, code: codeRaw, message: `Mã "${codeRaw}" không đọc được.` });
        continue;
      }
      if (!isCapitals(title)) {
        issues.push({
          row: r.row,
          code: '',
          message: 'Dòng không có mã và không phải tên lĩnh vực (chữ in hoa).',
        });
        continue;
      }
      cls = { kind: 'roman', code: toRoman(fields.length + 1), dots: 0 };
    }
    let depth: number;
    switch (cls.kind) {
      case 'roman':
        depth = 1;
        break;
      case 'number':
        depth = 2;
        break;
      case 'dotted':
        depth = 2 + cls.dots;
        break;
      case 'letter': {
        const anchor = [...stack].reverse().find((n) => !n.code.endsWith(')'));
        depth = (anchor?.depth ?? 1) + 1;
        break;
      }
    }
    const node: ParNode = {
      code: cls.code,
      title,
      depth,
      maxPoints: points,
      guide: columns.guide !== null ? cellText(r.cells[columns.guide]) || null : null,
      evidence: columns.evidence !== null ? cellText(r.cells[columns.evidence]) || null : null,
      sign,
      row: r.row,
      children: [],
    };
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (depth === 1) fields.push(node);
    else if (!parent) {
      issues.push({ row: r.row, code: node.code, message: 'Tiêu chí đứng trước mọi lĩnh vực.' });
      continue;
    } else {
      if (parent.depth !== depth - 1) node.depth = parent.depth + 1;
      parent.children.push(node);
    }
    stack.push(node);
  }
  issues.push(...checkTree(fields));
  return { columns, fields, issues: issues.sort((a, b) => a.row - b.row) };
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The maximum a node counts towards its parent (bonus and minus nodes count nothing). */
export function countedMax(n: ParNode): number {
  if (n.sign !== 'normal') return 0;
  if (n.children.length === 0) return n.maxPoints ?? 0;
  return n.maxPoints ?? round2(n.children.reduce((s, c) => s + countedMax(c), 0));
}

/** Inconsistencies: leaves without a maximum, children not adding up to their parent, duplicate codes. */
export function checkTree(fields: ParNode[]): ParIssue[] {
  const issues: ParIssue[] = [];
  const seen = new Map<string, number>();
  const walk = (n: ParNode, path: string) => {
    const key = `${path}/${n.code}`;
    if (seen.has(key))
      issues.push({ row: n.row, code: n.code, message: `Mã trùng với dòng ${seen.get(key)}.` });
    else seen.set(key, n.row);
    if (n.children.length === 0) {
      if (n.maxPoints === null) issues.push({ row: n.row, code: n.code, message: 'Thiếu điểm tối đa.' });
      else if (n.maxPoints < 0)
        issues.push({ row: n.row, code: n.code, message: 'Điểm tối đa không được âm.' });
    } else if (n.maxPoints !== null && n.sign === 'normal') {
      const sum = round2(n.children.reduce((s, c) => s + countedMax(c), 0));
      if (Math.abs(sum - n.maxPoints) > 0.001)
        issues.push({
          row: n.row,
          code: n.code,
          message: `Tổng điểm các tiêu chí con (${fmt(sum)}) khác điểm tối đa (${fmt(n.maxPoints)}).`,
        });
    }
    n.children.forEach((c) => walk(c, key));
  };
  fields.forEach((f) => walk(f, ''));
  return issues.sort((a, b) => a.row - b.row);
}

export const fmt = (n: number) => String(round2(n)).replace('.', ',');

export interface TreeTotals {
  fields: number;
  criteria: number;
  leaves: number;
  totalMax: number;
  /** Per field: code, title, max. */
  perField: { code: string; title: string; max: number }[];
}

export function treeTotals(fields: ParNode[]): TreeTotals {
  let criteria = 0;
  let leaves = 0;
  const walk = (n: ParNode) => {
    if (n.depth > 1) criteria++;
    if (n.children.length === 0) leaves++;
    n.children.forEach(walk);
  };
  fields.forEach(walk);
  const perField = fields.map((f) => ({ code: f.code, title: f.title, max: countedMax(f) }));
  return {
    fields: fields.length,
    criteria,
    leaves,
    totalMax: round2(perField.reduce((s, f) => s + f.max, 0)),
    perField,
  };
}

/** Flattens the tree in reading order, each node with its parent's index (-1 for fields). */
export function flatten(fields: ParNode[]): { node: ParNode; parent: number; position: number }[] {
  const out: { node: ParNode; parent: number; position: number }[] = [];
  const walk = (n: ParNode, parent: number, position: number) => {
    const i = out.length;
    out.push({ node: n, parent, position });
    n.children.forEach((c, k) => walk(c, i, k));
  };
  fields.forEach((f, k) => walk(f, -1, k));
  return out;
}

/**
 * Bands written in a scoring guide: "Từ 98% trở lên: 2 điểm; từ 95% đến dưới 98%: 1 điểm; dưới
 * 95%: 0 điểm" → [{ min: 98, points: 2 }, { min: 95, points: 1 }]. Null when the guide states none.
 */
export function bandsFromGuide(guide: string | null): ParBand[] | null {
  if (!guide) return null;
  const out: ParBand[] = [];
  const re =
    /(?:từ|trên|≥|>=|đạt)\s*(\d+(?:[.,]\d+)?)\s*%(?:\s*trở lên)?(?:\s*(?:đến|-|–)\s*dưới\s*\d+(?:[.,]\d+)?\s*%)?\s*[:=]?\s*(?:được\s*)?(\d+(?:[.,]\d+)?)\s*điểm/gi;
  for (const m of guide.normalize('NFC').matchAll(re))
    out.push({ min: Number(m[1]!.replace(',', '.')), points: Number(m[2]!.replace(',', '.')) });
  return out.length ? out.sort((a, b) => b.min - a.min) : null;
}
