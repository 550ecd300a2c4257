/**
 * Public API of the one-stop dossier core (hồ sơ TTHC): appointments, the lifecycle replayed from
 * events, transition checks, dossier codes and labels. Pure. Conventions: ./README.md.
 */
export type {
  ApologyIssuedEvent,
  ApologyRecord,
  DossierChannel,
  DossierEndKind,
  DossierEvent,
  DossierEventKind,
  DossierState,
  DossierStatus,
  DossierTiming,
  HandoverLine,
  LateReason,
  ReceivedEvent,
  RefusedEvent,
  RejectedEvent,
  ReplayOptions,
  ResolvedEvent,
  ReturnMethod,
  ReturnedEvent,
  SupplementPause,
  SupplementReceivedEvent,
  SupplementRequestedEvent,
  TimeLimit,
  Timeliness,
  TransferredEvent,
  WithdrawnEvent,
} from './types.js';
export type { AppointmentOptions } from './appointment.js';
export { computeAppointment } from './appointment.js';
export {
  TRANSITION_MESSAGES,
  classifyEnd,
  dossierTiming,
  dueSoon,
  isOverdue,
  replay,
  validateTransition,
} from './lifecycle.js';
export type { ParsedDossierCode } from './code.js';
export { dossierCode, normaliseUnitCode, parseDossierCode } from './code.js';
export {
  DOSSIER_CHANNEL_LABELS,
  DOSSIER_EVENT_LABELS,
  DOSSIER_STATUS_LABELS,
  END_KIND_LABELS,
  RETURN_METHOD_LABELS,
  TIMELINESS_LABELS,
  TIME_LIMIT_UNIT_LABELS,
  formatTimeLimit,
} from './labels.js';
