/** Certificates: their identity, reading DER or PEM, the signer's within a CMS, the chain to trusted roots. */
import type * as asn1js from 'asn1js';
import { Certificate, CertificateChainValidationEngine, IssuerAndSerialNumber } from 'pkijs';
import type { SignedData, SignerInfo } from 'pkijs';
import type { ChainState, SignerInfoOut } from './verdict.js';

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

export const toHex = (b: ArrayBuffer | Uint8Array) =>
  Array.from(b instanceof Uint8Array ? b : new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join(
    '',
  );

export const buffer = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
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

export function signerCertificate(sd: SignedData, si: SignerInfo): Certificate | null {
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

export async function chainState(
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
