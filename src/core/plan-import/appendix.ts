// Phụ lục 1 (tasks) and Phụ lục 2 (targets): table rows to structured items.

import type { Para } from './blocks.js';
import { cellText } from './blocks.js';
import { checkSequence, isCode, normaliseStt, parentOf } from './codes.js';
import type { ColumnRole } from './columns.js';
import type { ImportWarning, OptionalName, PlanArea, PlanTarget, PlanTask } from './types.js';
import { parseThreshold } from './threshold.js';
import { clean, cleanName, hasOptionalMark, stripOptionalMark } from './text.js';
import type { RowRecord } from './walk.js';

type Role = Exclude<ColumnRole, 'unknown'>;

/** One logical row: a physical row plus the rows continuing it after a page break. */
interface LogicalRow {
  code: string;
  hasStt: boolean;
  cells: Map<Role, Para[]>;
  physicalRow: number;
  label: string;
}

function byRole(record: RowRecord): Map<Role, Para[]> {
  const out = new Map<Role, Para[]>();
  for (const [role, i] of Object.entries(record.map.index) as [Role, number][]) {
    out.set(role, [...(record.cells[i]?.paragraphs ?? [])]);
  }
  return out;
}

/**
 * Join the rows Word split over a page break: a row with an empty STT continues the row above,
 * cell by cell (by meaning, so the two halves may come from tables with different column orders).
 */
function logicalRows(records: readonly RowRecord[], warnings: ImportWarning[]): LogicalRow[] {
  const sttOf = (record: RowRecord): string => {
    const i = record.map.index.stt;
    return i === undefined ? '' : normaliseStt(cellText(record.cells[i]));
  };
  // A table whose rows all lack an STT is not a run of continuations: its numbers were most
  // likely Word's automatic numbering, which does not survive conversion. Keep its rows apart.
  const unnumberedTables = new Set<number>();
  for (const table of new Set(records.map((r) => r.table))) {
    const inTable = records.filter((r) => r.table === table);
    if (inTable.length >= 2 && inTable.every((r) => sttOf(r) === '')) unnumberedTables.add(table);
  }
  const rows: LogicalRow[] = [];
  for (const record of records) {
    const cells = byRole(record);
    const hasStt = record.map.index.stt !== undefined && !unnumberedTables.has(record.table);
    const stt = sttOf(record);
    const prev = rows[rows.length - 1];
    if (hasStt && stt === '') {
      if (prev && prev.label === record.label) {
        for (const [role, paras] of cells) {
          if (role === 'stt') continue;
          prev.cells.set(role, [...(prev.cells.get(role) ?? []), ...paras]);
        }
      } else {
        warnings.push({
          code: 'orphan_continuation',
          message: 'Dòng không có số thứ tự và không có dòng nào phía trên để ghép vào; dòng bị bỏ qua.',
          where: `${record.label}, dòng ${record.physicalRow}`,
        });
      }
      continue;
    }
    rows.push({ code: stt, hasStt, cells, physicalRow: record.physicalRow, label: record.label });
  }
  return rows;
}

function text(row: LogicalRow, role: Role): string {
  return clean(cellText({ paragraphs: row.cells.get(role) ?? [] }));
}

/**
 * A list of names from a cell: one per paragraph, per "- " bullet (when the cell is written as a
 * bulleted list) and per ";". Commas do not separate ("Cán bộ, giáo viên, nhân viên …" is one).
 */
export function splitNames(paras: readonly Para[], kind: 'parties' | 'deliverables'): OptionalName[] {
  const out: OptionalName[] = [];
  for (const p of paras) {
    const t = clean(p.text);
    const bulleted = p.list === 'ul' || /^[-–—•+*]\s*/u.test(t);
    // "- Phòng Nội vụ; - Phòng Tài chính - Kế hoạch": when ";" separates, dashes are bullets only.
    let pieces = !bulleted ? [t] : t.includes(';') ? t.split(';') : t.split(/(?:^|\s)[-–—•+*](?:\s+|$)/u);
    if (kind === 'parties') pieces = rejoinCompoundNames(pieces);
    for (const piece of pieces) {
      for (const part of piece.split(';')) {
        const { name, optional } = cleanName(part);
        if (name) out.push({ name, optional });
      }
    }
  }
  return out;
}

// Offices whose names contain " - ": "Phòng Tài chính - Kế hoạch", "Phòng Văn hóa - Xã hội",
// "Phòng Lao động - Thương binh và Xã hội", "Phòng Kinh tế - Hạ tầng" …
const COMPOUND_LEFT =
  /(Tài chính|Văn hóa|Văn hoá|Lao động|Kinh tế|Tài nguyên|Khoa học|Thông tin|Quản lý)\s*$/u;
const COMPOUND_RIGHT =
  /^\s*(Kế hoạch|Xã hội|Thương binh|Hạ tầng|Môi trường|Công nghệ|Truyền thông|Đô thị|Thể thao)/u;

function rejoinCompoundNames(pieces: readonly string[]): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    const prev = out[out.length - 1];
    if (prev !== undefined && COMPOUND_LEFT.test(prev) && COMPOUND_RIGHT.test(piece)) {
      out[out.length - 1] = `${prev.trimEnd()} - ${piece.trim()}`;
    } else {
      out.push(piece);
    }
  }
  return out;
}

function where(row: LogicalRow): string {
  return `${row.label}, dòng ${row.code || row.physicalRow}`;
}

export interface TasksResult {
  tasks: PlanTask[];
  groups: PlanArea[];
  warnings: ImportWarning[];
}

