/**
 * The table's layout in a register file: its header row, and the column of each field — detected
 * by meaning, then corrected by the caller's mapping — with the problems that stop the reading.
 */
import type { Cell } from './cell.js';
import { describeColumns, detectColumns } from './columns.js';
import type { ColumnInfo } from './columns.js';
import { REGISTER_FIELD_LABELS, REGISTER_FIELDS, REGISTER_SYNONYMS } from './fields.js';
import type { RegisterField, RowError } from './fields.js';

/** A caller's mapping: field → 0-based column index, or null to leave a detected field out. */
export type MappingOverride = Partial<Record<RegisterField, number | null>>;

export type FieldColumns = Partial<Record<RegisterField, number>>;

export interface SheetRow {
  /** The row number the user sees. */
  row: number;
  cells: Cell[];
}

export interface RegisterLayout {
  /** Index into the rows of the header row; -1 when none was found. */
  headerIndex: number;
  /** The header's row number as the user sees it (1 when none was found). */
  headerRow: number;
  mapping: FieldColumns;
  columns: ColumnInfo<RegisterField>[];
  /** Problems with the whole table: when any, no row is read. */
  errors: RowError[];
}

/** The detected columns with the caller's corrections (each column means one field only). */
export function applyMapping(
  detected: FieldColumns,
  override: MappingOverride | undefined,
  width: number,
  headerRow: number,
  errors: RowError[],
): FieldColumns {
  const mapping = { ...detected };
  for (const [field, index] of Object.entries(override ?? {}) as [RegisterField, number | null][]) {
    if (!REGISTER_FIELDS.includes(field)) continue;
    if (index === null) {
      delete mapping[field];
      continue;
    }
    if (index >= width) {
      errors.push({
        row: headerRow,
        field,
        message: `${REGISTER_FIELD_LABELS[field]}: tệp không có cột số ${index + 1} (chỉ có ${width} cột).`,
      });
      continue;
    }
    // The column now means this field only.
    for (const f of Object.keys(mapping) as RegisterField[]) if (mapping[f] === index) delete mapping[f];
    mapping[field] = index;
  }
  return mapping;
}

const NO_HEADER =
  'Không nhận ra dòng tiêu đề của bảng (cần các cột như "Mã hồ sơ", "Tên thủ tục", "Người nộp", "Ngày tiếp nhận"). Hãy ghép cột thủ công.';

/** The columns a register needs: the applicant, the receipt, and a procedure code or name. */
function missingColumns(mapping: FieldColumns, headerRow: number): RowError[] {
  const errors: RowError[] = [];
  for (const f of ['applicantName', 'receivedAt'] as const)
    if (mapping[f] === undefined)
      errors.push({
        row: headerRow,
        field: f,
        message: `Không tìm thấy cột "${REGISTER_FIELD_LABELS[f]}" trong tệp: hãy ghép cột thủ công.`,
      });
  if (mapping.procedureCode === undefined && mapping.procedureName === undefined)
    errors.push({
      row: headerRow,
      field: 'procedureCode',
      message: 'Không tìm thấy cột "Mã thủ tục" hay "Tên thủ tục" trong tệp: hãy ghép cột thủ công.',
    });
  return errors;
}

/** Finds the header row and the columns; `errors` says why the rows cannot be read, if so. */
export function readLayout(rows: readonly SheetRow[], override: MappingOverride | undefined): RegisterLayout {
  const grid = rows.map((r) => r.cells);
  const detected = detectColumns(grid, REGISTER_SYNONYMS);
  // Without recognisable headers, a caller's full mapping reads the first row as the header.
  const headerIndex = detected.headerIndex >= 0 ? detected.headerIndex : override ? 0 : -1;
  const headerRow = headerIndex >= 0 ? rows[headerIndex]!.row : 1;
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const errors: RowError[] = [];
  const mapping = applyMapping(detected.mapping, override, width, headerRow, errors);
  const columns = headerIndex >= 0 ? describeColumns(grid[headerIndex]!, mapping) : [];
  if (headerIndex < 0) errors.push({ row: 1, field: 'file', message: NO_HEADER });
  else errors.push(...missingColumns(mapping, headerRow));
  return { headerIndex, headerRow, mapping, columns, errors };
}
