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
import { ContentInfo, SignedData, TSTInfo } from 'pkijs';
import type { Certificate, SignerInfo } from 'pkijs';
import {
  buffer,
  chainState,
  describeCertificate,
  equalBytes,
  parseCertificate,
  signerCertificate,
} from './certificates.js';
import { findSignatureFields, signedBytes } from './pdf.js';
import { SIGNATURE_STATUS_ORDER, VI_DATE, messageOf } from './verdict.js';
import type { PdfVerification, SignatureVerdict, VerifyOptions } from './verdict.js';

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

/** The signing time: a valid timestamp, else the signed attribute, else the PDF's /M. */
async function readSigningTime(
  si: SignerInfo,
  field: ReturnType<typeof findSignatureFields>[number],
  base: Omit<SignatureVerdict, 'message'>,
) {
  const ts = await timestampOf(si);
  if (ts.problem) base.problems.push(ts.problem);
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

  await readSigningTime(si, field, base);
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
