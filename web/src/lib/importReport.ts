/**
 * Reading the reports of the procedure and register imports. They were written against a contract
 * while the server side was being built, so each reader accepts the small variations a server may
 * make (`errors` or `rowErrors`, `row` or `line`, counts at the top or under `counts`) and ignores
 * what it does not know.
 */
import type { RowError } from '../api/types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const first = <T>(o: Obj, keys: string[], read: (v: unknown) => T | null): T | null => {
  for (const k of keys) {
    const v = read(o[k]);
    if (v !== null) return v;
  }
  return null;
};

/** Vietnamese names of the counts an import report may carry. */
const COUNT_LABELS: Record<string, string> = {
  total: 'Tổng số dòng',
  rows: 'Tổng số dòng',
  totalRows: 'Tổng số dòng',
  valid: 'Dòng hợp lệ',
  validRows: 'Dòng hợp lệ',
  ok: 'Dòng hợp lệ',
  invalid: 'Dòng có lỗi',
  invalidRows: 'Dòng có lỗi',
  errorRows: 'Dòng có lỗi',
  created: 'Thêm mới',
  inserted: 'Thêm mới',
  added: 'Thêm mới',
  updated: 'Cập nhật',
  unchanged: 'Không thay đổi',
  skipped: 'Bỏ qua',
  duplicates: 'Trùng',
  imported: 'Đã nhập',
  generatedCodes: 'Mã hồ sơ tự sinh',
  computedAppointments: 'Ngày hẹn tự tính',
  procedures: 'Thủ tục',
  newProcedures: 'Thủ tục mới',
  dossiers: 'Hồ sơ',
  open: 'Hồ sơ đang giải quyết',
  ended: 'Hồ sơ đã kết thúc',
  late: 'Hồ sơ trễ hạn',
  warnings: 'Cảnh báo',
};

export interface Count {
  key: string;
  label: string;
  value: number;
}

/** The counts found at the top of the report and under `counts` / `summary`. */
export function readCounts(report: unknown): Count[] {
  if (!isObj(report)) return [];
  const out: Count[] = [];
  const seen = new Set<string>();
  const scan = (o: Obj) => {
    for (const [k, v] of Object.entries(o)) {
      const n = num(v);
      const label = COUNT_LABELS[k];
      if (n === null || !label || seen.has(label)) continue;
      seen.add(label);
      out.push({ key: k, label, value: n });
    }
  };
  for (const k of ['counts', 'summary', 'stats', 'totals']) if (isObj(report[k])) scan(report[k]);
  scan(report);
  return out;
}

function readRowError(v: unknown): RowError | null {
  if (typeof v === 'string') return { message: v };
  if (!isObj(v)) return null;
  const message = first(v, ['message', 'error', 'text', 'reason'], str);
  if (!message) return null;
  return {
    row: first(v, ['row', 'line', 'rowNumber', 'excelRow', 'index'], num),
    field: first(v, ['field', 'fieldLabel', 'column', 'header', 'col'], str),
    message,
  };
}

/** Row errors under `errors`, `rowErrors`, `problems` or `issues` (also inside `details`). */
export function readRowErrors(report: unknown): RowError[] {
  if (Array.isArray(report)) return report.map(readRowError).filter((e): e is RowError => e !== null);
  if (!isObj(report)) return [];
  for (const k of ['rowErrors', 'errors', 'problems', 'issues', 'invalidRows'])
    if (Array.isArray(report[k]))
      return (report[k] as unknown[]).map(readRowError).filter((e): e is RowError => e !== null);
  if (isObj(report.details)) return readRowErrors(report.details);
  if (Array.isArray(report.details)) return readRowErrors(report.details);
  return [];
}

export function readMessage(report: unknown): string | null {
  return isObj(report) ? first(report, ['message', 'note', 'summaryText'], str) : null;
}

// ── Register import (preview, commit, progress) ───────────────────────────────────────────────

export interface PreviewColumn {
  index: number;
  header: string;
  field: string | null;
}

export interface FieldInfo {
  key: string;
  label: string;
  required: boolean;
}

