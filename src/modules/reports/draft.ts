/** A report's page (state, draft, figures, history) and saving its draft. */
import { AppError } from '../../errors.js';
import type { ReportRow } from '../../db/tables.js';
import type { ReportContent } from '../../core/report/index.js';
import { policy } from '../auth/policy.js';
import type { Actor, Caller } from '../auth/roles.js';
import { callerUserId, isSystem } from '../auth/roles.js';
import type { Narratives, ReportsContext } from './context.js';
import { parseNarratives, periodState, statusOf } from './context.js';
import { gatherReport } from './gather.js';
import { listSubmissions, lockOrCreateReport, updateReport } from './repository.js';

export interface DraftInput {
  number?: string | null | undefined;
  signerTitle?: string | null | undefined;
  signerName?: string | null | undefined;
  narratives?: { areas?: Record<string, string> | undefined; general?: string | undefined } | undefined;
}

/** The report of a unit and period: its state, draft, figures (frozen once submitted), history. */
export async function reportDetail(ctx: ReportsContext, actor: Actor, unitId: number, rawKey: string) {
  const { unit, plan, pk, period, report } = await ctx.locate(actor, unitId, rawKey);
  const submissions = report ? await listSubmissions(ctx.db, report.id) : [];
  const last = submissions[submissions.length - 1];
  const status = statusOf(report);
  const frozen = status === 'submitted' && last ? (JSON.parse(last.snapshot_json) as ReportContent) : null;
  const content = frozen ?? (plan ? await gatherReport(ctx, unit, plan, pk, period, report) : null);
  const canEdit = policy.editReport(actor, unit.id);
  const received = report !== undefined && (await ctx.isReceived(report.id));
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: periodState(period, report, last, ctx.today()),
    hasPlan: plan !== undefined || received,
    received,
    draft: {
      number: report?.number ?? null,
      signerTitle: report?.signer_title ?? null,
      signerName: report?.signer_name ?? null,
      narratives: parseNarratives(report?.narratives_json),
      updatedAt: report?.updated_at ?? null,
    },
    content,
    frozen: frozen !== null,
    submissions: submissions.map((s) => ({
      seq: s.seq,
      submittedAt: s.submitted_at,
      submittedBy: s.submitted_by_name,
      late: s.late === 1,
      dueDate: s.due_date,
      returnedAt: s.returned_at,
      returnedBy: s.returned_by_name,
      returnReason: s.return_reason,
    })),
    actions: {
      edit: canEdit && plan !== undefined && status !== 'submitted',
      submit: canEdit && plan !== undefined && status !== 'submitted',
      // A report received from the unit's own server is returned there, not here.
      return: status === 'submitted' && !received && policy.reviewReport(actor, unit.path, unit.id),
    },
  };
}

/**
 * The draft's fields this save does not give keep their value as it is under the lock (a save by
 * someone else may have come in between).
 */
function patchOver(base: ReportRow | undefined, input: DraftInput, userId: number | null, now: string) {
  const old = parseNarratives(base?.narratives_json);
  const narratives: Narratives = {
    areas: { ...old.areas, ...(input.narratives?.areas ?? {}) },
    general: input.narratives?.general ?? old.general,
  };
  const keep = (given: string | null | undefined, was: string | null | undefined) =>
    given === undefined ? (was ?? null) : given?.trim() || null;
  return {
    narratives,
    patch: {
      number: keep(input.number, base?.number),
      signer_title: keep(input.signerTitle, base?.signer_title),
      signer_name: keep(input.signerName, base?.signer_name),
      narratives_json: JSON.stringify(narratives),
      updated_by: userId,
      updated_at: now,
    },
  };
}

/** Saves the draft (number, signer, narratives); creates it on first save. */
export async function saveReportDraft(
  ctx: ReportsContext,
  caller: Caller,
  unitId: number,
  rawKey: string,
  input: DraftInput,
  requestId?: string,
) {
  const { unit, plan, pk, report } = await ctx.locate(caller, unitId, rawKey);
  if (!isSystem(caller) && !policy.editReport(caller, unit.id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới soạn được báo cáo của đơn vị.');
  if (!plan) throw new AppError('REPORT_NO_PLAN');
  if (report?.status === 'submitted') throw new AppError('REPORT_SUBMITTED');
  const now = ctx.clock.now().toISOString();
  const userId = callerUserId(caller);
  return ctx.db.transaction().execute(async (tx) => {
    const { report: current, created } = await lockOrCreateReport(tx, {
      unit_id: unit.id,
      period_key: pk.key,
      year: pk.year,
      status: 'draft',
      submission_count: 0,
      created_by: userId,
      created_at: now,
      ...patchOver(undefined, input, userId, now).patch,
    });
    if (current.status === 'submitted') throw new AppError('REPORT_SUBMITTED');
    const { patch, narratives } = patchOver(current, input, userId, now);
    if (!created) await updateReport(tx, current.id, patch);
    await ctx.audit(
      tx,
      caller,
      { unitId: unit.id, reportId: current.id, action: 'save_draft', requestId },
      { period: pk.key, ...patch, narratives_json: undefined, narratives },
    );
    return { id: current.id };
  });
}
