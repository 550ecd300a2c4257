import { createHash, randomBytes } from 'node:crypto';
import { dateOfMoment } from '../../core/calendar/index.js';
import { DOSSIER_STATUS_LABELS } from '../../core/dossier/index.js';
import type { DossierStatus } from '../../core/dossier/index.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import {
  computeAppointment,
  dossierCode,
  dueSoon,
  replay,
  validateTransition,
} from '../../core/dossier/index.js';
import type {
  DossierChannel,
  DossierEvent,
  DossierState,
  ReturnMethod,
  TimeLimit,
} from '../../core/dossier/index.js';
import { figuresFromCounters } from '../../core/metrics/index.js';
import type { DossierFigures } from '../../core/metrics/index.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { parseJson } from '../../lib/json.js';
import type { Q } from '../../db/types.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { CalendarService } from '../calendar/service.js';
import { counterScope, takeNumbers } from '../counters/repository.js';
import { findUnitById } from '../units/repository.js';
import type { DossierWithScope } from './repository.js';
import { dossierSummaryColumns, vietnamDayStart } from './summary.js';
import {
  dossierCountersSql,
  findDossier,
  findDossierByCode,
  findDossierByRatingToken,
  findProcedure,
  findProcedureByCode,
  insertDossier,
  insertDossierEvent,
  insertProcedure,
  listDossierEvents,
  listDossiers,
  countDossiers,
  listPersonalDataAccess,
  listProcedures,
  logPersonalDataAccess,
  claimRatingLink,
  lockDossier,
  updateDossier,
  updateProcedure,
} from './repository.js';
import type { DossierFilter } from './repository.js';

export interface ProcedureInput {
  code: string;
  name: string;
  field?: string | null | undefined;
  limitUnit: TimeLimit['unit'];
  limitAmount: number;
  feeText?: string | null | undefined;
  feeBearing: boolean;
  onlineLevel: 'full' | 'partial' | 'none';
  resultType: 'paper' | 'electronic';
  active?: boolean | undefined;
}

export interface ReceiveInput {
  unitId: number;
  procedureId: number;
  channel: DossierChannel;
  applicant: {
    name: string;
    idNumber?: string | null | undefined;
    address?: string | null | undefined;
    phone?: string | null | undefined;
    email?: string | null | undefined;
  };
  request?: string | null | undefined;
  documents: {
    name: string;
    copies?: number | undefined;
    kind?: 'original' | 'copy' | 'certified_copy' | 'electronic' | undefined;
  }[];
  /** Defaults to now; an earlier moment for a dossier entered after the fact. */
  receivedAt?: string | undefined;
}

/** The steps staff record after receipt; `at` defaults to now. */
export type StepInput =
  | { kind: 'supplement_requested'; reason: string; items?: string[] | undefined; at?: string | undefined }
  | { kind: 'supplement_received'; at?: string | undefined }
  | { kind: 'refused'; reasons: string[]; at?: string | undefined }
  | { kind: 'transferred'; from: string; to: string; note?: string | undefined; at?: string | undefined }
  | { kind: 'resolved'; at?: string | undefined }
  | { kind: 'returned'; method: ReturnMethod; at?: string | undefined }
  | { kind: 'withdrawn'; at?: string | undefined }
  | { kind: 'apology_issued'; newAppointment: string; reason: string; at?: string | undefined };

