import type { Moment } from '../calendar/index.js';
import { dossierCode } from '../dossier/index.js';

/** `PA-MNTT-260512-0003`: the 3rd PAKN the unit MNTT received on 12/05/2026 (register number). */
export function feedbackCode(unitCode: string, receivedAt: Moment, seq: number): string {
  return `PA-${dossierCode(unitCode, receivedAt, seq)}`;
}
