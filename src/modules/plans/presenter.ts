import { parseJson } from '../../lib/json.js';
import { TARGET_METRICS, isDocumentMetric, targetState as coreTargetState } from '../../core/metrics/index.js';
import { documentMetricFigure } from '../../core/documents/index.js';
import type { DocumentFigures } from '../../core/documents/index.js';
import type { DossierFigures, FeedbackRates, Figure, TargetMetric } from '../../core/metrics/index.js';
import { dueState, timeliness } from '../../core/schedule/index.js';
import type { PlanAreaRow, TargetRow, TaskOccurrenceRow, TaskRow } from '../../db/tables.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import type { PlanWithCounts, PlanWithUnit } from './repository.js';
import type { OccurrenceOut, PlanDetail, PlanListItem, TargetOut, TaskOut, TaskStatus } from './schema.js';
import { OCCURRENCE_STATUSES, TASK_STATUSES } from './schema.js';

type Named = { name: string; optional: boolean };
type Threshold = TargetOut['threshold'];

export function presentPlanListItem(p: PlanWithCounts): PlanListItem {
  return {
    id: p.id,
    unitId: p.unit_id,
    unitCode: p.unit_code,
    unitName: p.unit_name,
    year: p.year,
    version: p.version,
    status: p.status === 'superseded' ? 'superseded' : 'active',
    number: p.number,
    title: p.title,
    issuedOn: p.issued_on,
    taskCount: p.task_count,
    doneCount: p.done_count,
    notApplicableCount: p.na_count,
  };
}

export function presentOccurrence(o: TaskOccurrenceRow, today: string): OccurrenceOut {
  const status = (OCCURRENCE_STATUSES as readonly string[]).includes(o.status)
    ? (o.status as OccurrenceOut['status'])
    : 'pending';
  return {
    id: o.id,
    key: o.key,
    due: o.due_date,
    label: o.label,
    deliverable: o.deliverable,
    periodKey: o.period_key,
    status,
    completedOn: o.completed_on,
    note: o.note,
    state: status === 'pending' ? dueState(o.due_date, today) : 'none',
    timeliness:
      status === 'done' && o.due_date && o.completed_on ? timeliness(o.due_date, o.completed_on) : null,
  };
}

/** The earliest open due date of a task, and whether it is overdue or due soon. */
function dueFlag(status: TaskStatus, occurrences: OccurrenceOut[]): Pick<TaskOut, 'nextDue' | 'flag'> {
  if (status === 'done' || status === 'not_applicable') return { nextDue: null, flag: null };
  const open = occurrences
    .filter((o) => o.status === 'pending' && o.due !== null)
    .sort((a, b) => (a.due! < b.due! ? -1 : 1));
  const flag = open.some((o) => o.state === 'overdue')
    ? 'overdue'
    : open.some((o) => o.state === 'due_soon')
      ? 'due_soon'
      : null;
  return { nextDue: open[0]?.due ?? null, flag };
}

export function presentTask(
  actor: Actor,
  t: TaskRow & { area_code: string; unit_id: number; plan_status: string },
  assignees: { id: number; fullName: string }[],
  evidenceCount: number,
  occurrenceRows: TaskOccurrenceRow[],
  today: string,
): TaskOut {
  const canUpdate =
    t.removed_at === null &&
    t.plan_status === 'active' &&
    policy.updateTask(
      actor,
      t.unit_id,
      assignees.map((a) => a.id),
    );
  const status = (TASK_STATUSES as readonly string[]).includes(t.status)
    ? (t.status as TaskStatus)
    : 'not_started';
  const occurrences = occurrenceRows.map((o) => presentOccurrence(o, today));
  const schedule = parseJson<{ kind: string } | null>(t.schedule_json, null);
  return {
    id: t.id,
    planId: t.plan_id,
    unitId: t.unit_id,
    areaCode: t.area_code,
    code: t.code,
    title: t.title,
    deliverables: parseJson<Named[]>(t.deliverables_json, []),
    lead: t.lead,
    leadOptional: t.lead_optional === 1,
    cooperators: parseJson<Named[]>(t.cooperators_json, []),
    deadlineText: t.deadline_text,
    optional: t.optional === 1,
    note: t.note,
    status: (TASK_STATUSES as readonly string[]).includes(t.status)
      ? (t.status as TaskStatus)
      : 'not_started',
    progressNote: t.progress_note,
    completedOn: t.completed_on,
    assignees,
    evidenceCount,
    schedule,
    scheduleKind: schedule?.kind ?? null,
    occurrences,
    ...dueFlag(status, occurrences),
    actions: { update: canUpdate, uploadEvidence: canUpdate },
  };
}

type DossierMetric = Extract<TargetMetric, `dossier_${string}`>;
const METRIC_FIGURE: Record<
  DossierMetric,
  keyof Pick<
    DossierFigures,
    'onTimeRate' | 'onlineShare' | 'onlinePaymentShare' | 'digitisation' | 'satisfaction'
  >
> = {
  dossier_on_time: 'onTimeRate',
  dossier_online: 'onlineShare',
  dossier_online_payment: 'onlinePaymentShare',
  dossier_digitisation: 'digitisation',
  dossier_satisfaction: 'satisfaction',
};

export type Measured = {
  figures: DossierFigures;
  feedback?: FeedbackRates | null;
  survey?: Figure | null;
  documents?: DocumentFigures | null;
  from: string;
  to: string;
} | null;