export function buildTasks(records: readonly RowRecord[]): TasksResult {
  const warnings: ImportWarning[] = [];
  const tasks: PlanTask[] = [];
  const groups: PlanArea[] = [];
  const order: { label: string; code: string }[] = [];
  let currentArea: string | null = null;
  for (const row of logicalRows(records, warnings)) {
    const title = text(row, 'task');
    const deliverableParas = row.cells.get('deliverable') ?? [];
    const leadRaw = text(row, 'lead');
    const cooperatorParas = row.cells.get('cooperators') ?? [];
    const deadline = text(row, 'deadline');
    const empty = !text(row, 'deliverable') && !leadRaw && !text(row, 'cooperators') && !deadline;
    order.push({ label: row.label, code: row.code });
    if (/^\d+$/.test(row.code) && empty) {
      // "1 | Công tác chỉ đạo, điều hành về CCHC | | | |" — an area heading row.
      groups.push({ code: row.code, title: cleanName(title).name });
      currentArea = row.code;
      continue;
    }
    if (!isCode(row.code)) {
      warnings.push({
        code: 'invalid_code',
        message: row.code
          ? `Số thứ tự "${row.code}" không phải dạng 1, 1.1, 1.2…`
          : 'Dòng không có số thứ tự.',
        where: where(row),
      });
    }
    const first = row.code.split('.')[0] ?? '';
    const areaCode = row.code.includes('.') ? first : (currentArea ?? first);
    if (currentArea !== null && row.code.includes('.') && first !== currentArea) {
      warnings.push({
        code: 'code_outside_area',
        message: `Nhiệm vụ ${row.code} nằm dưới lĩnh vực ${currentArea} nhưng số thứ tự thuộc lĩnh vực ${first}.`,
        where: where(row),
      });
    }
    const lead = cleanName(leadRaw);
    if (!lead.name) {
      warnings.push({
        code: 'missing_lead',
        message: `Nhiệm vụ ${row.code} chưa có cơ quan chủ trì.`,
        where: where(row),
      });
    }
    if (!deadline) {
      warnings.push({
        code: 'missing_deadline',
        message: `Nhiệm vụ ${row.code} chưa có thời gian hoàn thành.`,
        where: where(row),
      });
    }
    const note = text(row, 'note');
    tasks.push({
      code: row.code,
      areaCode,
      title: stripOptionalMark(title),
      deliverables: splitNames(deliverableParas, 'deliverables'),
      lead: lead.name || null,
      leadOptional: lead.optional,
      cooperators: splitNames(cooperatorParas, 'parties'),
      deadlineText: deadline,
      optional: hasOptionalMark(title),
      note: note || null,
      sourceRow: row.physicalRow,
    });
  }
  for (const label of new Set(order.map((o) => o.label))) {
    const codes = order.filter((o) => o.label === label).map((o) => o.code);
    warnings.push(...checkSequence(codes, (code) => `${label}, dòng ${code}`));
  }
  return { tasks, groups, warnings };
}

export interface TargetsResult {
  targets: PlanTarget[];
  warnings: ImportWarning[];
}

export function buildAppendixTargets(records: readonly RowRecord[]): TargetsResult {
  const warnings: ImportWarning[] = [];
  const targets: PlanTarget[] = [];
  const rows = logicalRows(records, warnings);
  for (const row of rows) {
    const body = stripOptionalMark(text(row, 'target') || text(row, 'task'));
    const lead = cleanName(text(row, 'lead'));
    const cooperators = splitNames(row.cells.get('cooperators') ?? [], 'parties');
    // A row with neither a lead nor co-operators heads the rows numbered under it.
    const isGroup = !lead.name && cooperators.length === 0;
    if (!isCode(row.code)) {
      warnings.push({
        code: 'invalid_code',
        message: row.code
          ? `Số thứ tự "${row.code}" không phải dạng 1, 1.1, 1.2…`
          : 'Dòng không có số thứ tự.',
        where: where(row),
      });
    }
    if (!isGroup && !lead.name) {
      warnings.push({
        code: 'missing_lead',
        message: `Chỉ tiêu ${row.code} chưa có cơ quan chủ trì, theo dõi.`,
        where: where(row),
      });
    }
    targets.push({
      code: row.code,
      parentCode: parentOf(row.code),
      text: body,
      threshold: isGroup ? null : parseThreshold(body),
      isGroup,
      lead: lead.name || null,
      leadOptional: lead.optional,
      cooperators,
      sourceRow: row.physicalRow,
    });
  }
  const codes = new Set(targets.map((t) => t.code));
  for (const t of targets) {
    const row = rows.find((r) => r.code === t.code);
    const at = row ? where(row) : t.code;
    if (t.parentCode !== null && !codes.has(t.parentCode)) {
      warnings.push({
        code: 'missing_parent',
        message: `Chỉ tiêu ${t.code} không có dòng nhóm ${t.parentCode} phía trên.`,
        where: at,
      });
    }
    if (t.isGroup && !targets.some((c) => c.parentCode === t.code)) {
      warnings.push({
        code: 'empty_group',
        message: `Dòng ${t.code} không có cơ quan chủ trì, phối hợp và không có chỉ tiêu con.`,
        where: at,
      });
    }
  }
  for (const label of new Set(rows.map((r) => r.label))) {
    const list = rows.filter((r) => r.label === label).map((r) => r.code);
    warnings.push(...checkSequence(list, (code) => `${label}, dòng ${code}`));
  }
  return { targets, warnings };
}
