/**
 * Committing an understood plan, all or nothing, in one of three ways: a new plan (`create`), a
 * new version beside the old one (`new_version`, which stays as `superseded`), or a replacement in
 * place (`replace`). Matching tasks and targets keep their status, assignees, achieved values and
 * evidence.
 */
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { Q } from '../../db/types.js';
import type { PlanRow } from '../../db/tables.js';
import { parseReportDueDates } from '../../core/schedule/index.js';
import type { ReportingSettings } from '../../core/schedule/index.js';
import { listOccurrencesOfTask } from '../plan-tracking/repository.js';
import { periodsOf, scheduleOf, syncOccurrences } from '../plan-tracking/occurrences.js';
import { insertAudit } from '../audit/repository.js';
import type { Actor } from '../auth/roles.js';
import {
  carryTargetProgress,
  ensureAreas,
  insertContent,
  insertNewTask,
  insertTargets,
  matchByCodeThenTitle,
  taskContent,
} from './content.js';
import { summarize } from './draft.js';
import {
  copyAssignees,
  copyEvidence,
  findActivePlan,
  insertArea,
  insertPlan,
  listAreas,
  listTargets,
  listTasks,
  maxPlanVersion,
  updateArea,
  updatePlan,
  updateTargetRow,
  updateTaskRow,
} from './repository.js';
import type { CommitBody, PlanDraft } from './schema.js';

export interface CommitDeps {
  db: Q;
  clock: Clock;
  reportingFor: (unitId: number) => Promise<ReportingSettings | undefined>;
}

type DraftTask = PlanDraft['tasks'][number];
type CommitResult = { planId: number; mode: CommitBody['mode'] };

/** What every way of committing shares, inside the transaction. */
interface Commit {
  tx: Q;
  unitId: number;
  userId: number | null;
  year: number;
  draft: PlanDraft;
  now: string;
  body: CommitBody;
  header: ReturnType<typeof planHeader>;
  summary: ReturnType<typeof summarize>;
  /** Stores a task's schedule and brings its dated occurrences in line with it. */
  schedule: (taskId: number, t: DraftTask, carryFrom?: number) => Promise<void>;
  audit: (planId: number, action: string, after: unknown) => Promise<void>;
}

/** The plan row's document fields, the same for every way of committing. */
function planHeader(body: CommitBody, year: number, now: string, planReporting: unknown) {
  const draft = body.draft;
  return {
    number: draft.number,
    title: draft.title ?? `Kế hoạch cải cách hành chính năm ${year}`,
    issued_on: draft.issuedOn,
    superior_name: draft.superiorName,
    unit_name: draft.unitName,
    document_json: JSON.stringify({
      legalBases: draft.legalBases,
      objectives: draft.objectives,
      focusItems: draft.focusItems,
      reportDueText: draft.reportDueText,
      place: draft.place ?? null,
      warnings: draft.warnings,
    }),
    source_filename: body.source.filename,
    source_kind: body.source.kind,
    source_sha256: body.source.sha256,
    report_settings_json: planReporting ? JSON.stringify(planReporting) : null,
    updated_at: now,
  };
}

/** Saves an understood plan of a unit the caller may edit (checked by the caller), all or nothing. */
export async function commitPlan(
  { db, clock, reportingFor }: CommitDeps,
  actor: Actor | null,
  unitId: number,
  body: CommitBody,
  requestId?: string,
): Promise<CommitResult> {
  const draft = body.draft;
  const year = body.year ?? draft.year;
  if (!year) throw new AppError('VALIDATION', 'Không xác định được năm của kế hoạch: hãy nhập năm.');
  if (draft.tasks.length === 0 && draft.targets.length === 0 && draft.appendixTargets.length === 0)
    throw new AppError('NOT_A_PLAN');
  const now = clock.now().toISOString();
  const planReporting = draft.reportDueText ? parseReportDueDates(draft.reportDueText, year) : null;
  const periods = periodsOf(year, planReporting ?? (await reportingFor(unitId)));
  const corrected = (t: DraftTask) => (t.scheduleCorrected && t.reading ? t.reading.schedule : null);
  const header = planHeader(body, year, now, planReporting);
  const userId = actor?.userId ?? null;
  return db.transaction().execute(async (tx) => {
    const c: Commit = {
      tx,
      unitId,
      userId,
      year,
      draft,
      now,
      body,
      header,
      summary: summarize(draft),
      async schedule(taskId, t, carryFrom) {
        const sched = scheduleOf(t, year, corrected(t));
        await updateTaskRow(tx, taskId, {
          schedule_json: JSON.stringify(sched),
          schedule_corrected: corrected(t) ? 1 : 0,
        });
        const carry = carryFrom === undefined ? undefined : await listOccurrencesOfTask(tx, carryFrom);
        await syncOccurrences(tx, taskId, sched, {
          planYear: year,
          periods,
          now,
          ...(carry ? { carry } : {}),
        });
      },
      async audit(planId, action, after) {
        await insertAudit(tx, {
          unitId,
          userId,
          entity: 'plan',
          entityId: planId,
          action,
          after,
          at: now,
          requestId,
        });
      },
    };
    const existing = await findActivePlan(tx, unitId, year);
    const mode = existing ? body.mode : 'create';
    if (existing && mode === 'create') throw new AppError('PLAN_EXISTS', undefined, { planId: existing.id });
    if (!existing || mode === 'create') return commitCreate(c);
    if (mode === 'new_version') return commitNewVersion(c, existing);
    return commitReplace(c, existing);
  });
}

