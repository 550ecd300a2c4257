/**
 * The report exchange format (liên thông báo cáo), version 1: a submitted periodic report's
 * figures (`ReportContentV1`, the frozen snapshot of core/report `ReportContent`) with its .docx and
 * .xlsx, as one JSON document (`ReportPackageV1`). Both are zod schemas registered with an id, so
 * the OpenAPI document publishes them as JSON Schema (components.schemas.ReportPackageV1); the
 * same document is pushed to a superior's server and downloaded for any other system.
 *
 * Compatibility: a reader accepts `format: "cchc.report"` with `version: 1` and ignores fields it
 * does not know; a change that removes or retypes a field is version 2 (ADR 011).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { z } from 'zod';
import type { ReportContent } from '../../core/report/index.js';
import { sha256 } from '../../lib/hash.js';

const num = z.number();
const pct = z.number().nullable().describe('Phần trăm, 2 chữ số thập phân; null: chưa có số liệu');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('Ngày, yyyy-MM-dd (giờ Việt Nam)');

export const ReportContentV1 = z
  .object({
    version: z.literal(1),
    unit: z.object({ id: num, code: z.string(), name: z.string(), superiorName: z.string().nullable() }),
    period: z.object({
      key: z.string().describe('Kỳ báo cáo: 2026-Q1, 2026-H1, 2026-Q3, 2026-Y'),
      code: z.enum(['Q1', 'H1', 'Q3', 'Y']),
      year: num,
      label: z.string(),
      cutoffFrom: day,
      cutoffTo: day,
      dueDate: day,
    }),
    plan: z.object({
      id: num,
      number: z.string().nullable(),
      title: z.string(),
      issuedOn: z.string().nullable(),
    }),
    document: z.object({
      number: z.string().nullable(),
      date: day,
      place: z.string(),
      signerTitle: z.string(),
      signerName: z.string().nullable(),
      recipients: z.array(z.string()),
    }),
    asOf: day,
    areas: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        figures: z.object({
          tasks: num,
          due: num,
          done: num,
          doneLate: num,
          overdue: num,
          notYetDue: num,
          notApplicable: num,
        }),
        narrative: z.string(),
      }),
    ),
    tasks: z.array(
      z.object({
        areaCode: z.string(),
        code: z.string(),
        title: z.string(),
        deliverables: z.string(),
        lead: z.string(),
        deadlineText: z.string(),
        dueInWindow: z.string(),
        result: z.string(),
        note: z.string(),
      }),
    ),
    targets: z.array(
      z.object({
        code: z.string(),
        text: z.string(),
        lead: z.string(),
        isGroup: z.boolean(),
        threshold: z.string(),
        basis: z.enum(['measured', 'entered', 'none']),
        value: pct,
        valueText: z.string(),
        state: z.string(),
        stateLabel: z.string(),
      }),
    ),
    dossiers: z
      .object({
        received: num,
        online: num,
        direct: num,
        postal: num,
        handled: num,
        finishedOnTime: num,
        finishedLate: num,
        inProgressOnTime: num,
        inProgressLate: num,
        onTimeRate: pct,
        onlineShare: pct,
        onlinePaymentShare: pct,
        digitisation: pct,
      })
      .nullable(),
    satisfaction: z.object({ verySatisfied: num, satisfied: num, notSatisfied: num, rate: pct }).nullable(),
    feedback: z
      .object({
        received: num,
        answered: num,
        answeredOnTime: num,
        published: num,
        answeredOnTimeRate: pct,
        publishedRate: pct,
      })
      .nullable(),
    documents: z
      .object({
        outgoing: num,
        incoming: num,
        confidential: num,
        electronic: pct,
        electronicOutgoing: pct,
        electronicIncoming: pct,
        signed: pct,
        officialChannel: pct,
        incomingWithDeadline: num,
        incomingOnTime: pct,
      })
      .nullable()
      .optional(),
    general: z.string(),
  })
  .meta({
    id: 'ReportContentV1',
    description: 'Số liệu và nội dung của một báo cáo CCHC định kỳ đã gửi (bản chụp không đổi), phiên bản 1.',
  });

export const PackageFileV1 = z.object({
  role: z.enum(['docx', 'xlsx']),
  name: z.string(),
  mediaType: z.string(),
  size: num,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  base64: z.string(),
});

export const ReportPackageV1 = z
  .object({
    format: z.literal('cchc.report'),
    version: z.literal(1),
    packageId: z.string().min(8).max(64).describe('Mã gói, duy nhất: gửi lại cùng mã là cùng một gói'),
    createdAt: z.string().describe('Thời điểm lập gói (ISO 8601, UTC)'),
    sender: z.object({
      unitCode: z.string(),
      unitName: z.string(),
      server: z.string().nullable().describe('Địa chỉ hệ thống cchc của đơn vị gửi'),
    }),
    report: z.object({
      periodKey: z.string(),
      seq: num.describe('Lần gửi thứ mấy của kỳ này (1, 2… sau khi bị trả lại)'),
      submittedAt: z.string(),
      dueDate: day,
      late: z.boolean(),
    }),
    content: ReportContentV1,
    files: z.array(PackageFileV1),
  })
  .meta({
    id: 'ReportPackageV1',
    description:
      'Gói báo cáo liên thông cchc, phiên bản 1: số liệu báo cáo (ReportContentV1) và tệp .docx, .xlsx đã gửi. ' +
      'Khi gửi lên hệ thống cấp trên, gói được ký Ed25519 trên đúng các byte của thân yêu cầu (tiêu đề X-Cchc-Signature).',
  });
export type ReportPackageV1 = z.infer<typeof ReportPackageV1>;

// The schema and the core's type must describe the same thing: a change to one without the other
// fails the typecheck here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contentMatches: Same<z.infer<typeof ReportContentV1>, ReportContent> = true;
void contentMatches;

export const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  package: 'application/vnd.cchc.report-package+json',
} as const;

export interface PackageInput {
  packageId: string;
  createdAt: string;
  sender: { unitCode: string; unitName: string; server: string | null };
  report: { periodKey: string; seq: number; submittedAt: string; dueDate: string; late: boolean };
  content: ReportContent;
  docx: Uint8Array;
  xlsx: Uint8Array;
}

/** The package's bytes: what is signed, sent, stored and downloaded, byte for byte. */
export function packageBytes(p: PackageInput): Uint8Array {
  const file = (role: 'docx' | 'xlsx', bytes: Uint8Array) => ({
    role,
    name: `BC-CCHC-${p.sender.unitCode}-${p.report.periodKey}.${role}`,
    mediaType: MEDIA_TYPES[role],
    size: bytes.length,
    sha256: sha256(bytes),
    base64: Buffer.from(bytes).toString('base64'),
  });
  const doc: ReportPackageV1 = {
    format: 'cchc.report',
    version: 1,
    packageId: p.packageId,
    createdAt: p.createdAt,
    sender: p.sender,
    report: p.report,
    content: p.content,
    files: [file('docx', p.docx), file('xlsx', p.xlsx)],
  };
  return new TextEncoder().encode(JSON.stringify(doc));
}

/** A package's files, checked against the sizes and hashes it declares; null when one differs. */
export function packageFiles(p: ReportPackageV1): { docx: Uint8Array; xlsx: Uint8Array } | null {
  const out: Partial<Record<'docx' | 'xlsx', Uint8Array>> = {};
  for (const f of p.files) {
    const bytes = new Uint8Array(Buffer.from(f.base64, 'base64'));
    if (bytes.length !== f.size || sha256(bytes) !== f.sha256) return null;
    out[f.role] = bytes;
  }
  return out.docx && out.xlsx ? { docx: out.docx, xlsx: out.xlsx } : null;
}

// ---------------------------------------------------------------------------------------------
// Ed25519 keys and signatures (node:crypto)

export function newKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function signBytes(bytes: Uint8Array, privateKeyPem: string): string {
  return sign(null, bytes, createPrivateKey(privateKeyPem)).toString('base64');
}

export function verifyBytes(bytes: Uint8Array, publicKeyPem: string, signature: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Whether a text is an Ed25519 public key in SPKI PEM. */
export function isEd25519PublicKey(pem: string): boolean {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}
