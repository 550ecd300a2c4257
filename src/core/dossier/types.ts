/**
 * Types of the one-stop dossier (hồ sơ thủ tục hành chính) lifecycle.
 *
 * A dossier is an append-only list of events (Decree 118/2025, Circular 03/2025/TT-VPCP, forms
 * Mẫu 01–06); its state is always recomputed from them by `replay`.
 */
import type { CalendarDate, Moment, WorkingCalendar } from '../calendar/index.js';

/** A procedure's legal time limit. Most are in working days; some in working hours or days. */
export interface TimeLimit {
  unit: 'working_days' | 'working_hours' | 'calendar_days';
  amount: number;
}

/** How the dossier reached the unit: trực tiếp / trực tuyến / bưu chính công ích. */
export type DossierChannel = 'direct' | 'online' | 'postal';

/** How the result was handed back (Mẫu 06 "hình thức trả kết quả"). */
export type ReturnMethod = 'direct' | 'online' | 'postal';

export interface ReceivedEvent {
  kind: 'received';
  at: Moment;
  channel: DossierChannel;
}

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementRequestedEvent {
  kind: 'supplement_requested';
  at: Moment;
  reason: string;
}

export interface SupplementReceivedEvent {
  kind: 'supplement_received';
  at: Moment;
}

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export interface RefusedEvent {
  kind: 'refused';
  at: Moment;
  reasons: readonly string[];
}

/** One hand-over between handlers: a line of Mẫu 05 (Phiếu kiểm soát quá trình giải quyết). */
export interface TransferredEvent {
  kind: 'transferred';
  at: Moment;
  from: string;
  to: string;
  note?: string;
}

export interface ResolvedEvent {
  kind: 'resolved';
  at: Moment;
}

export interface ReturnedEvent {
  kind: 'returned';
  at: Moment;
  method: ReturnMethod;
}

export interface WithdrawnEvent {
  kind: 'withdrawn';
  at: Moment;
}

/** Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export interface ApologyIssuedEvent {
  kind: 'apology_issued';
  at: Moment;
  newAppointment: Moment;
  reason: string;
}

export type DossierEvent =
  | ReceivedEvent
  | SupplementRequestedEvent
  | SupplementReceivedEvent
  | RefusedEvent
  | TransferredEvent
  | ResolvedEvent
  | ReturnedEvent
  | WithdrawnEvent
  | ApologyIssuedEvent;

export type DossierEventKind = DossierEvent['kind'];

export type DossierStatus =
  'received' | 'awaiting_supplement' | 'in_progress' | 'resolved' | 'returned' | 'refused' | 'withdrawn';

/** The event that ended the dossier for timing purposes (the first of them, domain.md §6). */
export type DossierEndKind = 'resolved' | 'returned' | 'refused' | 'withdrawn';

/** trước hạn / đúng hạn / quá hạn. */
export type Timeliness = 'early' | 'on_time' | 'late';

/** Why a dossier is late. */
export type LateReason = 'past_appointment' | 'second_supplement';

/** One supplement round (Mẫu 02 → the citizen's supplement). */
export interface SupplementPause {
  requestedAt: Moment;
  reason: string;
  /** null while the unit is still waiting, or when the dossier ended (refused, withdrawn) meanwhile. */
  receivedAt: Moment | null;
  /**
   * How far the appointment moved, in the limit's unit (working days, working hours or calendar
   * days); null while still waiting. A dossier that ends while waiting is measured as if the wait
   * ended then.
   */
  shift: number | null;
  /** The appointment in force before / after this round. */
  appointmentBefore: Moment;
  appointmentAfter: Moment | null;
}

/** A Mẫu 04 apology as recorded. */
export interface ApologyRecord {
  at: Moment;
  newAppointment: Moment;
  reason: string;
  /** The promise it replaced (the legal appointment, or the previous apology's new date). */
  previousAppointment: Moment;
}

/** A Mẫu 05 line: one hand-over, with its status against the appointment in force then. */
export interface HandoverLine {
  at: Moment;
  from: string;
  to: string;
  note: string | null;
  /** The appointment the line was measured against. */
  appointment: Moment;
  status: Timeliness;
  /** 'Trước hạn' | 'Đúng hạn' | 'Quá hạn', as printed on Mẫu 05. */
  statusLabel: string;
}

export interface ReplayOptions {
  limit: TimeLimit;
  calendar: WorkingCalendar;
  /**
   * The moment the state is read at (now, for the service). Events after it are ignored.
   * Default: the last event's moment.
   */
  asOf?: Moment;
  /** 'HH:mm' the working day ends at for appointments; default the calendar's afternoon end. */
  endOfDay?: string;
  /** An open dossier is "at risk" within this many working days of its appointment. Default 1. */
  atRiskWithinWorkingDays?: number;
}

export interface DossierState {
  status: DossierStatus;
  asOf: Moment;
  receivedAt: Moment;
  channel: DossierChannel;
  limit: TimeLimit;
  /** The appointment printed on Mẫu 01 (from the receipt and the legal limit). */
  originalAppointment: Moment;
  /**
   * The legal appointment in force: the original one moved later by every completed supplement
   * round. While the unit waits for the citizen it is the appointment before that round.
   */
  appointment: Moment;
  /** The date part of `appointment` (UTC+7). */
  appointmentDate: CalendarDate;
  /** The latest Mẫu 04 new return date, if an apology was issued. */
  apologyAppointment: Moment | null;
  apologies: ApologyRecord[];
  supplementRequests: number;
  supplements: SupplementPause[];
  /** Set while the dossier waits for the citizen's supplement (the clock is stopped). */
  awaitingSupplementSince: Moment | null;
  resolvedAt: Moment | null;
  returnedAt: Moment | null;
  returnMethod: ReturnMethod | null;
  refusedAt: Moment | null;
  refusalReasons: readonly string[];
  withdrawnAt: Moment | null;
  /** First of resolved, returned, refused, withdrawn (domain.md §6). */
  endedAt: Moment | null;
  endKind: DossierEndKind | null;
  /** Late as of `asOf` (or at its end); sticky: once late, always late. */
  late: boolean;
  lateSince: Moment | null;
  lateReason: LateReason | null;
  /** Ended dossiers only: early / on_time / late. */
  timeliness: Timeliness | null;
  /** Open, clock running, not yet late and within `atRiskWithinWorkingDays` of the appointment. */
  atRisk: boolean;
  /** A Mẫu 04 is (or was) owed and none was issued in time. */
  apologyRequired: boolean;
  handovers: HandoverLine[];
  /** The `to` of the last hand-over, if any. */
  holder: string | null;
  lastEventAt: Moment;
  /** Events `validateTransition` refused while replaying (legacy or imported data); not applied. */
  rejected: RejectedEvent[];
}

export interface RejectedEvent {
  event: DossierEvent;
  message: string;
}

/** What the server stores per dossier row for the figures (see src/core/metrics). */
export interface DossierTiming {
  receivedAt: Moment;
  channel: DossierChannel;
  appointment: Moment;
  endedAt: Moment | null;
  endKind: DossierEndKind | null;
  late: boolean;
  lateSince: Moment | null;
  awaitingSupplementSince: Moment | null;
  supplementRequests: number;
}
