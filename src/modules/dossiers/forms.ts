import { formatTimeLimit as limitText } from '../../core/dossier/index.js';
import type { DossierState, TimeLimit } from '../../core/dossier/index.js';
import { mau01, mau02, mau03, mau04, mau05, mau06 } from '../../documents/index.js';
import type { Applicant, FormIssuer } from '../../documents/index.js';
import { AppError } from '../../errors.js';
import { parseJson } from '../../lib/json.js';
import type { UnitRow } from '../../db/tables.js';
import type { DossierWithScope } from './repository.js';

export const FORMS = ['mau01', 'mau02', 'mau03', 'mau04', 'mau05'] as const;
export type FormName = (typeof FORMS)[number];

/**
 * The unit as the forms' header names it. The place line ("Phường Hòa Bình, ngày …") is the
 * superior's locality when its name says one ("Ủy ban nhân dân phường Hòa Bình"), else the unit.
 */
export function issuerOf(unit: Pick<UnitRow, 'name' | 'superior_name'>): FormIssuer {
  const superior = unit.superior_name ?? undefined;
  const locality = superior?.replace(/^(ủy|uỷ) ban nhân dân\s+/i, '');
  const place = locality && locality !== superior ? locality.charAt(0).toUpperCase() + locality.slice(1) : unit.name;
  return { ...(superior ? { superior } : {}), name: unit.name, place };
}

function applicantOf(d: DossierWithScope): Applicant {
  return {
    name: d.applicant_name,
    ...(d.applicant_id_number ? { idNumber: d.applicant_id_number } : {}),
    ...(d.applicant_address ? { address: d.applicant_address } : {}),
    ...(d.applicant_phone ? { phone: d.applicant_phone } : {}),
    ...(d.applicant_email ? { email: d.applicant_email } : {}),
  };
}

/** The form of a dossier as a .docx, from its stored data and its replayed events. */
export async function dossierForm(
  form: FormName,
  d: DossierWithScope,
  unit: UnitRow,
  state: DossierState,
  events: { kind: string; at: string; data_json: string }[],
  ctx: { lookupUrl: string; userName: string },
): Promise<Buffer> {
  const issuer = issuerOf(unit);
  const applicant = applicantOf(d);
  const limit: TimeLimit = { unit: d.limit_unit as TimeLimit['unit'], amount: d.limit_amount };
  const last = (kind: string) => [...events].reverse().find((e) => e.kind === kind);
  switch (form) {
    case 'mau01':
      return mau01({
        issuer,
        dossierCode: d.code,
        applicant,
        procedureName: d.procedure_name,
        documents: parseJson<{ name: string; copies?: number; kind?: 'original' | 'copy' | 'certified_copy' | 'electronic' }[]>(d.documents_json, []),
        // A number prints as the forms write it ("05 ngày làm việc"); other units as text.
        timeLimit: limit.unit === 'working_days' ? limit.amount : limitText(limit),
        receivedAt: d.received_at,
        appointmentAt: d.original_appointment_at,
        resultReturnPlace: `Bộ phận tiếp nhận và trả kết quả ${unit.name}`,
        register: { book: d.register_book ?? '', entry: d.register_no ?? '' },
        lookupUrl: ctx.lookupUrl,
        receiverName: ctx.userName,
      });
    case 'mau02': {
      const e = last('supplement_requested');
      if (!e) throw new AppError('VALIDATION', 'Hồ sơ chưa có yêu cầu bổ sung để in Mẫu 02.');
      const data = parseJson<{ reason: string; items?: string[] }>(e.data_json, { reason: '' });
      return mau02({
        issuer,
        issuedAt: e.at,
        addressee: applicant,
        dossierCode: d.code,
        procedureName: d.procedure_name,
        receivedAt: d.received_at,
        items: (data.items?.length ? data.items : [data.reason]).map((content) => ({ content })),
        reason: data.reason,
        contact: { name: ctx.userName },
      });
    }
    case 'mau03': {
      const e = last('refused');
      if (!e) throw new AppError('VALIDATION', 'Hồ sơ chưa bị từ chối để in Mẫu 03.');
      return mau03({ issuer, issuedAt: e.at, addressee: applicant, dossierCode: d.code, procedureName: d.procedure_name, receivedAt: d.received_at, reasons: parseJson<{ reasons: string[] }>(e.data_json, { reasons: [] }).reasons, signer: { name: ctx.userName } });
    }
    case 'mau04': {
      const e = last('apology_issued');
      if (!e) throw new AppError('VALIDATION', 'Hồ sơ chưa có phiếu xin lỗi để in Mẫu 04.');
      const data = parseJson<{ reason: string; newAppointment: number }>(e.data_json, { reason: '', newAppointment: 0 });
      const apology = state.apologies.find((a) => a.newAppointment === data.newAppointment);
      return mau04({
        issuer,
        issuedAt: e.at,
        addressee: applicant,
        dossierCode: d.code,
        procedureName: d.procedure_name,
        receivedAt: d.received_at,
        originalAppointmentAt: apology ? apology.previousAppointment : Date.parse(d.appointment_at),
        delayReason: data.reason,
        newAppointmentAt: data.newAppointment,
        signer: {},
      });
    }
    case 'mau05':
      return mau05({
        issuer,
        dossierCode: d.code,
        applicantName: d.applicant_name,
        procedureName: d.procedure_name,
        receivedAt: d.received_at,
        appointmentAt: d.appointment_at,
        leadBody: unit.name,
        handovers: state.handovers.map((h) => ({ from: h.from, to: h.to, at: h.at, result: h.status, ...(h.note ? { note: h.note } : {}) })),
      });
  }
}

const RETURN: Record<string, 'direct' | 'postal' | 'online'> = { direct: 'direct', postal: 'postal', online: 'online' };

/** Mẫu 06, the register, for a list of dossiers. */
export async function registerWorkbook(unit: UnitRow, period: { from: string; to: string }, rows: (DossierWithScope & { returned_method?: string | null })[]): Promise<Buffer> {
  return mau06({
    issuer: issuerOf(unit),
    period,
    book: period.from.slice(0, 4),
    entries: rows.map((d) => ({
      dossierCode: d.code,
      procedureName: d.procedure_name,
      applicantName: d.applicant_name,
      ...(d.applicant_address ? { address: d.applicant_address } : {}),
      ...(d.applicant_phone ? { phone: d.applicant_phone } : {}),
      leadBody: d.unit_name,
      receivedAt: d.received_at,
      appointmentAt: d.apology_appointment_at ?? d.appointment_at,
      ...(d.ended_at ? { resultAt: d.ended_at } : {}),
      ...(d.returned_method && RETURN[d.returned_method] ? { returnMethod: RETURN[d.returned_method] } : {}),
    })),
  });
}
