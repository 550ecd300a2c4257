/**
 * Which results go in a periodic report, from the unit's data inside the period's cut-off window
 * (domain.md §4): tasks due and done per area (from task occurrences), each target's result (bound
 * targets read through the figures registry, ADR 013). Pure: the caller reads the rows and the
 * register figures; this file decides what they mean.
 */
import { metricFigure } from '../figures/index.js';
import type { MeasuredFamilies } from '../figures/index.js';
import { feedbackRates, targetState } from '../metrics/index.js';
import type { TargetMetric } from '../metrics/index.js';
import { formatViDate } from '../calendar/index.js';
import { TASK_STATUS_LABELS as SHARED_TASK_STATUS_LABELS } from '../../shared/tasks.js';
import { NO_DATA, formatPercent, thresholdText } from './blocks.js';
import type {
  AreaFigures,
  MeasuredSources,
  OccurrenceInput,
  OccurrenceOutcome,
  ReportWindow,
  TargetInput,
  TargetResult,
  TaskInput,
  TaskResult,
} from './content.js';

/**
 * null when the occurrence is not due inside the window (no due date, or due outside it).
 * done: marked done (late when completed after its due day); overdue: still open and its due day
 * is before `asOf`; not yet due: still open, due on or after `asOf`.
 */
export function occurrenceOutcome(o: OccurrenceInput, w: ReportWindow): OccurrenceOutcome | null {
  if (o.due === null || o.due < w.from || o.due > w.to) return null;
  if (o.status === 'not_applicable') return 'not_applicable';
  if (o.status === 'done') return o.completedOn !== null && o.completedOn > o.due ? 'done_late' : 'done';
  return o.due < w.asOf ? 'overdue' : 'not_yet_due';
}

/**
 * The task statuses in the report's own words: the shared vocabulary (src/shared/tasks.ts), except
 * that the official report template calls a task not carried out "Không thực hiện" where the
 * screens say "Không phát sinh" (Phụ lục 1 of the provincial report form).
 */
export const TASK_STATUS_LABELS: Record<string, string> = {
  ...SHARED_TASK_STATUS_LABELS,
  not_applicable: 'Không thực hiện',
};

/** A bound target's measured value (a percentage), or null when its register gave no figures. */
export function measuredValue(metric: TargetMetric, m: MeasuredSources | null): number | null {
  const families: MeasuredFamilies = {
    dossiers: m?.dossiers ?? null,
    feedback: m?.feedback ? { counts: m.feedback, rates: feedbackRates(m.feedback) } : null,
    surveys: m?.survey ?? null,
    documents: m?.documents ?? null,
  };
  return metricFigure(metric, families)?.value ?? null;
}

const TARGET_STATE_LABELS: Record<string, string> = {
  met: 'Đạt',
  at_risk: 'Chưa đạt (gần đạt)',
  not_met: 'Chưa đạt',
  unknown: 'Chưa đánh giá',
};

export function areaFigures(
  tasks: readonly TaskInput[],
  occurrences: readonly OccurrenceInput[],
  w: ReportWindow,
): AreaFigures {
  const ids = new Set(tasks.map((t) => t.id));
  const f: AreaFigures = {
    tasks: tasks.length,
    due: 0,
    done: 0,
    doneLate: 0,
    overdue: 0,
    notYetDue: 0,
    notApplicable: 0,
  };
  for (const o of occurrences) {
    if (!ids.has(o.taskId)) continue;
    const outcome = occurrenceOutcome(o, w);
    if (outcome === null) continue;
    f.due++;
    if (outcome === 'done' || outcome === 'done_late') f.done++;
    if (outcome === 'done_late') f.doneLate++;
    if (outcome === 'overdue') f.overdue++;
    if (outcome === 'not_yet_due') f.notYetDue++;
    if (outcome === 'not_applicable') f.notApplicable++;
  }
  return f;
}

/** Phụ lục 1 row: the task, its due days in the window, and what it came to. */
export function taskResult(
  t: TaskInput,
  occurrences: readonly OccurrenceInput[],
  w: ReportWindow,
): TaskResult {
  const own = occurrences.filter((o) => o.taskId === t.id);
  const inWindow = own
    .map((o) => ({ o, outcome: occurrenceOutcome(o, w) }))
    .filter((x) => x.outcome !== null);
  let result: string;
  if (inWindow.some((x) => x.outcome === 'overdue')) result = 'Quá hạn';
  else if (
    inWindow.length > 0 &&
    inWindow.every((x) => x.outcome === 'done' || x.outcome === 'done_late' || x.outcome === 'not_applicable')
  ) {
    if (inWindow.every((x) => x.outcome === 'not_applicable')) result = 'Không thực hiện';
    else result = inWindow.some((x) => x.outcome === 'done_late') ? 'Hoàn thành (trễ hạn)' : 'Hoàn thành';
  } else if (inWindow.length > 0) result = 'Chưa đến hạn';
  else result = TASK_STATUS_LABELS[t.status] ?? t.status;
  return {
    areaCode: t.areaCode,
    code: t.code,
    title: t.title,
    deliverables: t.deliverables.join('; '),
    lead: t.lead ?? '',
    deadlineText: t.deadlineText,
    dueInWindow: inWindow.map((x) => formatViDate(x.o.due!)).join('; '),
    result,
    note: t.progressNote ?? '',
  };
}

/**
 * A target's result: bound to a register figure → the figure measured over the window (when
 * there are figures); otherwise the value the unit entered. Groups only carry their title.
 */
export function targetResult(t: TargetInput, measured: MeasuredSources | null): TargetResult {
  const base = {
    code: t.code,
    text: t.text,
    lead: t.lead ?? '',
    isGroup: t.isGroup,
    threshold: thresholdText(t.threshold),
  };
  if (t.isGroup)
    return { ...base, basis: 'none', value: null, valueText: '', state: 'unknown', stateLabel: '' };
  if (t.metric) {
    const value = measuredValue(t.metric, measured);
    const state = targetState(value, t.threshold);
    return {
      ...base,
      basis: 'measured',
      value,
      valueText: formatPercent(value),
      state,
      stateLabel: TARGET_STATE_LABELS[state]!,
    };
  }
  const value = t.achievedValue;
  const valueText = value !== null ? formatPercent(value) : t.achievedText?.trim() || NO_DATA;
  const state =
    t.threshold?.kind === 'percent'
      ? targetState(value, t.threshold)
      : t.assessedState === 'met' || t.assessedState === 'not_met'
        ? t.assessedState
        : 'unknown';
  return {
    ...base,
    basis: value !== null || t.achievedText ? 'entered' : 'none',
    value,
    valueText,
    state,
    stateLabel: TARGET_STATE_LABELS[state]!,
  };
}
