import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { Q } from '../../db/types.js';
import { insertAudit, listAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { updateTaskRow } from '../plans/repository.js';
import type { TaskStatus } from '../plans/schema.js';
import { listUsersOfUnit } from '../users/repository.js';
import type { TaskWithScope } from './repository.js';
import { findTaskWithScope, listAssignees, listOccurrencesOfTask, listTasksAssignedTo, replaceAssignees } from './repository.js';

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

    canUpdate(actor: Actor, task: TaskWithScope, assigneeIds: number[]): boolean {
      return (
        task.removed_at === null &&
        task.plan_status === 'active' &&
        policy.updateTask(actor, task.unit_id, assigneeIds)
      );
    },

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
      const now = clock.now().toISOString();
      const status = patch.status ?? (task.status as TaskStatus);
      let completedOn = patch.completedOn === undefined ? task.completed_on : patch.completedOn;
      if (status === 'done' && !completedOn) completedOn = now.slice(0, 10);
      if (status !== 'done') completedOn = null;
      const next = {
        status,
        progress_note: patch.progressNote === undefined ? task.progress_note : patch.progressNote,
        completed_on: completedOn,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await updateTaskRow(tx, id, next);
        if (patch.assigneeIds) await replaceAssignees(tx, id, [...new Set(patch.assigneeIds)]);
        await insertAudit(tx, {
          unitId: task.unit_id,
          userId: actor.userId,
          entity: 'task',
          entityId: id,
          action: 'update',
          before: {
            status: task.status,
            progressNote: task.progress_note,
            completedOn: task.completed_on,
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
      return loadReadable(actor, id);
    },

    async history(actor: Actor, id: number) {
      await loadReadable(actor, id);
      return listAudit(db, 'task', [id]);
    },

    /** A task's dated occurrences (the caller has already loaded the task through loadReadable). */
    occurrences: (taskId: number) => listOccurrencesOfTask(db, taskId),

    async mine(actor: Actor) {
      return listTasksAssignedTo(db, actor.userId);
    },
  };
}

export type TasksService = ReturnType<typeof tasksService>;
