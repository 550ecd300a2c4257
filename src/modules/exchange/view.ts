/** The exchange page in one request, and a period's package as JSON for any other system. */
import { parsePeriodKey } from '../../core/report/index.js';
import type { ExchangeOutboxRow } from '../../db/tables.js';
import { AppError } from '../../errors.js';
import { sha256 } from '../../lib/hash.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { readBlob } from '../files/repository.js';
import { findReport, listSubmissions } from '../reports/repository.js';
import { readableUnit } from './context.js';
import type { ExchangeContext } from './context.js';
import { packageInput, submittedOf } from './outbox.js';
import { packageBytes } from './package.js';
import {
  activeLink,
  lastInboxOfReport,
  listConnections,
  listInbox,
  listOutbox,
  outboxOfSubmission,
} from './repository.js';

const DELIVERY_LABELS = {
  pending: 'Đang chờ gửi',
  retrying: 'Đang thử gửi lại',
  delivered: 'Cấp trên đã nhận',
  refused: 'Cấp trên từ chối',
} as const;

/** Where a package stands, as the unit's page shows it. */
function deliveryState(o: ExchangeOutboxRow): keyof typeof DELIVERY_LABELS {
  if (o.state === 'delivered') return 'delivered';
  if (o.state === 'refused') return 'refused';
  return o.attempts > 0 ? 'retrying' : 'pending';
}

function presentDelivery(o: ExchangeOutboxRow, mayResend: boolean) {
  const state = deliveryState(o);
  return {
    id: o.id,
    periodKey: o.period_key,
    packageId: o.package_id,
    sha256: o.sha256,
    state,
    stateLabel: DELIVERY_LABELS[state],
    attempts: o.attempts,
    nextAttemptAt: o.state === 'pending' ? o.next_attempt_at : null,
    lastAttemptAt: o.last_attempt_at,
    lastError: o.last_error,
    deliveredAt: o.delivered_at,
    actions: { retry: mayResend && o.state !== 'delivered' },
  };
}

type ConnectionListRow = Awaited<ReturnType<typeof listConnections>>[number];
type InboxListRow = Awaited<ReturnType<typeof listInbox>>[number];

function presentConnection(actor: Actor, c: ConnectionListRow) {
  return {
    id: c.id,
    unit: { id: c.unit_id, code: c.unit_code, name: c.unit_name },
    enrolled: c.public_key !== null,
    enrolledAt: c.enrolled_at,
    remoteServer: c.remote_server,
    remoteUnitCode: c.remote_unit_code,
    createdAt: c.created_at,
    revokedAt: c.revoked_at,
    actions: { revoke: c.revoked_at === null && policy.issueExchange(actor, c.unit_path, c.unit_id) },
  };
}

function presentReceived(r: InboxListRow) {
  return {
    id: r.id,
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
    periodKey: r.period_key,
    senderSeq: r.sender_seq,
    packageId: r.package_id,
    sha256: r.sha256,
    receivedAt: r.received_at,
  };
}

/** The exchange page in one request: this unit's link and deliveries; what it receives from below. */
export async function exchangeState(ctx: ExchangeContext, actor: Actor, unitId: number) {
  const { db } = ctx;
  const unit = await readableUnit(ctx, actor, unitId);
  const link = await activeLink(db, unit.id);
  const outbox = await listOutbox(db, unit.id);
  const connections = (await listConnections(db, unit.path)).filter((c) => c.unit_id !== unit.id);
  const inbox = await listInbox(db, unit.path);
  const mayConnect = policy.connectExchange(actor, unit.id);
  const mayResend = mayConnect || policy.editReport(actor, unit.id);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    link: link
      ? {
          superiorUrl: link.superior_url,
          superiorName: link.superior_name,
          connectionId: link.connection_id,
          remoteUnit: { code: link.remote_unit_code, name: link.remote_unit_name },
          connectedAt: link.created_at,
          keyFingerprint: sha256(link.public_key).slice(0, 16),
        }
      : null,
    deliveries: outbox.map((o) => presentDelivery(o, mayResend)),
    connections: connections.map((c) => presentConnection(actor, c)),
    received: inbox.map(presentReceived),
    actions: {
      connect: mayConnect,
      disconnect: mayConnect && link !== undefined,
      issue: actor.roles.includes('admin'),
    },
  };
}

/**
 * The package of a unit's period as JSON for any other system: the bytes sent (or received)
 * byte for byte when there are some, else built from the last submission.
 */
export async function packageOf(
  ctx: ExchangeContext,
  actor: Actor,
  unitId: number,
  periodKey: string,
): Promise<Uint8Array> {
  const { db } = ctx;
  const unit = await readableUnit(ctx, actor, unitId);
  const pk = parsePeriodKey(periodKey);
  if (!pk) throw new AppError('REPORT_PERIOD');
  const report = await findReport(db, unit.id, pk.key);
  if (!report || report.submission_count === 0)
    throw new AppError('REPORT_NOT_SUBMITTED', 'Báo cáo kỳ này chưa được gửi: chưa có số liệu chốt để tải.');
  const subs = await listSubmissions(db, report.id);
  const last = subs[subs.length - 1]!;
  const received = await lastInboxOfReport(db, report.id);
  if (received && received.submission_id === last.id)
    return new Uint8Array((await readBlob(db, received.blob_id))!);
  const sent = await outboxOfSubmission(db, last.id);
  if (sent) return new Uint8Array((await readBlob(db, sent.blob_id))!);
  const submitted = await submittedOf(ctx, unit, report.id, pk.key, last);
  return packageBytes(packageInput(ctx, submitted, `${unit.code}-${pk.key}-${last.seq}`));
}
