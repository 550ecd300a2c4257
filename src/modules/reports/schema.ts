import { z } from 'zod';
import { ReportContentV1 } from '../exchange/package.js';

const PERIOD_MESSAGE = 'Kỳ báo cáo phải có dạng NĂM-Q1, NĂM-H1, NĂM-Q3 hoặc NĂM-Y (ví dụ 2026-Q1).';

export const ReportParams = z.object({
  unitId: z.coerce.number().int().positive({ error: 'Mã đơn vị không hợp lệ.' }),
  period: z.string().regex(/^\d{4}-(Q1|H1|Q3|Y)$/i, { error: PERIOD_MESSAGE }),
});

export const SubmissionParams = ReportParams.extend({
  seq: z.coerce.number().int().positive({ error: 'Số thứ tự lần gửi không hợp lệ.' }),
});

export const ScheduleQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce
    .number()
    .int()
    .min(2000, { error: 'Năm không hợp lệ.' })
    .max(2100, { error: 'Năm không hợp lệ.' })
    .optional(),
});

export const OverviewQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  period: z.string().regex(/^\d{4}-(Q1|H1|Q3|Y)$/i, { error: PERIOD_MESSAGE }),
});

export const DraftBody = z.object({
  number: z.string().max(100, { error: 'Số báo cáo quá dài.' }).nullable().optional(),
  signerTitle: z.string().max(200, { error: 'Chức vụ người ký quá dài.' }).nullable().optional(),
  signerName: z.string().max(200, { error: 'Họ tên người ký quá dài.' }).nullable().optional(),
  narratives: z
    .object({
      areas: z
        .record(
          z.string().max(10),
          z.string().max(20_000, { error: 'Nội dung một lĩnh vực không quá 20.000 ký tự.' }),
        )
        .optional(),
      general: z
        .string()
        .max(20_000, { error: 'Nội dung đánh giá chung không quá 20.000 ký tự.' })
        .optional(),
    })
    .optional(),
});
export type DraftBody = z.infer<typeof DraftBody>;

export const ReturnBody = z.object({
  reason: z
    .string()
    .trim()
    .min(3, { error: 'Hãy ghi rõ lý do trả lại báo cáo.' })
    .max(5000, { error: 'Lý do không quá 5.000 ký tự.' }),
});

// ---- responses ----

const UnitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });
const ReportStatusOut = z.enum(['draft', 'submitted', 'returned']);

export const PeriodStateOut = z.object({
  key: z.string(),
  label: z.string(),
  dueDate: z.string(),
  cutoffFrom: z.string(),
  cutoffTo: z.string(),
  state: z.enum(['not_started', 'draft', 'submitted', 'returned', 'overdue']),
  status: ReportStatusOut.nullable(),
  reportId: z.number().nullable(),
  submittedAt: z.string().nullable(),
  submittedLate: z.boolean(),
});

export const ReportSchedule = z.object({
  unit: UnitRef,
  year: z.number(),
  plan: z.object({ id: z.number(), number: z.string().nullable(), title: z.string() }).nullable(),
  today: z.string(),
  periods: z.array(PeriodStateOut),
  canEdit: z.boolean(),
});

export const ReportOverview = z.object({
  period: z.string(),
  units: z.array(
    PeriodStateOut.extend({
      unitId: z.number(),
      unitCode: z.string(),
      unitName: z.string(),
      hasPlan: z.boolean(),
      received: z.boolean(),
    }),
  ),
});

export const ReportDetail = z
  .object({
    unit: UnitRef,
    period: PeriodStateOut,
    hasPlan: z.boolean(),
    received: z.boolean(),
    draft: z.object({
      number: z.string().nullable(),
      signerTitle: z.string().nullable(),
      signerName: z.string().nullable(),
      narratives: z.object({ areas: z.record(z.string(), z.string()), general: z.string() }),
      updatedAt: z.string().nullable(),
    }),
    content: ReportContentV1.nullable(),
    frozen: z.boolean(),
    submissions: z.array(
      z.object({
        seq: z.number(),
        submittedAt: z.string(),
        submittedBy: z.string().nullable(),
        late: z.boolean(),
        dueDate: z.string(),
        returnedAt: z.string().nullable(),
        returnedBy: z.string().nullable(),
        returnReason: z.string().nullable(),
      }),
    ),
    actions: z.object({ edit: z.boolean(), submit: z.boolean(), return: z.boolean() }),
  })
  .meta({ id: 'ReportDetail' });

export const ReportSubmitResult = z.object({
  reportId: z.number(),
  seq: z.number(),
  late: z.boolean(),
  report: ReportDetail,
});
