/**
 * The one-stop register's form limits, written once for the server's zod schemas
 * (`src/modules/dossiers/schema.ts`) and the web forms (`maxLength={…}`).
 * Written by the web side (issue 16, H8) with only the limits its forms need; the server's
 * schemas adopt them when the register's server part is merged.
 */

/** A procedure of the catalogue. */
export const PROCEDURE_LIMITS = {
  code: 64,
  name: 1000,
  field: 300,
  feeText: 500,
  limitAmount: 1000,
} as const;

/** A dossier as received at the desk. */
export const RECEIVE_LIMITS = {
  applicantName: 300,
  idNumber: 40,
  address: 500,
  phone: 20,
  email: 200,
  request: 2000,
  documentName: 500,
  documentCopies: 100,
  documents: 100,
} as const;

/** The steps recorded on a dossier. */
export const STEP_LIMITS = {
  reason: 2000,
  party: 300,
  note: 1000,
} as const;
