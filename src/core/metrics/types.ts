/** Types of the KPI formulas (domain.md §6–7). */
import type { Moment } from '../calendar/index.js';
import type { DossierChannel, DossierEndKind } from '../dossier/index.js';

/** Per-dossier rating when the result is returned (domain.md §9). */
export type DossierRating = 'very_satisfied' | 'satisfied' | 'not_satisfied';

/**
 * What the server stores per dossier row (`dossierTiming(replay(...))` plus the row's flags).
 * `late`, `lateSince` and `awaitingSupplementSince` are as stored at the last replay.
 */
export interface DossierSummary {
  receivedAt: Moment;
  channel: DossierChannel;
  /** The legal appointment in force (after supplement pauses). */
  appointment: Moment;
  /** First of resolved, returned, refused, withdrawn; null while open. */
  endedAt: Moment | null;
  endKind: DossierEndKind | null;
  /** Sticky late flag (past the appointment, or a second supplement request). */
  late: boolean;
  /**
   * When it became late. With it, an open dossier is late at a period end only if it was late by
   * then; without it (undefined) the stored `late` flag is used as is.
   */
  lateSince?: Moment | null;
  /** Set while the dossier waits for the citizen's supplement: its clock is stopped. */
  awaitingSupplementSince?: Moment | null;
  supplementRequests: number;
  paidOnline: boolean;
  /** The procedure charges a fee (phí, lệ phí). */
  feeBearing: boolean;
  /** The dossier's components were digitised (số hóa thành phần hồ sơ). */
  digitised: boolean;
  /** The result was issued as an electronic document (kết quả điện tử). */
  electronicResult: boolean;
  rating?: DossierRating | null;
  complaint?: boolean;
}

/** A reporting period between two moments, both included. */
export interface Period {
  from: Moment;
  to: Moment;
}

/**
 * One published figure. `value` is a percentage rounded half-up to 2 decimals (93.33 means
 * 93,33 %), null when the denominator is 0 (no data: never shown as 0 % or 100 %).
 */
export interface Figure {
  value: number | null;
  numerator: number;
  denominator: number;
  /** The formula in Vietnamese, printed beside the figure in reports. */
  definition: string;
}

/** Targets read from plans (plan-import's `Threshold`); only `percent` ones are measurable. */
export type TargetThreshold =
  | { kind: 'percent'; op: '>=' | '=' | '<='; value: number }
  | { kind: 'not_lower_than_year'; year: number }
  | { kind: 'text'; text: string };

export type TargetState = 'met' | 'at_risk' | 'not_met' | 'unknown';
