/**
 * Imports from other one-stop software: the unit's procedure catalogue, and its register of
 * dossiers. Both are all or nothing with a row-by-row Vietnamese report; the register import has a
 * preview (nothing saved) and a commit (re-validated, saved in one transaction in batches).
 */
import { isUniqueViolation } from '../../db/errors.js';
import { counterScope, raiseCounter, takeNumbers } from '../counters/repository.js';
import { sharedImportProgress } from '../runtime/progress.js';
import { createHash } from 'node:crypto';
import {
  dateOfMoment,
  dayNumberOfMoment,
  momentOfDayNumber,
  parseTimeOfDay,
} from '../../core/calendar/index.js';
import {
  dossierCode,
  formatTimeLimit,
  normaliseUnitCode,
  parseDossierCode,
  replay,
} from '../../core/dossier/index.js';
import type { DossierChannel, DossierEvent, DossierState, TimeLimit } from '../../core/dossier/index.js';
import type { Insertable } from 'kysely';
import type {
  DossierEventTable,
  DossierTable,
  ProcedureRow,
  ProcedureTable,
  UnitRow,
} from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { ImportProgressStore } from '../../lib/import-progress.js';
import type { ImportProgressEntry } from '../../lib/import-progress.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { CalendarService } from '../calendar/service.js';
import { dossierSummaryColumns } from '../dossiers/summary.js';
import { findUnitById } from '../units/repository.js';
import { describeColumns, detectColumns } from './columns.js';
import type { Cell } from './file.js';
import type { ReadLimits } from './file.js';
import { readSheet } from './file.js';
import {
  BATCH,
  dossierCodesWithPrefix,
  dossiersReceivedBetween,
  existingDossierCodes,
  insertDossierBatch,
  insertEventBatch,
  insertProcedures,
  listUnitProcedures,
  updateProcedureRow,
} from './repository.js';
import {
  PROCEDURE_FIELD_LABELS,
  PROCEDURE_SYNONYMS,
  REGISTER_FIELD_INFO,
  REGISTER_FIELD_LABELS,
  REGISTER_FIELDS,
  REGISTER_SYNONYMS,
} from './schema.js';
import type {
  ColumnMapping,
  ImportProgress,
  ProcedureField,
  ProcedureImportReport,
  RegisterCounts,
  RegisterField,
  RegisterPreview,
  RowError,
  UnderstoodRow,
} from './schema.js';
import {
  cellText,
  fold,
  isBlank,
  isProblem,
  readChannel,
  readCount,
  readFee,
  readFlag,
  readMoment,
  readOnlineLevel,
  readResultType,
  readReturnMethod,
  readTimeLimit,
  restoreLeadingZero,
} from './values.js';
import type { Problem, ReadMoment } from './values.js';

export interface DossierImportDeps {
  db: Q;
  clock: Clock;
  calendar: CalendarService;
  /** Files larger than this are refused (the app's upload limit). */
  uploadMaxBytes: number;
  /** Limits of the file read (ZIP declared sizes, rows); defaults when absent. */
  readLimits?: ReadLimits;
  /**
   * Write each batch's progress to the database for other processes (PostgreSQL; on SQLite the
   * import's transaction holds the only writer, and one process serves, so only the start and the
   * end are written there).
   */
  shareProgress?: boolean | undefined;
}

export interface ImportSource {
  bytes: Uint8Array;
  filename: string | null;
}

export type ProgressCallback = (done: number, total: number) => void;

