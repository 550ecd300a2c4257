/**
 * Signed PDFs (issue 13 item 2, ADR 011): where a PDF's signatures are (pdf.ts) and what each is
 * worth (verify.ts). Pure: bytes and trusted roots in, verdicts out.
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
} from './verify.js';
export {
  SIGNATURE_STATUS_LABELS,
  SIGNATURE_STATUS_ORDER,
  countsAsSigned,
  describeCertificate,
  parseCertificate,
  verifyPdfSignatures,
} from './verify.js';
