/**
 * Verdicts on a PDF's signatures, on top of pkijs (CMS, X.509, chain building) — ADR 011. For each
 * signature: the byte range covers the whole file except the signature itself (or, for an earlier
 * signature, its revision, with every later byte covered by a later intact signature), the CMS
 * digest matches the signed bytes, the signature verifies with the signer's certificate, the signer
 * (organisation, person), the signing time (an RFC 3161 timestamp when present and valid, else the
 * signed signing-time attribute, else the unauthenticated /M of the PDF), whether the certificate
 * was valid then, and whether it chains to a root an administrator trusts. Without trusted roots
 * the chain is "not verified", never "valid".
 *
 * Pure: computes with WebCrypto (globalThis.crypto), reads nothing else.
 */
import * as asn1js from 'asn1js';
import {
  Certificate,
  CertificateChainValidationEngine,
  ContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  TSTInfo,
} from 'pkijs';
import type { SignerInfo } from 'pkijs';
import { findSignatureFields, signedBytes } from './pdf.js';

export type SignatureStatus =
  /** Intact, verifies, certificate valid when signed, chains to a trusted root. */
  | 'valid'
  /** As valid, but no trusted root was given to chain to: the signer is not vouched for. */
  | 'chain_not_verified'
  /** Trusted roots exist and the certificate does not chain to one of them. */
  | 'untrusted'
  /** The certificate was expired (or not yet valid) at the signing time. */
  | 'certificate_invalid'
  /** The signed bytes are intact, but the file was changed after signing (unsigned bytes added). */
  | 'modified'
  /** Byte range malformed, digest mismatch, or the signature does not verify. */
  | 'invalid';

/** The worst first: a document's verdict is its worst signature's. */
export const SIGNATURE_STATUS_ORDER: readonly SignatureStatus[] = [
  'invalid',
  'modified',
  'certificate_invalid',
  'untrusted',
  'chain_not_verified',
  'valid',
];

export const SIGNATURE_STATUS_LABELS: Record<SignatureStatus | 'unsigned', string> = {
  valid: 'Chữ ký hợp lệ',
  chain_not_verified: 'Chữ ký đúng, chưa xác minh được chứng thư (chưa có chứng thư gốc tin cậy)',
  untrusted: 'Chứng thư không thuộc tổ chức cung cấp dịch vụ tin cậy',
  certificate_invalid: 'Chứng thư số hết hạn hoặc chưa có hiệu lực khi ký',
  modified: 'Tệp đã bị thay đổi sau khi ký',
  invalid: 'Chữ ký không hợp lệ (nội dung đã bị sửa hoặc chữ ký hỏng)',
  unsigned: 'Tệp không có chữ ký số',
};

export type ChainState = 'trusted' | 'not_verified' | 'untrusted';

export interface SignerInfoOut {
  /** Person or organisation named in the certificate (CN). */
  commonName: string | null;
  /** Organisation (O). */
  organization: string | null;
  organizationalUnit: string | null;
  email: string | null;
  /** The certificate's subject as one line ("CN=…, O=…"). */
  subject: string;
  issuer: string;
  /** The certificate's serial number, hex. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** sha256 of the certificate's DER, hex. */
  fingerprint: string;
}

export interface SignatureVerdict {
  /** 1-based, in file order (the order of signing). */
  index: number;
  status: SignatureStatus;
  /** One Vietnamese sentence summing up the verdict. */
  message: string;
  checks: {
    /** The byte range is well formed: from the file's start, the gap is exactly the signature. */
    byteRange: boolean;
    /** It ends at the end of the file (the last signature) — an earlier one covers its revision. */
    coversWholeFile: boolean;
    /** Bytes after this signature's range that no later intact signature covers. */
    modifiedAfter: boolean;
    digestMatches: boolean | null;
    signatureVerified: boolean | null;
    certificateValidAtSigning: boolean | null;
    chain: ChainState;
  };
  signer: SignerInfoOut | null;
  signingTime: string | null;
  signingTimeSource: 'timestamp' | 'signed_attribute' | 'pdf_dictionary' | null;
  reason: string | null;
  location: string | null;
  byteRange: [number, number, number, number] | null;
  digestAlgorithm: string | null;
  /** Everything found wrong, in Vietnamese. */
  problems: string[];
}

export interface VerifyOptions {
  /** DER of the root certificates an administrator trusts; empty: chains are not verified. */
  trustedRoots?: readonly Uint8Array[];
  /** When no signing time can be read, certificate validity is judged at this moment. */
  now?: Date;
}

export interface PdfVerification {
  status: SignatureStatus | 'unsigned';
  signatures: SignatureVerdict[];
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  signingTime: '1.2.840.113549.1.9.5',
  messageDigest: '1.2.840.113549.1.9.4',
  timestampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.6': 'C',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.12': 'T',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
};

