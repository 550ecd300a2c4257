import { DOSSIER_EVENT_LABELS, DOSSIER_STATUS_LABELS, formatTimeLimit } from '../../core/dossier/index.js';
import type { DossierState, DossierStatus, TimeLimit } from '../../core/dossier/index.js';
import type { DossierEventRow, ProcedureRow } from '../../db/tables.js';
import { parseJson } from '../../lib/json.js';
import type { DossierWithScope } from './repository.js';
import type { DossierDetail } from './schema.js';
import { maskName } from '../../core/privacy/mask.js';

const iso = (ms: number) => new Date(ms).toISOString();
const statusLabel = (s: string) => DOSSIER_STATUS_LABELS[s as DossierStatus] ?? s;

export function presentProcedure(p: ProcedureRow) {
  const limit = { unit: p.limit_unit as TimeLimit['unit'], amount: p.limit_amount };
  return {
    id: p.id,
    unitId: p.unit_id,
    code: p.code,
    name: p.name,
    field: p.field,
    limitUnit: limit.unit,
    limitAmount: limit.amount,
    limitText: formatTimeLimit(limit),
    feeText: p.fee_text,
    feeBearing: p.fee_bearing === 1,
    onlineLevel: p.online_level as 'full' | 'partial' | 'none',
    resultType: p.result_type as 'paper' | 'electronic',
    active: p.active === 1,
  };
}

/** A register line; the applicant's name is masked for callers who may not see personal data. */
/** Late as stored, or open with its clock running past the appointment since it was last written. */
export function isLateNow(d: DossierWithScope, nowIso: string): boolean {
  return d.late === 1 || (d.ended_at === null && d.awaiting_supplement_since === null && d.appointment_at < nowIso);
}

export function presentListItem(d: DossierWithScope, full: boolean, nowIso: string = new Date().toISOString()) {
  return {
    id: d.id,
    code: d.code,
    unitId: d.unit_id,
    unitName: d.unit_name,
    procedureCode: d.procedure_code,
    procedureName: d.procedure_name,
    applicantName: full ? d.applicant_name : maskName(d.applicant_name),
    channel: d.channel as 'direct' | 'online' | 'postal',
    status: d.status,
    statusLabel: statusLabel(d.status),
    receivedAt: d.received_at,
    appointmentAt: d.appointment_at,
    apologyAppointmentAt: d.apology_appointment_at,
    endedAt: d.ended_at,
    late: isLateNow(d, nowIso),
  };
}

export function presentDetail(
  d: DossierWithScope,
  state: DossierState,
  events: (DossierEventRow & { actor_name: string | null })[],
  full: boolean,
): DossierDetail {
  return {
    ...presentListItem(d, full),
    // The stored flag may lag an open dossier that has just passed its appointment.
    late: state.late,
    applicant: {
      name: full ? d.applicant_name : maskName(d.applicant_name),
      idNumber: full ? d.applicant_id_number : null,
      address: full ? d.applicant_address : null,
      phone: full ? d.applicant_phone : null,
      email: full ? d.applicant_email : null,
      full,
    },
    request: d.request,
    documents: parseJson(d.documents_json, []),
    registerBook: d.register_book,
    registerNo: d.register_no,
    originalAppointmentAt: d.original_appointment_at,
    supplementRequests: state.supplementRequests,
    timeliness: state.timeliness,
    atRisk: state.atRisk,
    apologyRequired: state.apologyRequired,
    flags: {
      paidOnline: d.paid_online === 1,
      digitised: d.digitised === 1,
      electronicResult: d.electronic_result === 1,
      signedResult: d.signed_result === 1,
      complaint: d.complaint === 1,
      feeBearing: d.fee_bearing === 1,
    },
    rating: d.rating,
    handovers: state.handovers.map((h) => ({ at: iso(h.at), from: h.from, to: h.to, note: h.note, status: h.status, statusLabel: h.statusLabel })),
    events: events.map((e) => ({
      kind: e.kind,
      label: DOSSIER_EVENT_LABELS[e.kind as keyof typeof DOSSIER_EVENT_LABELS] ?? e.kind,
      at: e.at,
      actor: e.actor_name,
      data: parseJson<unknown>(e.data_json, null),
    })),
    // A returned dossier not yet rated: the citizen's link can be issued again (the old one stops working).
    actions: { handle: full, documents: full, reissueRatingLink: full && d.status === 'returned' && d.rated_at === null },
  };
}
