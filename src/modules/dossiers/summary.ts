import { dateOfMoment } from '../../core/calendar/index.js';
import type { DossierState } from '../../core/dossier/index.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Midnight (Vietnam time, UTC+7) starting the day of a moment, as a UTC ISO string. */
export function vietnamDayStart(ms: number): string {
  return iso(Date.parse(`${dateOfMoment(ms)}T00:00:00+07:00`));
}

/**
 * The dossier row's summary columns, from the state the core replays out of its events. Every
 * writer of a dossier (receive, steps, register import) stores exactly these, so that the figures
 * read in SQL agree with the core's rules.
 */
export function dossierSummaryColumns(s: DossierState) {
  return {
    status: s.status,
    appointment_at: iso(s.appointment),
    appointment_day_start: vietnamDayStart(s.appointment),
    original_appointment_at: iso(s.originalAppointment),
    apology_appointment_at: s.apologyAppointment === null ? null : iso(s.apologyAppointment),
    ended_at: s.endedAt === null ? null : iso(s.endedAt),
    end_kind: s.endKind,
    late: s.late ? 1 : 0,
    late_since: s.lateSince === null ? null : iso(s.lateSince),
    awaiting_supplement_since: s.awaitingSupplementSince === null ? null : iso(s.awaitingSupplementSince),
    supplement_requests: s.supplementRequests,
  };
}