/** Vietnamese names of the register fields, when the server does not send its own. */
const FIELD_LABELS: Record<string, string> = {
  code: 'Mã hồ sơ',
  dossierCode: 'Mã hồ sơ',
  procedure: 'Thủ tục',
  procedureCode: 'Mã thủ tục',
  procedureName: 'Tên thủ tục',
  field: 'Lĩnh vực',
  applicant: 'Người nộp',
  applicantName: 'Người nộp',
  name: 'Người nộp',
  idNumber: 'Số định danh',
  applicantIdNumber: 'Số định danh',
  address: 'Địa chỉ',
  applicantAddress: 'Địa chỉ',
  phone: 'Số điện thoại',
  applicantPhone: 'Số điện thoại',
  email: 'Thư điện tử',
  applicantEmail: 'Thư điện tử',
  channel: 'Kênh tiếp nhận',
  receivedAt: 'Ngày tiếp nhận',
  appointmentAt: 'Ngày hẹn trả',
  resolvedAt: 'Ngày có kết quả',
  returnedAt: 'Ngày trả kết quả',
  returnMethod: 'Hình thức trả',
  refusedAt: 'Ngày từ chối',
  withdrawnAt: 'Ngày rút hồ sơ',
  endedAt: 'Ngày kết thúc',
  status: 'Trạng thái',
  leadBody: 'Cơ quan chủ trì',
  lead: 'Cơ quan chủ trì',
  timeLimit: 'Thời hạn giải quyết',
  limit: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  paidOnline: 'Thanh toán trực tuyến',
  digitised: 'Đã số hóa',
  electronicResult: 'Kết quả điện tử',
  supplementRequests: 'Số lần bổ sung',
  note: 'Ghi chú',
  registerNo: 'Số thứ tự',
};

export const fieldLabel = (key: string, fields: FieldInfo[] = []): string =>
  fields.find((f) => f.key === key)?.label ?? FIELD_LABELS[key] ?? key;

