/**
 * Report exchange with a superior's own cchc server (liên thông, issue 13 item 5; ADR 011).
 *
 * Superior side: an administrator issues a connection for a unit below (a one-time token, only its
 * sha256 kept); the unit's server enrols an Ed25519 public key with it; packages signed with that
 * key are verified, stored byte for byte, and turned into the unit's report and submission rows,
 * so the reports overview and detail show the unit as if it reported here.
 *
 * Unit side: an administrator connects with the superior's address and token (this server makes a
 * key pair and enrols its public key); each submitted report is queued as a signed package in an
 * outbox, in the submission's own transaction, and a sweep sends it, retrying with back-off until
 * the superior acknowledges it.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { parsePeriodKey } from '../../core/report/index.js';
import type { ReportContent } from '../../core/report/index.js';
import type { Dialect } from '../../db/database.js';
import type { ExchangeOutboxRow, ReportSubmissionRow, UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { insertBlob, readBlob } from '../files/repository.js';
import {
  blankReport,
  findReport,
  insertReport,
  insertSubmission,
  listSubmissions,
  updateReport,
} from '../reports/repository.js';
import type { SubmittedReport } from '../reports/service.js';
import { findUnitById } from '../units/repository.js';
import {
  MEDIA_TYPES,
  ReportPackageV1,
  isEd25519PublicKey,
  newKeyPair,
  packageBytes,
  packageFiles,
  sha256Hex,
  signBytes,
  verifyBytes,
} from './package.js';
import type { PackageInput } from './package.js';
import {
  activeLink,
  claimDue,
  disconnectLinks,
  findConnection,
  findInboxByPackage,
  findLink,
  findOutbox,
  finishAttempt,
  insertConnection,
  insertInbox,
  insertLink,
  insertOutbox,
  lastInboxOfReport,
  listConnections,
  listInbox,
  listOutbox,
  outboxOfSubmission,
  reportsReceived,
  revokeConnectionsOfUnit,
  updateConnection,
  updateOutbox,
} from './repository.js';

export interface ExchangeDeps {
  db: Q;
  dialect: Dialect;
  clock: Clock;
  /** This server's address as users reach it (sent as the sender's server). */
  appUrl: string | null;
  /** Send right after a submission (when a sweep runs in this process); tests sweep by hand. */
  autoDeliver?: boolean;
  /** Outbound requests give up after this long. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export const SIGNATURE_HEADER = 'x-cchc-signature';
export const CONNECTION_HEADER = 'x-cchc-connection';
const TOKEN_PREFIX = 'cchc1';
const LEASE_MS = 2 * 60_000;
const BATCH = 20;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Wait before attempt n+1 after n failed ones: 1 min, 2, 4… doubling, at most 6 h; never given up
 * (a superior's server may be down for a day), every attempt recorded.
 */
export function retryDelayMs(failures: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, failures - 1), 6 * 3_600_000);
}

