/**
 * Signed PDFs (issue 13 item 2, ADR 011): where a PDF's signatures are (pdf.ts), the certificates
 * (certificates.ts) and what each signature is worth (verify.ts, verdict.ts). Pure: bytes and
 * trusted roots in, verdicts out.
 */
export type { PdfSignatureField } from './pdf.js';
export { findSignatureFields, parsePdfDate, signedBytes } from './pdf.js';
export type {
  ChainState,
  PdfVerification,
  SignatureStatus,
  SignatureVerdict,
  SignerInfoOut,
  VerifyOptions,
} from './verdict.js';
export { SIGNATURE_STATUS_LABELS, SIGNATURE_STATUS_ORDER, countsAsSigned } from './verdict.js';
export { describeCertificate, parseCertificate } from './certificates.js';
export { verifyPdfSignatures } from './verify.js';
