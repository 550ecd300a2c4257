/** Use case: receive a dossier (Mẫu 01): code, register entry and appointment. */
import { dateOfMoment } from '../../core/calendar/index.js';
import { computeAppointment, dossierCode } from '../../core/dossier/index.js';
import type { DossierChannel, TimeLimit } from '../../core/dossier/index.js';
import { AppError } from '../../errors.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { counterScope, takeNumbers } from '../counters/repository.js';
import { iso, ms, readableUnit } from './context.js';
import type { DossiersContext } from './context.js';
import { findProcedure, insertDossier, insertDossierEvent } from './repository.js';
import { vietnamDayStart } from './summary.js';

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

/** Receives a dossier (Mẫu 01): code, register entry and appointment from the working-day calendar. */
export async function receive(ctx: DossiersContext, actor: Actor, input: ReceiveInput, requestId?: string) {
  const { db, clock, calendar } = ctx;
  const unit = await readableUnit(ctx, actor, input.unitId);
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
}