export interface DossierFlags {
  paidOnline?: boolean | undefined;
  digitised?: boolean | undefined;
  electronicResult?: boolean | undefined;
  signedResult?: boolean | undefined;
  complaint?: boolean | undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (s: string) => Date.parse(s);
const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const flag = (b: boolean | undefined, current: number) => (b === undefined ? current : b ? 1 : 0);

/** "Nguyễn Văn An" → "Nguyễn V*** A**": enough for the citizen to recognise, not to identify. */
export function maskName(name: string): string {
  const parts = name.normalize('NFC').trim().split(/\s+/);
  return parts
    .map((p, i) => (i === 0 ? p : `${[...p][0] ?? ''}${'*'.repeat(Math.max(1, [...p].length - 1))}`))
    .join(' ');
}

/** Rebuilds the core's events from stored rows. */
function toEvents(rows: { kind: string; at: string; data_json: string }[]): DossierEvent[] {
  return rows.map(
    (r) =>
      ({
        ...parseJson<Record<string, unknown>>(r.data_json, {}),
        kind: r.kind,
        at: ms(r.at),
      }) as DossierEvent,
  );
}

export interface DossiersDeps {
  db: Q;
  clock: Clock;
  calendar: CalendarService;
}

/** What the public lookup shows of a dossier: no personal data beyond a masked name. */
export function publicView(d: DossierWithScope) {
  return {
    code: d.code,
    unitName: d.unit_name,
    procedureName: d.procedure_name,
    applicantName: maskName(d.applicant_name),
    receivedAt: d.received_at,
    appointmentAt: d.appointment_at,
    apologyAppointmentAt: d.apology_appointment_at,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus] ?? d.status,
    endedAt: d.ended_at,
  };
}

/**
 * A period of dates in Vietnam time as UTC instants. A period that has not ended yet is counted up
 * to now: an open dossier is judged by where it stands today, never by a future period end.
 */
export function periodBounds(from: string, to: string, nowMs: number): { fromIso: string; toIso: string } {
  const end = Math.min(Date.parse(`${to}T23:59:59.999+07:00`), nowMs);
  const start = Date.parse(`${from}T00:00:00+07:00`);
  if (Number.isNaN(start) || Number.isNaN(end) || start > end)
    throw new AppError(
      'VALIDATION',
      'Kỳ số liệu không hợp lệ: ngày đầu phải trước ngày cuối và không sau hôm nay.',
    );
  return { fromIso: iso(start), toIso: iso(end) };
}

