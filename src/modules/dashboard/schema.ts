import { z } from 'zod';

const Counts = z.object({
  not_started: z.number(),
  in_progress: z.number(),
  done: z.number(),
  not_applicable: z.number(),
});

export const DashboardQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const Dashboard = z.object({
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  year: z.number(),
  years: z.array(z.number()),
  totals: Counts,
  percentDone: z.number(),
  areas: z.array(z.object({ code: z.string(), title: z.string(), counts: Counts, percentDone: z.number() })),
  units: z.array(
    z.object({ id: z.number(), code: z.string(), name: z.string(), counts: Counts, percentDone: z.number() }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;

// ---- Unit and superior dashboards (issue 6 item 4) ----

const StateCounts = z.object({
  met: z.number(),
  at_risk: z.number(),
  not_met: z.number(),
  unknown: z.number(),
});
const Pct = z.number().nullable();

export const DashboardViewQuery = z.object({
  /** Horizon of the upcoming deadlines, in working days (default 10). */
  days: z.coerce
    .number()
    .int()
    .min(1, 'Số ngày làm việc phải từ 1 đến 60.')
    .max(60, 'Số ngày làm việc phải từ 1 đến 60.')
    .optional(),
});

const QuarterTrend = z.object({
  quarter: z.number(),
  from: z.string(),
  to: z.string(),
  received: z.number(),
  handled: z.number(),
  onTimeRate: Pct,
  onlineShare: Pct,
  onlinePaymentShare: Pct,
  digitisation: Pct,
  satisfaction: Pct,
});

const DashboardTarget = z.object({
  id: z.number(),
  unitId: z.number(),
  code: z.string(),
  text: z.string(),
  threshold: z.unknown(),
  metric: z.string().nullable(),
  /** The measured figure (bound targets) or the value entered by hand. */
  value: Pct,
  measured: z.boolean(),
  state: z.enum(['met', 'at_risk', 'not_met', 'unknown']),
});

const Deadline = z.object({
  id: z.number(),
  dueDate: z.string(),
  label: z.string(),
  taskId: z.number(),
  taskCode: z.string(),
  taskTitle: z.string(),
  unitId: z.number(),
  unitName: z.string(),
});

const LateDossier = z.object({
  id: z.number(),
  code: z.string(),
  procedureName: z.string(),
  receivedAt: z.string(),
  appointmentAt: z.string(),
  unitId: z.number(),
  unitName: z.string(),
});

const DashboardBody = {
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  year: z.number(),
  today: z.string(),
  /** The plan year up to today: the period of the targets' measures and the dossier figures. */
  period: z.object({ from: z.string(), to: z.string() }),
  targets: z.array(DashboardTarget),
  targetStates: StateCounts,
  trend: z.array(QuarterTrend),
  tasks: z.object({
    totals: Counts,
    percentDone: z.number(),
    areas: z.array(
      z.object({ code: z.string(), title: z.string(), counts: Counts, percentDone: z.number() }),
    ),
  }),
  overdueTasks: z.number(),
  deadlines: z.object({ days: z.number(), until: z.string(), total: z.number(), items: z.array(Deadline) }),
  dossiers: z.object({
    received: z.number(),
    handled: z.number(),
    onTimeRate: Pct,
    lateOpen: z.number(),
    late: z.array(LateDossier),
  }),
  /** Open citizen feedback (PAKN); null while no feedback register is wired: "chưa có số liệu". */
  feedback: z.object({ open: z.number(), overdue: z.number() }).nullable(),
  /**
   * The document register's shares over the year to date (issue 13: targets 10.1, 10.2, 10.4);
   * null while no document register is wired.
   */
  documents: z
    .object({
      outgoing: z.number(),
      incoming: z.number(),
      electronic: Pct,
      signed: Pct,
      officialChannel: Pct,
      incomingOnTime: Pct,
    })
    .nullable(),
};

export const UnitDashboard = z.object({
  ...DashboardBody,
  plan: z.object({ id: z.number(), title: z.string() }).nullable(),
});
export type UnitDashboard = z.infer<typeof UnitDashboard>;

export const SuperiorRow = z.object({
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  /** The superior's own unit (its own plan and register), apart from its children. */
  self: z.boolean(),
  /** Tasks done ÷ tasks due (not "not applicable"), %; null without tasks. */
  planProgress: Pct,
  overdueTasks: z.number(),
  onTimeRate: Pct,
  received: z.number(),
  lateOpen: z.number(),
  targets: StateCounts,
  feedbackOpen: z.number().nullable(),
});

export const SuperiorDashboard = z.object({ ...DashboardBody, rows: z.array(SuperiorRow) });
export type SuperiorDashboard = z.infer<typeof SuperiorDashboard>;
