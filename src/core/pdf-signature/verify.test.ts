import { beforeAll, describe, expect, it } from 'vitest';
import {
  certDer,
  certPem,
  makeIntermediate,
  makePdf,
  makeRoot,
  makeSigner,
  signPdf,
  tamper,
} from '../../../tests/support/pdf-signing.js';
import type { Party } from '../../../tests/support/pdf-signing.js';
import { findSignatureFields, parsePdfDate } from './pdf.js';
import { parseCertificate } from './certificates.js';
import { verifyPdfSignatures } from './verify.js';

const DAY = 86_400_000;

let root: Party;

let otherRoot: Party;

let intermediate: Party;

let clerk: Party;

let head: Party;

let expired: Party;

const signedAt = new Date('2026-03-17T03:00:00Z');

async function aValidSignature() {
  const pdf = await signPdf(makePdf(), clerk, { signingTime: signedAt });
  const r = await verifyPdfSignatures(pdf, { trustedRoots: [certDer(root)] });
  expect(r.status).toBe('valid');
  expect(r.signatures).toHaveLength(1);
  const [s] = r.signatures;
  expect(s!.checks).toEqual({
    byteRange: true,
    coversWholeFile: true,
    modifiedAfter: false,
    digestMatches: true,
    signatureVerified: true,
    certificateValidAtSigning: true,
    chain: 'trusted',
  });
  expect(s!.signer).toMatchObject({
    commonName: 'TRƯỜNG MẦM NON TUỔI THƠ',
    organization: 'Trường Mầm non Tuổi Thơ',
  });
  expect(s!.signer!.issuer).toContain('CN=CA trung gian thử nghiệm');
  expect(s!.signingTime).toBe(signedAt.toISOString());
  expect(s!.signingTimeSource).toBe('signed_attribute');
  expect(s!.reason).toBe('Ký ban hành văn bản');
  expect(s!.digestAlgorithm).toBe('SHA-256');
  expect(s!.byteRange![0]).toBe(0);
  expect(s!.byteRange![2] + s!.byteRange![3]).toBe(pdf.length);
  expect(s!.message).toContain('hợp lệ');
  expect(s!.message).toContain('17/03/2026 10:00');
}

async function withoutOrWithOtherRoots() {
  const pdf = await signPdf(makePdf(), clerk, { signingTime: signedAt });
  const none = await verifyPdfSignatures(pdf);
  expect(none.status).toBe('chain_not_verified');
  expect(none.signatures[0]!.checks.chain).toBe('not_verified');
  expect(none.signatures[0]!.checks.digestMatches).toBe(true);
  const other = await verifyPdfSignatures(pdf, { trustedRoots: [certDer(otherRoot)] });
  expect(other.status).toBe('untrusted');
  expect(other.signatures[0]!.problems.join(' ')).toContain('chứng thư gốc tin cậy');
}

async function tamperedAfterSigning() {
  const pdf = tamper(await signPdf(makePdf(), head, { signingTime: signedAt }));
  const r = await verifyPdfSignatures(pdf, { trustedRoots: [certDer(root)] });
  expect(r.status).toBe('invalid');
  const s = r.signatures[0]!;
  expect(s.checks.byteRange).toBe(true);
  expect(s.checks.digestMatches).toBe(false);
  expect(s.problems[0]).toContain('tệp đã bị sửa sau khi ký');
  // The signer is still named: who signed the original.
  expect(s.signer!.commonName).toBe('Nguyễn Thị Lan');
}

async function bytesAppendedAfterLast() {
  const signed = await signPdf(makePdf(), head, { signingTime: signedAt });
  const extra = new TextEncoder().encode('\n6 0 obj\n<< /Evil true >>\nendobj\n');
  const pdf = new Uint8Array(signed.length + extra.length);
  pdf.set(signed);
  pdf.set(extra, signed.length);
  const r = await verifyPdfSignatures(pdf, { trustedRoots: [certDer(root)] });
  expect(r.status).toBe('modified');
  expect(r.signatures[0]!.checks).toMatchObject({
    digestMatches: true,
    coversWholeFile: false,
    modifiedAfter: true,
  });
}

async function expiredCertificate() {
  const pdf = await signPdf(makePdf(), expired, { signingTime: signedAt });
  const r = await verifyPdfSignatures(pdf, { trustedRoots: [certDer(root)] });
  expect(r.status).toBe('certificate_invalid');
  const s = r.signatures[0]!;
  expect(s.checks.digestMatches).toBe(true);
  expect(s.checks.signatureVerified).toBe(true);
  expect(s.checks.certificateValidAtSigning).toBe(false);
  expect(s.problems.join(' ')).toContain('đã hết hạn');
}

