/**
 * The periodic reports' API, for ReportsPage and ReportPage (kept beside them so that the shared
 * api/client.ts stays untouched): the same error handling as the client (Vietnamese messages).
 */
import { ApiError } from '../api/client.js';

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

export interface PeriodState {
  key: string;
  label: string;
  dueDate: string;
  cutoffFrom: string;
  cutoffTo: string;
  state: ReportState;
  status: 'draft' | 'submitted' | 'returned' | null;
  reportId: number | null;
  submittedAt: string | null;
  submittedLate: boolean;
}

export interface ReportSchedule {
  unit: { id: number; code: string; name: string };
  year: number;
  plan: { id: number; number: string | null; title: string } | null;
  today: string;
  periods: PeriodState[];
  canEdit: boolean;
}

export interface ReportOverview {
  period: string;
  units: (PeriodState & {
    unitId: number;
    unitCode: string;
    unitName: string;
    hasPlan: boolean;
    /** Received from the unit's own server through the exchange (liên thông). */
    received?: boolean;
  })[];
}

export interface AreaFigures {
  tasks: number;
  due: number;
  done: number;
  doneLate: number;
  overdue: number;
  notYetDue: number;
  notApplicable: number;
}

export interface ReportContent {
  period: { key: string; label: string; cutoffFrom: string; cutoffTo: string; dueDate: string };
  asOf: string;
  areas: { code: string; title: string; figures: AreaFigures; narrative: string }[];
  tasks: { areaCode: string; code: string; title: string; dueInWindow: string; result: string }[];
  targets: {
    code: string;
    text: string;
    isGroup: boolean;
    threshold: string;
    valueText: string;
    stateLabel: string;
    state: string;
  }[];
  dossiers: Record<string, number | null> | null;
  satisfaction: {
    verySatisfied: number;
    satisfied: number;
    notSatisfied: number;
    rate: number | null;
  } | null;
  feedback: Record<string, number | null> | null;
}

export interface ReportDetail {
  unit: { id: number; code: string; name: string };
  period: PeriodState;
  hasPlan: boolean;
  draft: {
    number: string | null;
    signerTitle: string | null;
    signerName: string | null;
    narratives: { areas: Record<string, string>; general: string };
    updatedAt: string | null;
  };
  content: ReportContent | null;
  frozen: boolean;
  submissions: {
    seq: number;
    submittedAt: string;
    submittedBy: string | null;
    late: boolean;
    dueDate: string;
    returnedAt: string | null;
    returnedBy: string | null;
    returnReason: string | null;
  }[];
  actions: { edit: boolean; submit: boolean; return: boolean };
}

export interface DraftInput {
  number?: string | null;
  signerTitle?: string | null;
  signerName?: string | null;
  narratives?: { areas?: Record<string, string>; general?: string };
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError('Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.', 0, 'NETWORK');
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      e?.message ?? `Máy chủ trả lời lỗi (HTTP ${res.status}). Vui lòng thử lại sau.`,
      res.status,
      e?.code ?? 'HTTP_ERROR',
    );
  }
  return data as T;
}

const base = (unitId: number, period: string) =>
  `/api/reports/units/${unitId}/periods/${encodeURIComponent(period)}`;

export const reportApi = {
  schedule: (unitId: number, year: number) =>
    call<ReportSchedule>('GET', `/api/reports/schedule?unitId=${unitId}&year=${year}`),
  overview: (unitId: number, period: string) =>
    call<ReportOverview>(
      'GET',
      `/api/reports/overview?unitId=${unitId}&period=${encodeURIComponent(period)}`,
    ),
  detail: (unitId: number, period: string) => call<ReportDetail>('GET', base(unitId, period)),
  save: (unitId: number, period: string, body: DraftInput) =>
    call<ReportDetail>('PUT', base(unitId, period), body),
  submit: (unitId: number, period: string) =>
    call<{ seq: number; late: boolean; report: ReportDetail }>('POST', `${base(unitId, period)}/submit`),
  returnReport: (unitId: number, period: string, reason: string) =>
    call<ReportDetail>('POST', `${base(unitId, period)}/return`, { reason }),
  fileUrl: (unitId: number, period: string, format: 'docx' | 'xlsx', seq?: number) =>
    `${base(unitId, period)}${seq === undefined ? '' : `/submissions/${seq}`}/report.${format}`,
};