export interface CommitOptions {
  mapping?: ColumnMapping | undefined;
  onProgress?: ProgressCallback | undefined;
  /** A client-chosen id under which `progress(id)` reports this commit (per process). */
  importId?: string | undefined;
  requestId?: string | undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const SAMPLE = 20;
const FUTURE_TOLERANCE_MS = 60_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** "(1)", "2", "(13)": the column-numbering row under the headers of the national forms. */
const NUMBERING = /^\(?\d{1,3}\)?$/;

/** A row that holds no record: blank, or only column numbers. */
export function isFiller(cells: Cell[]): 'blank' | 'numbering' | null {
  let any = false;
  for (const c of cells) {
    if (c === '' || c === null || isBlank(c)) continue;
    any = true;
    if (!NUMBERING.test(cellText(c))) return null;
  }
  return any ? 'numbering' : 'blank';
}

/** A moment read from the file, its Vietnam day, and whether it had a time. */
type Stamp = ReadMoment;
/** a is before b; by day when either side has no time of day. */
const before = (a: Stamp, b: Stamp) => (a.dateOnly || b.dateOnly ? a.day < b.day : a.ms < b.ms);

/** A dossier ready to be written (every moment in epoch ms). */
interface PlannedDossier {
  row: number;
  code: string;
  codeGenerated: boolean;
  procedure: ProcedureRow;
  applicant: {
    name: string;
    idNumber: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
  };
  channel: DossierChannel;
  received: number;
  appointment: number;
  appointmentComputed: boolean;
  events: DossierEvent[];
  supplementRequests: number;
  paidOnline: boolean;
  digitised: boolean;
  electronicResult: boolean;
  /** What `replay` computes from `events`, with the file's appointment and supplement count. */
  state: DossierState;
}

interface Analysis {
  fileKind: 'xlsx' | 'csv';
  headerRow: number;
  columns: RegisterPreview['columns'];
  mapping: Partial<Record<RegisterField, number>>;
  planned: PlannedDossier[];
  errors: RowError[];
  counts: RegisterCounts;
  sha256: string;
}

export function dossierImportService({
  db,
  clock,
  calendar,
  uploadMaxBytes,
  readLimits,
  shareProgress,
}: DossierImportDeps) {
  const progressStore = new ImportProgressStore(shareProgress ? sharedImportProgress(db, clock) : null);

  /** Only the unit's own dossier handlers import (the CLI passes no actor). */
  async function unitForImport(actor: Actor | null, unitId: number): Promise<UnitRow> {
    const unit = await findUnitById(db, unitId);
    if (!unit || (actor && !policy.readUnit(actor, unit.path)))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    if (actor && !policy.handleDossiers(actor, unit.id))
      throw new AppError(
        'FORBIDDEN',
        'Chỉ cán bộ xử lý hồ sơ của chính đơn vị mới nhập được dữ liệu của đơn vị.',
      );
    return unit;
  }

  async function sheetOf(src: ImportSource) {
    if (src.bytes.length > uploadMaxBytes)
      throw new AppError(
        'FILE_TOO_LARGE',
        `Tệp vượt quá ${Math.round(uploadMaxBytes / 1048576)} MB cho phép.`,
      );
    return readSheet(src.bytes, src.filename, readLimits);
  }

  // -------------------------------------------------------------------------------------------
  // Procedure catalogue

  async function importProcedures(
    actor: Actor | null,
    unitId: number,
    src: ImportSource,
    opts: { dryRun?: boolean | undefined; requestId?: string | undefined } = {},
  ): Promise<ProcedureImportReport> {
    const unit = await unitForImport(actor, unitId);
    const sheet = await sheetOf(src);
    const grid = sheet.rows.map((r) => r.cells);
    const detected = detectColumns(grid, PROCEDURE_SYNONYMS);
    const headerRow = detected.headerIndex >= 0 ? sheet.rows[detected.headerIndex]!.row : 1;
    const errors: RowError[] = [];
    const report: ProcedureImportReport = {
      dryRun: opts.dryRun === true,
      headerRow,
      created: 0,
      updated: 0,
      unchanged: 0,
      rows: [],
      errors,
    };
    for (const f of ['code', 'name', 'limit'] as const)
      if (detected.mapping[f] === undefined)
        errors.push({
          row: headerRow,
          field: f,
          message: `Không tìm thấy cột "${PROCEDURE_FIELD_LABELS[f]}" trong tệp.`,
        });
    if (errors.length > 0)
      throw new AppError('VALIDATION', 'Tệp danh mục thiếu cột bắt buộc: chưa lưu gì.', report);

    const existing = new Map((await listUnitProcedures(db, unit.id)).map((p) => [p.code, p]));
    const get = (cells: Cell[], f: ProcedureField): Cell => {
      const i = detected.mapping[f];
      return i === undefined ? null : (cells[i] ?? null);
    };
    const seen = new Map<string, number>();
    type Values = Omit<Insertable<ProcedureTable>, 'unit_id' | 'created_at' | 'updated_at' | 'active'>;
    const toSave: { row: number; values: Values; old: ProcedureRow | undefined }[] = [];
    const now = clock.now().toISOString();

    for (const { row, cells } of sheet.rows.slice(detected.headerIndex + 1)) {
      if (isFiller(cells)) continue;
      const err = (field: ProcedureField, message: string) =>
        errors.push({ row, field, message: `${PROCEDURE_FIELD_LABELS[field]}: ${message}` });
      const before = errors.length;
      const code = cellText(get(cells, 'code'));
      const name = cellText(get(cells, 'name'));
      if (code === '' && name === '') continue; // a note or footer line, not a procedure
      if (code === '') err('code', 'thiếu mã thủ tục.');
      else if (code.length > 64) err('code', 'mã dài quá 64 ký tự.');
      else if (seen.has(code)) err('code', `mã ${code} trùng với dòng ${seen.get(code)}.`);
      else seen.set(code, row);
      if (name.length < 3) err('name', name === '' ? 'thiếu tên thủ tục.' : 'tên thủ tục quá ngắn.');
      else if (name.length > 1000) err('name', 'tên dài quá 1000 ký tự.');
      const field = cellText(get(cells, 'field'));
      if (field.length > 300) err('field', 'dài quá 300 ký tự.');
      const limit = readTimeLimit(get(cells, 'limit'));
      if (limit === null) err('limit', 'thiếu thời hạn giải quyết.');
      else if (isProblem(limit)) err('limit', `${limit.error}.`);
      const fee = readFee(get(cells, 'fee'));
      if (fee.text && fee.text.length > 500) err('fee', 'dài quá 500 ký tự.');
      const onlineLevel = readOnlineLevel(get(cells, 'onlineLevel'));
      if (isProblem(onlineLevel)) err('onlineLevel', `${onlineLevel.error}.`);
      if (errors.length > before || limit === null || isProblem(limit) || isProblem(onlineLevel)) continue;
      const values: Values = {
        code,
        name,
        field: field || null,
        limit_unit: limit.unit,
        limit_amount: limit.amount,
        fee_text: fee.text,
        fee_bearing: fee.feeBearing ? 1 : 0,
        online_level: onlineLevel,
        result_type: readResultType(get(cells, 'resultType')),
      };
      const old = existing.get(code);
      const same =
        old !== undefined &&
        old.name === values.name &&
        old.field === values.field &&
        old.limit_unit === values.limit_unit &&
        Number(old.limit_amount) === values.limit_amount &&
        old.fee_text === values.fee_text &&
        old.fee_bearing === values.fee_bearing &&
        old.online_level === values.online_level &&
        old.result_type === values.result_type;
      const action = old === undefined ? 'created' : same ? 'unchanged' : 'updated';
      report[action]++;
      report.rows.push({
        row,
        code,
        name,
        action,
        limitText: formatTimeLimit(limit),
        feeBearing: fee.feeBearing,
        onlineLevel,
        resultType: values.result_type as 'paper' | 'electronic',
      });
      if (action !== 'unchanged') toSave.push({ row, values, old });
    }
    if (errors.length > 0) {
      const rows = new Set(errors.map((e) => e.row)).size;
      throw new AppError('VALIDATION', `Tệp danh mục có ${rows} dòng lỗi: chưa lưu thủ tục nào.`, report);
    }
    if (report.rows.length === 0) throw new AppError('FILE_EMPTY', 'Tệp danh mục không có thủ tục nào.');
    if (report.dryRun) return report;

    await db.transaction().execute(async (tx) => {
      await insertProcedures(
        tx,
        toSave
          .filter((s) => s.old === undefined)
          .map((s) => ({ ...s.values, unit_id: unit.id, active: 1, created_at: now, updated_at: now })),
      );
      for (const s of toSave)
        if (s.old) await updateProcedureRow(tx, s.old.id, { ...s.values, updated_at: now });
      await insertAudit(tx, {
        unitId: unit.id,
        userId: actor?.userId ?? null,
        entity: 'procedure',
        entityId: null,
        action: 'import',
        after: {
          filename: src.filename,
          sha256: sha256(src.bytes),
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
        },
        at: now,
        requestId: opts.requestId,
      });
    });
    return report;
  }

  // -------------------------------------------------------------------------------------------
  // Register of dossiers

  function applyMapping(
    detected: Partial<Record<RegisterField, number>>,
    override: ColumnMapping | undefined,
    width: number,
    headerRow: number,
    errors: RowError[],
  ): Partial<Record<RegisterField, number>> {
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

  async function analyse(
    unit: UnitRow,
    src: ImportSource,
    override: ColumnMapping | undefined,
  ): Promise<Analysis> {
    const sheet = await sheetOf(src);
    const grid = sheet.rows.map((r) => r.cells);
    const detected = detectColumns(grid, REGISTER_SYNONYMS);
    // Without recognisable headers, a caller's full mapping reads the first row as the header.
    const headerIndex = detected.headerIndex >= 0 ? detected.headerIndex : override ? 0 : -1;
    const headerRow = headerIndex >= 0 ? sheet.rows[headerIndex]!.row : 1;
    const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
    const errors: RowError[] = [];
    const mapping = applyMapping(detected.mapping, override, width, headerRow, errors);
    const columns = headerIndex >= 0 ? describeColumns(grid[headerIndex]!, mapping) : [];
    const counts: RegisterCounts = {
      rows: 0,
      valid: 0,
      invalid: 0,
      skipped: 0,
      generatedCodes: 0,
      computedAppointments: 0,
      open: 0,
      ended: 0,
      late: 0,
    };
    const base = { fileKind: sheet.kind, headerRow, columns, mapping, counts, sha256: sha256(src.bytes) };
    const fileError = (field: RegisterField, message: string) =>
      errors.push({ row: headerRow, field, message });
    if (headerIndex < 0) {
      errors.push({
        row: 1,
        field: 'file',
        message:
          'Không nhận ra dòng tiêu đề của bảng (cần các cột như "Mã hồ sơ", "Tên thủ tục", "Người nộp", "Ngày tiếp nhận"). Hãy ghép cột thủ công.',
      });
      return { ...base, planned: [], errors };
    }
    for (const f of ['applicantName', 'receivedAt'] as const)
      if (mapping[f] === undefined)
        fileError(f, `Không tìm thấy cột "${REGISTER_FIELD_LABELS[f]}" trong tệp: hãy ghép cột thủ công.`);
    if (mapping.procedureCode === undefined && mapping.procedureName === undefined)
      fileError(
        'procedureCode',
        'Không tìm thấy cột "Mã thủ tục" hay "Tên thủ tục" trong tệp: hãy ghép cột thủ công.',
      );
    if (errors.length > 0) return { ...base, planned: [], errors };

    // Read everything the rows need before any transaction (SQLite has one connection).
    const procedures = await listUnitProcedures(db, unit.id);
    const byCode = new Map(procedures.map((p) => [fold(p.code), p]));
    const byName = new Map<string, ProcedureRow>();
    for (const p of procedures) if (!byName.has(fold(p.name))) byName.set(fold(p.name), p);
    const cal = (await calendar.forUnit(unit.id)).calendar;
    const morning = parseTimeOfDay(cal.officeHours.morning[0]);
    const endOfDay = parseTimeOfDay(cal.officeHours.afternoon[1]);
    const nowMs = clock.now().getTime();

    const planned: PlannedDossier[] = [];
    const codeRows = new Map<string, number>();
    const givenCodes: { code: string; row: number }[] = [];
    const invalidRows = new Set<number>();
    const err = (row: number, field: RegisterField, message: string) => {
      invalidRows.add(row);
      errors.push({ row, field, message: `${REGISTER_FIELD_LABELS[field]}: ${message}` });
    };
    // Column of each field (-1: none), and lookups cached by the text as written.
    const col = Object.fromEntries(REGISTER_FIELDS.map((f) => [f, mapping[f] ?? -1])) as Record<
      RegisterField,
      number
    >;
    const procedureOf = new Map<string, ProcedureRow | undefined>();
    const lookup = (text: string, index: Map<string, ProcedureRow>, kind: 'c' | 'n') => {
      const key = kind + text;
      if (!procedureOf.has(key)) procedureOf.set(key, index.get(fold(text)));
      return procedureOf.get(key);
    };
    const today = dayNumberOfMoment(nowMs);
    const at = (cells: Cell[], f: RegisterField): Cell => (col[f] < 0 ? null : (cells[col[f]] ?? null));
    const textAt = (cells: Cell[], f: RegisterField): string =>
      col[f] < 0 ? '' : cellText(cells[col[f]] ?? null);
    /** A cell's value, or null after recording its problem. */
    const ok = <T>(row: number, f: RegisterField, v: T | Problem): T | null => {
      if (!isProblem(v)) return v;
      err(row, f, `${v.error}.`);
      return null;
    };
    const stampAt = (row: number, cells: Cell[], f: RegisterField): Stamp | null => {
      const s = ok(row, f, readMoment(at(cells, f)));
      if (s && s.ms > nowMs + FUTURE_TOLERANCE_MS && !(s.dateOnly && s.day <= today))
        err(row, f, 'không được ở tương lai.');
      return s;
    };
    const notBefore = (row: number, f: RegisterField, s: Stamp | null, ref: Stamp | null, label: string) => {
      if (s && ref && before(s, ref)) err(row, f, `trước ${label}.`);
    };
    /** A date without a time ends at the start of its day, never before the previous event. */
    const endMs = (s: Stamp, after: number) =>
      Math.max(s.dateOnly ? momentOfDayNumber(s.day, 0) : s.ms, after);

    const readRow = (row: number, cells: Cell[]): void => {
      const code = textAt(cells, 'code').toUpperCase();
      const pCode = textAt(cells, 'procedureCode');
      const pName = textAt(cells, 'procedureName');
      const name = textAt(cells, 'applicantName');
      if (code === '' && pCode === '' && pName === '' && name === '' && isBlank(at(cells, 'receivedAt'))) {
        counts.skipped++; // a note, a signature line: no dossier in it
        return;
      }
      counts.rows++;

      // Who and what.
      if (code.length > 64) err(row, 'code', 'mã hồ sơ dài quá 64 ký tự.');
      else if (code !== '') {
        const first = codeRows.get(code);
        if (first !== undefined) err(row, 'code', `mã ${code} trùng với dòng ${first} trong tệp.`);
        else {
          codeRows.set(code, row);
          givenCodes.push({ code, row });
        }
      }
      const procedure =
        (pCode ? lookup(pCode, byCode, 'c') : undefined) ?? (pName ? lookup(pName, byName, 'n') : undefined);
      if (!procedure) {
        if (pCode === '' && pName === '') err(row, 'procedureCode', 'thiếu mã hoặc tên thủ tục.');
        else
          err(
            row,
            pCode ? 'procedureCode' : 'procedureName',
            `thủ tục "${pCode || pName}" không có trong danh mục thủ tục của đơn vị (hãy nhập danh mục trước).`,
          );
      }
      if (name.length < 2)
        err(row, 'applicantName', name === '' ? 'thiếu tên người nộp hồ sơ.' : 'tên quá ngắn.');
      else if (name.length > 300) err(row, 'applicantName', 'dài quá 300 ký tự.');
      const idNumber = restoreLeadingZero(at(cells, 'idNumber'), 'id');
      if (idNumber.length > 40) err(row, 'idNumber', 'dài quá 40 ký tự.');
      const address = textAt(cells, 'address');
      if (address.length > 500) err(row, 'address', 'dài quá 500 ký tự.');
      const phone = restoreLeadingZero(at(cells, 'phone'), 'phone');
      if (phone.length > 30) err(row, 'phone', 'dài quá 30 ký tự.');
      const email = textAt(cells, 'email');
      if (email !== '' && (email.length > 200 || !EMAIL.test(email)))
        err(row, 'email', `"${email}" không hợp lệ.`);
      const channel = ok(row, 'channel', readChannel(at(cells, 'channel'))) ?? 'direct';
      const returnMethod = ok(row, 'returnMethod', readReturnMethod(at(cells, 'returnMethod'))) ?? 'direct';
      const supplementRequests =
        ok(row, 'supplementRequests', readCount(at(cells, 'supplementRequests'))) ?? 0;
      const paidOnline = ok(row, 'paidOnline', readFlag(at(cells, 'paidOnline'))) === true;
      const digitised = ok(row, 'digitised', readFlag(at(cells, 'digitised'))) === true;
      const electronicResult = ok(row, 'electronicResult', readFlag(at(cells, 'electronicResult'))) === true;
      const reason = textAt(cells, 'refusalReason');
      if (reason.length > 1000) err(row, 'refusalReason', 'dài quá 1000 ký tự.');

      // When.
      const received = stampAt(row, cells, 'receivedAt');
      if (received === null && isBlank(at(cells, 'receivedAt')))
        err(row, 'receivedAt', 'thiếu ngày tiếp nhận.');
      const appointmentStamp = stampAt(row, cells, 'appointmentAt');
      let resolved = stampAt(row, cells, 'resolvedAt');
      const returned = stampAt(row, cells, 'returnedAt');
      const withdrawn = stampAt(row, cells, 'withdrawnAt');
      const refused = stampAt(row, cells, 'refusedAt');
      notBefore(row, 'appointmentAt', appointmentStamp, received, 'ngày tiếp nhận');
      notBefore(row, 'resolvedAt', resolved, received, 'ngày tiếp nhận');
      notBefore(row, 'returnedAt', returned, received, 'ngày tiếp nhận');
      notBefore(row, 'returnedAt', returned, resolved, 'ngày giải quyết xong');
      notBefore(row, 'withdrawnAt', withdrawn, received, 'ngày tiếp nhận');
      notBefore(row, 'refusedAt', refused, received, 'ngày tiếp nhận');
      const finished = resolved ?? returned;
      if (withdrawn && (finished || refused))
        err(row, 'withdrawnAt', 'hồ sơ đã giải quyết hoặc bị từ chối thì không thể có ngày rút.');
      if (refused && finished)
        err(row, 'refusedAt', 'hồ sơ đã giải quyết xong thì không thể bị từ chối giải quyết.');
      if (invalidRows.has(row) || !procedure || !received) return;

      // The dossier's events and the summary `replay` computes from them.
      const receivedMs = received.dateOnly ? momentOfDayNumber(received.day, morning) : received.ms;
      const events: DossierEvent[] = [{ kind: 'received', at: receivedMs, channel }];
      if (returned && !resolved) resolved = returned; // a result was returned, so it was resolved
      if (resolved) {
        const resolvedMs = endMs(resolved, receivedMs);
        events.push({ kind: 'resolved', at: resolvedMs });
        if (returned)
          events.push({ kind: 'returned', at: endMs(returned, resolvedMs), method: returnMethod });
      } else if (withdrawn) events.push({ kind: 'withdrawn', at: endMs(withdrawn, receivedMs) });
      else if (refused)
        events.push({
          kind: 'refused',
          at: endMs(refused, receivedMs),
          reasons: [reason || 'Không ghi lý do (dữ liệu nhập từ sổ theo dõi khác)'],
        });
      const limit: TimeLimit = {
        unit: procedure.limit_unit as TimeLimit['unit'],
        amount: Number(procedure.limit_amount),
      };
      const asOf = Math.max(nowMs, events[events.length - 1]!.at);
      let state: DossierState;
      try {
        // replay computes the Mẫu 01 appointment exactly as computeAppointment does (the unit's
        // calendar, the procedure's limit): it is `originalAppointment` when none was given.
        state = replay(events, { limit, calendar: cal, asOf });
      } catch (e) {
        err(
          row,
          'procedureCode',
          `không tính được hạn giải quyết theo thời hạn của thủ tục ${procedure.code} (${(e as Error).message}).`,
        );
        return;
      }
      if (state.rejected.length > 0) {
        err(row, 'receivedAt', `${state.rejected[0]!.message}.`);
        return;
      }
      const appointment = appointmentStamp
        ? appointmentStamp.dateOnly
          ? momentOfDayNumber(appointmentStamp.day, endOfDay)
          : appointmentStamp.ms
        : state.originalAppointment;
      let { late, lateSince, lateReason } = state;
      if (appointmentStamp) {
        // The appointment the other software printed is kept: lateness is measured against it,
        // by replay's rule (an open dossier past it, or one ended after it, is late from then).
        late = (state.endedAt ?? asOf) > appointment;
        lateSince = late ? appointment : null;
        lateReason = late ? 'past_appointment' : null;
      }
      if (supplementRequests > 1) {
        // More than one supplement request makes a dossier late (domain.md §6); the file does not
        // say when the second came, so it counts from the receipt.
        late = true;
        lateSince = receivedMs;
        lateReason = 'second_supplement';
      }
      planned.push({
        row,
        code,
        codeGenerated: code === '',
        procedure,
        applicant: {
          name,
          idNumber: idNumber || null,
          address: address || null,
          phone: phone || null,
          email: email || null,
        },
        channel,
        received: receivedMs,
        appointment,
        appointmentComputed: !appointmentStamp,
        events,
        supplementRequests,
        paidOnline,
        digitised,
        electronicResult,
        // replay's fresh state, with the file's appointment and supplement count.
        state: Object.assign(state, {
          appointment,
          originalAppointment: appointment,
          appointmentDate: dateOfMoment(appointment),
          late,
          lateSince,
          lateReason,
          supplementRequests,
        }),
      });
    };

    for (const { row, cells } of sheet.rows.slice(headerIndex + 1)) {
      const filler = isFiller(cells);
      if (filler === 'numbering') counts.skipped++;
      if (filler === null) readRow(row, cells);
    }

    // Codes already in the system (any unit: dossier codes are unique system-wide).
    const taken = await existingDossierCodes(
      db,
      givenCodes.map((g) => g.code),
    );
    for (const g of givenCodes)
      if (taken.has(g.code))
        err(g.row, 'code', `mã ${g.code} đã có trong hệ thống (hồ sơ đã được nhập trước đây?).`);

    // A row without a code matching a dossier of the unit (same procedure, applicant and receipt
    // moment) was imported before: refuse it rather than register the dossier twice.
    const codeless = planned.filter((p) => p.codeGenerated);
    if (codeless.length > 0) {
      const key = (procedureId: number, name: string, receivedIso: string) =>
        `${procedureId}|${name}|${receivedIso}`;
      let lo = Infinity;
      let hi = -Infinity;
      for (const p of codeless) {
        lo = Math.min(lo, p.received);
        hi = Math.max(hi, p.received);
      }
      const known = new Set(
        (await dossiersReceivedBetween(db, unit.id, iso(lo), iso(hi))).map((d) =>
          key(d.procedure_id, d.applicant_name, new Date(d.received_at).toISOString()),
        ),
      );
      for (const p of codeless)
        if (known.has(key(p.procedure.id, p.applicant.name, iso(p.received))))
          err(
            p.row,
            'code',
            'đơn vị đã có hồ sơ cùng thủ tục, người nộp và thời điểm tiếp nhận (hồ sơ đã được nhập trước đây?).',
          );
    }

    // Our own codes for the rows without one: the day's sequence continues after every code of the
    // unit's shape already used that day, in the system or in the file.
    const needCodes = planned.filter((p) => p.codeGenerated && !invalidRows.has(p.row));
    if (needCodes.length > 0) {
      let prefix: string | null = null;
      try {
        prefix = `${normaliseUnitCode(unit.code)}-`;
      } catch {
        for (const p of needCodes)
          err(
            p.row,
            'code',
            `thiếu mã hồ sơ và không sinh được mã từ mã đơn vị "${unit.code}": hãy ghi mã hồ sơ.`,
          );
      }
      if (prefix !== null) {
        const maxSeq = new Map<string, number>();
        const note = (c: string) => {
          const parsed = c.startsWith(prefix) ? parseDossierCode(c) : null;
          if (parsed && `${parsed.unitCode}-` === prefix)
            maxSeq.set(parsed.date, Math.max(maxSeq.get(parsed.date) ?? 0, parsed.seq));
        };
        for (const c of await dossierCodesWithPrefix(db, prefix)) note(c);
        for (const g of givenCodes) note(g.code);
        needCodes.sort((a, b) => a.received - b.received || a.row - b.row);
        for (const p of needCodes) {
          const day = dateOfMoment(p.received);
          const seq = (maxSeq.get(day) ?? 0) + 1;
          try {
            p.code = dossierCode(unit.code, p.received, seq);
            maxSeq.set(day, seq);
          } catch (e) {
            err(p.row, 'code', `không sinh được mã hồ sơ (${(e as Error).message}).`);
          }
        }
      }
    }

    const valid = planned.filter((p) => !invalidRows.has(p.row));
    counts.invalid = invalidRows.size;
    counts.valid = counts.rows - counts.invalid;
    for (const p of valid) {
      if (p.codeGenerated) counts.generatedCodes++;
      if (p.appointmentComputed) counts.computedAppointments++;
      if (p.state.endedAt === null) counts.open++;
      else counts.ended++;
      if (p.state.late) counts.late++;
    }
    errors.sort((a, b) => a.row - b.row);
    return { ...base, planned: valid, errors };
  }

  function understood(p: PlannedDossier): UnderstoodRow {
    return {
      row: p.row,
      code: p.code,
      codeGenerated: p.codeGenerated,
      procedureCode: p.procedure.code,
      procedureName: p.procedure.name,
      applicantName: p.applicant.name,
      channel: p.channel,
      receivedAt: iso(p.received),
      appointmentAt: iso(p.appointment),
      appointmentComputed: p.appointmentComputed,
      status: p.state.status,
      endedAt: p.state.endedAt === null ? null : iso(p.state.endedAt),
      endKind: p.state.endKind,
      late: p.state.late,
      supplementRequests: p.supplementRequests,
    };
  }

  /** Reads and checks a register file; saves nothing. */
  async function preview(
    actor: Actor | null,
    unitId: number,
    src: ImportSource,
    mapping?: ColumnMapping,
  ): Promise<RegisterPreview> {
    const unit = await unitForImport(actor, unitId);
    const a = await analyse(unit, src, mapping);
    return {
      fileKind: a.fileKind,
      fields: REGISTER_FIELD_INFO,
      headerRow: a.headerRow,
      columns: a.columns,
      mapping: a.mapping,
      counts: a.counts,
      sample: [...a.planned]
        .sort((x, y) => x.row - y.row)
        .slice(0, SAMPLE)
        .map(understood),
      errors: a.errors,
    };
  }

  /** Checks the file again and saves every dossier in one transaction, or none. */
  async function commit(
    actor: Actor | null,
    unitId: number,
    src: ImportSource,
    opts: CommitOptions = {},
  ): Promise<{ imported: number; counts: RegisterCounts; importId: string | null }> {
    const unit = await unitForImport(actor, unitId);
    const entry = await progressStore.track(opts.importId, actor?.userId ?? null, unit.id);
    return progressStore.follow(entry, () => save(actor, unit, src, opts, entry));
  }

  async function save(
    actor: Actor | null,
    unit: UnitRow,
    src: ImportSource,
    opts: CommitOptions,
    entry: ImportProgressEntry | null,
  ) {
    const a = await analyse(unit, src, opts.mapping);
    if (a.errors.length > 0) {
      const rows = new Set(a.errors.map((e) => e.row)).size;
      throw new AppError('VALIDATION', `Tệp có ${rows} dòng lỗi: chưa lưu hồ sơ nào.`, {
        errors: a.errors,
        counts: a.counts,
      });
    }
    if (a.planned.length === 0) throw new AppError('FILE_EMPTY', 'Tệp không có hồ sơ nào để nhập.');
    const total = a.planned.length;
    if (entry) Object.assign(entry, { state: 'saving', total });

    // Register book (the receipt year) and its numbering continue the unit's own, and our codes
    // the day's sequence: both taken from the counters inside the transaction (ADR 008).
    const ordered = [...a.planned].sort((x, y) => x.received - y.received || x.row - y.row);
    const registerNo = new Map<PlannedDossier, { book: string; no: number }>();
    const numberInTransaction = async (tx: Q) => {
      const byYear = new Map<string, PlannedDossier[]>();
      // Pushed, not spread: a copy per row made this quadratic (200,000 rows over three years sat
      // for many minutes inside the open transaction before the first insert).
      for (const p of ordered) {
        const year = dateOfMoment(p.received).slice(0, 4);
        const list = byYear.get(year);
        if (list) list.push(p);
        else byYear.set(year, [p]);
      }
      for (const [year, list] of byYear) {
        const last = await takeNumbers(tx, counterScope.registerNo(unit.id, year), list.length);
        list.forEach((p, i) => registerNo.set(p, { book: year, no: last - list.length + 1 + i }));
      }
      // Codes of our shape given in the file move the day's counter past them; ours follow.
      const given = new Map<string, number>();
      let prefix: string | null = null;
      try {
        prefix = normaliseUnitCode(unit.code);
      } catch {
        prefix = null;
      }
      for (const p of ordered) {
        const parsed = p.codeGenerated || prefix === null ? null : parseDossierCode(p.code);
        if (parsed && parsed.unitCode === prefix)
          given.set(parsed.date, Math.max(given.get(parsed.date) ?? 0, parsed.seq));
      }
      for (const [day, seq] of given) await raiseCounter(tx, counterScope.dossierCode(unit.code, day), seq);
      const byDay = new Map<string, PlannedDossier[]>();
      for (const p of ordered.filter((x) => x.codeGenerated)) {
        const day = dateOfMoment(p.received);
        const list = byDay.get(day);
        if (list) list.push(p);
        else byDay.set(day, [p]);
      }
      for (const [day, list] of byDay) {
        const last = await takeNumbers(tx, counterScope.dossierCode(unit.code, day), list.length);
        list.forEach((p, i) => (p.code = dossierCode(unit.code, p.received, last - list.length + 1 + i)));
      }
    };

    const now = clock.now().toISOString();
    const userId = actor?.userId ?? null;
    const toRow = (p: PlannedDossier): Insertable<DossierTable> => {
      const reg = registerNo.get(p)!;
      return {
        unit_id: unit.id,
        procedure_id: p.procedure.id,
        code: p.code,
        channel: p.channel,
        applicant_name: p.applicant.name,
        applicant_id_number: p.applicant.idNumber,
        applicant_address: p.applicant.address,
        applicant_phone: p.applicant.phone,
        applicant_email: p.applicant.email,
        request: p.procedure.name,
        documents_json: '[]',
        register_book: reg.book,
        register_no: reg.no,
        received_at: iso(p.received),
        ...dossierSummaryColumns(p.state),
        fee_bearing: p.procedure.fee_bearing,
        paid_online: p.paidOnline ? 1 : 0,
        digitised: p.digitised ? 1 : 0,
        electronic_result: p.electronicResult ? 1 : 0,
        signed_result: 0,
        rating: null,
        rating_criteria_json: null,
        rating_comment: null,
        rated_at: null,
        rating_token_hash: null,
        complaint: 0,
        created_by: userId,
        created_at: now,
        updated_at: now,
      };
    };
    const eventRows = (p: PlannedDossier, dossierId: number): Insertable<DossierEventTable>[] =>
      p.events.map((e) => {
        const { kind, at, ...data } = e;
        return {
          dossier_id: dossierId,
          kind,
          at: iso(at),
          data_json: JSON.stringify(data),
          actor_id: userId,
          created_at: now,
        };
      });

    try {
      await db.transaction().execute(async (tx) => {
        await numberInTransaction(tx);
        let done = 0;
        for (let i = 0; i < ordered.length; i += BATCH) {
          const batch = ordered.slice(i, i + BATCH);
          const ids = await insertDossierBatch(tx, batch.map(toRow));
          await insertEventBatch(
            tx,
            batch.flatMap((p) => eventRows(p, ids.get(p.code)!)),
          );
          done += batch.length;
          if (entry) {
            entry.done = done;
            // Through the pool, outside this transaction: other processes see it at once.
            await progressStore.publish(entry);
          }
          opts.onProgress?.(done, total);
          // Let the event loop turn between batches: better-sqlite3 answers synchronously, so without
          // this a commit would hold the process until it ends and no progress could be read.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        await insertAudit(tx, {
          unitId: unit.id,
          userId,
          entity: 'dossier',
          entityId: null,
          action: 'import',
          after: {
            filename: src.filename,
            sha256: a.sha256,
            imported: total,
            generatedCodes: a.counts.generatedCodes,
            computedAppointments: a.counts.computedAppointments,
            open: a.counts.open,
            ended: a.counts.ended,
            late: a.counts.late,
            skipped: a.counts.skipped,
          },
          at: now,
          requestId: opts.requestId,
        });
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError(
          'CONFLICT',
          'Một số mã hồ sơ vừa được lưu bởi thao tác khác: chưa lưu gì, hãy đọc thử lại tệp.',
        );
      throw e;
    }
    return { imported: total, counts: a.counts, importId: opts.importId ?? null };
  }

  /** A running or recent commit's progress, by its secret id (ADR 008: from any process). */
  function progress(id: string): Promise<ImportProgress> {
    return progressStore.view(id);
  }

  return { importProcedures, preview, commit, progress };
}

export type DossierImportService = ReturnType<typeof dossierImportService>;
