/**
 * The dossier lifecycle as pure functions over its event list (Decree 118/2025, Circular
 * 03/2025/TT-VPCP). See ./README.md for every convention and why.
 *
 *   received ─┬─ transferred* ─┬─ resolved ─ transferred* ─ returned
 *             │                ├─ refused            (Mẫu 03, final)
 *             │                └─ withdrawn          (final)
 *             └─ supplement_requested ⇄ supplement_received   (Mẫu 02; the clock stops between)
 *   apology_issued (Mẫu 04) at any open step, before the promise in force passes.
 */
import { dateOfMoment, dayNumberOfMoment } from '../calendar/index.js';
import type { Moment, WorkingCalendar } from '../calendar/index.js';
import { resumeDeadline, startDeadline } from './appointment.js';
import type { Deadline } from './appointment.js';
import { TIMELINESS_LABELS } from './labels.js';
import type {
  DossierChannel,
  DossierEvent,
  DossierEventKind,
  DossierState,
  DossierStatus,
  DossierTiming,
  ReplayOptions,
  ReturnMethod,
  Timeliness,
} from './types.js';

const CHANNELS: readonly DossierChannel[] = ['direct', 'online', 'postal'];
const RETURN_METHODS: readonly ReturnMethod[] = ['direct', 'online', 'postal'];

/** Lower-case verb phrases completing "…, không thể <action>". */
const ACTION: Readonly<Record<DossierEventKind, string>> = {
  received: 'tiếp nhận',
  supplement_requested: 'yêu cầu bổ sung',
  supplement_received: 'nhận hồ sơ bổ sung',
  refused: 'từ chối giải quyết',
  transferred: 'chuyển xử lý',
  resolved: 'ghi nhận giải quyết xong',
  returned: 'trả kết quả',
  withdrawn: 'rút hồ sơ',
  apology_issued: 'ban hành phiếu xin lỗi',
};

/** Statuses after which nothing may happen, and how the refusal starts. */
const FINAL: Partial<Record<DossierStatus, string>> = {
  returned: 'Hồ sơ đã trả kết quả',
  refused: 'Hồ sơ đã bị từ chối giải quyết',
  withdrawn: 'Hồ sơ đã được rút',
};

export const TRANSITION_MESSAGES = Object.freeze({
  notReceived: 'Hồ sơ chưa được tiếp nhận',
  alreadyReceived: 'Hồ sơ đã được tiếp nhận',
  invalidMoment: 'Thời điểm của sự kiện không hợp lệ',
  beforePrevious: 'Thời điểm của sự kiện không được trước sự kiện đã ghi nhận trước đó',
  invalidChannel: 'Kênh tiếp nhận hồ sơ không hợp lệ',
  notAwaiting: 'Hồ sơ không ở trạng thái chờ bổ sung',
  alreadyAwaiting: 'Hồ sơ đang chờ công dân bổ sung, chưa thể yêu cầu bổ sung thêm',
  awaitingCannotResolve: 'Hồ sơ đang chờ bổ sung, chưa thể ghi nhận giải quyết xong',
  notResolved: 'Hồ sơ chưa được giải quyết, chưa thể trả kết quả',
  invalidReturnMethod: 'Hình thức trả kết quả không hợp lệ',
  supplementReason: 'Phải nêu rõ nội dung, lý do yêu cầu bổ sung hồ sơ (Mẫu 02)',
  refusalReasons: 'Phải nêu rõ lý do từ chối giải quyết hồ sơ (Mẫu 03)',
  transferParties: 'Phải ghi rõ người giao và người nhận hồ sơ (Mẫu 05)',
  transferSame: 'Người nhận hồ sơ phải khác người giao',
  apologyReason: 'Phải nêu rõ lý do chậm trả kết quả (Mẫu 04)',
  apologyTooLate: 'Phiếu xin lỗi phải được ban hành trước thời điểm hẹn trả',
  apologyNewDate: 'Thời điểm hẹn trả mới phải sau thời điểm hẹn trả hiện tại',
});

function blank(s: string | undefined | null): boolean {
  return s === undefined || s === null || s.trim() === '';
}

/**
 * Can `event` happen to a dossier in `state` (null: nothing recorded yet)? null when it can,
 * otherwise the Vietnamese reason, for the service to refuse the step. Needs no calendar: the
 * checks read the state's appointment and its flags only.
 */