/** The figure measuring a bound target: PAKN figures, the surveys' satisfaction rate, else the dossiers'. */
function measuredFigure(metric: TargetMetric, measured: NonNullable<Measured>): Figure | null {
  if (metric === 'feedback_answered_on_time') return measured.feedback?.answeredOnTime ?? null;
  if (metric === 'feedback_published') return measured.feedback?.published ?? null;
  if (metric === 'survey_satisfaction') return measured.survey ?? null;
  if (isDocumentMetric(metric))
    return measured.documents ? documentMetricFigure(metric, measured.documents) : null;
  return measured.figures[METRIC_FIGURE[metric]];
}

/**
 * Whether a target is met: a percentage threshold against the measured or entered value (amber
 * within 2 points below it, core/metrics); any other threshold ("≥ năm 2022", several figures)
 * takes the officer's own assessment.
 */
export function targetState(
  threshold: Threshold,
  value: number | null,
  assessed: string | null = null,
): TargetOut['state'] {
  if (threshold?.kind !== 'percent')
    return assessed === 'met' || assessed === 'not_met' ? assessed : 'unknown';
  return coreTargetState(value, threshold);
}

export function presentTarget(
  actor: Actor,
  t: TargetRow,
  scope: { unitId: number; planStatus: string },
  evidenceCount: number,
  measured: Measured = null,
): TargetOut {
  const threshold = parseJson<Threshold>(t.threshold_json, null);
  const metric = (TARGET_METRICS as readonly string[]).includes(t.metric ?? '')
    ? (t.metric as TargetMetric)
    : null;
  const figure = metric && measured ? measuredFigure(metric, measured) : null;
  return {
    id: t.id,
    source: t.source === 'appendix' ? 'appendix' : 'section',
    parentId: t.parent_id,
    code: t.code,
    text: t.text,
    threshold,
    lead: t.lead,
    cooperators: parseJson<Named[]>(t.cooperators_json, []),
    isGroup: t.is_group === 1,
    achievedValue: t.achieved_value,
    achievedText: t.achieved_text,
    achievedNote: t.achieved_note,
    state: targetState(threshold, figure ? figure.value : t.achieved_value, t.assessed_state),
    metric,
    measured: figure && measured ? { ...figure, from: measured.from, to: measured.to } : null,
    assessedState: t.assessed_state === 'met' || t.assessed_state === 'not_met' ? t.assessed_state : null,
    evidenceCount,
    actions: {
      update:
        t.is_group === 0 &&
        t.removed_at === null &&
        scope.planStatus === 'active' &&
        policy.updateTarget(actor, scope.unitId),
    },
  };
}

export function areaProgress(areas: PlanAreaRow[], tasks: TaskOut[]): PlanDetail['areas'] {
  return areas.map((a) => {
    const own = tasks.filter((t) => t.areaCode === a.code);
    const counts = { not_started: 0, in_progress: 0, done: 0, not_applicable: 0 };
    for (const t of own) counts[t.status] += 1;
    const countable = own.length - counts.not_applicable;
    return {
      code: a.code,
      title: a.title,
      counts,
      total: own.length,
      percentDone:
        countable === 0 ? (own.length === 0 ? 0 : 100) : Math.round((counts.done / countable) * 100),
    };
  });
}

export function presentPlanDetail(
  actor: Actor,
  plan: PlanWithUnit,
  areas: PlanAreaRow[],
  tasks: TaskRow[],
  targets: TargetRow[],
  assignees: { task_id: number; user_id: number; full_name: string }[],
  evidence: { byTask: Map<number, number>; byTarget: Map<number, number> },
  occurrences: TaskOccurrenceRow[],
  today: string,
  measured: Measured = null,
): PlanDetail {
  const areaCode = new Map(areas.map((a) => [a.id, a.code]));
  const scope = { unit_id: plan.unit_id, plan_status: plan.status };
  const taskOut = tasks.map((t) =>
    presentTask(
      actor,
      { ...t, ...scope, area_code: areaCode.get(t.area_id) ?? '' },
      assignees.filter((a) => a.task_id === t.id).map((a) => ({ id: a.user_id, fullName: a.full_name })),
      evidence.byTask.get(t.id) ?? 0,
      occurrences.filter((o) => o.task_id === t.id),
      today,
    ),
  );
  const doc = parseJson<{
    legalBases?: string[];
    objectives?: string[];
    focusItems?: { code: string; areaCode: string; text: string }[];
    reportDueText?: string | null;
  }>(plan.document_json, {});
  return {
    ...presentPlanListItem({
      ...plan,
      task_count: tasks.length,
      done_count: tasks.filter((t) => t.status === 'done').length,
      na_count: tasks.filter((t) => t.status === 'not_applicable').length,
    }),
    superiorName: plan.superior_name,
    unitNameInDocument: plan.unit_name,
    legalBases: doc.legalBases ?? [],
    objectives: doc.objectives ?? [],
    focusItems: doc.focusItems ?? [],
    reportDueText: doc.reportDueText ?? null,
    sourceFilename: plan.source_filename,
    areas: areaProgress(areas, taskOut),
    tasks: taskOut,
    targets: targets.map((t) =>
      presentTarget(
        actor,
        t,
        { unitId: plan.unit_id, planStatus: plan.status },
        evidence.byTarget.get(t.id) ?? 0,
        measured,
      ),
    ),
    actions: { edit: policy.editPlan(actor, plan.unit_id), import: policy.editPlan(actor, plan.unit_id) },
  };
}
