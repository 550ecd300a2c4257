import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { Q } from '../../db/types.js';
import { insertAudit, listAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { updateTaskRow } from '../plans/repository.js';
import type { TaskStatus } from '../plans/schema.js';

import { listUsersOfUnit } from '../users/repository.js';
import { evidenceCountsOfTasks } from './repository.js';
import type { TaskWithScope } from './repository.js';
import {
  findOccurrence,
  findTaskWithScope,
  listAssignees,
  listOccurrencesOfTask,
  listTasksAssignedTo,
  lockTaskProgress,
  replaceAssignees,
} from './repository.js';
import { recordTaskEvent, saveOccurrence } from './occurrence-progress.js';
import type { OccurrencePatch } from './occurrence-progress.js';

export interface TaskPatch {
  status?: TaskStatus | undefined;
  progressNote?: string | null | undefined;
  completedOn?: string | null | undefined;
  assigneeIds?: number[] | undefined;
}

export interface TasksDeps {
  db: Q;
  clock: Clock;
}

/** Whether the actor may update the task's progress (an active plan, a task not removed). */
export function canUpdateTask(actor: Actor, task: TaskWithScope, assigneeIds: number[]): boolean {
  return (
    task.removed_at === null &&
    task.plan_status === 'active' &&
    policy.updateTask(actor, task.unit_id, assigneeIds)
  );
}

/** Writes a task's status, note and assignees (read again under its lock) and audits the change. */
async function saveTaskProgress(
  { db, clock }: TasksDeps,
  actor: Actor,
  task: TaskWithScope,
  assigneeIds: number[],
  patch: TaskPatch,
  requestId?: string,
): Promise<void> {
  const id = task.id;
  const now = clock.now().toISOString();
  let next = {
    status: task.status,
    progress_note: task.progress_note,
    completed_on: task.completed_on,
    updated_at: now,
  };
  await db.transaction().execute(async (tx) => {
    // What this update does not give keeps its value as it is under the row lock.
    const cur = (await lockTaskProgress(tx, id)) ?? task;
    const status = patch.status ?? (cur.status as TaskStatus);
    let completedOn = patch.completedOn === undefined ? cur.completed_on : patch.completedOn;
    if (status === 'done' && !completedOn) completedOn = now.slice(0, 10);
    if (status !== 'done') completedOn = null;
    next = {
      status,
      progress_note: patch.progressNote === undefined ? cur.progress_note : patch.progressNote,
      completed_on: completedOn,
      updated_at: now,
    };
    await updateTaskRow(tx, id, next);
    if (patch.assigneeIds) await replaceAssignees(tx, id, [...new Set(patch.assigneeIds)]);
    await insertAudit(tx, {
      unitId: task.unit_id,
      userId: actor.userId,
      entity: 'task',
      entityId: id,
      action: 'update',
      before: {
        status: cur.status,
        progressNote: cur.progress_note,
        completedOn: cur.completed_on,
        assigneeIds,
      },
      after: {
        status: next.status,
        progressNote: next.progress_note,
        completedOn: next.completed_on,
        assigneeIds: patch.assigneeIds ?? assigneeIds,
      },
      at: now,
      requestId,
    });
  });
}

export function tasksService({ db, clock }: TasksDeps) {
  async function loadReadable(actor: Actor, id: number) {
    const task = await findTaskWithScope(db, id);
    if (!task || !policy.readPlan(actor, task.unit_path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ.');
    const assignees = await listAssignees(db, id);
    return { task, assignees };
  }

  return {
    loadReadable,

    canUpdate: canUpdateTask,

    async update(actor: Actor, id: number, patch: TaskPatch, requestId?: string) {
      const { task, assignees } = await loadReadable(actor, id);
      const assigneeIds = assignees.map((a) => a.id);
      if (!this.canUpdate(actor, task, assigneeIds)) throw new AppError('FORBIDDEN');
      // Assigning people is the plan editors' call, not the assignee's.
      if (patch.assigneeIds && !policy.editPlan(actor, task.unit_id))
        throw new AppError(
          'FORBIDDEN',
          'Chỉ thủ trưởng, cán bộ phụ trách CCHC hoặc quản trị mới phân công được.',
        );
      if (patch.assigneeIds) {
        const members = new Set((await listUsersOfUnit(db, task.unit_id)).map((u) => u.id));
        if (patch.assigneeIds.some((uid) => !members.has(uid)))
          throw new AppError('VALIDATION', 'Chỉ phân công được người của chính đơn vị.');
      }
      await saveTaskProgress({ db, clock }, actor, task, assigneeIds, patch, requestId);
      return loadReadable(actor, id);
    },

    async history(actor: Actor, id: number) {
      await loadReadable(actor, id);
      return listAudit(db, 'task', [id]);
    },

    /** Marks one dated occurrence done (or not applicable, or back to pending). */
    async updateOccurrence(actor: Actor, occurrenceId: number, patch: OccurrencePatch, requestId?: string) {
      const occ = await findOccurrence(db, occurrenceId);
      if (!occ) throw new AppError('NOT_FOUND', 'Không tìm thấy kỳ thực hiện.');
      const { task, assignees } = await loadReadable(actor, occ.task_id);
      if (
        !canUpdateTask(
          actor,
          task,
          assignees.map((a) => a.id),
        ) ||
        occ.removed_at !== null
      )
        throw new AppError('FORBIDDEN');
      await saveOccurrence({ db, clock }, actor, task, occ, patch, requestId);
      return task.id;
    },

    /** Records the event an event-driven task waits for ("Khi có thay đổi"): a new occurrence due that day. */
    async recordEvent(
      actor: Actor,
      taskId: number,
      input: { date: string; note?: string | null | undefined },
      requestId?: string,
    ) {
      const { task, assignees } = await loadReadable(actor, taskId);
      if (
        !canUpdateTask(
          actor,
          task,
          assignees.map((a) => a.id),
        )
      )
        throw new AppError('FORBIDDEN');
      await recordTaskEvent({ db, clock }, actor, task, input, requestId);
    },

    /** A task's dated occurrences (the caller has already loaded the task through loadReadable). */
    occurrences: (taskId: number) => listOccurrencesOfTask(db, taskId),

    /** Active tasks assigned to the actor, with their occurrences and evidence counts. */
    async mine(actor: Actor) {
      const tasks = await listTasksAssignedTo(db, actor.userId);
      const evidence = await evidenceCountsOfTasks(
        db,
        tasks.map((t) => t.id),
      );
      const occurrences = await Promise.all(tasks.map((t) => listOccurrencesOfTask(db, t.id)));
      return tasks.map((t, i) => ({
        task: t,
        evidenceCount: evidence.get(t.id) ?? 0,
        occurrences: occurrences[i] ?? [],
      }));
    },
  };
}

export type TasksService = ReturnType<typeof tasksService>;