export function validateTransition(state: DossierState | null, event: DossierEvent): string | null {
  if (!Number.isFinite(event.at)) return TRANSITION_MESSAGES.invalidMoment;
  if (state === null) {
    if (event.kind !== 'received')
      return `${TRANSITION_MESSAGES.notReceived}, không thể ${ACTION[event.kind]}`;
    return CHANNELS.includes(event.channel) ? null : TRANSITION_MESSAGES.invalidChannel;
  }
  if (event.kind === 'received') return TRANSITION_MESSAGES.alreadyReceived;
  if (event.at < state.lastEventAt) return TRANSITION_MESSAGES.beforePrevious;
  // Decree 118/2025: a returned result, a refusal (Mẫu 03) or a withdrawal closes the dossier.
  const final = FINAL[state.status];
  if (final !== undefined) return `${final}, không thể ${ACTION[event.kind]}`;
  const resolved = state.status === 'resolved';
  const awaiting = state.status === 'awaiting_supplement';

  switch (event.kind) {
    case 'supplement_requested':
      if (resolved) return `Hồ sơ đã giải quyết xong, không thể ${ACTION[event.kind]}`;
      if (awaiting) return TRANSITION_MESSAGES.alreadyAwaiting;
      // A second request is allowed but makes the dossier late (national index (check)).
      return blank(event.reason) ? TRANSITION_MESSAGES.supplementReason : null;
    case 'supplement_received':
      return awaiting ? null : TRANSITION_MESSAGES.notAwaiting;
    case 'refused':
      // Mẫu 03 refuses to resolve: only before a resolution exists.
      if (resolved) return `Hồ sơ đã giải quyết xong, không thể ${ACTION[event.kind]}`;
      return event.reasons.length === 0 || event.reasons.every((r) => blank(r))
        ? TRANSITION_MESSAGES.refusalReasons
        : null;
    case 'withdrawn':
    case 'resolved':
      if (resolved) return `Hồ sơ đã giải quyết xong, không thể ${ACTION[event.kind]}`;
      if (awaiting && event.kind === 'resolved') return TRANSITION_MESSAGES.awaitingCannotResolve;
      return null;
    case 'transferred':
      // Hand-overs continue after resolution (the result goes back to the one-stop desk).
      if (blank(event.from) || blank(event.to)) return TRANSITION_MESSAGES.transferParties;
      if (event.from.trim() === event.to.trim()) return TRANSITION_MESSAGES.transferSame;
      if (state.holder !== null && state.holder !== event.from.trim()) {
        return `Hồ sơ đang do ${state.holder} giữ, không phải ${event.from.trim()}`;
      }
      return null;
    case 'returned':
      if (!resolved) return TRANSITION_MESSAGES.notResolved;
      return RETURN_METHODS.includes(event.method) ? null : TRANSITION_MESSAGES.invalidReturnMethod;
    case 'apology_issued':
      return validateApology(state, event.at, event.newAppointment, event.reason);
  }
}

/**
 * Decree 118/2025, Mẫu 04: the apology and the new return date are sent before the time limit
 * passes, while the dossier is open. The promise in force is the legal appointment, or the last
 * apology's new date (a second Mẫu 04 must come before the first one's date passes).
 */
function validateApology(
  state: DossierState,
  at: Moment,
  newAppointment: Moment,
  reason: string,
): string | null {
  if (state.endedAt !== null) return `Hồ sơ đã giải quyết xong, không thể ${ACTION.apology_issued}`;
  if (blank(reason)) return TRANSITION_MESSAGES.apologyReason;
  if (!Number.isFinite(newAppointment)) return TRANSITION_MESSAGES.invalidMoment;
  const promise = state.apologyAppointment ?? state.appointment;
  if (state.apologyAppointment === null && state.status === 'awaiting_supplement') {
    // The clock is stopped, so the appointment cannot pass now; it had passed only if the dossier
    // was already late from its appointment when the supplement was requested.
    if (state.lateReason === 'past_appointment') return TRANSITION_MESSAGES.apologyTooLate;
  } else if (at > promise) {
    return TRANSITION_MESSAGES.apologyTooLate;
  }
  return newAppointment > promise ? null : TRANSITION_MESSAGES.apologyNewDate;
}

/** early = before the appointment's date; on_time = on that date, not after the moment; late. */
export function classifyEnd(endedAt: Moment, appointment: Moment, late: boolean): Timeliness {
  if (late || endedAt > appointment) return 'late';
  return dayNumberOfMoment(endedAt) < dayNumberOfMoment(appointment) ? 'early' : 'on_time';
}

/**
 * The state of a dossier from its events (sorted by `at`, stable). Events after `asOf` are ignored;
 * events `validateTransition` refuses are not applied and are listed in `rejected`.
 * Throws a RangeError when there is no `received` event or `asOf` precedes it.
 */
