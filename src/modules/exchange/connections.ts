/** Superior side, staff actions: issue a one-time connection token for a unit below, revoke it. */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors.js';
import { sha256 } from '../../lib/hash.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { TOKEN_PREFIX, audit, readableUnit } from './context.js';
import type { ExchangeContext } from './context.js';
import { findConnection, insertConnection, revokeConnectionsOfUnit, updateConnection } from './repository.js';

/** A superior issues a connection for a unit below: the token is shown once (only its sha256 kept). */
export async function issue(ctx: ExchangeContext, actor: Actor, unitId: number) {
  const unit = await readableUnit(ctx, actor, unitId);
  if (!policy.issueExchange(actor, unit.path, unit.id))
    throw new AppError(
      'FORBIDDEN',
      'Chỉ quản trị viên của đơn vị cấp trên mới cấp được mã kết nối cho đơn vị cấp dưới.',
    );
  const secret = randomBytes(32).toString('base64url');
  const now = ctx.nowIso();
  const c = await ctx.db.transaction().execute(async (tx) => {
    await revokeConnectionsOfUnit(tx, unit.id, now, actor.userId);
    const row = await insertConnection(tx, {
      unit_id: unit.id,
      token_hash: sha256(secret),
      public_key: null,
      enrolled_at: null,
      remote_unit_code: null,
      remote_unit_name: null,
      remote_server: null,
      created_by: actor.userId,
      created_at: now,
      revoked_at: null,
      revoked_by: null,
    });
    await audit(ctx, tx, actor, unit.id, 'exchange_connection', row.id, 'issue', { unit: unit.code });
    return row;
  });
  return {
    connectionId: c.id,
    token: `${TOKEN_PREFIX}.${c.id}.${secret}`,
    unit: { id: unit.id, code: unit.code, name: unit.name },
  };
}

export async function revoke(ctx: ExchangeContext, actor: Actor, connectionId: number) {
  const c = await findConnection(ctx.db, connectionId);
  const unit = c ? await findUnitById(ctx.db, c.unit_id) : undefined;
  if (!c || !unit || !policy.readUnit(actor, unit.path))
    throw new AppError('NOT_FOUND', 'Không tìm thấy kết nối.');
  if (!policy.issueExchange(actor, unit.path, unit.id)) throw new AppError('FORBIDDEN');
  if (c.revoked_at !== null) return;
  await ctx.db.transaction().execute(async (tx) => {
    await updateConnection(tx, c.id, { revoked_at: ctx.nowIso(), revoked_by: actor.userId });
    await audit(ctx, tx, actor, unit.id, 'exchange_connection', c.id, 'revoke', { unit: unit.code });
  });
}
