/**
 * Submitting a report to the superior (figures and files frozen with the submission, handed to the
 * report exchange in the same transaction) and the superior returning it for correction.
 */
import { AppError } from '../../errors.js';
import { submittedLate } from '../../core/report/index.js';
import { reportDocx } from '../../documents/report.js';
import { reportXlsx } from '../../documents/report-xlsx.js';
import { sha256 } from '../../lib/hash.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { insertBlob } from '../files/repository.js';
import type { ReportsContext } from './context.js';
import { gatherReport } from './gather.js';
import {
  blankReport,
  insertSubmission,
  listSubmissions,
  lockOrCreateReport,
  lockReport,
  markSubmissionReturned,
  updateReport,
} from './repository.js';

/** Sends the report to the superior: figures and files are frozen with the submission. */
export async function submitReport(
  ctx: ReportsContext,
  actor: Actor,
  unitId: number,
  rawKey: string,
  requestId?: string,
) {
  const { unit, plan, pk, period, report } = await ctx.locate(actor, unitId, rawKey);
  if (!policy.editReport(actor, unit.id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới gửi được báo cáo của đơn vị.');
  if (report?.status === 'submitted') throw new AppError('REPORT_SUBMITTED');
  const content = await gatherReport(ctx, unit, plan, pk, period, report);
  const [docx, xlsx] = await Promise.all([reportDocx(content), reportXlsx(content)]);
  const now = ctx.clock.now().toISOString();
  const late = submittedLate(ctx.today(), period.dueDate);
  return ctx.db.transaction().execute(async (tx) => {
    // Under the report's row lock: of two submissions at once, one wins and one is refused.
    const { report: current } = await lockOrCreateReport(tx, blankReport(unit.id, pk, now, actor.userId));
    if (current.status === 'submitted') throw new AppError('REPORT_SUBMITTED');
    const seq = current.submission_count + 1;
    const sub = await insertSubmission(tx, {
      report_id: current.id,
      seq,
      submitted_at: now,
      submitted_by: actor.userId,
      due_date: period.dueDate,
      late: late ? 1 : 0,
      docx_file_id: await insertBlob(tx, sha256(docx), docx),
      xlsx_file_id: await insertBlob(tx, sha256(xlsx), xlsx),
      snapshot_json: JSON.stringify(content),
      returned_at: null,
      returned_by: null,
      return_reason: null,
    });
    await updateReport(tx, current.id, {
      status: 'submitted',
      submission_count: seq,
      updated_by: actor.userId,
      updated_at: now,
    });
    if (ctx.onSubmitted)
      await ctx.onSubmitted(tx, {
        unit,
        reportId: current.id,
        submissionId: sub.id,
        periodKey: pk.key,
        seq,
        submittedAt: now,
        dueDate: period.dueDate,
        late,
        content,
        docx,
        xlsx,
      });
    await ctx.audit(
      tx,
      actor,
      { unitId: unit.id, reportId: current.id, action: seq === 1 ? 'submit' : 'resubmit', requestId },
      {
        period: pk.key,
        seq,
        late,
        dueDate: period.dueDate,
        submissionId: sub.id,
        docxSha256: sha256(docx),
        xlsxSha256: sha256(xlsx),
      },
    );
    return { reportId: current.id, seq, late };
  });
}

/** The superior returns a submitted report for correction, with a reason. */
export async function returnReportForCorrection(
  ctx: ReportsContext,
  actor: Actor,
  unitId: number,
  rawKey: string,
  reason: string,
  requestId?: string,
) {
  const { unit, pk, report } = await ctx.locate(actor, unitId, rawKey);
  if (!policy.reviewReport(actor, unit.path, unit.id))
    throw new AppError('FORBIDDEN', 'Chỉ đơn vị cấp trên mới trả lại được báo cáo.');
  const text = reason.trim();
  if (text.length < 3) throw new AppError('VALIDATION', 'Hãy ghi rõ lý do trả lại báo cáo.');
  if (!report || report.status !== 'submitted') throw new AppError('REPORT_NOT_SUBMITTED');
  if (await ctx.isReceived(report.id)) throw new AppError('EXCHANGE_RECEIVED_REPORT');
  const subs = await listSubmissions(ctx.db, report.id);
  const last = subs[subs.length - 1]!;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const current = await lockReport(tx, report.id);
    if (current?.status !== 'submitted' || current.submission_count !== last.seq)
      throw new AppError('REPORT_NOT_SUBMITTED');
    await markSubmissionReturned(tx, last.id, now, actor.userId, text);
    await updateReport(tx, report.id, { status: 'returned', updated_by: actor.userId, updated_at: now });
    await ctx.audit(
      tx,
      actor,
      { unitId: unit.id, reportId: report.id, action: 'return', requestId },
      { period: pk.key, seq: last.seq, reason: text },
    );
  });
  return { reportId: report.id, seq: last.seq };
}
