/**
 * Writing a plan's content: areas, tasks and targets of a draft, and the matching that lets a
 * re-imported plan keep the progress of the tasks and targets it had before.
 */
import { AppError } from '../../errors.js';
import { metricForTarget } from '../../core/metrics/index.js';
import type { PlanAreaRow, TargetRow, TaskRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { copyEvidence, insertArea, insertTarget, insertTask, updateTargetRow } from './repository.js';
import type { PlanDraft } from './schema.js';

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

export async function insertContent(tx: Q, planId: number, draft: PlanDraft, now: string) {
  const areas = new Map<string, PlanAreaRow>();
  const areaList = ensureAreas(draft);
  for (const [i, a] of areaList.entries())
    areas.set(a.code, await insertArea(tx, planId, a.code, a.title, i));
  const tasks: TaskRow[] = [];
  for (const [i, t] of draft.tasks.entries()) {
    const area = areas.get(t.areaCode);
    if (!area)
      throw new AppError(
        'VALIDATION',
        `Nhiệm vụ ${t.code} thuộc lĩnh vực ${t.areaCode} không có trong kế hoạch.`,
      );
    tasks.push(await insertNewTask(tx, planId, area.id, t, i, now));
  }
  const targets = await insertTargets(tx, planId, draft, now);
  return { areas, tasks, targets };
}

export async function insertTargets(
  tx: Q,
  planId: number,
  draft: PlanDraft,
  now: string,
): Promise<TargetRow[]> {
  const out: TargetRow[] = [];
  let position = 0;
  for (const [source, list] of [
    ['section', draft.targets],
    ['appendix', draft.appendixTargets],
  ] as const) {
    const byCode = new Map<string, number>();
    for (const t of list) {
      const parentId = t.parentCode ? (byCode.get(t.parentCode) ?? null) : null;
      const row = await insertTarget(tx, {
        plan_id: planId,
        source,
        parent_id: parentId,
        ...targetContent(t),
        achieved_value: null,
        achieved_text: null,
        achieved_note: null,
        assessed_state: null,
        position: position++,
        updated_at: now,
        removed_at: null,
      });
      byCode.set(t.code, row.id);
      out.push(row);
    }
  }
  return out;
}

export function matchByCodeThenTitle<T extends { code: string; title?: string; text?: string }>(
  olds: T[],
  news: { code: string; title?: string; text?: string }[],
) {
  const result = new Map<number, T>();
  const used = new Set<T>();
  news.forEach((n, i) => {
    const o =
      olds.find(
        (x) =>
          !used.has(x) &&
          x.code === n.code &&
          norm(x.title ?? x.text ?? '') === norm(n.title ?? n.text ?? ''),
      ) ?? olds.find((x) => !used.has(x) && x.code === n.code);
    if (o) {
      result.set(i, o);
      used.add(o);
    }
  });
  news.forEach((n, i) => {
    if (result.has(i)) return;
    const o = olds.find(
      (x) => !used.has(x) && norm(x.title ?? x.text ?? '') === norm(n.title ?? n.text ?? ''),
    );
    if (o) {
      result.set(i, o);
      used.add(o);
    }
  });
  return { matched: result, unmatched: olds.filter((o) => !used.has(o)) };
}

/** Targets of the same (section or appendix, code) keep their achieved values and evidence. */
export async function carryTargetProgress(tx: Q, olds: TargetRow[], fresh: TargetRow[]): Promise<void> {
  for (const nt of fresh) {
    const old = olds.find((o) => o.source === nt.source && o.code === nt.code);
    if (!old) continue;
    await updateTargetRow(tx, nt.id, {
      achieved_value: old.achieved_value,
      achieved_text: old.achieved_text,
      achieved_note: old.achieved_note,
      assessed_state: old.assessed_state,
      metric: old.metric,
    });
    await copyEvidence(tx, 'target', old.id, nt.id);
  }
}

/** Areas named by the plan, plus any area a task refers to that the document did not title. */
export function ensureAreas(draft: PlanDraft): { code: string; title: string }[] {
  const list = [...draft.areas];
  for (const t of draft.tasks)
    if (!list.some((a) => a.code === t.areaCode))
      list.push({ code: t.areaCode, title: `Lĩnh vực ${t.areaCode}` });
  return list.sort((a, b) => Number(a.code) - Number(b.code) || a.code.localeCompare(b.code));
}

/** A task new to the plan: not started, nobody's progress yet. */
export async function insertNewTask(
  tx: Q,
  planId: number,
  areaId: number,
  t: PlanDraft['tasks'][number],
  position: number,
  now: string,
): Promise<TaskRow> {
  return insertTask(tx, {
    plan_id: planId,
    area_id: areaId,
    ...taskContent(t),
    status: 'not_started',
    progress_note: null,
    completed_on: null,
    position,
    created_at: now,
    updated_at: now,
    removed_at: null,
  });
}

export function taskContent(t: PlanDraft['tasks'][number]) {
  return {
    code: t.code,
    title: t.title,
    deliverables_json: JSON.stringify(t.deliverables),
    lead: t.lead,
    lead_optional: t.leadOptional ? 1 : 0,
    cooperators_json: JSON.stringify(t.cooperators),
    deadline_text: t.deadlineText,
    optional: t.optional ? 1 : 0,
    note: t.note,
    // Filled right after by the schedule step, which reads the deadline text.
    schedule_json: null,
    schedule_corrected: 0,
  };
}

function targetContent(t: PlanDraft['targets'][number]) {
  return {
    code: t.code,
    text: t.text,
    threshold_json: t.threshold ? JSON.stringify(t.threshold) : null,
    lead: t.lead ?? null,
    cooperators_json: JSON.stringify(t.cooperators ?? []),
    is_group: t.isGroup ? 1 : 0,
    metric: t.isGroup ? null : metricForTarget(t.text, t.threshold?.kind ?? null),
  };
}