/** "cchc1.<connection id>.<secret>" → its parts; null when it is not one. */
export function parseToken(token: string): { connectionId: number; secret: string } | null {
  const m = /^cchc1\.(\d{1,12})\.([A-Za-z0-9_-]{32,128})$/.exec(token.trim());
  return m ? { connectionId: Number(m[1]), secret: m[2]! } : null;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

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

function normaliseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new AppError(
      'VALIDATION',
      'Địa chỉ hệ thống cấp trên không hợp lệ (cần dạng https://cchc.donvi.gov.vn).',
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new AppError('VALIDATION', 'Địa chỉ hệ thống cấp trên phải bắt đầu bằng https:// hoặc http://.');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

export function exchangeService({
  db,
  dialect,
  clock,
  appUrl,
  autoDeliver,
  timeoutMs,
  fetchImpl,
}: ExchangeDeps) {
  const http = fetchImpl ?? fetch;
  const timeout = timeoutMs ?? 30_000;
  const nowIso = () => clock.now().toISOString();

  async function readableUnit(actor: Actor, unitId: number): Promise<UnitRow> {
    const unit = await findUnitById(db, unitId);
    if (!unit || !policy.readUnit(actor, unit.path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    return unit;
  }

  async function audit(
    tx: Q,
    actor: Actor | null,
    unitId: number,
    entity: string,
    entityId: number | null,
    action: string,
    after: unknown,
  ) {
    await insertAudit(tx, {
      unitId,
      userId: actor?.userId ?? null,
      entity,
      entityId,
      action,
      after,
      at: nowIso(),
    });
  }

  async function post(url: string, body: Uint8Array | string, headers: Record<string, string>) {
    try {
      const res = await http(url, {
        method: 'POST',
        headers,
        body: typeof body === 'string' ? body : Buffer.from(body),
        signal: AbortSignal.timeout(timeout),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: res.status, json, text };
    } catch (e) {
      return { status: 0, json: null, text: (e as Error).message };
    }
  }

  const errorMessage = (r: { status: number; json: unknown; text: string }) => {
    const m = (r.json as { error?: { message?: string } } | null)?.error?.message;
    if (r.status === 0) return `Không kết nối được máy chủ cấp trên (${r.text}).`;
    return m ? `${r.status}: ${m}` : `${r.status}: ${r.text.slice(0, 300)}`;
  };

  // -------------------------------------------------------------------------------------------
  // Unit side

  /** What a package says about a submission. */
  function packageInput(s: SubmittedReport, packageId: string): PackageInput {
    return {
      packageId,
      createdAt: nowIso(),
      sender: { unitCode: s.unit.code, unitName: s.unit.name, server: appUrl },
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
  async function submittedOf(
    unit: UnitRow,
    reportId: number,
    periodKey: string,
    last: ReportSubmissionRow,
  ): Promise<SubmittedReport> {
    const [docx, xlsx] = await Promise.all([
      readBlob(db, last.docx_file_id),
      readBlob(db, last.xlsx_file_id),
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
  async function enqueue(tx: Q, s: SubmittedReport): Promise<ExchangeOutboxRow | null> {
    const link = await activeLink(tx, s.unit.id);
    if (!link) return null;
    const packageId = randomUUID();
    const bytes = packageBytes(packageInput(s, packageId));
    const hash = sha256Hex(bytes);
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
      next_attempt_at: nowIso(),
      lease_until: null,
      lease_token: null,
      last_attempt_at: null,
      last_error: null,
      delivered_at: null,
      ack_json: null,
      created_at: nowIso(),
    });
    await audit(tx, null, s.unit.id, 'exchange_outbox', row.id, 'queue', {
      period: s.periodKey,
      seq: s.seq,
      packageId: row.package_id,
      sha256: hash,
      superior: link.superior_url,
    });
    if (autoDeliver) setTimeout(() => void sweep().catch(() => undefined), 0).unref();
    return row;
  }

  /** One attempt at one claimed package. */
  async function attempt(o: ExchangeOutboxRow, token: string): Promise<'delivered' | 'retry' | 'refused'> {
    const link = await findLink(db, o.link_id);
    const bytes = await readBlob(db, o.blob_id);
    const at = nowIso();
    if (!link || !bytes) {
      await finishAttempt(db, o.id, token, {
        state: 'refused',
        last_error: 'Gói hoặc kết nối không còn.',
        last_attempt_at: at,
      });
      return 'refused';
    }
    const r = await post(`${link.superior_url}/api/exchange/v1/packages`, bytes, {
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
  async function sweep(): Promise<{ delivered: number; retry: number; refused: number }> {
    const out = { delivered: 0, retry: 0, refused: 0 };
    for (;;) {
      const token = randomBytes(16).toString('hex');
      const now = nowIso();
      const rows = await claimDue(db, dialect, {
        now,
        leaseUntil: new Date(Date.parse(now) + LEASE_MS).toISOString(),
        token,
        limit: BATCH,
      });
      if (rows.length === 0) return out;
      for (const o of rows) out[await attempt(o, token)]++;
      if (rows.length < BATCH) return out;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Superior side (public endpoints: authenticated by the token, then by the key)

  /** The unit's server enrols its public key with the token it was given (once per token). */
  async function enrol(input: {
    token: string;
    publicKey: string;
    unitCode?: string;
    unitName?: string;
    server?: string | null;
  }) {
    const t = parseToken(input.token);
    if (!t) throw new AppError('EXCHANGE_TOKEN');
    const c = await findConnection(db, t.connectionId);
    if (!c || c.revoked_at !== null || !sameHash(c.token_hash, sha256(t.secret)))
      throw new AppError('EXCHANGE_TOKEN');
    if (!isEd25519PublicKey(input.publicKey))
      throw new AppError('VALIDATION', 'Khóa công khai phải là khóa Ed25519 (SPKI, PEM).');
    // A token enrols one key; the same key again is a retry of a lost answer.
    if (c.public_key !== null && c.public_key.trim() !== input.publicKey.trim())
      throw new AppError('EXCHANGE_TOKEN');
    const unit = (await findUnitById(db, c.unit_id))!;
    const superior = unit.parent_id ? await findUnitById(db, unit.parent_id) : undefined;
    if (c.public_key === null) {
      await db.transaction().execute(async (tx) => {
        await updateConnection(tx, c.id, {
          public_key: input.publicKey.trim(),
          enrolled_at: nowIso(),
          remote_unit_code: input.unitCode?.slice(0, 50) ?? null,
          remote_unit_name: input.unitName?.slice(0, 300) ?? null,
          remote_server: input.server?.slice(0, 500) ?? null,
        });
        await audit(tx, null, c.unit_id, 'exchange_connection', c.id, 'enrol', {
          remoteUnit: input.unitCode ?? null,
          server: input.server ?? null,
          keySha256: sha256(input.publicKey.trim()),
        });
      });
    }
    return {
      connectionId: c.id,
      unit: { code: unit.code, name: unit.name },
      superior: superior ? { code: superior.code, name: superior.name } : null,
    };
  }

  /**
   * Receives a package: the signature over the exact bytes, the format, the files' hashes; then
   * stores the bytes and makes the unit's report and submission rows, all in one transaction. A
   * package received before (same id and bytes) is acknowledged again.
   */
  async function receive(
    connectionHeader: string | undefined,
    signatureHeader: string | undefined,
    bytes: Uint8Array,
  ) {
    const id = Number(connectionHeader);
    const c = Number.isInteger(id) && id > 0 ? await findConnection(db, id) : undefined;
    if (!c || c.revoked_at !== null || c.public_key === null) throw new AppError('EXCHANGE_TOKEN');
    const sig = /^ed25519=([A-Za-z0-9+/=]+)$/.exec(signatureHeader?.trim() ?? '')?.[1];
    if (!sig || !verifyBytes(bytes, c.public_key, sig)) throw new AppError('EXCHANGE_SIGNATURE');
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new AppError('EXCHANGE_PACKAGE');
    }
    const parsed = ReportPackageV1.safeParse(json);
    if (!parsed.success)
      throw new AppError(
        'EXCHANGE_PACKAGE',
        undefined,
        parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    const p = parsed.data;
    const pk = parsePeriodKey(p.report.periodKey);
    const files = packageFiles(p);
    if (!pk || !files)
      throw new AppError(
        'EXCHANGE_PACKAGE',
        'Gói báo cáo có kỳ báo cáo hoặc tệp đính kèm không khớp mã băm: đã từ chối.',
      );
    const hash = sha256Hex(bytes);
    const known = await findInboxByPackage(db, p.packageId);
    if (known) {
      if (known.sha256 !== hash) throw new AppError('CONFLICT', 'Mã gói này đã nhận với nội dung khác.');
      return {
        accepted: true,
        duplicate: true,
        packageId: p.packageId,
        sha256: hash,
        receivedAt: known.received_at,
        reportId: known.report_id,
      };
    }
    const now = nowIso();
    const row = await db.transaction().execute(async (tx) => {
      let report = await findReport(tx, c.unit_id, pk.key);
      report ??= await insertReport(tx, blankReport(c.unit_id, pk, now, null));
      const seq = report.submission_count + 1;
      const sub = await insertSubmission(tx, {
        report_id: report.id,
        seq,
        submitted_at: p.report.submittedAt,
        submitted_by: null,
        due_date: p.report.dueDate,
        late: p.report.late ? 1 : 0,
        docx_file_id: await insertBlob(tx, sha256Hex(files.docx), files.docx),
        xlsx_file_id: await insertBlob(tx, sha256Hex(files.xlsx), files.xlsx),
        snapshot_json: JSON.stringify(p.content satisfies ReportContent),
        returned_at: null,
        returned_by: null,
        return_reason: null,
      });
      await updateReport(tx, report.id, {
        status: 'submitted',
        submission_count: seq,
        number: p.content.document.number,
        signer_title: p.content.document.signerTitle,
        signer_name: p.content.document.signerName,
        updated_at: now,
      });
      const inbox = await insertInbox(tx, {
        connection_id: c.id,
        unit_id: c.unit_id,
        package_id: p.packageId,
        period_key: pk.key,
        sender_seq: p.report.seq,
        blob_id: await insertBlob(tx, hash, bytes),
        sha256: hash,
        signature: sig,
        report_id: report.id,
        submission_id: sub.id,
        received_at: now,
      });
      await audit(tx, null, c.unit_id, 'report', report.id, 'receive', {
        period: pk.key,
        seq,
        senderSeq: p.report.seq,
        packageId: p.packageId,
        sha256: hash,
        connectionId: c.id,
      });
      return inbox;
    });
    return {
      accepted: true,
      duplicate: false,
      packageId: p.packageId,
      sha256: hash,
      receivedAt: row.received_at,
      reportId: row.report_id,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Staff actions and the exchange page

  return {
    enqueue,
    sweep,
    enrol,
    receive,
    receivedReports: (ids: number[]) => reportsReceived(db, ids),

    /** Connects the unit to its superior's server: makes a key pair and enrols it with the token. */
    async connect(actor: Actor, unitId: number, input: { superiorUrl: string; token: string }) {
      const unit = await readableUnit(actor, unitId);
      if (!policy.connectExchange(actor, unit.id))
        throw new AppError(
          'FORBIDDEN',
          'Chỉ quản trị viên của đơn vị mới kết nối được với hệ thống cấp trên.',
        );
      const url = normaliseUrl(input.superiorUrl);
      const t = parseToken(input.token);
      if (!t)
        throw new AppError(
          'EXCHANGE_TOKEN',
          'Mã kết nối không đúng dạng (cchc1.…): hãy chép đúng mã cấp trên đã cấp.',
        );
      const keys = newKeyPair();
      const r = await post(
        `${url}/api/exchange/v1/enrol`,
        JSON.stringify({
          token: input.token.trim(),
          publicKey: keys.publicKey,
          unitCode: unit.code,
          unitName: unit.name,
          server: appUrl,
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
      const ack = r.json as {
        connectionId: number;
        unit: { code: string; name: string };
        superior: { code: string; name: string } | null;
      };
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
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
        await audit(tx, actor, unit.id, 'exchange_link', link.id, 'connect', {
          superiorUrl: url,
          connectionId: ack.connectionId,
          remoteUnit: ack.unit.code,
        });
      });
    },

    async disconnect(actor: Actor, unitId: number) {
      const unit = await readableUnit(actor, unitId);
      if (!policy.connectExchange(actor, unit.id))
        throw new AppError(
          'FORBIDDEN',
          'Chỉ quản trị viên của đơn vị mới ngắt được kết nối với hệ thống cấp trên.',
        );
      const link = await activeLink(db, unit.id);
      if (!link) throw new AppError('EXCHANGE_NOT_CONNECTED');
      await db.transaction().execute(async (tx) => {
        await disconnectLinks(tx, unit.id, nowIso(), actor.userId);
        await audit(tx, actor, unit.id, 'exchange_link', link.id, 'disconnect', {
          superiorUrl: link.superior_url,
        });
      });
    },

    /** Sends the last submission of a period (connected after submitting, or to send again). */
    async send(actor: Actor, unitId: number, periodKey: string) {
      const unit = await readableUnit(actor, unitId);
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
      const submitted = await submittedOf(unit, report.id, pk.key, last);
      const row = await db.transaction().execute(async (tx) => {
        const r = await enqueue(tx, submitted);
        if (!r) throw new AppError('EXCHANGE_NOT_CONNECTED');
        return r;
      });
      return row;
    },

    /** Puts a refused (or waiting) package back to be sent now. */
    async retry(actor: Actor, outboxId: number) {
      const o = await findOutbox(db, outboxId);
      const unit = o ? await findUnitById(db, o.unit_id) : undefined;
      if (!o || !unit || !policy.readUnit(actor, unit.path))
        throw new AppError('NOT_FOUND', 'Không tìm thấy gói báo cáo.');
      if (!policy.connectExchange(actor, unit.id) && !policy.editReport(actor, unit.id))
        throw new AppError('FORBIDDEN');
      if (o.state === 'delivered') throw new AppError('CONFLICT', 'Gói báo cáo đã được cấp trên nhận.');
      await db.transaction().execute(async (tx) => {
        await updateOutbox(tx, o.id, {
          state: 'pending',
          next_attempt_at: nowIso(),
          lease_until: null,
          lease_token: null,
        });
        await audit(tx, actor, unit.id, 'exchange_outbox', o.id, 'retry', { packageId: o.package_id });
      });
    },

    /** A superior issues a connection for a unit below: the token is shown once. */
    async issue(actor: Actor, unitId: number) {
      const unit = await readableUnit(actor, unitId);
      if (!policy.issueExchange(actor, unit.path, unit.id))
        throw new AppError(
          'FORBIDDEN',
          'Chỉ quản trị viên của đơn vị cấp trên mới cấp được mã kết nối cho đơn vị cấp dưới.',
        );
      const secret = randomBytes(32).toString('base64url');
      const now = nowIso();
      const c = await db.transaction().execute(async (tx) => {
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
        await audit(tx, actor, unit.id, 'exchange_connection', row.id, 'issue', { unit: unit.code });
        return row;
      });
      return {
        connectionId: c.id,
        token: `${TOKEN_PREFIX}.${c.id}.${secret}`,
        unit: { id: unit.id, code: unit.code, name: unit.name },
      };
    },

    async revoke(actor: Actor, connectionId: number) {
      const c = await findConnection(db, connectionId);
      const unit = c ? await findUnitById(db, c.unit_id) : undefined;
      if (!c || !unit || !policy.readUnit(actor, unit.path))
        throw new AppError('NOT_FOUND', 'Không tìm thấy kết nối.');
      if (!policy.issueExchange(actor, unit.path, unit.id)) throw new AppError('FORBIDDEN');
      if (c.revoked_at !== null) return;
      await db.transaction().execute(async (tx) => {
        await updateConnection(tx, c.id, { revoked_at: nowIso(), revoked_by: actor.userId });
        await audit(tx, actor, unit.id, 'exchange_connection', c.id, 'revoke', { unit: unit.code });
      });
    },

    /** The exchange page in one request: this unit's link and deliveries; what it receives from below. */
    async state(actor: Actor, unitId: number) {
      const unit = await readableUnit(actor, unitId);
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
        deliveries: outbox.map((o) => {
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
        }),
        connections: connections.map((c) => ({
          id: c.id,
          unit: { id: c.unit_id, code: c.unit_code, name: c.unit_name },
          enrolled: c.public_key !== null,
          enrolledAt: c.enrolled_at,
          remoteServer: c.remote_server,
          remoteUnitCode: c.remote_unit_code,
          createdAt: c.created_at,
          revokedAt: c.revoked_at,
          actions: { revoke: c.revoked_at === null && policy.issueExchange(actor, c.unit_path, c.unit_id) },
        })),
        received: inbox.map((r) => ({
          id: r.id,
          unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
          periodKey: r.period_key,
          senderSeq: r.sender_seq,
          packageId: r.package_id,
          sha256: r.sha256,
          receivedAt: r.received_at,
        })),
        actions: {
          connect: mayConnect,
          disconnect: mayConnect && link !== undefined,
          issue: actor.roles.includes('admin'),
        },
      };
    },

    /**
     * The package of a unit's period as JSON for any other system: the bytes sent (or received)
     * byte for byte when there are some, else built from the last submission.
     */
    async packageOf(actor: Actor, unitId: number, periodKey: string): Promise<Uint8Array> {
      const unit = await readableUnit(actor, unitId);
      const pk = parsePeriodKey(periodKey);
      if (!pk) throw new AppError('REPORT_PERIOD');
      const report = await findReport(db, unit.id, pk.key);
      if (!report || report.submission_count === 0)
        throw new AppError(
          'REPORT_NOT_SUBMITTED',
          'Báo cáo kỳ này chưa được gửi: chưa có số liệu chốt để tải.',
        );
      const subs = await listSubmissions(db, report.id);
      const last = subs[subs.length - 1]!;
      const received = await lastInboxOfReport(db, report.id);
      if (received && received.submission_id === last.id)
        return new Uint8Array((await readBlob(db, received.blob_id))!);
      const sent = await outboxOfSubmission(db, last.id);
      if (sent) return new Uint8Array((await readBlob(db, sent.blob_id))!);
      return packageBytes(
        packageInput(await submittedOf(unit, report.id, pk.key, last), `${unit.code}-${pk.key}-${last.seq}`),
      );
    },
  };
}

export type ExchangeService = ReturnType<typeof exchangeService>;
