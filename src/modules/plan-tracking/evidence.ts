import { policy } from '../auth/policy.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { Q } from '../../db/types.js';
import {
  EVIDENCE_TYPES_TEXT,
  filenameForType,
  safeFilename,
  sniffEvidenceType,
} from '../../lib/file-type.js';
import { insertAudit } from '../audit/repository.js';
import type { Actor } from '../auth/roles.js';
import { sha256 } from '../../lib/hash.js';
import type { TargetsService } from './targets.js';
import { findOccurrence } from './repository.js';
import type { TasksService } from './tasks.js';
import { insertBlob, readBlob } from '../files/repository.js';
import { findEvidence, insertEvidence, listEvidenceOf, withdrawEvidence } from './repository.js';

export type EvidenceOwner = { taskId: number } | { targetId: number };

export interface EvidenceDeps {
  db: Q;
  clock: Clock;
  uploadMaxBytes: number;
  tasks: TasksService;
  targets: TargetsService;
}

/** The owner's unit, after checking the actor may read it (and write it, when asked). */
async function ownerScope(
  { tasks, targets }: Pick<EvidenceDeps, 'tasks' | 'targets'>,
  actor: Actor,
  owner: EvidenceOwner,
  write: boolean,
) {
  if ('taskId' in owner) {
    const { task, assignees } = await tasks.loadReadable(actor, owner.taskId);
    if (
      write &&
      !tasks.canUpdate(
        actor,
        task,
        assignees.map((a) => a.id),
      )
    )
      throw new AppError('FORBIDDEN');
    return { unitId: task.unit_id, deliverables: (JSON.parse(task.deliverables_json) as unknown[]).length };
  }
  const target = await targets.loadReadable(actor, owner.targetId);
  if (write && !targets.canUpdate(actor, target)) throw new AppError('FORBIDDEN');
  return { unitId: target.unit_id, deliverables: 0 };
}

export function evidenceService({ db, clock, uploadMaxBytes, tasks, targets }: EvidenceDeps) {
  const scopeDeps = { tasks, targets };
  async function loadEvidence(actor: Actor, id: number) {
    const ev = await findEvidence(db, id);
    if (!ev) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng.');
    const owner: EvidenceOwner =
      ev.task_id !== null ? { taskId: ev.task_id } : { targetId: ev.target_id ?? 0 };
    await ownerScope(scopeDeps, actor, owner, false);
    return { ev, owner };
  }

  return {
    async list(actor: Actor, owner: EvidenceOwner) {
      await ownerScope(scopeDeps, actor, owner, false);
      return listEvidenceOf(db, owner);
    },

    async upload(
      actor: Actor,
      owner: EvidenceOwner,
      file: { filename: string; bytes: Uint8Array },
      opts: { deliverableIndex?: number | null; note?: string | null; occurrenceId?: number | null },
      requestId?: string,
    ) {
      const scope = await ownerScope(scopeDeps, actor, owner, true);
      if (file.bytes.length === 0) throw new AppError('FILE_EMPTY', 'Tệp minh chứng rỗng.');
      if (file.bytes.length > uploadMaxBytes)
        throw new AppError(
          'FILE_TOO_LARGE',
          `Tệp minh chứng vượt quá ${Math.round(uploadMaxBytes / 1048576)} MB.`,
        );
      const type = sniffEvidenceType(file.bytes, safeFilename(file.filename));
      if (!type)
        throw new AppError(
          'FILE_TYPE',
          `Loại tệp không được nhận làm minh chứng. Chỉ nhận: ${EVIDENCE_TYPES_TEXT}.`,
        );
      const filename = filenameForType(file.filename, type);
      const idx = opts.deliverableIndex ?? null;
      const occurrenceId = opts.occurrenceId ?? null;
      if (occurrenceId !== null) {
        const occ = 'taskId' in owner ? await findOccurrence(db, occurrenceId) : undefined;
        if (!occ || !('taskId' in owner) || occ.task_id !== owner.taskId)
          throw new AppError('VALIDATION', 'Kỳ thực hiện không thuộc nhiệm vụ này.');
      }
      if (idx !== null && (idx < 0 || idx >= scope.deliverables))
        throw new AppError('VALIDATION', 'Sản phẩm không tồn tại trong nhiệm vụ.');
      const now = clock.now().toISOString();
      return db.transaction().execute(async (tx) => {
        const fileId = await insertBlob(tx, sha256(file.bytes), file.bytes);
        const ev = await insertEvidence(tx, {
          unit_id: scope.unitId,
          task_id: 'taskId' in owner ? owner.taskId : null,
          target_id: 'targetId' in owner ? owner.targetId : null,
          deliverable_index: idx,
          file_id: fileId,
          filename,
          content_type: type.mime,
          size: file.bytes.length,
          note: opts.note ?? null,
          uploaded_by: actor.userId,
          uploaded_at: now,
          withdrawn_at: null,
          withdrawn_by: null,
          occurrence_id: occurrenceId,
        });
        await insertAudit(tx, {
          unitId: scope.unitId,
          userId: actor.userId,
          entity: 'taskId' in owner ? 'task' : 'target',
          entityId: 'taskId' in owner ? owner.taskId : owner.targetId,
          action: 'evidence_upload',
          after: { evidenceId: ev.id, filename, size: ev.size, deliverableIndex: idx, occurrenceId },
          at: now,
          requestId,
        });
        return ev;
      });
    },

    async download(actor: Actor, id: number) {
      const { ev } = await loadEvidence(actor, id);
      if (ev.withdrawn_at) throw new AppError('NOT_FOUND', 'Tệp minh chứng đã được rút.');
      const data = await readBlob(db, ev.file_id);
      if (!data) throw new AppError('NOT_FOUND');
      return { filename: ev.filename, contentType: ev.content_type, data };
    },

    /** Evidence is an official record: withdrawing hides it from lists but keeps it. */
    async withdraw(actor: Actor, id: number, requestId?: string) {
      const { ev, owner } = await loadEvidence(actor, id);
      await ownerScope(scopeDeps, actor, owner, true);
      if (!policy.withdrawEvidence(actor, ev.uploaded_by))
        throw new AppError('FORBIDDEN', 'Bạn chỉ rút được tệp minh chứng do chính mình tải lên.');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await withdrawEvidence(tx, id, now, actor.userId);
        await insertAudit(tx, {
          unitId: ev.unit_id,
          userId: actor.userId,
          entity: 'taskId' in owner ? 'task' : 'target',
          entityId: 'taskId' in owner ? owner.taskId : owner.targetId,
          action: 'evidence_withdraw',
          before: { evidenceId: id, filename: ev.filename },
          at: now,
          requestId,
        });
      });
    },
  };
}

export type EvidenceService = ReturnType<typeof evidenceService>;
