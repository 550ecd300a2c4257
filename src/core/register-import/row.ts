/**
 * One row of a register file read into a dossier: who and what (procedure, applicant, channel,
 * flags), when (receipt, appointment, end), the events those moments make, and the state `replay`
 * computes from them with the file's appointment and supplement count. A row gives either
 * problems or a planned dossier, never both.
 */
import { dateOfMoment, dayNumberOfMoment, momentOfDayNumber } from '../calendar/index.js';
import type { WorkingCalendar } from '../calendar/index.js';
import { replay } from '../dossier/index.js';
import type {
  DossierChannel,
  DossierEvent,
  DossierState,
  ReturnMethod,
  TimeLimit,
} from '../dossier/index.js';
import type { Cell } from './cell.js';
import { REGISTER_FIELD_LABELS, REGISTER_FIELDS } from './fields.js';
import type { RegisterField, RowError } from './fields.js';
import type { FieldColumns } from './layout.js';
import {
  cellText,
  fold,
  isBlank,
  isProblem,
  readChannel,
  readCount,
  readFlag,
  readMoment,
  readReturnMethod,
  restoreLeadingZero,
} from './values.js';
import type { Problem, ReadMoment } from './values.js';

/** What the import needs of a procedure of the unit's catalogue (a `procedure` row will do). */
export interface RegisterProcedure {
  id: number;
  code: string;
  name: string;
  limit_unit: string;
  limit_amount: number | string;
}

/** A dossier ready to be written (every moment in epoch ms). */
export interface PlannedDossier<P extends RegisterProcedure = RegisterProcedure> {
  row: number;
  code: string;
  codeGenerated: boolean;
  procedure: P;
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

/** Everything a row is read against: its columns, the unit's catalogue and calendar, and now. */
export interface RowContext<P extends RegisterProcedure> {
  /** Column of each field (-1: none). */
  col: Record<RegisterField, number>;
  /** The catalogue's procedure by code, else by name (diacritics- and case-insensitive). */
  procedure: (code: string, name: string) => P | undefined;
  calendar: WorkingCalendar;
  /** Start of the working morning and end of the working afternoon (minutes of the day). */
  morning: number;
  endOfDay: number;
  nowMs: number;
}

/** What one row gave: a skipped line, or a data row with its problems or its dossier. */
export type RowReading<P extends RegisterProcedure> =
  | { kind: 'skipped' }
  | { kind: 'data'; row: number; code: string; errors: RowError[]; dossier: PlannedDossier<P> | null };

const FUTURE_TOLERANCE_MS = 60_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** a is before b; by day when either side has no time of day. */
const before = (a: ReadMoment, b: ReadMoment) => (a.dateOnly || b.dateOnly ? a.day < b.day : a.ms < b.ms);
/** A date without a time ends at the start of its day, never before the previous event. */
const endMs = (s: ReadMoment, after: number) =>
  Math.max(s.dateOnly ? momentOfDayNumber(s.day, 0) : s.ms, after);

/** The context a register's rows are read in. */
export function rowContext<P extends RegisterProcedure>(
  mapping: FieldColumns,
  procedures: readonly P[],
  calendar: WorkingCalendar,
  times: { morning: number; endOfDay: number; nowMs: number },
): RowContext<P> {
  const byCode = new Map(procedures.map((p) => [fold(p.code), p]));
  const byName = new Map<string, P>();
  for (const p of procedures) if (!byName.has(fold(p.name))) byName.set(fold(p.name), p);
  // Lookups cached by the text as written.
  const cache = new Map<string, P | undefined>();
  const lookup = (text: string, index: Map<string, P>, kind: 'c' | 'n') => {
    const key = kind + text;
    if (!cache.has(key)) cache.set(key, index.get(fold(text)));
    return cache.get(key);
  };
  return {
    col: Object.fromEntries(REGISTER_FIELDS.map((f) => [f, mapping[f] ?? -1])) as Record<
      RegisterField,
      number
    >,
    procedure: (code, name) =>
      (code ? lookup(code, byCode, 'c') : undefined) ?? (name ? lookup(name, byName, 'n') : undefined),
    calendar,
    ...times,
  };
}

/** A row being read: its cells by field, and the problems found so far. */
class RowCursor {
  readonly errors: RowError[] = [];
  constructor(
    readonly row: number,
    private readonly cells: readonly Cell[],
    private readonly col: Record<RegisterField, number>,
  ) {}

  at(f: RegisterField): Cell {
    return this.col[f] < 0 ? null : (this.cells[this.col[f]] ?? null);
  }

  text(f: RegisterField): string {
    return this.col[f] < 0 ? '' : cellText(this.cells[this.col[f]] ?? null);
  }

  err(field: RegisterField, message: string): void {
    this.errors.push({ row: this.row, field, message: `${REGISTER_FIELD_LABELS[field]}: ${message}` });
  }

