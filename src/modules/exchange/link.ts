/** Unit side, staff actions: connect to the superior's server, disconnect, send or resend a package. */
import { parsePeriodKey } from '../../core/report/index.js';
import { AppError } from '../../errors.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findReport, listSubmissions } from '../reports/repository.js';
import { findUnitById } from '../units/repository.js';
import { audit, errorMessage, normaliseUrl, parseToken, post, readableUnit } from './context.js';
import type { ExchangeContext } from './context.js';
import { enqueue, submittedOf } from './outbox.js';
import { newKeyPair } from './package.js';
import {
  activeLink,
  disconnectLinks,
  findOutbox,
  insertLink,
  outboxOfSubmission,
  updateOutbox,
} from './repository.js';

interface EnrolAck {
  connectionId: number;
  unit: { code: string; name: string };
  superior: { code: string; name: string } | null;
}

/** Makes a key pair and enrols its public key with the superior's server. */
async function enrolWithSuperior(
  ctx: ExchangeContext,
  url: string,
  token: string,
  unit: { code: string; name: string },
) {
  const keys = newKeyPair();
  const r = await post(
    ctx,
    `${url}/api/exchange/v1/enrol`,
    JSON.stringify({
      token: token.trim(),
      publicKey: keys.publicKey,
      unitCode: unit.code,
      unitName: unit.name,
      server: ctx.appUrl,
    }),
    { 'content-type': 'application/json' },
  );
  if (r.status === 0 || r.status >= 500)
    throw new AppError(
      'EXCHANGE_UNREACHABLE',
      `Không kết nối được với hệ thống cấp trên: ${errorMessage(r)}`,
    );
  if (r.status !== 200)
    throw new AppError('EXCHANGE_TOKEN', `Hệ thống cấp trên không nhận mã kết nối: ${errorMessage(r)}`);
  return { keys, ack: r.json as EnrolAck };
}

/** Connects the unit to its superior's server: makes a key pair and enrols it with the token. */
export async function connect(
  ctx: ExchangeContext,
  actor: Actor,
  unitId: number,
  input: { superiorUrl: string; token: string },
) {
  const unit = await readableUnit(ctx, actor, unitId);
  if (!policy.connectExchange(actor, unit.id))
    throw new AppError('FORBIDDEN', 'Chỉ quản trị viên của đơn vị mới kết nối được với hệ thống cấp trên.');
  const url = normaliseUrl(input.superiorUrl);
  if (!parseToken(input.token))
    throw new AppError(
      'EXCHANGE_TOKEN',
      'Mã kết nối không đúng dạng (cchc1.…): hãy chép đúng mã cấp trên đã cấp.',
    );
  const { keys, ack } = await enrolWithSuperior(ctx, url, input.token, unit);
  const now = ctx.nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    await disconnectLinks(tx, unit.id, now, actor.userId);
    const link = await insertLink(tx, {
      unit_id: unit.id,
      superior_url: url,
      connection_id: ack.connectionId,
      superior_name: ack.superior?.name ?? null,
      remote_unit_code: ack.unit.code,
      remote_unit_name: ack.unit.name,
      private_key: keys.privateKey,
      public_key: keys.publicKey,
      created_by: actor.userId,
      created_at: now,
      disconnected_at: null,
      disconnected_by: null,
    });
    await audit(ctx, tx, actor, unit.id, 'exchange_link', link.id, 'connect', {
      superiorUrl: url,
      connectionId: ack.connectionId,
      remoteUnit: ack.unit.code,
    });
  });
}

export async function disconnect(ctx: ExchangeContext, actor: Actor, unitId: number) {
  const unit = await readableUnit(ctx, actor, unitId);
  if (!policy.connectExchange(actor, unit.id))
    throw new AppError(
      'FORBIDDEN',
      'Chỉ quản trị viên của đơn vị mới ngắt được kết nối với hệ thống cấp trên.',
    );
  const link = await activeLink(ctx.db, unit.id);
  if (!link) throw new AppError('EXCHANGE_NOT_CONNECTED');
  await ctx.db.transaction().execute(async (tx) => {
    await disconnectLinks(tx, unit.id, ctx.nowIso(), actor.userId);
    await audit(ctx, tx, actor, unit.id, 'exchange_link', link.id, 'disconnect', {
      superiorUrl: link.superior_url,
    });
  });
}

/** Sends the last submission of a period (connected after submitting, or to send again). */
export async function send(ctx: ExchangeContext, actor: Actor, unitId: number, periodKey: string) {
  const { db } = ctx;
  const unit = await readableUnit(ctx, actor, unitId);
  if (!policy.editReport(actor, unit.id))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới gửi được báo cáo của đơn vị.');
  const pk = parsePeriodKey(periodKey);
  if (!pk) throw new AppError('REPORT_PERIOD');
  const report = await findReport(db, unit.id, pk.key);
  if (!report || report.status !== 'submitted')
    throw new AppError(
      'REPORT_NOT_SUBMITTED',
      'Báo cáo kỳ này chưa được gửi nên chưa có gói để gửi lên cấp trên.',
    );
  const subs = await listSubmissions(db, report.id);
  const last = subs[subs.length - 1]!;
  const queued = await outboxOfSubmission(db, last.id);
  if (queued && queued.state !== 'refused') return queued;
  const submitted = await submittedOf(ctx, unit, report.id, pk.key, last);
  return db.transaction().execute(async (tx) => {
    const r = await enqueue(ctx, tx, submitted);
    if (!r) throw new AppError('EXCHANGE_NOT_CONNECTED');
    return r;
  });
}

/** Puts a refused (or waiting) package back to be sent now. */
export async function retry(ctx: ExchangeContext, actor: Actor, outboxId: number) {
  const o = await findOutbox(ctx.db, outboxId);
  const unit = o ? await findUnitById(ctx.db, o.unit_id) : undefined;
  if (!o || !unit || !policy.readUnit(actor, unit.path))
    throw new AppError('NOT_FOUND', 'Không tìm thấy gói báo cáo.');
  if (!policy.connectExchange(actor, unit.id) && !policy.editReport(actor, unit.id))
    throw new AppError('FORBIDDEN');
  if (o.state === 'delivered') throw new AppError('CONFLICT', 'Gói báo cáo đã được cấp trên nhận.');
  await ctx.db.transaction().execute(async (tx) => {
    await updateOutbox(tx, o.id, {
      state: 'pending',
      next_attempt_at: ctx.nowIso(),
      lease_until: null,
      lease_token: null,
    });
    await audit(ctx, tx, actor, unit.id, 'exchange_outbox', o.id, 'retry', { packageId: o.package_id });
  });
}
