/** Factories for the reminder tests and benchmark: plans with dated occurrences, people with e-mail. */
import type { Q } from '../../db/types.js';
import type { Role } from '../auth/roles.js';
import { insertArea, insertPlan, insertTask } from '../plans/repository.js';
import { insertOccurrence, replaceAssignees } from '../plan-tracking/repository.js';

export interface OccurrenceSpec {
  due: string;
  assignees?: number[];
  status?: 'pending' | 'done' | 'not_applicable';
  title?: string;
}

/** An active plan for `unitId` with one task per spec, each with one occurrence due on `due`. */
export async function planWithOccurrences(
  db: Q,
  unitId: number,
  specs: readonly OccurrenceSpec[],
  year = 2026,
) {
  const now = new Date().toISOString();
  const plan = await insertPlan(db, {
    unit_id: unitId,
    year,
    version: 1,
    status: 'active',
    number: null,
    title: `Kế hoạch CCHC năm ${year}`,
    issued_on: null,
    superior_name: null,
    unit_name: null,
    document_json: '{}',
    source_filename: null,
    source_kind: 'text',
    source_sha256: null,
    created_by: null,
    created_at: now,
    updated_at: now,
    report_settings_json: null,
  });
  const area = await insertArea(db, plan.id, '1', 'Công tác chỉ đạo, điều hành', 0);
  const out: { taskId: number; occurrenceId: number }[] = [];
  for (const [i, s] of specs.entries()) {
    const task = await insertTask(db, {
      plan_id: plan.id,
      area_id: area.id,
      code: `1.${i + 1}`,
      title: s.title ?? `Nhiệm vụ thử ${i + 1}`,
      deliverables_json: '[]',
      lead: null,
      lead_optional: 0,
      cooperators_json: '[]',
      deadline_text: s.due,
      optional: 0,
      note: null,
      status: s.status === 'done' ? 'done' : 'in_progress',
      progress_note: null,
      completed_on: null,
      position: i,
      removed_at: null,
      created_at: now,
      updated_at: now,
      schedule_json: null,
      schedule_corrected: 0,
    });
    if (s.assignees?.length) await replaceAssignees(db, task.id, s.assignees);
    const occ = await insertOccurrence(db, {
      task_id: task.id,
      key: `kehoach:${s.due}`,
      due_date: s.due,
      label: `Hạn ${s.due}`,
      deliverable: null,
      period_key: null,
      status: s.status ?? 'pending',
      completed_on: null,
      note: null,
      position: 0,
      created_at: now,
      updated_at: now,
      removed_at: null,
    });
    out.push({ taskId: task.id, occurrenceId: occ.id });
  }
  return out;
}

export type { Role };
