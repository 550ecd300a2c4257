/**
 * Gathering a report: everything it says, from the unit's plan and the register figures inside the
 * period's cut-off window (the figures service, ADR 013).
 */
import { AppError } from '../../errors.js';
import type { PlanRow, ReportRow, UnitRow } from '../../db/tables.js';
import type { TargetMetric, TargetThreshold } from '../../core/metrics/index.js';
import { TARGET_METRICS } from '../../core/metrics/index.js';
import type { FigureFamilies, FigureFamily } from '../../core/figures/index.js';
import {
  areaFigures,
  documentBlock,
  dossierBlock,
  feedbackBlock,
  satisfactionBlock,
  targetResult,
  taskResult,
} from '../../core/report/index.js';
import type { PeriodKey, ReportContent, ReportWindow, TaskInput } from '../../core/report/index.js';
import type { ReportingPeriod } from '../../core/schedule/index.js';
import type { Caller } from '../auth/roles.js';
import { listAreas, listTargets, listTasks } from '../plans/repository.js';
import { listOccurrencesOfPlan } from '../plan-tracking/repository.js';
import type { ReportsContext } from './context.js';
import { parseJson, parseNarratives } from './context.js';

type DraftParts = Pick<ReportRow, 'number' | 'signer_title' | 'signer_name' | 'narratives_json'>;

function defaultSignerTitle(unit: UnitRow): string {
  return unit.kind === 'school' || unit.kind === 'kindergarten' ? 'HIỆU TRƯỞNG' : 'THỦ TRƯỞNG ĐƠN VỊ';
}

/** The plan's rows a report reads. */
async function planRows(ctx: ReportsContext, planId: number) {
  const [areas, tasks, targets, occurrences] = await Promise.all([
    listAreas(ctx.db, planId),
    listTasks(ctx.db, planId),
    listTargets(ctx.db, planId),
    listOccurrencesOfPlan(ctx.db, planId),
  ]);
  return { areas, tasks, targets, occurrences };
}

/** The register figures of the window; none before the window starts. */
async function registerFigures(
  ctx: ReportsContext,
  unitId: number,
  period: ReportingPeriod,
  started: boolean,
) {
  const one = <F extends FigureFamily>(f: F): Promise<FigureFamilies[F] | null> =>
    started && ctx.figures
      ? ctx.figures.family(f, unitId, period.cutoffFrom, period.cutoffTo)
      : Promise.resolve(null);
  const [dossiers, feedback, survey, documents] = await Promise.all([
    one('dossiers'),
    one('feedback'),
    one('surveys'),
    one('documents'),
  ]);
  return { dossiers, feedback: feedback?.counts ?? null, survey, documents };
}

function taskInputsOf(rows: Awaited<ReturnType<typeof planRows>>): TaskInput[] {
  const areaCode = new Map(rows.areas.map((a) => [a.id, a.code]));
  return rows.tasks.map((t) => ({
    id: t.id,
    areaCode: areaCode.get(t.area_id) ?? '',
    code: t.code,
    title: t.title,
    deliverables: parseJson<{ name: string }[]>(t.deliverables_json, []).map((d) => d.name),
    lead: t.lead,
    deadlineText: t.deadline_text,
    status: t.status,
    progressNote: t.progress_note,
  }));
}

/** Phụ lục 2 lists the plan's appendix targets; a plan without that appendix, its section II. */
function listedTargets(rows: Awaited<ReturnType<typeof planRows>>) {
  const { targets } = rows;
  return targets.some((t) => t.source === 'appendix')
    ? targets.filter((t) => t.source === 'appendix')
    : targets;
}

/** Everything the report says, from the unit's data inside the period's cut-off window. */
export async function gatherReport(
  ctx: ReportsContext,
  unit: UnitRow,
  plan: PlanRow | undefined,
  pk: PeriodKey,
  period: ReportingPeriod,
  report: DraftParts | undefined,
): Promise<ReportContent> {
  if (!plan) throw new AppError('REPORT_NO_PLAN');
  const asOf = ctx.today();
  const window: ReportWindow = { from: period.cutoffFrom, to: period.cutoffTo, asOf };
  const [rows, measured] = await Promise.all([
    planRows(ctx, plan.id),
    registerFigures(ctx, unit.id, period, period.cutoffFrom <= asOf),
  ]);
  const taskInputs = taskInputsOf(rows);
  const occ = rows.occurrences.map((o) => ({
    taskId: o.task_id,
    due: o.due_date,
    status: o.status,
    completedOn: o.completed_on,
  }));
  const narratives = parseNarratives(report?.narratives_json);
  const doc = parseJson<{ place?: string | null }>(plan.document_json, {});
  const superior = unit.superior_name ?? plan.superior_name;
  const { dossiers, feedback, documents } = measured;
  return {
    version: 1,
    unit: { id: unit.id, code: unit.code, name: unit.name, superiorName: superior },
    period: {
      key: pk.key,
      code: pk.code,
      year: pk.year,
      label: period.label,
      cutoffFrom: period.cutoffFrom,
      cutoffTo: period.cutoffTo,
      dueDate: period.dueDate,
    },
    plan: { id: plan.id, number: plan.number, title: plan.title, issuedOn: plan.issued_on },
    document: {
      number: report?.number ?? null,
      date: asOf,
      place: doc.place?.trim() || unit.name,
      signerTitle: report?.signer_title?.trim() || defaultSignerTitle(unit),
      signerName: report?.signer_name?.trim() || null,
      recipients: [...(superior ? [`${superior};`] : []), 'Lưu: VT.'],
    },
    asOf,
    areas: rows.areas.map((a) => ({
      code: a.code,
      title: a.title,
      figures: areaFigures(
        taskInputs.filter((t) => t.areaCode === a.code),
        occ,
        window,
      ),
      narrative: narratives.areas[a.code] ?? '',
    })),
    tasks: taskInputs.map((t) => taskResult(t, occ, window)),
    targets: listedTargets(rows).map((t) =>
      targetResult(
        {
          code: t.code,
          text: t.text,
          lead: t.lead,
          isGroup: t.is_group === 1,
          threshold: parseJson<TargetThreshold | null>(t.threshold_json, null),
          metric: (TARGET_METRICS as readonly string[]).includes(t.metric ?? '')
            ? (t.metric as TargetMetric)
            : null,
          achievedValue: t.achieved_value,
          achievedText: t.achieved_text,
          assessedState: t.assessed_state,
        },
        measured,
      ),
    ),
    dossiers: dossiers ? dossierBlock(dossiers) : null,
    satisfaction: dossiers ? satisfactionBlock(dossiers) : null,
    feedback: feedback ? feedbackBlock(feedback) : null,
    documents: documents ? documentBlock(documents) : null,
    general: narratives.general,
  };
}

/** The content a report would have if generated now (CLI, benchmark). */
export async function reportContent(
  ctx: ReportsContext,
  caller: Caller,
  unitId: number,
  rawKey: string,
): Promise<ReportContent> {
  const { unit, plan, pk, period, report } = await ctx.locate(caller, unitId, rawKey);
  return gatherReport(ctx, unit, plan, pk, period, report);
}