export function replay(events: readonly DossierEvent[], options: ReplayOptions): DossierState {
  const { limit, calendar } = options;
  const sorted = [...events].sort((a, b) => a.at - b.at);
  const first = sorted.find((e) => e.kind === 'received');
  if (first?.kind !== 'received') throw new RangeError('Hồ sơ chưa có sự kiện tiếp nhận');
  const firstError = validateTransition(null, first);
  if (firstError !== null) throw new RangeError(firstError);
  const asOf = options.asOf ?? sorted[sorted.length - 1]!.at;
  if (!(asOf >= first.at)) throw new RangeError('Thời điểm xem trạng thái phải sau khi tiếp nhận hồ sơ');
  const atRiskDays = options.atRiskWithinWorkingDays ?? 1;

  let deadline: Deadline = startDeadline(first.at, limit, calendar, options.endOfDay);
  const s: DossierState = {
    status: 'received',
    asOf,
    receivedAt: first.at,
    channel: first.channel,
    limit,
    originalAppointment: deadline.appointment,
    appointment: deadline.appointment,
    appointmentDate: dateOfMoment(deadline.appointment),
    apologyAppointment: null,
    apologies: [],
    supplementRequests: 0,
    supplements: [],
    awaitingSupplementSince: null,
    resolvedAt: null,
    returnedAt: null,
    returnMethod: null,
    refusedAt: null,
    refusalReasons: [],
    withdrawnAt: null,
    endedAt: null,
    endKind: null,
    late: false,
    lateSince: null,
    lateReason: null,
    timeliness: null,
    atRisk: false,
    apologyRequired: false,
    handovers: [],
    holder: null,
    lastEventAt: first.at,
    rejected: [],
  };

  const setDeadline = (d: Deadline): void => {
    deadline = d;
    s.appointment = d.appointment;
    s.appointmentDate = dateOfMoment(d.appointment);
  };
  /** The appointment in force at `t`: during a pause, as if the supplement arrived at `t`. */
  const appointmentAt = (t: Moment): Moment =>
    s.awaitingSupplementSince === null
      ? deadline.appointment
      : resumeDeadline(deadline, s.awaitingSupplementSince, t, limit, calendar, options.endOfDay).deadline
          .appointment;
  /** Sticky lateness: an open dossier whose clock runs past its appointment is late from then on. */
  const markLateAt = (t: Moment): void => {
    if (s.endedAt === null && s.awaitingSupplementSince === null && s.lateSince === null) {
      if (t > deadline.appointment) {
        s.lateSince = deadline.appointment;
        s.lateReason = 'past_appointment';
        s.late = true;
      }
    }
  };
  /**
   * Ending while waiting for the citizen (refused for want of the supplement, or withdrawn): the
   * clock never restarted, so the whole wait up to the end is not counted (Decree 118/2025).
   */
  const closePause = (t: Moment): void => {
    const since = s.awaitingSupplementSince;
    if (since === null) return;
    const r = resumeDeadline(deadline, since, t, limit, calendar, options.endOfDay);
    setDeadline(r.deadline);
    const round = s.supplements[s.supplements.length - 1]!;
    round.shift = r.shift;
    round.appointmentAfter = r.deadline.appointment;
    s.awaitingSupplementSince = null;
  };
  const end = (kind: 'resolved' | 'refused' | 'withdrawn', at: Moment): void => {
    if (s.endedAt === null) {
      s.endedAt = at;
      s.endKind = kind;
    }
  };

  for (const e of sorted) {
    if (e === first) continue;
    if (e.at > asOf) break;
    markLateAt(e.at);
    const error = validateTransition(s, e);
    if (error !== null) {
      s.rejected.push({ event: e, message: error });
      continue;
    }
    s.lastEventAt = e.at;
    switch (e.kind) {
      case 'received':
        break; // refused by validateTransition
      case 'supplement_requested':
        s.supplementRequests++;
        // National index (check): more than one supplement request makes the dossier late.
        if (s.supplementRequests > 1 && s.lateSince === null) {
          s.lateSince = e.at;
          s.lateReason = 'second_supplement';
          s.late = true;
        }
        s.supplements.push({
          requestedAt: e.at,
          reason: e.reason,
          receivedAt: null,
          shift: null,
          appointmentBefore: deadline.appointment,
          appointmentAfter: null,
        });
        s.awaitingSupplementSince = e.at;
        s.status = 'awaiting_supplement';
        break;
      case 'supplement_received': {
        // Decree 118/2025: the time limit does not run while waiting for the citizen.
        const r = resumeDeadline(
          deadline,
          s.awaitingSupplementSince!,
          e.at,
          limit,
          calendar,
          options.endOfDay,
        );
        setDeadline(r.deadline);
        const round = s.supplements[s.supplements.length - 1]!;
        round.receivedAt = e.at;
        round.shift = r.shift;
        round.appointmentAfter = r.deadline.appointment;
        s.awaitingSupplementSince = null;
        s.status = 'in_progress';
        break;
      }
      case 'transferred': {
        const appointment = appointmentAt(e.at);
        // Mẫu 05: each hand-over is trước / đúng / quá hạn against the appointment in force then.
        const status = classifyEnd(e.at, appointment, false);
        s.handovers.push({
          at: e.at,
          from: e.from.trim(),
          to: e.to.trim(),
          note: e.note ?? null,
          appointment,
          status,
          statusLabel: TIMELINESS_LABELS[status],
        });
        s.holder = e.to.trim();
        if (s.status === 'received') s.status = 'in_progress';
        break;
      }
      case 'resolved':
        s.resolvedAt = e.at;
        end('resolved', e.at);
        s.status = 'resolved';
        break;
      case 'returned':
        s.returnedAt = e.at;
        s.returnMethod = e.method;
        s.status = 'returned';
        break;
      case 'refused':
        s.refusedAt = e.at;
        s.refusalReasons = e.reasons;
        closePause(e.at);
        end('refused', e.at);
        s.status = 'refused';
        break;
      case 'withdrawn':
        s.withdrawnAt = e.at;
        closePause(e.at);
        end('withdrawn', e.at);
        s.status = 'withdrawn';
        break;
      case 'apology_issued':
        s.apologies.push({
          at: e.at,
          newAppointment: e.newAppointment,
          reason: e.reason,
          previousAppointment: s.apologyAppointment ?? s.appointment,
        });
        s.apologyAppointment = e.newAppointment;
        break;
    }
  }
  markLateAt(asOf);

  if (s.endedAt !== null) s.timeliness = classifyEnd(s.endedAt, s.appointment, s.late);
  s.atRisk =
    s.endedAt === null &&
    s.awaitingSupplementSince === null &&
    !s.late &&
    isWithinWorkingDays(calendar, asOf, s.appointment, atRiskDays);
  // Decree 118/2025 (Mẫu 04): an apology is owed when the dossier is, or is about to be, late; an
  // apology whose new date has not passed (or had not passed at the end) covers it. A dossier that
  // ended late without one keeps the flag, like its lateness.
  const ref = s.endedAt ?? asOf;
  const covered = s.apologyAppointment !== null && ref <= s.apologyAppointment;
  s.apologyRequired = !covered && (s.late || s.atRisk);
  return s;
}

