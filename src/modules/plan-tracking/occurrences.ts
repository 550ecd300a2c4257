import { expandSchedule, parseDeadline, reportingPeriods } from '../../core/schedule/index.js';
import type { Occurrence, ReportingPeriod, ReportingSettings, Schedule } from '../../core/schedule/index.js';
import type { TaskOccurrenceRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { insertOccurrence, listOccurrencesOfTask, updateOccurrence } from './repository.js';

/** Occurrences recorded by hand for event-driven tasks: never removed by a re-import. */
export const EVENT_KEY_PREFIX = 'event:';

/** The schedule a task follows: the user's correction, else what its deadline text says. */
export function scheduleOf(
  task: { deadlineText: string; deliverables: { name: string }[] },
  planYear: number,
  corrected?: Schedule | null,
): Schedule {
  if (corrected) return corrected;
  return parseDeadline(task.deadlineText, { planYear, deliverables: task.deliverables.map((d) => d.name) })
    .schedule;
}

export function periodsOf(year: number, settings: ReportingSettings | null | undefined): ReportingPeriod[] {
  return reportingPeriods(year, settings ?? undefined);
}

/**
 * Brings a task's stored occurrences in line with its schedule: same key → dates and labels
 * updated, status and evidence kept; new keys added; keys no longer scheduled marked removed
 * (never deleted). Recorded events are left alone.
 */
export async function syncOccurrences(
  db: Q,
  taskId: number,
  schedule: Schedule,
  ctx: { planYear: number; periods: ReportingPeriod[]; now: string; carry?: TaskOccurrenceRow[] },
): Promise<void> {
  const existing = await listOccurrencesOfTask(db, taskId, true);
  const events = [...existing, ...(ctx.carry ?? [])].filter(
    (o) => o.key.startsWith(EVENT_KEY_PREFIX) && o.removed_at === null,
  );
  const wanted: Occurrence[] = expandSchedule(schedule, {
    planYear: ctx.planYear,
    periods: ctx.periods,
  }).filter((o) => !(schedule.kind === 'event' && o.due === null && events.length > 0));
  const seen = new Set<string>();
  for (const [position, o] of wanted.entries()) {
    seen.add(o.key);
    const row = existing.find((e) => e.key === o.key);
    const carried = ctx.carry?.find((c) => c.key === o.key);
    const content = {
      due_date: o.due,
      label: o.label,
      deliverable: o.deliverable ?? null,
      period_key: o.periodKey ?? null,
      position,
      updated_at: ctx.now,
      removed_at: null,
    };
    if (row) await updateOccurrence(db, row.id, content);
    else
      await insertOccurrence(db, {
        task_id: taskId,
        key: o.key,
        ...content,
        status: carried?.status ?? 'pending',
        completed_on: carried?.completed_on ?? null,
        note: carried?.note ?? null,
        created_at: ctx.now,
      });
  }
  for (const row of existing)
    if (!seen.has(row.key) && !row.key.startsWith(EVENT_KEY_PREFIX) && row.removed_at === null)
      await updateOccurrence(db, row.id, { removed_at: ctx.now, updated_at: ctx.now });
  // Carry recorded events into a new plan version.
  for (const c of ctx.carry ?? [])
    if (c.key.startsWith(EVENT_KEY_PREFIX) && !existing.some((e) => e.key === c.key)) {
      const { id: _id, task_id: _t, ...rest } = c;
      await insertOccurrence(db, { ...rest, task_id: taskId, created_at: ctx.now, updated_at: ctx.now });
    }
}
