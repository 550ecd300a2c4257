import { addDays, dateOfMoment } from '../../core/calendar/index.js';
import { dueState as feedbackDueState } from '../../core/feedback/index.js';
import {
  LOOKAHEAD_CALENDAR_DAYS,
  OVERDUE_LOOKBACK_DAYS,
  dossierMessage,
  dossierNearAppointment,
  feedbackMessage,
  reportMessage,
  taskMessage,
  taskReminderKind,
  workingDaysLeft,
} from '../../core/reminders/index.js';
import type { Q } from '../../db/types.js';
import { parseRoles } from '../auth/roles.js';
import type { Role } from '../auth/roles.js';
import {
  activeAssigneesOf,
  activeUsersOfUnits,
  openDossiersWithAppointmentIn,
  openFeedbackDueIn,
  pendingOccurrencesDue,
} from './repository.js';
import type { ReminderCandidate, ReminderSource } from './source.js';

type UnitUser = { id: number; roles: Role[] };

export async function usersByUnit(db: Q, unitIds: number[]): Promise<Map<number, UnitUser[]>> {
  const byUnit = new Map<number, UnitUser[]>();
  for (const u of await activeUsersOfUnits(db, unitIds)) {
    const list = byUnit.get(u.unit_id) ?? [];
    list.push({ id: u.id, roles: parseRoles(u.roles) });
    byUnit.set(u.unit_id, list);
  }
  return byUnit;
}

/**
 * Who follows a unit's plan when a task has nobody assigned: its CCHC officers; without any, its
 * heads; without any, its administrators.
 */
export function planFollowers(users: readonly UnitUser[]): number[] {
  for (const role of ['officer', 'head', 'admin'] as const) {
    const ids = users.filter((u) => u.roles.includes(role)).map((u) => u.id);
    if (ids.length > 0) return ids;
  }
  return [];
}

/** The unit's dossier handlers: who `policy.handleDossiers` lets work on its register. */
export function dossierHandlers(users: readonly UnitUser[]): number[] {
  return users
    .filter((u) => u.roles.some((r) => r === 'admin' || r === 'head' || r === 'officer'))
    .map((u) => u.id);
}

/**
 * Task occurrences: due in 7 working days, due in 1, overdue (core/reminders taskReminderKind, in
 * each unit's own calendar). Recipients: the task's assignees; a task with none goes to the unit's
 * plan followers (officers, else heads, else administrators). An overdue task goes to its assignees
 * and to the followers, who answer for the plan.
 */
export function taskReminderSource(db: Q): ReminderSource {
  return {
    name: 'tasks',
    async candidates(ctx) {
      const rows = await pendingOccurrencesDue(
        db,
        addDays(ctx.today, -OVERDUE_LOOKBACK_DAYS),
        addDays(ctx.today, LOOKAHEAD_CALENDAR_DAYS),
      );
      if (rows.length === 0) return [];
      const assignees = new Map<number, number[]>();
      for (const a of await activeAssigneesOf(
        db,
        rows.map((r) => r.task_id),
      )) {
        const list = assignees.get(a.task_id) ?? [];
        list.push(a.user_id);
        assignees.set(a.task_id, list);
      }
      const unitIds = [...new Set(rows.map((r) => r.unit_id))];
      const units = await usersByUnit(db, unitIds);
      // Calendars load in parallel (PostgreSQL's pool queues them); the sweep caches each.
      await Promise.all(unitIds.map((id) => ctx.calendarOf(id)));
      const out: ReminderCandidate[] = [];
      for (const r of rows) {
        if (!r.due_date) continue;
        const cal = await ctx.calendarOf(r.unit_id);
        const kind = taskReminderKind(ctx.today, r.due_date, cal);
        if (!kind) continue;
        const own = assignees.get(r.task_id) ?? [];
        const followers = planFollowers(units.get(r.unit_id) ?? []);
        const recipients =
          kind === 'task_overdue' ? [...own, ...followers] : own.length > 0 ? own : followers;
        if (recipients.length === 0) continue;
        const msg = taskMessage(kind, {
          unitName: r.unit_name,
          taskCode: r.task_code,
          taskTitle: r.task_title,
          label: r.label,
          due: r.due_date,
          daysLeft: workingDaysLeft(ctx.today, r.due_date, cal),
        });
        out.push({
          kind,
          eventKey: `occurrence:${r.occurrence_id}:${r.due_date}`,
          unitId: r.unit_id,
          recipients: [...new Set(recipients)],
          subject: msg.subject,
          text: msg.text,
          link: `/tasks/${r.task_id}`,
        });
      }
      return out;
    },
  };
}

/**
 * Open dossiers near their appointment (the register's "sắp đến hạn": at most 2 working days
 * away, not passed, the clock running). Recipients: the unit's dossier handlers. The appointment
 * is part of the event: a new appointment (Mẫu 04) is a new reminder.
 */
