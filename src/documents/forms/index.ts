/** The one-stop-shop forms (Circular 01/2018/TT-VPCP, kept by Circular 03/2025/TT-VPCP). */
export type { Applicant, FormIssuer, FormLayout, FormSigner } from './common.js';
export type { DocumentCopyKind, Mau01Input, ReceivedDocument } from './mau01.js';
export {
  DOCUMENT_COPY_KIND_LABELS,
  MAU01_QR_CAPTION,
  MAU01_TITLE,
  formatTimeLimit,
  lookupQrPng,
  mau01,
} from './mau01.js';
export type { Mau02Input, SupplementContact, SupplementItem } from './mau02.js';
export { MAU02_TITLE, mau02 } from './mau02.js';
export type { Mau03Input } from './mau03.js';
export { MAU03_TITLE, mau03 } from './mau03.js';
export type { Mau04Input } from './mau04.js';
export { MAU04_TITLE, defaultApology, mau04 } from './mau04.js';
export type { Handover, HandoverResult, Mau05Input } from './mau05.js';
export { HANDOVER_RESULT_LABELS, MAU05_COLUMNS, MAU05_TITLE, handoverResult, mau05 } from './mau05.js';
export type { DossierRegisterEntry, Mau06Input, ResultReturnMethod } from './mau06.js';
export { MAU06_COLUMNS, MAU06_HEADER_ROW, MAU06_TITLE, RESULT_RETURN_METHOD_LABELS, mau06 } from './mau06.js';
