/** A report as a file (.docx / .xlsx): frozen bytes once submitted, else generated from live data. */
import { AppError } from '../../errors.js';
import { reportDocx } from '../../documents/report.js';
import { reportXlsx } from '../../documents/report-xlsx.js';
import type { Caller } from '../auth/roles.js';
import { readBlob } from '../files/repository.js';
import type { ReportsContext } from './context.js';
import { gatherReport } from './gather.js';
import { listSubmissions } from './repository.js';

export type ReportFormat = 'docx' | 'xlsx';

/** "BC-CCHC-THHB-2026-Q1.docx". */
export function reportFileName(unitCode: string, periodKey: string, format: ReportFormat): string {
  return `BC-CCHC-${unitCode}-${periodKey}.${format}`;
}

/**
 * The report as a file: the frozen bytes of the last submission once submitted (or of submission
 * `seq`), otherwise generated now from live data and the draft.
 */
export async function reportFile(
  ctx: ReportsContext,
  caller: Caller,
  unitId: number,
  rawKey: string,
  format: ReportFormat,
  seq?: number,
) {
  const { unit, plan, pk, period, report } = await ctx.locate(caller, unitId, rawKey);
  const filename = reportFileName(unit.code, pk.key, format);
  if (report && (seq !== undefined || report.status === 'submitted')) {
    const subs = await listSubmissions(ctx.db, report.id);
    const sub = seq === undefined ? subs[subs.length - 1] : subs.find((s) => s.seq === seq);
    if (!sub) throw new AppError('NOT_FOUND', 'Không tìm thấy lần gửi báo cáo này.');
    const bytes = await readBlob(ctx.db, format === 'docx' ? sub.docx_file_id : sub.xlsx_file_id);
    if (!bytes) throw new AppError('NOT_FOUND');
    return { bytes: Buffer.from(bytes), filename, frozen: true };
  }
  if (seq !== undefined) throw new AppError('NOT_FOUND', 'Không tìm thấy lần gửi báo cáo này.');
  const content = await gatherReport(ctx, unit, plan, pk, period, report);
  return {
    bytes: format === 'docx' ? await reportDocx(content) : await reportXlsx(content),
    filename,
    frozen: false,
  };
}