export function dossierReminderSource(db: Q): ReminderSource {
  return {
    name: 'dossiers',
    async candidates(ctx) {
      const nowMs = ctx.now.getTime();
      const rows = await openDossiersWithAppointmentIn(
        db,
        ctx.now.toISOString(),
        new Date(nowMs + LOOKAHEAD_CALENDAR_DAYS * 86_400_000).toISOString(),
      );
      if (rows.length === 0) return [];
      const unitIds = [...new Set(rows.map((r) => r.unit_id))];
      const units = await usersByUnit(db, unitIds);
      await Promise.all(unitIds.map((id) => ctx.calendarOf(id)));
      const out: ReminderCandidate[] = [];
      for (const r of rows) {
        const cal = await ctx.calendarOf(r.unit_id);
        const appointment = Date.parse(r.appointment_at);
        if (!dossierNearAppointment(nowMs, appointment, cal)) continue;
        const recipients = dossierHandlers(units.get(r.unit_id) ?? []);
        if (recipients.length === 0) continue;
        const msg = dossierMessage({
          unitName: r.unit_name,
          code: r.code,
          procedureName: r.procedure_name,
          appointment,
          daysLeft: cal.workingDaysBetween(ctx.today, dateOfMoment(appointment)),
        });
        out.push({
          kind: 'dossier_due',
          eventKey: `dossier:${r.id}:${r.appointment_at}`,
          unitId: r.unit_id,
          recipients,
          subject: msg.subject,
          text: msg.text,
          link: `/ho-so/${r.id}`,
        });
      }
      return out;
    },
  };
}

/** A periodic report due soon or late and not yet submitted (the reports module's `dueReports`). */
export interface DueReportFact {
  unitId: number;
  unitName: string;
  periodKey: string;
  label: string;
  dueDate: string;
  state: 'due_soon' | 'overdue';
  status: string | null;
}

/**
 * Periodic reports due within a week or late and not submitted: one reminder when it comes due and
 * one when it is late (each state is its own event; a new due date is a new event). Recipients: the
 * unit's administrators, heads and officers, who draft and submit it.
 */
export function reportReminderSource(
  db: Q,
  dueReports: (today: string) => Promise<readonly DueReportFact[]>,
): ReminderSource {
  return {
    name: 'reports',
    async candidates(ctx) {
      const due = await dueReports(ctx.today);
      if (due.length === 0) return [];
      const units = await usersByUnit(db, [...new Set(due.map((r) => r.unitId))]);
      const out: ReminderCandidate[] = [];
      for (const r of due) {
        const recipients = dossierHandlers(units.get(r.unitId) ?? []);
        if (recipients.length === 0) continue;
        const msg = reportMessage({
          unitName: r.unitName,
          label: r.label,
          due: r.dueDate,
          state: r.state,
          returned: r.status === 'returned',
        });
        out.push({
          kind: 'report_due',
          eventKey: `report:${r.unitId}:${r.periodKey}:${r.dueDate}:${r.state}`,
          unitId: r.unitId,
          recipients,
          subject: msg.subject,
          text: msg.text,
          link: `/bao-cao/${r.unitId}/${r.periodKey}`,
        });
      }
      return out;
    },
  };
}

/** The step a feedback item waits for, as the reminder names it. */
const FEEDBACK_STEP: Record<string, string> = {
  received: 'phân loại',
  to_forward: 'chuyển đơn',
  accepted: 'trả lời',
  assigned: 'trả lời',
  answered: 'trả lời',
  approved: 'công khai',
};

/**
 * Feedback items (PAKN) whose current step is due within 2 working days (core/feedback `dueState`)
 * or overdue for up to 30 days. Recipients: the assigned officer and the unit's administrators,
 * heads and officers (who handle feedback). Each step and deadline is its own event: moving on to
 * the next step makes a new reminder when that one comes due.
 */
export function feedbackReminderSource(db: Q): ReminderSource {
  return {
    name: 'feedback',
    async candidates(ctx) {
      const nowMs = ctx.now.getTime();
      const rows = await openFeedbackDueIn(
        db,
        new Date(nowMs - OVERDUE_LOOKBACK_DAYS * 86_400_000).toISOString(),
        new Date(nowMs + LOOKAHEAD_CALENDAR_DAYS * 86_400_000).toISOString(),
      );
      if (rows.length === 0) return [];
      const unitIds = [...new Set(rows.map((r) => r.unit_id))];
      const units = await usersByUnit(db, unitIds);
      const out: ReminderCandidate[] = [];
      for (const r of rows) {
        const step = FEEDBACK_STEP[r.status];
        if (!step || r.due_at === null) continue;
        const due = Date.parse(r.due_at);
        const state = feedbackDueState(due, nowMs, await ctx.calendarOf(r.unit_id));
        if (state !== 'due_soon' && state !== 'overdue') continue;
        const unitUsers = units.get(r.unit_id) ?? [];
        const handlers = dossierHandlers(unitUsers);
        const assignee =
          r.assignee_id !== null && unitUsers.some((u) => u.id === r.assignee_id) ? [r.assignee_id] : [];
        const recipients = [...new Set([...assignee, ...handlers])];
        if (recipients.length === 0) continue;
        const msg = feedbackMessage({
          unitName: r.unit_name,
          code: r.code,
          title: r.title,
          step,
          due,
          state,
        });
        out.push({
          kind: 'feedback_due',
          eventKey: `feedback:${r.id}:${r.status}:${r.due_at}:${state}`,
          unitId: r.unit_id,
          recipients,
          subject: msg.subject,
          text: msg.text,
          link: `/pakn/${r.id}`,
        });
      }
      return out;
    },
  };
}
