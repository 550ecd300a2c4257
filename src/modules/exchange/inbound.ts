/**
 * Superior side, public endpoints (authenticated by the token, then by the key): a unit's server
 * enrols its public key, then sends signed packages that become the unit's report rows here.
 */
import { parsePeriodKey } from '../../core/report/index.js';
import type { PeriodKey, ReportContent } from '../../core/report/index.js';
import type { ExchangeConnectionRow } from '../../db/tables.js';
import { AppError } from '../../errors.js';
import { sha256 } from '../../lib/hash.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { insertBlob } from '../files/repository.js';
import {
  blankReport,
  findReport,
  insertReport,
  insertSubmission,
  updateReport,
} from '../reports/repository.js';
import { findUnitById } from '../units/repository.js';
import { audit, parseToken, sameHash } from './context.js';
import type { ExchangeContext } from './context.js';
import { ReportPackageV1, isEd25519PublicKey, packageFiles, verifyBytes } from './package.js';
import { findConnection, findInboxByPackage, insertInbox, updateConnection } from './repository.js';

export interface EnrolInput {
  token: string;
  publicKey: string;
  unitCode?: string;
  unitName?: string;
  server?: string | null;
}

/** The unit's server enrols its public key with the token it was given (once per token). */
export async function enrol(ctx: ExchangeContext, input: EnrolInput) {
  const { db } = ctx;
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
        enrolled_at: ctx.nowIso(),
        remote_unit_code: input.unitCode?.slice(0, 50) ?? null,
        remote_unit_name: input.unitName?.slice(0, 300) ?? null,
        remote_server: input.server?.slice(0, 500) ?? null,
      });
      await audit(ctx, tx, SYSTEM_ACTOR, c.unit_id, 'exchange_connection', c.id, 'enrol', {
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

interface VerifiedPackage {
  connection: ExchangeConnectionRow;
  signature: string;
  pkg: ReportPackageV1;
  period: PeriodKey;
  files: { docx: Uint8Array; xlsx: Uint8Array };
}

/** The connection, the signature over the exact bytes, the format and the files' hashes. */
async function verifyPackage(
  ctx: ExchangeContext,
  connectionHeader: string | undefined,
  signatureHeader: string | undefined,
  bytes: Uint8Array,
): Promise<VerifiedPackage> {
  const id = Number(connectionHeader);
  const c = Number.isInteger(id) && id > 0 ? await findConnection(ctx.db, id) : undefined;
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
  const pk = parsePeriodKey(parsed.data.report.periodKey);
  const files = packageFiles(parsed.data);
  if (!pk || !files)
    throw new AppError(
      'EXCHANGE_PACKAGE',
      'Gói báo cáo có kỳ báo cáo hoặc tệp đính kèm không khớp mã băm: đã từ chối.',
    );
  return { connection: c, signature: sig, pkg: parsed.data, period: pk, files };
}

/** Stores the bytes and makes the unit's report and submission rows, in one transaction. */
async function storePackage(ctx: ExchangeContext, v: VerifiedPackage, bytes: Uint8Array, hash: string) {
  const { connection: c, pkg: p, period: pk, files } = v;
  const now = ctx.nowIso();
  return ctx.db.transaction().execute(async (tx) => {
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
      docx_file_id: await insertBlob(tx, sha256(files.docx), files.docx),
      xlsx_file_id: await insertBlob(tx, sha256(files.xlsx), files.xlsx),
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
      signature: v.signature,
      report_id: report.id,
      submission_id: sub.id,
      received_at: now,
    });
    await audit(ctx, tx, SYSTEM_ACTOR, c.unit_id, 'report', report.id, 'receive', {
      period: pk.key,
      seq,
      senderSeq: p.report.seq,
      packageId: p.packageId,
      sha256: hash,
      connectionId: c.id,
    });
    return inbox;
  });
}

/**
 * Receives a package: verified, then stored with the unit's report and submission rows. A
 * package received before (same id and bytes) is acknowledged again.
 */
export async function receive(
  ctx: ExchangeContext,
  connectionHeader: string | undefined,
  signatureHeader: string | undefined,
  bytes: Uint8Array,
) {
  const v = await verifyPackage(ctx, connectionHeader, signatureHeader, bytes);
  const packageId = v.pkg.packageId;
  const hash = sha256(bytes);
  const known = await findInboxByPackage(ctx.db, packageId);
  if (known && known.sha256 !== hash) throw new AppError('CONFLICT', 'Mã gói này đã nhận với nội dung khác.');
  const row = known ?? (await storePackage(ctx, v, bytes, hash));
  return {
    accepted: true,
    duplicate: known !== undefined,
    packageId,
    sha256: hash,
    receivedAt: row.received_at,
    reportId: row.report_id,
  };
}