/** asOf ≤ appointment and the appointment's day is at most `n` working days after asOf's day. */
function isWithinWorkingDays(
  calendar: WorkingCalendar,
  asOf: Moment,
  appointment: Moment,
  n: number,
): boolean {
  if (asOf > appointment) return false;
  return calendar.workingDaysBetween(dateOfMoment(asOf), dateOfMoment(appointment)) <= n;
}

/**
 * For the "sắp đến hạn" list: open, the clock running (not waiting for the citizen), the
 * appointment not passed at `asOf` and at most `withinWorkingDays` working days away (1: due today
 * or on the next working day).
 */
export function dueSoon(
  state: DossierState,
  asOf: Moment,
  calendar: WorkingCalendar,
  withinWorkingDays = 1,
): boolean {
  if (state.endedAt !== null || state.awaitingSupplementSince !== null) return false;
  return isWithinWorkingDays(calendar, asOf, state.appointment, withinWorkingDays);
}

/** Open with the clock running and the appointment passed at `asOf`. */
export function isOverdue(state: DossierState, asOf: Moment): boolean {
  return state.endedAt === null && state.awaitingSupplementSince === null && asOf > state.appointment;
}

/** The per-dossier fields the server stores for the figures (src/core/metrics). */
export function dossierTiming(state: DossierState): DossierTiming {
  return {
    receivedAt: state.receivedAt,
    channel: state.channel,
    appointment: state.appointment,
    endedAt: state.endedAt,
    endKind: state.endKind,
    late: state.late,
    lateSince: state.lateSince,
    awaitingSupplementSince: state.awaitingSupplementSince,
    supplementRequests: state.supplementRequests,
  };
}
