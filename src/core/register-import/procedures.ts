/**
 * A procedure catalogue file read row by row: each procedure's values, and whether it is new,
 * changed or the same as the one the unit holds. Pure: the caller passes the unit's catalogue.
 */
import { formatTimeLimit } from '../dossier/index.js';
import type { Cell } from './cell.js';
import { PROCEDURE_FIELD_LABELS } from './fields.js';
import type { ProcedureField, RowError } from './fields.js';
import { isFiller } from './filler.js';
import type { SheetRow } from './layout.js';
import { cellText, isProblem, readFee, readOnlineLevel, readResultType, readTimeLimit } from './values.js';

/** A procedure's columns as stored (`procedure` table, without unit and timestamps). */
export interface ProcedureValues {
  code: string;
  name: string;
  field: string | null;
  limit_unit: string;
  limit_amount: number;
  fee_text: string | null;
  fee_bearing: number;
  online_level: 'full' | 'partial' | 'none';
  result_type: string;
}

/** A procedure the unit holds, as far as the comparison needs it. */
export type HeldProcedure = Omit<ProcedureValues, 'limit_amount' | 'online_level'> & {
  id: number;
  limit_amount: number | string;
  online_level: string;
};

export type ProcedureAction = 'created' | 'updated' | 'unchanged';

export interface ProcedureReportRow {
  row: number;
  code: string;
  name: string;
  action: ProcedureAction;
  limitText: string;
  feeBearing: boolean;
  onlineLevel: 'full' | 'partial' | 'none';
  resultType: 'paper' | 'electronic';
}

export interface CatalogueReading<H extends HeldProcedure> {
  rows: ProcedureReportRow[];
  errors: RowError[];
  created: number;
  updated: number;
  unchanged: number;
  /** The new and changed procedures (`old` is the one held, when changed). */
  toSave: { row: number; values: ProcedureValues; old: H | undefined }[];
}

/** The required columns the file lacks, as errors on its header row. */
export function missingProcedureColumns(
  mapping: Partial<Record<ProcedureField, number>>,
  headerRow: number,
): RowError[] {
  return (['code', 'name', 'limit'] as const)
    .filter((f) => mapping[f] === undefined)
    .map((f) => ({
      row: headerRow,
      field: f,
      message: `Không tìm thấy cột "${PROCEDURE_FIELD_LABELS[f]}" trong tệp.`,
    }));
}

const sameProcedure = (old: HeldProcedure, values: ProcedureValues) =>
  old.name === values.name &&
  old.field === values.field &&
  old.limit_unit === values.limit_unit &&
  Number(old.limit_amount) === values.limit_amount &&
  old.fee_text === values.fee_text &&
  old.fee_bearing === values.fee_bearing &&
  old.online_level === values.online_level &&
  old.result_type === values.result_type;

/** Reads one row's values, or records its problems; undefined for a note or footer line. */
function readProcedure(
  row: number,
  get: (f: ProcedureField) => Cell,
  seen: Map<string, number>,
  errors: RowError[],
): { values: ProcedureValues; limitText: string; feeBearing: boolean } | null | undefined {
  const err = (field: ProcedureField, message: string) =>
    errors.push({ row, field, message: `${PROCEDURE_FIELD_LABELS[field]}: ${message}` });
  const before = errors.length;
  const code = cellText(get('code'));
  const name = cellText(get('name'));
  if (code === '' && name === '') return undefined; // a note or footer line, not a procedure
  if (code === '') err('code', 'thiếu mã thủ tục.');
  else if (code.length > 64) err('code', 'mã dài quá 64 ký tự.');
  else if (seen.has(code)) err('code', `mã ${code} trùng với dòng ${seen.get(code)}.`);
  else seen.set(code, row);
  if (name.length < 3) err('name', name === '' ? 'thiếu tên thủ tục.' : 'tên thủ tục quá ngắn.');
  else if (name.length > 1000) err('name', 'tên dài quá 1000 ký tự.');
  const field = cellText(get('field'));
  if (field.length > 300) err('field', 'dài quá 300 ký tự.');
  const limit = readTimeLimit(get('limit'));
  if (limit === null) err('limit', 'thiếu thời hạn giải quyết.');
  else if (isProblem(limit)) err('limit', `${limit.error}.`);
  const fee = readFee(get('fee'));
  if (fee.text && fee.text.length > 500) err('fee', 'dài quá 500 ký tự.');
  const onlineLevel = readOnlineLevel(get('onlineLevel'));
  if (isProblem(onlineLevel)) err('onlineLevel', `${onlineLevel.error}.`);
  if (errors.length > before || limit === null || isProblem(limit) || isProblem(onlineLevel)) return null;
  const values: ProcedureValues = {
    code,
    name,
    field: field || null,
    limit_unit: limit.unit,
    limit_amount: limit.amount,
    fee_text: fee.text,
    fee_bearing: fee.feeBearing ? 1 : 0,
    online_level: onlineLevel,
    result_type: readResultType(get('resultType')),
  };
  return { values, limitText: formatTimeLimit(limit), feeBearing: fee.feeBearing };
}

/** Reads the rows after the header against the unit's catalogue (`held`, by code). */
export function readCatalogue<H extends HeldProcedure>(
  rows: readonly SheetRow[],
  mapping: Partial<Record<ProcedureField, number>>,
  held: ReadonlyMap<string, H>,
): CatalogueReading<H> {
  const reading: CatalogueReading<H> = {
    rows: [],
    errors: [],
    created: 0,
    updated: 0,
    unchanged: 0,
    toSave: [],
  };
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    if (isFiller(cells)) continue;
    const get = (f: ProcedureField): Cell => {
      const i = mapping[f];
      return i === undefined ? null : (cells[i] ?? null);
    };
    const read = readProcedure(row, get, seen, reading.errors);
    if (!read) continue;
    const { values } = read;
    const old = held.get(values.code);
    const action: ProcedureAction =
      old === undefined ? 'created' : sameProcedure(old, values) ? 'unchanged' : 'updated';
    reading[action]++;
    reading.rows.push({
      row,
      code: values.code,
      name: values.name,
      action,
      limitText: read.limitText,
      feeBearing: read.feeBearing,
      onlineLevel: values.online_level,
      resultType: values.result_type as 'paper' | 'electronic',
    });
    if (action !== 'unchanged') reading.toSave.push({ row, values, old });
  }
  return reading;
}