async function twoSignatures() {
  const once = await signPdf(makePdf(), clerk, { signingTime: signedAt, reason: 'Văn thư đóng dấu' });
  const twice = await signPdf(once, head, { signingTime: new Date(signedAt.getTime() + 3_600_000) });
  const r = await verifyPdfSignatures(twice, { trustedRoots: [certDer(root)] });
  expect(r.status).toBe('valid');
  expect(r.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
  expect(r.signatures[0]!.checks).toMatchObject({ coversWholeFile: false, modifiedAfter: false });
  expect(r.signatures[1]!.checks).toMatchObject({ coversWholeFile: true, modifiedAfter: false });
  expect(r.signatures.map((s) => s.signer!.commonName)).toEqual([
    'TRƯỜNG MẦM NON TUỔI THƠ',
    'Nguyễn Thị Lan',
  ]);
  expect(r.signatures[0]!.reason).toBe('Văn thư đóng dấu');
  // Tampering with the first revision breaks both: the second signs the first's bytes too.
  const broken = await verifyPdfSignatures(tamper(twice), { trustedRoots: [certDer(root)] });
  expect(broken.signatures.map((s) => s.status)).toEqual(['invalid', 'invalid']);
}

async function timeFromPdfDictionary() {
  const pdf = await signPdf(makePdf(), head, { signingTime: signedAt, noSigningTimeAttribute: true });
  const r = await verifyPdfSignatures(pdf);
  expect(r.signatures[0]!.signingTime).toBe(signedAt.toISOString());
  expect(r.signatures[0]!.signingTimeSource).toBe('pdf_dictionary');
}

async function unsignedAndPartialRange() {
  expect((await verifyPdfSignatures(makePdf())).status).toBe('unsigned');
  const pdf = await signPdf(makePdf(), head, { signingTime: signedAt });
  const text = new TextDecoder('latin1').decode(pdf);
  const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(text)!;
  // Move the gap's start one byte earlier: the gap then holds a byte that is not the signature.
  const forged = `/ByteRange [0 ${Number(m[1]) - 1} ${m[2]} ${m[3]}]`.padEnd(m[0].length, ' ');
  const bytes = pdf.slice();
  bytes.set(new TextEncoder().encode(forged), m.index);
  const fields = findSignatureFields(bytes);
  expect(fields[0]!.problem).toContain('nằm ngoài vùng ký');
  const r = await verifyPdfSignatures(bytes);
  expect(r.status).toBe('invalid');
  expect(r.signatures[0]!.checks.byteRange).toBe(false);
}

async function timeFromTimestamp() {
  const tsa = await makeSigner(
    root,
    { cn: 'TSA thử nghiệm', o: 'Tổ chức chứng thực thử nghiệm' },
    {
      notBefore: new Date(signedAt.getTime() - 60 * DAY),
      notAfter: new Date(signedAt.getTime() + 700 * DAY),
    },
  );
  const stampedAt = new Date(signedAt.getTime() + 5 * 60_000);
  const pdf = await signPdf(makePdf(), head, { signingTime: signedAt, timestamp: { tsa, at: stampedAt } });
  const r = await verifyPdfSignatures(pdf, { trustedRoots: [certDer(root)] });
  expect(r.status).toBe('valid');
  expect(r.signatures[0]).toMatchObject({
    signingTime: stampedAt.toISOString(),
    signingTimeSource: 'timestamp',
  });
  const bad = await signPdf(makePdf(), head, {
    signingTime: signedAt,
    timestamp: { tsa, at: stampedAt, tamper: true },
  });
  const b = await verifyPdfSignatures(bad, { trustedRoots: [certDer(root)] });
  expect(b.signatures[0]).toMatchObject({
    signingTime: signedAt.toISOString(),
    signingTimeSource: 'signed_attribute',
  });
  expect(b.signatures[0]!.problems).toContain('Dấu thời gian không hợp lệ.');
}

async function readsCertificatesAndDates() {
  expect(parseCertificate(certDer(root))).not.toBeNull();
  expect(parseCertificate(new TextEncoder().encode(certPem(root)))).not.toBeNull();
  expect(parseCertificate(new TextEncoder().encode('không phải chứng thư'))).toBeNull();
  expect(parsePdfDate("D:20260317100000+07'00'")).toBe('2026-03-17T03:00:00.000Z');
  expect(parsePdfDate('D:20260317100000Z')).toBe('2026-03-17T10:00:00.000Z');
  expect(parsePdfDate('hôm qua')).toBeNull();
}

describe('PDF signature verdicts (our own CA)', () => {
  beforeAll(async () => {
    root = await makeRoot('Root CA thử nghiệm');
    otherRoot = await makeRoot('Root CA khác');
    intermediate = await makeIntermediate(root);
    const validity = {
      notBefore: new Date(signedAt.getTime() - 60 * DAY),
      notAfter: new Date(signedAt.getTime() + 700 * DAY),
    };
    clerk = await makeSigner(
      intermediate,
      { cn: 'TRƯỜNG MẦM NON TUỔI THƠ', o: 'Trường Mầm non Tuổi Thơ' },
      validity,
    );
    head = await makeSigner(root, { cn: 'Nguyễn Thị Lan', o: 'Trường Mầm non Tuổi Thơ' }, validity);
    expired = await makeSigner(
      root,
      { cn: 'Trần Văn Cũ', o: 'Trường Mầm non Tuổi Thơ' },
      {
        notBefore: new Date(signedAt.getTime() - 400 * DAY),
        notAfter: new Date(signedAt.getTime() - 30 * DAY),
      },
    );
  }, 60_000);

  it('a valid signature: whole file covered, digest matches, signer and time read, chain to a trusted root', () =>
    aValidSignature());
  it('without trusted roots the chain is "not verified", never valid; with another root it is untrusted', () =>
    withoutOrWithOtherRoots());
  it('tampered after signing: the digest does not match, the verdict is invalid', () =>
    tamperedAfterSigning());
  it('bytes appended after the last signature: the signed part is intact, the file is "modified"', () =>
    bytesAppendedAfterLast());
  it('an expired certificate at the signing time', () => expiredCertificate());
  it('two signatures: each verified; the first covers its revision, the second the whole file', () =>
    twoSignatures());
  it('reads the time from the PDF dictionary when the CMS has no signing-time attribute', () =>
    timeFromPdfDictionary());
  it('an unsigned PDF, and a byte range that leaves other content unsigned', () => unsignedAndPartialRange());
  it('takes the signing time from a valid RFC 3161 timestamp; a timestamp over something else is reported', () =>
    timeFromTimestamp());
  it('reads certificates as DER or PEM, and PDF dates', () => readsCertificatesAndDates());
});
