import { z } from 'zod';

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
