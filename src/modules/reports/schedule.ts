/**
 * The reporting schedule: a unit's four reports of a year, a superior's overview of the units
 * below it, and the reports due soon or late (a reminder source).
 */
import { dueReportState } from '../../core/report/index.js';
import type { DueReportState, ReportStatus } from '../../core/report/index.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findActivePlan } from '../plans/repository.js';
import type { ReportsContext } from './context.js';
import { periodState, statusOf } from './context.js';
import { activePlansInSubtree, lastSubmissions, listChildUnits, listReportsOf } from './repository.js';

/** One report that is due soon or late and not submitted (a reminder source). */
export interface DueReport {
  unitId: number;
  unitCode: string;
  unitName: string;
  periodKey: string;
  label: string;
  dueDate: string;
  state: DueReportState;
  status: ReportStatus | null;
  reportId: number | null;
}

/** The four reports of a unit's year with their due dates, cut-offs and states. */
export async function reportSchedule(ctx: ReportsContext, actor: Actor, unitId: number, year: number) {
  const unit = await ctx.readableUnit(actor, unitId);
  const plan = await findActivePlan(ctx.db, unit.id, year);
  const periods = await ctx.periodsOf(unit.id, year, plan);
  const reports = await listReportsOf(ctx.db, [unit.id], [year]);
  const last = await lastSubmissions(
    ctx.db,
    reports.map((r) => r.id),
  );
  const day = ctx.today();
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    year,
    plan: plan ? { id: plan.id, number: plan.number, title: plan.title } : null,
    today: day,
    periods: periods.map((p) => {
      const r = reports.find((x) => x.period_key === p.key);
      return periodState(p, r, r ? last.get(r.id) : undefined, day);
    }),
    canEdit: policy.editReport(actor, unit.id),
  };
}

/** For a superior: each unit below `unitId` and where its report of the period stands. */
export async function reportsOverview(ctx: ReportsContext, actor: Actor, unitId: number, rawKey: string) {
  const pk = ctx.key(rawKey);
  const unit = await ctx.readableUnit(actor, unitId);
  const units = await listChildUnits(ctx.db, unit.path, unit.id);
  const reports = await listReportsOf(
    ctx.db,
    units.map((u) => u.id),
    [pk.year],
  );
  const last = await lastSubmissions(
    ctx.db,
    reports.map((r) => r.id),
  );
  const day = ctx.today();
  const received = ctx.receivedReports
    ? await ctx.receivedReports(reports.map((r) => r.id))
    : new Set<number>();
  const rows = [];
  for (const u of units) {
    const plan = await findActivePlan(ctx.db, u.id, pk.year);
    const period = (await ctx.periodsOf(u.id, pk.year, plan)).find((p) => p.key === pk.key)!;
    const r = reports.find((x) => x.unit_id === u.id && x.period_key === pk.key);
    const remote = r !== undefined && received.has(r.id);
    rows.push({
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      // A unit on its own server has its plan there: its received report stands for it.
      hasPlan: plan !== undefined || remote,
      received: remote,
      ...periodState(period, r, r ? last.get(r.id) : undefined, day),
    });
  }
  return { period: pk.key, units: rows };
}

/**
 * Reports due within `soonDays` days or already late, and not submitted, per unit with an active
 * plan of this year or last year (a reminder source). No caller: the reminder decides who is told
 * (the unit's editors; its superior for late ones).
 */
export async function dueReports(
  ctx: ReportsContext,
  today: string,
  opts: { soonDays?: number; underPath?: string } = {},
): Promise<DueReport[]> {
  const year = Number(today.slice(0, 4));
  const plans = await activePlansInSubtree(ctx.db, opts.underPath ?? '/', [year - 1, year]);
  const reports = await listReportsOf(ctx.db, [...new Set(plans.map((p) => p.unit_id))], [year - 1, year]);
  const out: DueReport[] = [];
  for (const p of plans) {
    for (const period of await ctx.periodsOf(p.unit_id, p.year, p)) {
      // Last year's reports stop being reminded once the new year starts (a year report due in
      // January of the next year is still reminded).
      if (period.dueDate < `${year}-01-01`) continue;
      const r = reports.find((x) => x.unit_id === p.unit_id && x.period_key === period.key);
      const status = statusOf(r);
      const state = dueReportState(status, period.dueDate, today, opts.soonDays ?? 7);
      if (!state) continue;
      out.push({
        unitId: p.unit_id,
        unitCode: p.unit_code,
        unitName: p.unit_name,
        periodKey: period.key,
        label: period.label,
        dueDate: period.dueDate,
        state,
        status,
        reportId: r?.id ?? null,
      });
    }
  }
  return out.sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.unitCode.localeCompare(b.unitCode),
  );
}