async function insertActivePlan(c: Commit, version: number): Promise<PlanRow> {
  return insertPlan(c.tx, {
    unit_id: c.unitId,
    year: c.year,
    version,
    status: 'active',
    ...c.header,
    created_by: c.userId,
    created_at: c.now,
  });
}

/** A unit's first plan of the year. */
async function commitCreate(c: Commit): Promise<CommitResult> {
  const plan = await insertActivePlan(c, 1);
  const created = await insertContent(c.tx, plan.id, c.draft, c.now);
  for (const [i, t] of c.draft.tasks.entries()) await c.schedule(created.tasks[i]!.id, t);
  await c.audit(plan.id, 'import', { summary: c.summary, source: c.body.source });
  return { planId: plan.id, mode: 'create' as const };
}

/** A new version beside the old one (superseded); matching tasks and targets carry their progress. */
async function commitNewVersion(c: Commit, existing: PlanRow): Promise<CommitResult> {
  const { tx, draft, now } = c;
  const version = (await maxPlanVersion(tx, c.unitId, c.year)) + 1;
  await updatePlan(tx, existing.id, { status: 'superseded', updated_at: now });
  const plan = await insertActivePlan(c, version);
  const created = await insertContent(tx, plan.id, draft, now);
  const oldTasks = await listTasks(tx, existing.id);
  const { matched } = matchByCodeThenTitle(oldTasks, draft.tasks);
  for (const [i, t] of draft.tasks.entries()) await c.schedule(created.tasks[i]!.id, t, matched.get(i)?.id);
  for (const [i, old] of matched) {
    const nt = created.tasks[i]!;
    await updateTaskRow(tx, nt.id, {
      status: old.status,
      progress_note: old.progress_note,
      completed_on: old.completed_on,
    });
    await copyAssignees(tx, old.id, nt.id);
    await copyEvidence(tx, 'task', old.id, nt.id);
  }
  await carryTargetProgress(tx, await listTargets(tx, existing.id), created.targets);
  await c.audit(plan.id, 'import_new_version', {
    summary: c.summary,
    previousPlanId: existing.id,
    keptProgress: matched.size,
    source: c.body.source,
  });
  return { planId: plan.id, mode: 'new_version' as const };
}

/** The areas of a replaced plan: kept by code (retitled, reordered), new ones added. */
async function replaceAreas(c: Commit, planId: number): Promise<Map<string, number>> {
  const oldAreas = await listAreas(c.tx, planId);
  const areaIds = new Map<string, number>();
  for (const [i, a] of ensureAreas(c.draft).entries()) {
    const old = oldAreas.find((o) => o.code === a.code);
    if (old) {
      await updateArea(c.tx, old.id, a.title, i);
      areaIds.set(a.code, old.id);
    } else areaIds.set(a.code, (await insertArea(c.tx, planId, a.code, a.title, i)).id);
  }
  return areaIds;
}

/** Replace in place: matching tasks keep their status, assignees and evidence. */
async function commitReplace(c: Commit, existing: PlanRow): Promise<CommitResult> {
  const { tx, draft, now } = c;
  await updatePlan(tx, existing.id, c.header);
  const areaIds = await replaceAreas(c, existing.id);
  const oldTasks = await listTasks(tx, existing.id);
  const { matched, unmatched } = matchByCodeThenTitle(oldTasks, draft.tasks);
  for (const [i, t] of draft.tasks.entries()) {
    const areaId = areaIds.get(t.areaCode);
    if (areaId === undefined)
      throw new AppError(
        'VALIDATION',
        `Nhiệm vụ ${t.code} thuộc lĩnh vực ${t.areaCode} không có trong kế hoạch.`,
      );
    const old = matched.get(i);
    if (old)
      await updateTaskRow(tx, old.id, { area_id: areaId, ...taskContent(t), position: i, updated_at: now });
    const taskId = old ? old.id : (await insertNewTask(tx, existing.id, areaId, t, i, now)).id;
    await c.schedule(taskId, t);
  }
  for (const old of unmatched) await updateTaskRow(tx, old.id, { removed_at: now, updated_at: now });
  // Targets: keep achieved values of the same (source, code); the rest are marked removed.
  const oldTargets = await listTargets(tx, existing.id);
  await carryTargetProgress(tx, oldTargets, await insertTargets(tx, existing.id, draft, now));
  for (const old of oldTargets) await updateTargetRow(tx, old.id, { removed_at: now });
  await c.audit(existing.id, 'import_replace', {
    summary: c.summary,
    keptProgress: matched.size,
    removedTasks: unmatched.map((t) => t.code),
    source: c.body.source,
  });
  return { planId: existing.id, mode: 'replace' as const };
}
