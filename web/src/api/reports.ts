/** The periodic reports' API: shapes inferred from the server's schemas, calls through the client. */
import type { z } from 'zod';
import type {
  DraftBody,
  PeriodStateOut,
  ReportDetail as ReportDetailSchema,
  ReportOverview as ReportOverviewSchema,
  ReportSchedule as ReportScheduleSchema,
  ReportSubmitResult as ReportSubmitResultSchema,
} from '../../../src/modules/reports/schema.js';
import { request } from './client.js';

export type ReportState = 'not_started' | 'draft' | 'submitted' | 'returned' | 'overdue';

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  not_started: 'Chưa lập',
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  overdue: 'Trễ hạn',
};

export const REPORT_STATE_COLORS: Record<ReportState, string> = {
  not_started: 'gray',
  draft: 'blue',
  submitted: 'teal',
  returned: 'orange',
  overdue: 'red',
};

export type PeriodState = z.infer<typeof PeriodStateOut>;
export type ReportSchedule = z.infer<typeof ReportScheduleSchema>;
export type ReportOverview = z.infer<typeof ReportOverviewSchema>;
export type ReportDetail = z.infer<typeof ReportDetailSchema>;
export type ReportContent = NonNullable<ReportDetail['content']>;
export type AreaFigures = ReportContent['areas'][number]['figures'];
export type DraftInput = z.input<typeof DraftBody>;
export type ReportSubmitResult = z.infer<typeof ReportSubmitResultSchema>;

const base = (unitId: number, period: string) =>
  `/api/reports/units/${unitId}/periods/${encodeURIComponent(period)}`;

export const reportApi = {
  schedule: (unitId: number, year: number) =>
    request<ReportSchedule>('GET', `/api/reports/schedule?unitId=${unitId}&year=${year}`),
  overview: (unitId: number, period: string) =>
    request<ReportOverview>(
      'GET',
      `/api/reports/overview?unitId=${unitId}&period=${encodeURIComponent(period)}`,
    ),
  detail: (unitId: number, period: string) => request<ReportDetail>('GET', base(unitId, period)),
  save: (unitId: number, period: string, body: DraftInput) =>
    request<ReportDetail>('PUT', base(unitId, period), body),
  submit: (unitId: number, period: string) =>
    request<ReportSubmitResult>('POST', `${base(unitId, period)}/submit`),
  returnReport: (unitId: number, period: string, reason: string) =>
    request<ReportDetail>('POST', `${base(unitId, period)}/return`, { reason }),
  fileUrl: (unitId: number, period: string, format: 'docx' | 'xlsx', seq?: number) =>
    `${base(unitId, period)}${seq === undefined ? '' : `/submissions/${seq}`}/report.${format}`,
};

/** Query keys of the reports, one factory so that pages invalidate what they changed. */
export const reportKeys = {
  all: ['reports'] as const,
  schedules: ['reports', 'schedule'] as const,
  schedule: (unitId: number, year: number) => ['reports', 'schedule', unitId, year] as const,
  overviews: ['reports', 'overview'] as const,
  overview: (unitId: number, period: string) => ['reports', 'overview', unitId, period] as const,
  detail: (unitId: number, period: string) => ['reports', 'detail', unitId, period] as const,
};
