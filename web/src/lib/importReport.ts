/**
 * Reading the import reports the server sends (procedure catalogue, register, e-office documents):
 * row errors are always under `errors` (in the report, or in the details of a refused import),
 * counts at the top of the report or under `counts`.
 */
import type { RowError } from '../api/types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Vietnamese names of the counts the import reports carry. */
const COUNT_LABELS: Record<string, string> = {
  rows: 'Tổng số dòng',
  valid: 'Dòng hợp lệ',
  invalid: 'Dòng có lỗi',
  created: 'Thêm mới',
  updated: 'Cập nhật',
  unchanged: 'Không thay đổi',
  skipped: 'Bỏ qua',
  imported: 'Đã nhập',
  generatedCodes: 'Mã hồ sơ tự sinh',
  computedAppointments: 'Ngày hẹn tự tính',
  open: 'Hồ sơ đang giải quyết',
  ended: 'Hồ sơ đã kết thúc',
  late: 'Hồ sơ trễ hạn',
};

export interface Count {
  key: string;
  label: string;
  value: number;
}

/** The named counts under `counts`, then those at the top of the report (each label once). */
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
  if (isObj(report.counts)) scan(report.counts);
  scan(report);
  return out;
}

/** The row errors under `errors` (`{ row, field, message }`), those without a message left out. */
export function readRowErrors(report: unknown): RowError[] {
  if (!isObj(report) || !Array.isArray(report.errors)) return [];
  const out: RowError[] = [];
  for (const e of report.errors as unknown[]) {
    const message = isObj(e) ? str(e.message) : null;
    if (isObj(e) && message) out.push({ row: num(e.row), field: str(e.field), message });
  }
  return out;
}

/** A register field's Vietnamese name, as the server lists the fields in its preview. */
export const fieldLabel = (key: string, fields: readonly { key: string; label: string }[] = []): string =>
  fields.find((f) => f.key === key)?.label ?? key;

/** A fresh id for following a commit (`[A-Za-z0-9_-]{8,64}`; works on plain HTTP too). */
export function newImportId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
