/**
 * Progress on a task's dated occurrences: marking one done (or not applicable, or back to pending)
 * and recording the event an event-driven task waits for. The tasks service checks access first.
 */
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import type { TaskOccurrenceRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { insertAudit } from '../audit/repository.js';
import type { Actor } from '../auth/roles.js';
import { EVENT_KEY_PREFIX } from './occurrences.js';
import type { TaskWithScope } from './repository.js';
import {
  insertOccurrence,
  listOccurrencesOfTask,
  lockOccurrence,
  lockTaskProgress,
  updateOccurrence,
} from './repository.js';

type OccurrenceStatus = 'pending' | 'done' | 'not_applicable';

interface Deps {
  db: Q;
  clock: Clock;
}

export interface OccurrencePatch {
  status?: OccurrenceStatus | undefined;
  completedOn?: string | null | undefined;
  note?: string | null | undefined;
}

/** Writes an occurrence's new state (read again under its lock) and audits it on the task. */
export async function saveOccurrence(
  { db, clock }: Deps,
  actor: Actor,
  task: TaskWithScope,
  occ: TaskOccurrenceRow,
  patch: OccurrencePatch,
  requestId?: string,
): Promise<void> {
  const now = clock.now().toISOString();
  await db.transaction().execute(async (tx) => {
    const cur = (await lockOccurrence(tx, occ.id)) ?? occ;
    const status = patch.status ?? (cur.status as OccurrenceStatus);
    let completedOn = patch.completedOn === undefined ? cur.completed_on : patch.completedOn;
    if (status === 'done' && !completedOn) completedOn = vietnamToday(clock);
    if (status !== 'done') completedOn = null;
    const next = {
      status,
      completed_on: completedOn,
      note: patch.note === undefined ? cur.note : patch.note,
      updated_at: now,
    };
    await updateOccurrence(tx, occ.id, next);
    await insertAudit(tx, {
      unitId: task.unit_id,
      userId: actor.userId,
      entity: 'task',
      entityId: task.id,
      action: 'occurrence_update',
      before: {
        occurrence: cur.label,
        status: cur.status,
        completedOn: cur.completed_on,
        note: cur.note,
      },
      after: {
        occurrence: cur.label,
        status: next.status,
        completedOn: next.completed_on,
        note: next.note,
      },
      at: now,
      requestId,
    });
  });
}

/** Records the event of an event-driven task ("Khi có thay đổi"): a new occurrence due that day. */
export async function recordTaskEvent(
  { db, clock }: Deps,
  actor: Actor,
  task: TaskWithScope,
  input: { date: string; note?: string | null | undefined },
  requestId?: string,
): Promise<void> {
  const taskId = task.id;
  const now = clock.now().toISOString();
  const [y, m, d] = input.date.split('-');
  await db.transaction().execute(async (tx) => {
    // The key is chosen under the task's lock: two events recorded at once get "#2" and "#3",
    // not the same key twice.
    await lockTaskProgress(tx, taskId);
    const existing = await listOccurrencesOfTask(tx, taskId, true);
    let key = `${EVENT_KEY_PREFIX}${input.date}`;
    for (let n = 2; existing.some((o) => o.key === key); n++) key = `${EVENT_KEY_PREFIX}${input.date}#${n}`;
    // The placeholder "chờ sự kiện" occurrence gives way to the first recorded event.
    for (const o of existing)
      if (o.key === 'event' && o.removed_at === null)
        await updateOccurrence(tx, o.id, { removed_at: now, updated_at: now });
    await insertOccurrence(tx, {
      task_id: taskId,
      key,
      due_date: input.date,
      label: `Phát sinh ngày ${d}/${m}/${y}`,
      deliverable: null,
      period_key: null,
      status: 'pending',
      completed_on: null,
      note: input.note ?? null,
      position: existing.length,
      created_at: now,
      updated_at: now,
      removed_at: null,
    });
    await insertAudit(tx, {
      unitId: task.unit_id,
      userId: actor.userId,
      entity: 'task',
      entityId: taskId,
      action: 'event_recorded',
      after: { date: input.date, note: input.note ?? null },
      at: now,
      requestId,
    });
  });
}