  /** A cell's value, or null after recording its problem. */
  ok<T>(f: RegisterField, v: T | Problem): T | null {
    if (!isProblem(v)) return v;
    this.err(f, `${v.error}.`);
    return null;
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }
}

interface Who<P> {
  procedure: P | undefined;
  applicant: PlannedDossier['applicant'];
  channel: DossierChannel;
  returnMethod: ReturnMethod;
  supplementRequests: number;
  paidOnline: boolean;
  digitised: boolean;
  electronicResult: boolean;
  reason: string;
}

function readWho<P extends RegisterProcedure>(c: RowCursor, ctx: RowContext<P>): Who<P> {
  const pCode = c.text('procedureCode');
  const pName = c.text('procedureName');
  const procedure = ctx.procedure(pCode, pName);
  if (!procedure) {
    if (pCode === '' && pName === '') c.err('procedureCode', 'thiếu mã hoặc tên thủ tục.');
    else
      c.err(
        pCode ? 'procedureCode' : 'procedureName',
        `thủ tục "${pCode || pName}" không có trong danh mục thủ tục của đơn vị (hãy nhập danh mục trước).`,
      );
  }
  const name = c.text('applicantName');
  if (name.length < 2) c.err('applicantName', name === '' ? 'thiếu tên người nộp hồ sơ.' : 'tên quá ngắn.');
  else if (name.length > 300) c.err('applicantName', 'dài quá 300 ký tự.');
  const idNumber = restoreLeadingZero(c.at('idNumber'), 'id');
  if (idNumber.length > 40) c.err('idNumber', 'dài quá 40 ký tự.');
  const address = c.text('address');
  if (address.length > 500) c.err('address', 'dài quá 500 ký tự.');
  const phone = restoreLeadingZero(c.at('phone'), 'phone');
  if (phone.length > 30) c.err('phone', 'dài quá 30 ký tự.');
  const email = c.text('email');
  if (email !== '' && (email.length > 200 || !EMAIL.test(email))) c.err('email', `"${email}" không hợp lệ.`);
  const channel = c.ok('channel', readChannel(c.at('channel'))) ?? 'direct';
  const returnMethod = c.ok('returnMethod', readReturnMethod(c.at('returnMethod'))) ?? 'direct';
  const supplementRequests = c.ok('supplementRequests', readCount(c.at('supplementRequests'))) ?? 0;
  const paidOnline = c.ok('paidOnline', readFlag(c.at('paidOnline'))) === true;
  const digitised = c.ok('digitised', readFlag(c.at('digitised'))) === true;
  const electronicResult = c.ok('electronicResult', readFlag(c.at('electronicResult'))) === true;
  const reason = c.text('refusalReason');
  if (reason.length > 1000) c.err('refusalReason', 'dài quá 1000 ký tự.');
  const applicant = {
    name,
    idNumber: idNumber || null,
    address: address || null,
    phone: phone || null,
    email: email || null,
  };
  return {
    procedure,
    applicant,
    channel,
    returnMethod,
    supplementRequests,
    paidOnline,
    digitised,
    electronicResult,
    reason,
  };
}

interface When {
  received: ReadMoment | null;
  appointment: ReadMoment | null;
  resolved: ReadMoment | null;
  returned: ReadMoment | null;
  withdrawn: ReadMoment | null;
  refused: ReadMoment | null;
}

function readWhen(c: RowCursor, nowMs: number): When {
  const today = dayNumberOfMoment(nowMs);
  const stamp = (f: RegisterField): ReadMoment | null => {
    const s = c.ok(f, readMoment(c.at(f)));
    if (s && s.ms > nowMs + FUTURE_TOLERANCE_MS && !(s.dateOnly && s.day <= today))
      c.err(f, 'không được ở tương lai.');
    return s;
  };
  const notBefore = (f: RegisterField, s: ReadMoment | null, ref: ReadMoment | null, label: string) => {
    if (s && ref && before(s, ref)) c.err(f, `trước ${label}.`);
  };
  const received = stamp('receivedAt');
  if (received === null && isBlank(c.at('receivedAt'))) c.err('receivedAt', 'thiếu ngày tiếp nhận.');
  const appointment = stamp('appointmentAt');
  const resolved = stamp('resolvedAt');
  const returned = stamp('returnedAt');
  const withdrawn = stamp('withdrawnAt');
  const refused = stamp('refusedAt');
  notBefore('appointmentAt', appointment, received, 'ngày tiếp nhận');
  notBefore('resolvedAt', resolved, received, 'ngày tiếp nhận');
  notBefore('returnedAt', returned, received, 'ngày tiếp nhận');
  notBefore('returnedAt', returned, resolved, 'ngày giải quyết xong');
  notBefore('withdrawnAt', withdrawn, received, 'ngày tiếp nhận');
  notBefore('refusedAt', refused, received, 'ngày tiếp nhận');
  const finished = resolved ?? returned;
  if (withdrawn && (finished || refused))
    c.err('withdrawnAt', 'hồ sơ đã giải quyết hoặc bị từ chối thì không thể có ngày rút.');
  if (refused && finished)
    c.err('refusedAt', 'hồ sơ đã giải quyết xong thì không thể bị từ chối giải quyết.');
  return { received, appointment, resolved, returned, withdrawn, refused };
}

/** The dossier's events: received, then resolved (and returned), withdrawn or refused. */
function eventsOf(receivedMs: number, when: When, who: Who<unknown>): DossierEvent[] {
  const { returned, withdrawn, refused } = when;
  const events: DossierEvent[] = [{ kind: 'received', at: receivedMs, channel: who.channel }];
  const resolved = when.resolved ?? returned; // a result was returned, so it was resolved
  if (resolved) {
    const resolvedMs = endMs(resolved, receivedMs);
    events.push({ kind: 'resolved', at: resolvedMs });
    if (returned)
      events.push({ kind: 'returned', at: endMs(returned, resolvedMs), method: who.returnMethod });
  } else if (withdrawn) events.push({ kind: 'withdrawn', at: endMs(withdrawn, receivedMs) });
  else if (refused)
    events.push({
      kind: 'refused',
      at: endMs(refused, receivedMs),
      reasons: [who.reason || 'Không ghi lý do (dữ liệu nhập từ sổ theo dõi khác)'],
    });
  return events;
}

/** Replays the events; the file's appointment and supplement count override what replay computes. */
function plan<P extends RegisterProcedure>(
  c: RowCursor,
  ctx: RowContext<P>,
  code: string,
  who: Who<P> & { procedure: P },
  when: When & { received: ReadMoment },
): PlannedDossier<P> | null {
  const { procedure, supplementRequests } = who;
  const appointmentStamp = when.appointment;
  const receivedMs = when.received.dateOnly
    ? momentOfDayNumber(when.received.day, ctx.morning)
    : when.received.ms;
  const events = eventsOf(receivedMs, when, who);
  const limit: TimeLimit = {
    unit: procedure.limit_unit as TimeLimit['unit'],
    amount: Number(procedure.limit_amount),
  };
  const asOf = Math.max(ctx.nowMs, events[events.length - 1]!.at);
  let state: DossierState;
  try {
    // replay computes the Mẫu 01 appointment exactly as computeAppointment does (the unit's
    // calendar, the procedure's limit): it is `originalAppointment` when none was given.
    state = replay(events, { limit, calendar: ctx.calendar, asOf });
  } catch (e) {
    c.err(
      'procedureCode',
      `không tính được hạn giải quyết theo thời hạn của thủ tục ${procedure.code} (${(e as Error).message}).`,
    );
    return null;
  }
  if (state.rejected.length > 0) {
    c.err('receivedAt', `${state.rejected[0]!.message}.`);
    return null;
  }
  const appointment = appointmentStamp
    ? appointmentStamp.dateOnly
      ? momentOfDayNumber(appointmentStamp.day, ctx.endOfDay)
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
  return {
    row: c.row,
    code,
    codeGenerated: code === '',
    procedure,
    applicant: who.applicant,
    channel: who.channel,
    received: receivedMs,
    appointment,
    appointmentComputed: !appointmentStamp,
    events,
    supplementRequests,
    paidOnline: who.paidOnline,
    digitised: who.digitised,
    electronicResult: who.electronicResult,
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
  };
}

/**
 * Reads one row that is not filler. `claimCode` records a code the file gives and answers the
 * earlier row that gave it already, if any (the register's reading keeps that memory); a
 * duplicate is the row's first problem.
 */
export function readRow<P extends RegisterProcedure>(
  row: number,
  cells: readonly Cell[],
  ctx: RowContext<P>,
  claimCode: (code: string) => number | undefined = () => undefined,
): RowReading<P> {
  const c = new RowCursor(row, cells, ctx.col);
  const code = c.text('code').toUpperCase();
  if (
    code === '' &&
    c.text('procedureCode') === '' &&
    c.text('procedureName') === '' &&
    c.text('applicantName') === '' &&
    isBlank(c.at('receivedAt'))
  )
    return { kind: 'skipped' }; // a note, a signature line: no dossier in it
  if (code.length > 64) c.err('code', 'mã hồ sơ dài quá 64 ký tự.');
  else if (code !== '') {
    const first = claimCode(code);
    if (first !== undefined) c.err('code', `mã ${code} trùng với dòng ${first} trong tệp.`);
  }
  const who = readWho(c, ctx);
  const when = readWhen(c, ctx.nowMs);
  const { procedure } = who;
  const { received } = when;
  const dossier =
    c.failed || !procedure || !received
      ? null
      : plan(c, ctx, code, { ...who, procedure }, { ...when, received });
  return { kind: 'data', row, code, errors: c.errors, dossier };
}