export function dossiersService({ db, clock, calendar }: DossiersDeps) {
  // Citizens refresh the lookup page; a short cache keeps it near a static page's speed. Writers
  // in this process drop the entry they change; another process's change shows within 2 s.
  const lookups = new TtlCache<string>(2000, 10_000);

  async function readableUnit(actor: Actor, unitId: number) {
    const unit = await findUnitById(db, unitId);
    if (!unit || !policy.readUnit(actor, unit.path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    return unit;
  }

  async function loadReadable(actor: Actor, id: number): Promise<DossierWithScope> {
    const d = await findDossier(db, id);
    if (!d || !policy.readUnit(actor, d.unit_path)) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ.');
    return d;
  }

  async function stateOf(d: DossierWithScope, asOf?: number): Promise<DossierState> {
    const events = toEvents(await listDossierEvents(db, d.id));
    const cal = (await calendar.forUnit(d.unit_id)).calendar;
    return replay(events, {
      limit: { unit: d.limit_unit as TimeLimit['unit'], amount: d.limit_amount },
      calendar: cal,
      asOf: asOf ?? clock.now().getTime(),
    });
  }

  return {
    loadReadable,
    stateOf,

    async procedures(actor: Actor, unitId: number) {
      await readableUnit(actor, unitId);
      return listProcedures(db, unitId);
    },

    async saveProcedure(
      actor: Actor,
      unitId: number,
      input: ProcedureInput,
      id?: number,
      requestId?: string,
    ) {
      await readableUnit(actor, unitId);
      if (!policy.handleDossiers(actor, unitId)) throw new AppError('FORBIDDEN');
      const now = clock.now().toISOString();
      const values = {
        code: input.code.trim(),
        name: input.name.normalize('NFC').trim(),
        field: input.field ?? null,
        limit_unit: input.limitUnit,
        limit_amount: input.limitAmount,
        fee_text: input.feeText ?? null,
        fee_bearing: input.feeBearing ? 1 : 0,
        online_level: input.onlineLevel,
        result_type: input.resultType,
        active: input.active === false ? 0 : 1,
        updated_at: now,
      };
      return db.transaction().execute(async (tx) => {
        const clash = await findProcedureByCode(tx, unitId, values.code);
        if (clash && clash.id !== id)
          throw new AppError('CONFLICT', `Mã thủ tục ${values.code} đã có trong danh mục.`);
        let row;
        if (id !== undefined) {
          const old = await findProcedure(tx, id);
          if (!old || old.unit_id !== unitId) throw new AppError('NOT_FOUND', 'Không tìm thấy thủ tục.');
          await updateProcedure(tx, id, values);
          row = { ...old, ...values };
        } else row = await insertProcedure(tx, { ...values, unit_id: unitId, created_at: now });
        await insertAudit(tx, {
          unitId,
          userId: actor.userId,
          entity: 'procedure',
          entityId: row.id,
          action: id ? 'update' : 'create',
          after: row,
          at: now,
          requestId,
        });
        return row;
      });
    },

    /** Receives a dossier (Mẫu 01): code, register entry and appointment from the working-day calendar. */
    async receive(actor: Actor, input: ReceiveInput, requestId?: string) {
      const unit = await readableUnit(actor, input.unitId);
      if (!policy.handleDossiers(actor, unit.id)) throw new AppError('FORBIDDEN');
      const procedure = await findProcedure(db, input.procedureId);
      if (!procedure || procedure.unit_id !== unit.id || procedure.active !== 1)
        throw new AppError('VALIDATION', 'Thủ tục không có trong danh mục của đơn vị.');
      if (input.documents.length === 0)
        throw new AppError('VALIDATION', 'Cần ghi ít nhất một thành phần hồ sơ đã nhận.');
      const now = clock.now();
      const receivedMs = input.receivedAt ? ms(input.receivedAt) : now.getTime();
      if (receivedMs > now.getTime() + 60_000)
        throw new AppError('VALIDATION', 'Thời điểm tiếp nhận không được ở tương lai.');
      const limit: TimeLimit = {
        unit: procedure.limit_unit as TimeLimit['unit'],
        amount: procedure.limit_amount,
      };
      const cal = (await calendar.forUnit(unit.id)).calendar;
      const appointment = computeAppointment(receivedMs, limit, cal);
      const day = dateOfMoment(receivedMs);
      const year = day.slice(0, 4);
      return db.transaction().execute(async (tx) => {
        // The day's code and the book's entry number: one atomic step each, in this transaction.
        const seq = await takeNumbers(tx, counterScope.dossierCode(unit.code, day));
        const registerNo = await takeNumbers(tx, counterScope.registerNo(unit.id, year));
        const a = input.applicant;
        const row = await insertDossier(tx, {
          unit_id: unit.id,
          procedure_id: procedure.id,
          code: dossierCode(unit.code, receivedMs, seq),
          channel: input.channel,
          applicant_name: a.name.normalize('NFC').trim(),
          applicant_id_number: a.idNumber?.trim() || null,
          applicant_address: a.address?.trim() || null,
          applicant_phone: a.phone?.trim() || null,
          applicant_email: a.email?.trim() || null,
          request: input.request ?? procedure.name,
          documents_json: JSON.stringify(input.documents),
          register_book: year,
          register_no: registerNo,
          received_at: iso(receivedMs),
          original_appointment_at: iso(appointment),
          appointment_at: iso(appointment),
          appointment_day_start: vietnamDayStart(appointment),
          status: 'received',
          fee_bearing: procedure.fee_bearing,
          paid_online: 0,
          digitised: 0,
          electronic_result: 0,
          signed_result: 0,
          late: 0,
          supplement_requests: 0,
          complaint: 0,
          created_by: actor.userId,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        });
        await insertDossierEvent(tx, {
          dossier_id: row.id,
          kind: 'received',
          at: iso(receivedMs),
          data_json: JSON.stringify({ channel: input.channel }),
          actor_id: actor.userId,
          created_at: now.toISOString(),
        });
        await insertAudit(tx, {
          unitId: unit.id,
          userId: actor.userId,
          entity: 'dossier',
          entityId: row.id,
          action: 'receive',
          after: { code: row.code, procedure: procedure.code, channel: input.channel },
          at: now.toISOString(),
          requestId,
        });
        return row;
      });
    },

    /** Records one step; refuses an impossible one with the core's Vietnamese reason. */
    async step(
      actor: Actor,
      id: number,
      input: StepInput,
      requestId?: string,
    ): Promise<{ ratingToken: string | null }> {
      const d = await loadReadable(actor, id);
      if (!policy.handleDossiers(actor, d.unit_id)) throw new AppError('FORBIDDEN');
      const now = clock.now();
      const at = input.at ? ms(input.at) : now.getTime();
      if (Number.isNaN(at) || at > now.getTime() + 60_000)
        throw new AppError('VALIDATION', 'Thời điểm không hợp lệ.');
      const { at: _at, kind, ...data } = input;
      const event = {
        ...data,
        kind,
        at,
        ...(kind === 'apology_issued' ? { newAppointment: ms(input.newAppointment) } : {}),
      } as DossierEvent;
      let ratingToken: string | null = null;
      // Read outside the transaction: on SQLite the transaction holds the only connection.
      const cal = (await calendar.forUnit(d.unit_id)).calendar;
      const limit = { unit: d.limit_unit as TimeLimit['unit'], amount: d.limit_amount };
      await db.transaction().execute(async (tx) => {
        // The step is checked against the events as they are under the row lock: two clerks
        // recording "resolved" at once give one event and one refusal, not two events.
        await lockDossier(tx, d.id);
        const before = replay(toEvents(await listDossierEvents(tx, d.id)), {
          limit,
          calendar: cal,
          asOf: at,
        });
        const problem = validateTransition(before, event);
        if (problem) throw new AppError('VALIDATION', problem);
        const stored = kind === 'apology_issued' ? { ...data, newAppointment: input.newAppointment } : data;
        // The core reads `newAppointment` as a moment: keep it as a number in the stored event.
        const json =
          kind === 'apology_issued'
            ? JSON.stringify({ ...stored, newAppointment: ms(input.newAppointment) })
            : JSON.stringify(stored);
        await insertDossierEvent(tx, {
          dossier_id: d.id,
          kind,
          at: iso(at),
          data_json: json,
          actor_id: actor.userId,
          created_at: now.toISOString(),
        });
        const events = toEvents([...(await listDossierEvents(tx, d.id))]);
        const state = replay(events, { limit, calendar: cal, asOf: now.getTime() });
        const patch: Record<string, unknown> = {
          ...dossierSummaryColumns(state),
          updated_at: now.toISOString(),
        };
        if (kind === 'returned') {
          ratingToken = randomBytes(18).toString('base64url');
          patch.rating_token_hash = sha(ratingToken);
        }
        await updateDossier(tx, d.id, patch);
        lookups.delete(d.code);
        await insertAudit(tx, {
          unitId: d.unit_id,
          userId: actor.userId,
          entity: 'dossier',
          entityId: d.id,
          action: kind,
          after: { ...stored, at: iso(at) },
          at: now.toISOString(),
          requestId,
        });
      });
      return { ratingToken };
    },

    async setFlags(actor: Actor, id: number, flags: DossierFlags, requestId?: string) {
      const d = await loadReadable(actor, id);
      if (!policy.handleDossiers(actor, d.unit_id)) throw new AppError('FORBIDDEN');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        // The flags not given keep their value as it is under the row lock (not as read before).
        const cur = (await lockDossier(tx, id))!;
        const before = {
          paid_online: cur.paid_online,
          digitised: cur.digitised,
          electronic_result: cur.electronic_result,
          signed_result: cur.signed_result,
          complaint: cur.complaint,
        };
        const next = {
          paid_online: flag(flags.paidOnline, cur.paid_online),
          digitised: flag(flags.digitised, cur.digitised),
          electronic_result: flag(flags.electronicResult, cur.electronic_result),
          signed_result: flag(flags.signedResult, cur.signed_result),
          complaint: flag(flags.complaint, cur.complaint),
        };
        await updateDossier(tx, id, { ...next, updated_at: now });
        await insertAudit(tx, {
          unitId: d.unit_id,
          userId: actor.userId,
          entity: 'dossier',
          entityId: id,
          action: 'flags',
          before,
          after: next,
          at: now,
          requestId,
        });
      });
    },

    async list(
      actor: Actor,
      filter: Omit<DossierFilter, 'path'> & { unitId?: number | undefined; subtree?: boolean },
    ) {
      const unit = await readableUnit(actor, filter.unitId ?? actor.unitId);
      return listDossiers(db, {
        ...filter,
        path: unit.path,
        unitId: filter.subtree ? undefined : unit.id,
        now: clock.now().toISOString(),
      });
    },

    /** One page of the register and how many lines the filter selects in all. */
    async page(
      actor: Actor,
      filter: Omit<DossierFilter, 'path'> & { unitId?: number | undefined; subtree?: boolean },
    ) {
      const unit = await readableUnit(actor, filter.unitId ?? actor.unitId);
      const f = {
        ...filter,
        path: unit.path,
        unitId: filter.subtree ? undefined : unit.id,
        now: clock.now().toISOString(),
      };
      const [rows, total] = await Promise.all([listDossiers(db, f), countDossiers(db, f)]);
      return { rows, total };
    },

    /** Whether the actor sees citizens' ID numbers, phones and addresses (and the access is logged). */
    seesPersonalData: (actor: Actor, unitId: number) => policy.handleDossiers(actor, unitId),

    async logAccess(
      actor: Actor,
      d: { id: number | null; unit_id: number },
      kind: 'view' | 'export',
      detail: string,
    ) {
      await logPersonalDataAccess(db, {
        userId: actor.userId,
        unitId: d.unit_id,
        dossierId: d.id,
        kind,
        detail,
        at: clock.now().toISOString(),
      });
    },

    async events(d: DossierWithScope) {
      return listDossierEvents(db, d.id);
    },

    async accessLog(actor: Actor, unitId: number, dossierId?: number) {
      const unit = await readableUnit(actor, unitId);
      if (!policy.manageUsers(actor, unit.path) && !policy.handleDossiers(actor, unit.id))
        throw new AppError('FORBIDDEN');
      return listPersonalDataAccess(db, unit.id, dossierId);
    },

    /** The figures of one unit's own register (no caller: for targets the caller already reads). */
    async measure(unitId: number, from: string, to: string): Promise<DossierFigures> {
      const unit = await findUnitById(db, unitId);
      if (!unit) throw new AppError('NOT_FOUND');
      const { fromIso, toIso } = periodBounds(from, to, clock.now().getTime());
      const counters = await dossierCountersSql(db, { path: unit.path, unitId: unit.id }, fromIso, toIso);
      return figuresFromCounters(counters, { from: ms(fromIso), to: ms(toIso) });
    },

    /** The period's figures over the unit (or its subtree), with the formulas of domain.md §6–7. */
    async figures(
      actor: Actor,
      unitId: number,
      from: string,
      to: string,
      subtree: boolean,
    ): Promise<DossierFigures> {
      const unit = await readableUnit(actor, unitId);
      const { fromIso, toIso } = periodBounds(from, to, clock.now().getTime());
      const counters = await dossierCountersSql(
        db,
        { path: unit.path, unitId: subtree ? undefined : unit.id },
        fromIso,
        toIso,
      );
      return figuresFromCounters(counters, { from: ms(fromIso), to: ms(toIso) });
    },

    /** Open dossiers close to (or past) their appointment, for the "sắp đến hạn" list. */
    async dueSoonList(actor: Actor, unitId: number, subtree: boolean) {
      const rows = await this.list(actor, { unitId, subtree, status: 'due_soon', limit: 500, offset: 0 });
      const nowMs = clock.now().getTime();
      const out = [];
      for (const d of rows) {
        const state = await stateOf(d, nowMs);
        const cal = (await calendar.forUnit(d.unit_id)).calendar;
        if (state.late || dueSoon(state, nowMs, cal, 2)) out.push({ dossier: d, state });
      }
      return out;
    },

    /** The public view of a dossier as JSON text (cached briefly). */
    async publicLookup(codeRaw: string): Promise<string> {
      const code = codeRaw.trim().toUpperCase();
      const hit = lookups.get(code);
      if (hit) return hit;
      const d = await findDossierByCode(db, code);
      if (!d)
        throw new AppError(
          'NOT_FOUND',
          'Không tìm thấy hồ sơ với mã này. Vui lòng kiểm tra lại mã trên giấy hẹn.',
        );
      const json = JSON.stringify(publicView(d));
      lookups.set(code, json);
      return json;
    },

    /** The citizen's one rating of a returned dossier, through the secret link. */
    async rate(
      token: string,
      input: {
        rating: 'very_satisfied' | 'satisfied' | 'not_satisfied';
        criteria?: Record<string, string> | undefined;
        comment?: string | null | undefined;
      },
    ) {
      const hash = sha(token);
      const d = await findDossierByRatingToken(db, hash);
      if (!d) throw new AppError('NOT_FOUND', 'Liên kết đánh giá không hợp lệ.');
      const rated = () => new AppError('CONFLICT', 'Hồ sơ này đã được đánh giá. Cảm ơn bạn!');
      if (d.rated_at) throw rated();
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        // Once per link: checked under the row lock and recorded in `rating_use` (unique token and
        // dossier), so eight simultaneous posts of one link give one rating and seven refusals.
        const cur = await lockDossier(tx, d.id);
        if (!cur || cur.rating_token_hash !== hash)
          throw new AppError('NOT_FOUND', 'Liên kết đánh giá không hợp lệ.');
        if (cur.rated_at || !(await claimRatingLink(tx, hash, d.id, now))) throw rated();
        await updateDossier(tx, d.id, {
          rating: input.rating,
          rating_criteria_json: input.criteria ? JSON.stringify(input.criteria) : null,
          rating_comment: input.comment ?? null,
          rated_at: now,
          updated_at: now,
        });
        await insertAudit(tx, {
          unitId: d.unit_id,
          userId: null,
          entity: 'dossier',
          entityId: d.id,
          action: 'rated',
          after: { rating: input.rating },
          at: now,
        });
      });
    },

    /**
     * Issues the citizen's rating link again (lost paper, a mistyped address): a new secret replaces
     * the old one, which stops working. Only for a returned dossier not yet rated.
     */
    async reissueRatingLink(actor: Actor, id: number, requestId?: string): Promise<string> {
      const d = await loadReadable(actor, id);
      if (!policy.handleDossiers(actor, d.unit_id)) throw new AppError('FORBIDDEN');
      if (d.status !== 'returned')
        throw new AppError('CONFLICT', 'Chỉ cấp liên kết đánh giá cho hồ sơ đã trả kết quả.');
      const ratedAlready = () => new AppError('CONFLICT', 'Hồ sơ này đã được người dân đánh giá.');
      if (d.rated_at) throw ratedAlready();
      const token = randomBytes(18).toString('base64url');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        if ((await lockDossier(tx, d.id))?.rated_at) throw ratedAlready();
        await updateDossier(tx, d.id, { rating_token_hash: sha(token), updated_at: now });
        await insertAudit(tx, {
          unitId: d.unit_id,
          userId: actor.userId,
          entity: 'dossier',
          entityId: d.id,
          action: 'rating_link_reissued',
          at: now,
          requestId,
        });
      });
      return token;
    },

    async ratingTarget(token: string) {
      const d = await findDossierByRatingToken(db, sha(token));
      if (!d) throw new AppError('NOT_FOUND', 'Liên kết đánh giá không hợp lệ.');
      return d;
    },
  };
}

export type DossiersService = ReturnType<typeof dossiersService>;
