import { z } from 'zod';
import { FigureOut } from '../../http/contract.js';

export const TIME_LIMIT_UNITS = ['working_days', 'working_hours', 'calendar_days'] as const;
export const CHANNELS = ['direct', 'online', 'postal'] as const;
export const RETURN_METHODS = ['direct', 'online', 'postal'] as const;

export const ProcedureBody = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(3).max(1000),
  field: z.string().max(300).nullish(),
  limitUnit: z.enum(TIME_LIMIT_UNITS),
  limitAmount: z.number().positive().max(1000),
  feeText: z.string().max(500).nullish(),
  feeBearing: z.boolean(),
  onlineLevel: z.enum(['full', 'partial', 'none']),
  resultType: z.enum(['paper', 'electronic']),
  active: z.boolean().optional(),
});

export const ProcedureOut = z.object({
  id: z.number(),
  unitId: z.number(),
  code: z.string(),
  name: z.string(),
  field: z.string().nullable(),
  limitUnit: z.enum(TIME_LIMIT_UNITS),
  limitAmount: z.number(),
  limitText: z.string(),
  feeText: z.string().nullable(),
  feeBearing: z.boolean(),
  onlineLevel: z.enum(['full', 'partial', 'none']),
  resultType: z.enum(['paper', 'electronic']),
  active: z.boolean(),
});

const phone = z.string().trim().regex(/^[0-9 +().-]{6,20}$/, 'Số điện thoại không hợp lệ');

export const ReceiveBody = z.object({
  unitId: z.number().int().positive(),
  procedureId: z.number().int().positive(),
  channel: z.enum(CHANNELS),
  applicant: z.object({
    name: z.string().trim().min(2).max(300),
    idNumber: z.string().trim().max(40).nullish(),
    address: z.string().trim().max(500).nullish(),
    phone: phone.nullish(),
    email: z.email().max(200).nullish(),
  }),
  request: z.string().max(2000).nullish(),
  documents: z
    .array(z.object({ name: z.string().trim().min(1).max(500), copies: z.number().int().min(1).max(100).optional(), kind: z.enum(['original', 'copy', 'certified_copy', 'electronic']).optional() }))
    .min(1)
    .max(100),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

const at = z.iso.datetime({ offset: true }).optional();
export const StepBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('supplement_requested'), reason: z.string().trim().min(3).max(2000), items: z.array(z.string().max(500)).max(50).optional(), at }),
  z.object({ kind: z.literal('supplement_received'), at }),
  z.object({ kind: z.literal('refused'), reasons: z.array(z.string().trim().min(3).max(1000)).min(1).max(20), at }),
  z.object({ kind: z.literal('transferred'), from: z.string().trim().min(1).max(300), to: z.string().trim().min(1).max(300), note: z.string().max(1000).optional(), at }),
  z.object({ kind: z.literal('resolved'), at }),
  z.object({ kind: z.literal('returned'), method: z.enum(RETURN_METHODS), at }),
  z.object({ kind: z.literal('withdrawn'), at }),
  z.object({ kind: z.literal('apology_issued'), newAppointment: z.iso.datetime({ offset: true }), reason: z.string().trim().min(3).max(2000), at }),
]);

export const FlagsBody = z.object({
  paidOnline: z.boolean().optional(),
  digitised: z.boolean().optional(),
  electronicResult: z.boolean().optional(),
  signedResult: z.boolean().optional(),
  complaint: z.boolean().optional(),
});

export const DossierListItem = z.object({
  id: z.number(),
  code: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  channel: z.enum(CHANNELS),
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string(),
  appointmentAt: z.string(),
  apologyAppointmentAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  late: z.boolean(),
});

export const DossierPage = z.object({ items: z.array(DossierListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type DossierPage = z.infer<typeof DossierPage>;

export const DossierDetail = DossierListItem.extend({
  applicant: z.object({
    name: z.string(),
    idNumber: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    /** False when the caller may not see personal data: the fields above are masked or null. */
    full: z.boolean(),
  }),
  request: z.string().nullable(),
  documents: z.array(z.object({ name: z.string(), copies: z.number().optional(), kind: z.string().optional() })),
  registerBook: z.string().nullable(),
  registerNo: z.number().nullable(),
  originalAppointmentAt: z.string(),
  supplementRequests: z.number(),
  timeliness: z.enum(['early', 'on_time', 'late']).nullable(),
  atRisk: z.boolean(),
  apologyRequired: z.boolean(),
  flags: z.object({ paidOnline: z.boolean(), digitised: z.boolean(), electronicResult: z.boolean(), signedResult: z.boolean(), complaint: z.boolean(), feeBearing: z.boolean() }),
  rating: z.string().nullable(),
  handovers: z.array(z.object({ at: z.string(), from: z.string(), to: z.string(), note: z.string().nullable(), status: z.enum(['early', 'on_time', 'late']), statusLabel: z.string() })),
  events: z.array(z.object({ kind: z.string(), label: z.string(), at: z.string(), actor: z.string().nullable(), data: z.unknown() })),
  actions: z.object({ handle: z.boolean(), documents: z.boolean(), reissueRatingLink: z.boolean() }),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

export const ListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['0', '1']).optional(),
  status: z.enum(['open', 'ended', 'due_soon', 'late']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const FiguresQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['0', '1']).optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});

export const PublicDossier = z.object({
  code: z.string(),
  unitName: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  receivedAt: z.string(),
  appointmentAt: z.string(),
  apologyAppointmentAt: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  endedAt: z.string().nullable(),
});

export const RatingBody = z.object({
  rating: z.enum(['very_satisfied', 'satisfied', 'not_satisfied']),
  criteria: z.record(z.string().max(50), z.string().max(50)).optional(),
  comment: z.string().max(2000).nullish(),
});

const Figure = FigureOut;

export const FiguresOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  received: z.object({ total: z.number(), online: z.number(), direct: z.number(), postal: z.number() }),
  finished: z.object({
    total: z.number(),
    early: z.number(),
    onTime: z.number(),
    late: z.number(),
    resolved: z.number(),
    returned: z.number(),
    refused: z.number(),
    withdrawn: z.number(),
  }),
  inProgress: z.object({ total: z.number(), onTime: z.number(), late: z.number() }),
  handled: z.number(),
  onTimeRate: Figure,
  lateRate: Figure,
  onlineShare: Figure,
  onlinePaymentShare: Figure,
  componentDigitisation: Figure,
  electronicResultShare: Figure,
  digitisation: Figure,
  satisfaction: Figure,
  dossierSatisfaction: Figure,
  ratings: z.object({ verySatisfied: z.number(), satisfied: z.number(), notSatisfied: z.number() }),
  complaintsOrNotSatisfied: z.number(),
  definitions: z.record(z.string(), z.string()),
});

export const DueSoonItem = DossierListItem.extend({ atRisk: z.boolean(), apologyRequired: z.boolean() });

export const AccessLogEntry = z.object({
  at: z.string(),
  user: z.string(),
  kind: z.string(),
  dossierId: z.number().nullable(),
  detail: z.string().nullable(),
});

export const RatingTarget = z.object({
  code: z.string(),
  unitName: z.string(),
  procedureName: z.string(),
  rated: z.boolean(),
});
