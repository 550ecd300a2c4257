/**
 * Periodic CCHC reports (issue 6): the reporting schedule of a unit, drafts with narratives per
 * area, generation of the .docx / .xlsx from live data inside the period's cut-off window,
 * submission to the superior (figures and files frozen), return for correction, re-submission.
 *
 * Each use case is a named function in its own file (context, gather, schedule, draft, files,
 * submission); this object binds them to one context. Figures come from the one figures service
 * (ADR 013), wired in `services.ts`.
 */
import type { Actor, Caller } from '../auth/roles.js';
import type { ReportsDeps } from './context.js';
import { reportsContext } from './context.js';
import type { DraftInput } from './draft.js';
import { reportDetail, saveReportDraft } from './draft.js';
import type { ReportFormat } from './files.js';
import { reportFile } from './files.js';
import { reportContent } from './gather.js';
import { dueReports, reportSchedule, reportsOverview } from './schedule.js';
import { returnReportForCorrection, submitReport } from './submission.js';

export type { Narratives, PeriodState, ReportsDeps, SubmittedReport } from './context.js';
export type { DraftInput } from './draft.js';
export type { ReportFormat } from './files.js';
export { reportFileName } from './files.js';
export type { DueReport } from './schedule.js';

export function reportsService(deps: ReportsDeps) {
  const ctx = reportsContext(deps);
  return {
    parseKey: ctx.key,
    schedule: (actor: Actor, unitId: number, year: number) => reportSchedule(ctx, actor, unitId, year),
    overview: (actor: Actor, unitId: number, rawKey: string) => reportsOverview(ctx, actor, unitId, rawKey),
    detail: (actor: Actor, unitId: number, rawKey: string) => reportDetail(ctx, actor, unitId, rawKey),
    saveDraft: (caller: Caller, unitId: number, rawKey: string, input: DraftInput, requestId?: string) =>
      saveReportDraft(ctx, caller, unitId, rawKey, input, requestId),
    file: (caller: Caller, unitId: number, rawKey: string, format: ReportFormat, seq?: number) =>
      reportFile(ctx, caller, unitId, rawKey, format, seq),
    content: (caller: Caller, unitId: number, rawKey: string) => reportContent(ctx, caller, unitId, rawKey),
    submit: (actor: Actor, unitId: number, rawKey: string, requestId?: string) =>
      submitReport(ctx, actor, unitId, rawKey, requestId),
    returnForCorrection: (actor: Actor, unitId: number, rawKey: string, reason: string, requestId?: string) =>
      returnReportForCorrection(ctx, actor, unitId, rawKey, reason, requestId),
    dueReports: (today: string, opts?: { soonDays?: number; underPath?: string }) =>
      dueReports(ctx, today, opts),
  };
}

export type ReportsService = ReturnType<typeof reportsService>;