const toHex = (b: ArrayBuffer | Uint8Array) =>
  Array.from(b instanceof Uint8Array ? b : new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join(
    '',
  );

const buffer = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

type Name = Certificate['subject'];

function nameParts(name: Name): { key: string; value: string }[] {
  return name.typesAndValues.map((tv) => {
    const block = tv.value.valueBlock as { value?: unknown };
    const value = typeof block.value === 'string' ? block.value : '';
    return { key: ATTRIBUTE_NAMES[tv.type] ?? tv.type, value: value.normalize('NFC') };
  });
}

function nameText(name: Name): string {
  return nameParts(name)
    .map((p) => `${p.key}=${p.value}`)
    .join(', ');
}

const part = (name: Name, key: string) => nameParts(name).find((p) => p.key === key)?.value ?? null;

/** A parsed certificate's identity, for verdicts and for the trusted-root store. */
export async function describeCertificate(cert: Certificate): Promise<SignerInfoOut> {
  const der = new Uint8Array(cert.toSchema(true).toBER(false));
  const fingerprint = toHex(await crypto.subtle.digest('SHA-256', der));
  return {
    commonName: part(cert.subject, 'CN'),
    organization: part(cert.subject, 'O'),
    organizationalUnit: part(cert.subject, 'OU'),
    email: part(cert.subject, 'E'),
    subject: nameText(cert.subject),
    issuer: nameText(cert.issuer),
    serialNumber: toHex(cert.serialNumber.valueBlock.valueHexView),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    fingerprint,
  };
}

/** Reads a certificate from DER or PEM bytes; null when it is not one. */
export function parseCertificate(bytes: Uint8Array): Certificate | null {
  let der = bytes;
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 100)));
  if (text.includes('-----BEGIN')) {
    const pem = new TextDecoder('latin1').decode(bytes);
    const m = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
    if (!m) return null;
    der = Uint8Array.from(atob(m[1]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  }
  try {
    return Certificate.fromBER(buffer(der));
  } catch {
    return null;
  }
}

function signerCertificate(sd: SignedData, si: SignerInfo): Certificate | null {
  const certs = (sd.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate);
  if (si.sid instanceof IssuerAndSerialNumber) {
    const sid = si.sid;
    return (
      certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null
    );
  }
  // SubjectKeyIdentifier: matched by pkijs during verify; here by the extension when present.
  const keyId = new Uint8Array((si.sid as asn1js.OctetString).valueBlock.valueHexView);
  for (const c of certs) {
    const ext = c.extensions?.find((e) => e.extnID === '2.5.29.14');
    const parsed = ext?.parsedValue as asn1js.OctetString | undefined;
    if (parsed && equalBytes(new Uint8Array(parsed.valueBlock.valueHexView), keyId)) return c;
  }
  return null;
}

function attribute(si: SignerInfo, type: string, signed: boolean) {
  const set = signed ? si.signedAttrs : si.unsignedAttrs;
  return set?.attributes.find((a) => a.type === type) ?? null;
}

function timeOf(v: unknown): Date | null {
  if (v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime) return v.toDate();
  return null;
}

/** The RFC 3161 timestamp over the signature value, when present and valid. */
async function timestampOf(si: SignerInfo): Promise<{ time: Date | null; problem: string | null }> {
  const attr = attribute(si, OID.timestampToken, false);
  if (!attr) return { time: null, problem: null };
  let token: SignedData;
  let tst: TSTInfo;
  try {
    token = new SignedData({ schema: new ContentInfo({ schema: attr.values[0] }).content });
    const eContent = token.encapContentInfo.eContent;
    if (!eContent) return { time: null, problem: 'Dấu thời gian không có nội dung.' };
    tst = TSTInfo.fromBER(eContent.getValue());
  } catch {
    return { time: null, problem: 'Dấu thời gian không đọc được.' };
  }
  // pkijs checks the token's message imprint against the signature value and the TSA's signature.
  const ok = await token
    .verify({
      signer: 0,
      data: buffer(new Uint8Array(si.signature.valueBlock.valueHexView)),
      checkChain: false,
    })
    .catch(() => false);
  return ok ? { time: tst.genTime, problem: null } : { time: null, problem: 'Dấu thời gian không hợp lệ.' };
}

async function chainState(
  sd: SignedData,
  cert: Certificate,
  roots: readonly Certificate[],
  at: Date,
): Promise<{ chain: ChainState; problem: string | null }> {
  if (roots.length === 0) return { chain: 'not_verified', problem: null };
  const certs = (sd.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate);
  try {
    const engine = new CertificateChainValidationEngine({
      trustedCerts: [...roots],
      certs: [...certs.filter((c) => c !== cert), cert],
      checkDate: at,
    });
    const r = await engine.verify();
    return r.result
      ? { chain: 'trusted', problem: null }
      : { chain: 'untrusted', problem: 'Chứng thư không dẫn tới chứng thư gốc tin cậy nào đã được nhập.' };
  } catch {
    return { chain: 'untrusted', problem: 'Chứng thư không dẫn tới chứng thư gốc tin cậy nào đã được nhập.' };
  }
}

const VI_DATE = (iso: string) => {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

function messageOf(v: Omit<SignatureVerdict, 'message'>): string {
  const who = v.signer ? [v.signer.commonName, v.signer.organization].filter(Boolean).join(' — ') : null;
  const when = v.signingTime ? ` lúc ${VI_DATE(v.signingTime)}` : '';
  const by = who ? ` của ${who}` : '';
  switch (v.status) {
    case 'valid':
      return `Chữ ký số${by}${when} hợp lệ: tệp không bị sửa, chứng thư còn hiệu lực khi ký và thuộc chứng thư gốc tin cậy.`;
    case 'chain_not_verified':
      return `Chữ ký số${by}${when} đúng với nội dung tệp; chưa xác minh được chứng thư vì chưa nhập chứng thư gốc tin cậy.`;
    case 'untrusted':
      return `Chữ ký số${by}${when} đúng với nội dung tệp nhưng chứng thư không thuộc chứng thư gốc tin cậy nào.`;
    case 'certificate_invalid':
      return `Chữ ký số${by}${when}: chứng thư số không còn hiệu lực tại thời điểm ký.`;
    case 'modified':
      return `Chữ ký số${by}${when} đúng với phần đã ký, nhưng tệp đã bị thêm nội dung sau khi ký.`;
    case 'invalid':
      return `Chữ ký số${by} không hợp lệ: ${v.problems[0] ?? 'không kiểm tra được.'}`;
  }
}

/** The verdict of one signature, without the "modified after" judgement (which needs all of them). */
async function verifyOne(
  bytes: Uint8Array,
  field: ReturnType<typeof findSignatureFields>[number],
  index: number,
  roots: readonly Certificate[],
  now: Date,
): Promise<Omit<SignatureVerdict, 'message'>> {
  const problems: string[] = [];
  const base: Omit<SignatureVerdict, 'message'> = {
    index,
    status: 'invalid',
    checks: {
      byteRange: false,
      coversWholeFile: false,
      modifiedAfter: false,
      digestMatches: null,
      signatureVerified: null,
      certificateValidAtSigning: null,
      chain: 'not_verified',
    },
    signer: null,
    signingTime: null,
    signingTimeSource: null,
    reason: field.reason,
    location: field.location,
    byteRange: field.byteRange,
    digestAlgorithm: null,
    problems,
  };
  if (field.problem || !field.cms || !field.byteRange) {
    problems.push(field.problem ?? 'Không đọc được chữ ký.');
    return base;
  }
  base.checks.byteRange = true;
  const br = field.byteRange;
  base.checks.coversWholeFile = br[2] + br[3] === bytes.length;

  let sd: SignedData;
  try {
    const ci = ContentInfo.fromBER(buffer(field.cms));
    if (ci.contentType !== OID.signedData) throw new Error('not signed data');
    sd = new SignedData({ schema: ci.content });
  } catch {
    problems.push('Giá trị chữ ký không phải cấu trúc CMS SignedData đọc được.');
    return base;
  }
  const si = sd.signerInfos[0];
  if (!si) {
    problems.push('Chữ ký không có thông tin người ký.');
    return base;
  }
  const cert = signerCertificate(sd, si);
  if (cert) base.signer = await describeCertificate(cert);
  else problems.push('Chữ ký không kèm chứng thư số của người ký.');

  const digestName = DIGESTS[si.digestAlgorithm.algorithmId] ?? null;
  base.digestAlgorithm = digestName;
  const content = signedBytes(bytes, br);
  if (!digestName) problems.push(`Thuật toán băm không được hỗ trợ (${si.digestAlgorithm.algorithmId}).`);
  else {
    const digest = new Uint8Array(await crypto.subtle.digest(digestName, buffer(content)));
    const md = attribute(si, OID.messageDigest, true);
    if (md) {
      const claimed = new Uint8Array((md.values[0] as asn1js.OctetString).valueBlock.valueHexView);
      base.checks.digestMatches = equalBytes(digest, claimed);
      if (!base.checks.digestMatches)
        problems.push('Mã băm của nội dung không khớp với chữ ký: tệp đã bị sửa sau khi ký.');
    }
  }
  if (cert && base.checks.digestMatches !== false) {
    try {
      const r = await sd.verify({ signer: 0, data: buffer(content), checkChain: false, extendedMode: true });
      base.checks.signatureVerified = r.signatureVerified === true;
      if (base.checks.digestMatches === null) base.checks.digestMatches = base.checks.signatureVerified;
    } catch (e) {
      base.checks.signatureVerified = false;
      const msg = (e as Error).message ?? '';
      if (/digest/i.test(msg)) base.checks.digestMatches = false;
    }
    if (!base.checks.signatureVerified)
      problems.push(
        base.checks.digestMatches === false
          ? 'Mã băm của nội dung không khớp với chữ ký: tệp đã bị sửa sau khi ký.'
          : 'Chữ ký không khớp với chứng thư số của người ký.',
      );
  }

  // The signing time: a valid timestamp, else the signed attribute, else the PDF's /M.
  const ts = await timestampOf(si);
  if (ts.problem) problems.push(ts.problem);
  const attr = attribute(si, OID.signingTime, true);
  const signedTime = attr ? timeOf(attr.values[0]) : null;
  if (ts.time) {
    base.signingTime = ts.time.toISOString();
    base.signingTimeSource = 'timestamp';
  } else if (signedTime) {
    base.signingTime = signedTime.toISOString();
    base.signingTimeSource = 'signed_attribute';
  } else if (field.claimedTime) {
    base.signingTime = field.claimedTime;
    base.signingTimeSource = 'pdf_dictionary';
  }
  const at = base.signingTime ? new Date(base.signingTime) : now;
  if (cert) {
    base.checks.certificateValidAtSigning =
      cert.notBefore.value.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.value.getTime();
    if (!base.checks.certificateValidAtSigning)
      problems.push(
        at.getTime() > cert.notAfter.value.getTime()
          ? `Chứng thư số đã hết hạn (${VI_DATE(cert.notAfter.value.toISOString())}) trước thời điểm ký.`
          : `Chứng thư số chưa có hiệu lực (từ ${VI_DATE(cert.notBefore.value.toISOString())}) tại thời điểm ký.`,
      );
    const c = await chainState(sd, cert, roots, at);
    base.checks.chain = c.chain;
    if (c.problem) problems.push(c.problem);
  }

  const intact = base.checks.digestMatches === true && base.checks.signatureVerified === true;
  base.status = !intact
    ? 'invalid'
    : !base.checks.certificateValidAtSigning
      ? 'certificate_invalid'
      : base.checks.chain === 'untrusted'
        ? 'untrusted'
        : base.checks.chain === 'not_verified'
          ? 'chain_not_verified'
          : 'valid';
  return base;
}

/** Every signature of a PDF with its verdict, and the document's verdict (its worst signature's). */
export async function verifyPdfSignatures(
  bytes: Uint8Array,
  opts: VerifyOptions = {},
): Promise<PdfVerification> {
  const roots = (opts.trustedRoots ?? [])
    .map((der) => parseCertificate(der))
    .filter((c): c is Certificate => c !== null);
  const now = opts.now ?? new Date();
  const fields = findSignatureFields(bytes);
  const verdicts: Omit<SignatureVerdict, 'message'>[] = [];
  for (const [i, f] of fields.entries()) verdicts.push(await verifyOne(bytes, f, i + 1, roots, now));

  // Bytes after a signature's range are fine when a later intact signature covers them (an
  // incremental update that added the next signature); anything no signature covers is a change.
  let coveredTo = 0;
  for (const v of verdicts)
    if (v.byteRange && v.checks.digestMatches && v.checks.signatureVerified)
      coveredTo = Math.max(coveredTo, v.byteRange[2] + v.byteRange[3]);
  for (const v of verdicts) {
    if (!v.byteRange || v.status === 'invalid') continue;
    v.checks.modifiedAfter = coveredTo < bytes.length;
    if (v.checks.modifiedAfter) {
      v.problems.push(
        `Tệp có ${bytes.length - coveredTo} byte được thêm sau chữ ký cuối cùng mà không được ký.`,
      );
      v.status = 'modified';
    }
  }
  const signatures = verdicts.map((v) => ({ ...v, message: messageOf(v) }));
  const status =
    signatures.length === 0
      ? 'unsigned'
      : SIGNATURE_STATUS_ORDER.find((s) => signatures.some((v) => v.status === s))!;
  return { status, signatures };
}

/** Whether a status means "a signature we can count": it verifies against the file's content. */
export const countsAsSigned = (s: SignatureStatus | 'unsigned' | null): boolean =>
  s === 'valid' || s === 'chain_not_verified';