export interface RegisterPreview {
  columns: PreviewColumn[];
  mapping: Record<string, number>;
  fields: FieldInfo[];
  counts: Count[];
  rows: { cells: Record<string, string>; row: number | null }[];
  /** The keys of `rows`' cells, in order. */
  rowKeys: string[];
  /** The same rows as the server sent them (objects), for a richer table when they are known. */
  rawRows: Record<string, unknown>[];
  errors: RowError[];
  message: string | null;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function readFields(v: unknown): FieldInfo[] {
  if (Array.isArray(v))
    return v
      .map((f): FieldInfo | null => {
        if (typeof f === 'string') return { key: f, label: FIELD_LABELS[f] ?? f, required: false };
        if (!isObj(f)) return null;
        const key = first(f, ['key', 'field', 'name', 'id'], str);
        if (!key) return null;
        return {
          key,
          label: first(f, ['label', 'title'], str) ?? FIELD_LABELS[key] ?? key,
          required: f.required === true,
        };
      })
      .filter((f): f is FieldInfo => f !== null);
  if (isObj(v))
    return Object.entries(v).map(([key, label]) => ({
      key,
      label: typeof label === 'string' ? label : isObj(label) ? (str(label.label) ?? key) : key,
      required: isObj(label) && label.required === true,
    }));
  return [];
}

export function readRegisterPreview(report: unknown): RegisterPreview {
  const o = isObj(report) ? report : {};
  const mapping: Record<string, number> = {};
  const rawMapping = isObj(o.mapping) ? o.mapping : isObj(o.columnMapping) ? o.columnMapping : {};
  for (const [k, v] of Object.entries(rawMapping)) if (num(v) !== null) mapping[k] = v as number;

  let columns: PreviewColumn[] = [];
  const rawColumns = Array.isArray(o.columns) ? o.columns : Array.isArray(o.headers) ? o.headers : [];
  columns = rawColumns.map((c, i): PreviewColumn => {
    if (typeof c === 'string') {
      const field = Object.entries(mapping).find(([, idx]) => idx === i)?.[0] ?? null;
      return { index: i, header: c, field };
    }
    const co = isObj(c) ? c : {};
    const index = num(co.index) ?? i;
    const field = str(co.field) ?? Object.entries(mapping).find(([, idx]) => idx === index)?.[0] ?? null;
    return {
      index,
      header: first(co, ['header', 'label', 'name', 'title'], str) ?? `Cột ${index + 1}`,
      field,
    };
  });
  // Columns named only in the mapping.
  if (columns.length === 0)
    columns = Object.entries(mapping)
      .sort((a, b) => a[1] - b[1])
      .map(([field, index]) => ({ index, header: `Cột ${index + 1}`, field }));
  for (const c of columns) if (c.field && mapping[c.field] === undefined) mapping[c.field] = c.index;

  const fields = readFields(o.fields ?? o.fieldLabels);
  const rawRows = [o.rows, o.sample, o.firstRows, o.preview, o.sampleRows].find(Array.isArray) as
    unknown[] | undefined;
  const rowKeys: string[] = [];
  const rows = (rawRows ?? []).slice(0, 50).map((r) => {
    const cells: Record<string, string> = {};
    let row: number | null = null;
    if (Array.isArray(r)) {
      r.forEach((v, i) => {
        const key = columns.find((c) => c.index === i)?.header ?? `Cột ${i + 1}`;
        cells[key] = cellText(v);
      });
    } else if (isObj(r)) {
      row = first(r, ['row', 'line', 'rowNumber'], num);
      const values = isObj(r.values) ? r.values : isObj(r.data) ? r.data : isObj(r.fields) ? r.fields : r;
      for (const [k, v] of Object.entries(values)) {
        if (values === r && ['row', 'line', 'rowNumber', 'errors'].includes(k)) continue;
        cells[k] = cellText(v);
      }
    }
    for (const k of Object.keys(cells)) if (!rowKeys.includes(k)) rowKeys.push(k);
    return { cells, row };
  });

  return {
    columns,
    mapping,
    fields,
    counts: readCounts(o),
    rows,
    rowKeys,
    rawRows: (rawRows ?? []).filter(isObj).slice(0, 50),
    errors: readRowErrors(o),
    message: readMessage(o),
  };
}

export interface ImportProgress {
  /** 0–1, or null when unknown. */
  fraction: number | null;
  processed: number | null;
  total: number | null;
  done: boolean;
  failed: boolean;
  message: string | null;
  counts: Count[];
  errors: RowError[];
}

/** A commit's answer or a progress poll: `{ id, status, processed, total, percent, result }`. */
export function readProgress(report: unknown): ImportProgress {
  const o = isObj(report) ? report : {};
  const status = first(o, ['status', 'state', 'phase'], str)?.toLowerCase() ?? null;
  const processed = first(o, ['processed', 'done', 'current', 'rowsDone', 'imported'], num);
  const total = first(o, ['total', 'rows', 'totalRows', 'count'], num);
  const percent = first(o, ['percent', 'progress', 'fraction'], num);
  const fraction =
    percent !== null
      ? percent > 1
        ? percent / 100
        : percent
      : processed !== null && total
        ? processed / total
        : null;
  const failed = status === 'failed' || status === 'error' || o.failed === true;
  const done =
    failed ||
    o.done === true ||
    o.finished === true ||
    o.completed === true ||
    status === 'done' ||
    status === 'finished' ||
    status === 'completed' ||
    status === 'succeeded' ||
    status === 'success';
  const result = isObj(o.result) ? o.result : isObj(o.report) ? o.report : o;
  return {
    fraction: fraction === null ? null : Math.max(0, Math.min(1, fraction)),
    processed,
    total,
    done,
    failed,
    message: readMessage(o) ?? (isObj(o.error) ? str(o.error.message) : str(o.error)) ?? readMessage(result),
    counts: readCounts(result),
    errors: readRowErrors(result),
  };
}

/** A fresh id for following a commit (`[A-Za-z0-9_-]{8,64}`; works on plain HTTP too). */
export function newImportId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
