/**
 * Unit side, sending: each submitted report is queued as a signed package in the submission's own
 * transaction, and a sweep sends what is due, retrying with back-off until the superior answers.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ReportContent } from '../../core/report/index.js';
import type { ExchangeOutboxRow, ReportSubmissionRow, UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { sha256 } from '../../lib/hash.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { insertBlob, readBlob } from '../files/repository.js';
import type { SubmittedReport } from '../reports/service.js';
import { CONNECTION_HEADER, SIGNATURE_HEADER, audit, errorMessage, post } from './context.js';
import type { ExchangeContext } from './context.js';
import { MEDIA_TYPES, packageBytes, signBytes } from './package.js';
import type { PackageInput } from './package.js';
import { activeLink, claimDue, findLink, finishAttempt, insertOutbox } from './repository.js';

const LEASE_MS = 2 * 60_000;
const BATCH = 20;

/**
 * Wait before attempt n+1 after n failed ones: 1 min, 2, 4… doubling, at most 6 h; never given up
 * (a superior's server may be down for a day), every attempt recorded.
 */
export function retryDelayMs(failures: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, failures - 1), 6 * 3_600_000);
}

/** What a package says about a submission. */
export function packageInput(ctx: ExchangeContext, s: SubmittedReport, packageId: string): PackageInput {
  return {
    packageId,
    createdAt: ctx.nowIso(),
    sender: { unitCode: s.unit.code, unitName: s.unit.name, server: ctx.appUrl },
    report: {
      periodKey: s.periodKey,
      seq: s.seq,
      submittedAt: s.submittedAt,
      dueDate: s.dueDate,
      late: s.late,
    },
    content: s.content,
    docx: s.docx,
    xlsx: s.xlsx,
  };
}

/** A stored submission as the reports module hands a new one over (its frozen files and figures). */
export async function submittedOf(
  ctx: ExchangeContext,
  unit: UnitRow,
  reportId: number,
  periodKey: string,
  last: ReportSubmissionRow,
): Promise<SubmittedReport> {
  const [docx, xlsx] = await Promise.all([
    readBlob(ctx.db, last.docx_file_id),
    readBlob(ctx.db, last.xlsx_file_id),
  ]);
  return {
    unit,
    reportId,
    submissionId: last.id,
    periodKey,
    seq: last.seq,
    submittedAt: last.submitted_at,
    dueDate: last.due_date,
    late: last.late === 1,
    content: JSON.parse(last.snapshot_json) as ReportContent,
    docx: new Uint8Array(docx!),
    xlsx: new Uint8Array(xlsx!),
  };
}

/** Queues a submission's package when the unit is connected; inside the submission's transaction. */
export async function enqueue(
  ctx: ExchangeContext,
  tx: Q,
  s: SubmittedReport,
): Promise<ExchangeOutboxRow | null> {
  const link = await activeLink(tx, s.unit.id);
  if (!link) return null;
  const packageId = randomUUID();
  const bytes = packageBytes(packageInput(ctx, s, packageId));
  const hash = sha256(bytes);
  const row = await insertOutbox(tx, {
    link_id: link.id,
    unit_id: s.unit.id,
    report_id: s.reportId,
    submission_id: s.submissionId,
    period_key: s.periodKey,
    package_id: packageId,
    blob_id: await insertBlob(tx, hash, bytes),
    sha256: hash,
    signature: signBytes(bytes, link.private_key),
    state: 'pending',
    attempts: 0,
    next_attempt_at: ctx.nowIso(),
    lease_until: null,
    lease_token: null,
    last_attempt_at: null,
    last_error: null,
    delivered_at: null,
    ack_json: null,
    created_at: ctx.nowIso(),
  });
  await audit(ctx, tx, SYSTEM_ACTOR, s.unit.id, 'exchange_outbox', row.id, 'queue', {
    period: s.periodKey,
    seq: s.seq,
    packageId: row.package_id,
    sha256: hash,
    superior: link.superior_url,
  });
  if (ctx.autoDeliver) setTimeout(() => void sweep(ctx).catch(() => undefined), 0).unref();
  return row;
}

/** One attempt at one claimed package. */
async function attempt(
  ctx: ExchangeContext,
  o: ExchangeOutboxRow,
  token: string,
): Promise<'delivered' | 'retry' | 'refused'> {
  const { db } = ctx;
  const link = await findLink(db, o.link_id);
  const bytes = await readBlob(db, o.blob_id);
  const at = ctx.nowIso();
  if (!link || !bytes) {
    await finishAttempt(db, o.id, token, {
      state: 'refused',
      last_error: 'Gói hoặc kết nối không còn.',
      last_attempt_at: at,
    });
    return 'refused';
  }
  const r = await post(ctx, `${link.superior_url}/api/exchange/v1/packages`, bytes, {
    'content-type': MEDIA_TYPES.package,
    [CONNECTION_HEADER]: String(link.connection_id),
    [SIGNATURE_HEADER]: `ed25519=${o.signature}`,
  });
  const attempts = o.attempts + 1;
  if (r.status >= 200 && r.status < 300) {
    await finishAttempt(db, o.id, token, {
      state: 'delivered',
      attempts,
      last_attempt_at: at,
      delivered_at: at,
      last_error: null,
      next_attempt_at: null,
      ack_json: JSON.stringify(r.json),
    });
    return 'delivered';
  }
  // The superior answered "no" for good (bad signature, revoked, malformed): retrying cannot help.
  const permanent = r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429;
  await finishAttempt(db, o.id, token, {
    state: permanent ? 'refused' : 'pending',
    attempts,
    last_attempt_at: at,
    last_error: errorMessage(r).slice(0, 1000),
    next_attempt_at: permanent ? null : new Date(Date.parse(at) + retryDelayMs(attempts)).toISOString(),
  });
  return permanent ? 'refused' : 'retry';
}

/** Sends every package due; several processes may sweep at once (rows are claimed). */
export async function sweep(
  ctx: ExchangeContext,
): Promise<{ delivered: number; retry: number; refused: number }> {
  const out = { delivered: 0, retry: 0, refused: 0 };
  for (;;) {
    const token = randomBytes(16).toString('hex');
    const now = ctx.nowIso();
    const rows = await claimDue(ctx.db, ctx.dialect, {
      now,
      leaseUntil: new Date(Date.parse(now) + LEASE_MS).toISOString(),
      token,
      limit: BATCH,
    });
    if (rows.length === 0) return out;
    for (const o of rows) out[await attempt(ctx, o, token)]++;
    if (rows.length < BATCH) return out;
  }
}
