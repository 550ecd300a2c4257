/** The installation's trusted root certificates, kept by administrators of a top-level unit. */
import { describeCertificate, parseCertificate } from '../../core/pdf-signature/index.js';
import { AppError } from '../../errors.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import type { DocumentsContext } from './context.js';
import { presentTrustedRoot } from './presenter.js';
import {
  findTrustedRoot,
  findTrustedRootByFingerprint,
  insertTrustedRoot,
  listTrustedRoots,
  updateTrustedRoot,
} from './repository.js';

async function mayManageRoots(ctx: DocumentsContext, actor: Actor): Promise<boolean> {
  const unit = await findUnitById(ctx.db, actor.unitId);
  return policy.manageTrustedRoots(actor, unit !== undefined && unit.parent_id === null);
}

async function requireManager(ctx: DocumentsContext, actor: Actor, verb: string) {
  if (!(await mayManageRoots(ctx, actor)))
    throw new AppError(
      'FORBIDDEN',
      `Chỉ quản trị viên của đơn vị cấp cao nhất mới ${verb} được chứng thư gốc tin cậy.`,
    );
}

export async function trustedRoots(ctx: DocumentsContext, actor: Actor) {
  const mayManage = await mayManageRoots(ctx, actor);
  const items = await listTrustedRoots(ctx.db, true);
  return { items: items.map(presentTrustedRoot), actions: { add: mayManage, remove: mayManage } };
}

/** Adds a root certificate (DER or PEM) to the installation's store; a removed one comes back. */
export async function addTrustedRoot(
  ctx: DocumentsContext,
  actor: Actor,
  bytes: Uint8Array,
  requestId?: string,
) {
  await requireManager(ctx, actor, 'nhập');
  const cert = parseCertificate(bytes);
  if (!cert) throw new AppError('CERTIFICATE_INVALID');
  const info = await describeCertificate(cert);
  const der = new Uint8Array(cert.toSchema(true).toBER(false));
  const now = ctx.nowIso();
  return ctx.db.transaction().execute(async (tx) => {
    const old = await findTrustedRootByFingerprint(tx, info.fingerprint);
    let id: number;
    if (old) {
      if (old.removed_at === null) return old;
      await updateTrustedRoot(tx, old.id, {
        removed_at: null,
        removed_by: null,
        added_at: now,
        added_by: actor.userId,
      });
      id = old.id;
    } else
      id = (
        await insertTrustedRoot(tx, {
          fingerprint: info.fingerprint,
          subject: info.subject,
          not_before: info.notBefore,
          not_after: info.notAfter,
          der,
          added_by: actor.userId,
          added_at: now,
          removed_by: null,
          removed_at: null,
        })
      ).id;
    await insertAudit(tx, {
      unitId: actor.unitId,
      userId: actor.userId,
      entity: 'trusted_root',
      entityId: id,
      action: 'add',
      after: { fingerprint: info.fingerprint, subject: info.subject, notAfter: info.notAfter },
      at: now,
      requestId: requestId ?? null,
    });
    return (await findTrustedRoot(tx, id))!;
  });
}

/** Takes a root out of the store (kept, marked removed). */
export async function removeTrustedRoot(ctx: DocumentsContext, actor: Actor, id: number, requestId?: string) {
  await requireManager(ctx, actor, 'gỡ');
  const root = await findTrustedRoot(ctx.db, id);
  if (!root || root.removed_at !== null) throw new AppError('NOT_FOUND', 'Không tìm thấy chứng thư gốc.');
  const now = ctx.nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    await updateTrustedRoot(tx, id, { removed_at: now, removed_by: actor.userId });
    await insertAudit(tx, {
      unitId: actor.unitId,
      userId: actor.userId,
      entity: 'trusted_root',
      entityId: id,
      action: 'remove',
      before: { fingerprint: root.fingerprint, subject: root.subject },
      at: now,
      requestId: requestId ?? null,
    });
  });
}
