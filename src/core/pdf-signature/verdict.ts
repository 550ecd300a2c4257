/** What a signature's verdict says: its status, the signer, the times, the message shown. Pure. */

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

export const VI_DATE = (iso: string) => {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

export function messageOf(v: Omit<SignatureVerdict, 'message'>): string {
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

/** Whether a status means "a signature we can count": it verifies against the file's content. */
export const countsAsSigned = (s: SignatureStatus | 'unsigned' | null): boolean =>
  s === 'valid' || s === 'chain_not_verified';
