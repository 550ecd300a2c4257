/**
 * The unit and superior dashboards (issue 6 item 4): targets with their state and a trend per
 * quarter, tasks by status per area, upcoming deadlines, late dossiers, open feedback; for a
 * superior the same rolled up over its subtree and one row per direct child (and its own unit),
 * every figure family counted by one query grouped by unit.
 */
import type { CalendarDate, WorkingCalendar } from '../../core/calendar/index.js';
import { DOSSIER_COUNTER_KEYS, figuresFromCounters } from '../../core/metrics/index.js';
import type { DossierFigures, TargetMetric, TargetState } from '../../core/metrics/index.js';
import type { DocumentFigures } from '../../core/documents/index.js';
import { metricFigure } from '../../core/figures/index.js';
import type { FiguresMeasure } from '../figures/measure.js';
import { TARGET_METRICS } from '../../core/metrics/index.js';
import type { Q } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { occurrencesDueIn } from '../calendar/repository.js';
import { dossierCountersByUnitSql, dossierCountersSql } from '../dossiers/repository.js';
import type { DossierCounterValues } from '../dossiers/repository.js';
import { periodBounds } from '../../core/calendar/period.js';
import { targetState } from '../plans/presenter.js';
import type { TargetOut } from '../plans/schema.js';
import { parseJson } from '../../lib/json.js';
import { findUnitById } from '../units/repository.js';
import {
  activePlan,
  activeTargets,
  areasOfPlan,
  openLateDossiers,
  overdueTaskCounts,
  planAreas,
  subtreeUnits,
  taskStatusCounts,
} from './repository.js';
import type { SuperiorDashboard, UnitDashboard } from './schema.js';

/**
 * Open citizen feedback (phản ánh, kiến nghị) per unit, from the feedback register. Optional: the
 * dashboards show "chưa có số liệu" without it, never a made-up 0.
 */
export interface OpenFeedbackProvider {
  /** Feedback not yet answered at `now`, and how many of those are past their answer deadline, for every unit under `path` (one grouped query). */
  openByUnit(path: string, now: string): Promise<Map<number, { open: number; overdue: number }>>;
}

export interface DashboardViewsDeps {
  db: Q;
  clock: Clock;
  calendar: { forUnit(unitId: number): Promise<{ calendar: WorkingCalendar }> };
  feedback?: OpenFeedbackProvider | undefined;
  /**
   * The one figures service (ADR 013): the targets measured outside the dossier register
   * (feedback, surveys, documents) and the document block; absent: those show no value.
   */
  figures?: Pick<FiguresMeasure, 'measure' | 'family'> | undefined;
}

function documentsBlock(f: DocumentFigures | null): UnitDashboard['documents'] {
  if (!f) return null;
  return {
    outgoing: f.counts.outgoing,
    incoming: f.counts.incoming,
    electronic: f.electronic.value,
    signed: f.signed.value,
    officialChannel: f.officialChannel.value,
    incomingOnTime: f.incomingOnTime.value,
  };
}

const STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
type Counts = Record<(typeof STATUSES)[number], number>;
const zero = (): Counts => ({ not_started: 0, in_progress: 0, done: 0, not_applicable: 0 });
const statusOf = (s: string): keyof Counts =>
  (STATUSES as readonly string[]).includes(s) ? (s as keyof Counts) : 'not_started';
const pct = (c: Counts) => {
  const countable = c.not_started + c.in_progress + c.done;
  return countable === 0 ? 0 : Math.round((c.done / countable) * 100);
};
const zeroStates = (): Record<TargetState, number> => ({ met: 0, at_risk: 0, not_met: 0, unknown: 0 });

/** Metrics measured outside the dossier register: feedback, surveys, the document register. */
export type OtherMetric = Exclude<TargetMetric, `dossier_${string}`>;
const isOtherMetric = (m: TargetMetric): m is OtherMetric => !m.startsWith('dossier_');
/** Values of the non-dossier metrics, by `${unitId}:${metric}`. */
type OtherValues = ReadonlyMap<string, number | null>;

function addCounters(into: DossierCounterValues, c: DossierCounterValues): void {
  for (const k of Object.keys(c) as (keyof DossierCounterValues)[]) into[k] += c[k];
}
const emptyCounters = (): DossierCounterValues => {
  const c = {} as DossierCounterValues;
  for (const k of DOSSIER_COUNTER_KEYS) c[k] = 0;
  return c;
};

const QUARTERS = [
  ['01-01', '03-31'],
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
] as const;

type TargetRowLike = Awaited<ReturnType<typeof activeTargets>>[number];

/** A target's value and state: the register's figure for bound targets, else the value entered. */
function targetView(t: TargetRowLike, figures: DossierFigures, other: OtherValues) {
  const threshold = parseJson<TargetOut['threshold']>(t.threshold_json, null);
  const metric = (TARGET_METRICS as readonly string[]).includes(t.metric ?? '')
    ? (t.metric as TargetMetric)
    : null;
  const value = !metric
    ? t.achieved_value
    : isOtherMetric(metric)
      ? (other.get(`${t.unit_id}:${metric}`) ?? null)
      : (metricFigure(metric, { dossiers: figures })?.value ?? null);
  return {
    id: t.id,
    unitId: t.unit_id,
    code: t.code,
    text: t.text,
    threshold,
    metric,
    value,
    measured: metric !== null,
    state: targetState(threshold, value, t.assessed_state),
  };
}

export function dashboardViewsService({
  db,
  clock,
  calendar,
  feedback,
  figures: measured,
}: DashboardViewsDeps) {
  /** The feedback and survey values the targets need, each (unit, metric) measured once. */
  async function otherValues(
    targets: readonly TargetRowLike[],
    from: string,
    to: string,
  ): Promise<OtherValues> {
    const wanted = new Map<string, { unitId: number; metric: OtherMetric }>();
    for (const t of targets)
      if (
        t.metric &&
        (TARGET_METRICS as readonly string[]).includes(t.metric) &&
        isOtherMetric(t.metric as TargetMetric)
      )
        wanted.set(`${t.unit_id}:${t.metric}`, { unitId: t.unit_id, metric: t.metric as OtherMetric });
    const out = new Map<string, number | null>();
    if (!measured) return out;
    for (const [key, w] of wanted)
      out.set(key, (await measured.measure(w.metric, w.unitId, from, to))?.value ?? null);
    return out;
  }

  async function readable(actor: Actor, unitId: number) {
    const unit = await findUnitById(db, unitId);
    if (!unit || !policy.readUnit(actor, unit.path))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    return unit;
  }

  /** What both dashboards share, over one unit (`unitId`) or a subtree. */
  async function common(unit: { id: number; path: string }, subtree: boolean, days: number) {
    const now = clock.now();
    const nowIso = now.toISOString();
    const today = vietnamToday(clock);
    const year = Number(today.slice(0, 4));
    const ytd = periodBounds(`${year}-01-01`, today, now.getTime());
    const scope = { path: unit.path, unitId: subtree ? undefined : unit.id };
    const trend = [];
    for (const [q, [a, b]] of QUARTERS.entries()) {
      const from = `${year}-${a}`;
      if (from > today) break;
      const bounds = periodBounds(from, `${year}-${b}`, now.getTime());
      const f = figuresFromCounters(await dossierCountersSql(db, scope, bounds.fromIso, bounds.toIso), {
        from: Date.parse(bounds.fromIso),
        to: Date.parse(bounds.toIso),
      });
      trend.push({
        quarter: q + 1,
        from: bounds.fromIso,
        to: bounds.toIso,
        received: f.received.total,
        handled: f.handled,
        onTimeRate: f.onTimeRate.value,
        onlineShare: f.onlineShare.value,
        onlinePaymentShare: f.onlinePaymentShare.value,
        digitisation: f.digitisation.value,
        satisfaction: f.satisfaction.value,
      });
    }
    const cal = (await calendar.forUnit(unit.id)).calendar;
    const until: CalendarDate = cal.addWorkingDays(today, days);
    const due = await occurrencesDueIn(db, unit.path, today, until, {
      pendingOnly: true,
      ...(subtree ? {} : { unitId: unit.id }),
    });
    const late = await openLateDossiers(db, scope, nowIso, 20);
    const fb = feedback ? await feedback.openByUnit(unit.path, nowIso) : null;
    return {
      now: nowIso,
      today,
      year,
      ytd,
      trend,
      deadlines: {
        days,
        until,
        total: due.length,
        items: due.slice(0, 50).map((o) => ({
          id: o.id,
          dueDate: o.due_date ?? today,
          label: o.label,
          taskId: o.task_id,
          taskCode: o.task_code,
          taskTitle: o.task_title,
          unitId: o.unit_id,
          unitName: o.unit_name,
        })),
      },
      late: {
        items: late.map((d) => ({
          id: d.id,
          code: d.code,
          procedureName: d.procedure_name,
          receivedAt: d.received_at,
          appointmentAt: d.appointment_at,
          unitId: d.unit_id,
          unitName: d.unit_name,
        })),
      },
      fb,
    };
  }

  /** `lateOpen`: the year-to-date figures' "in progress, late" at now, the same rule as the list. */
  function dossierBlock(f: DossierFigures, late: { items: UnitDashboard['dossiers']['late'] }) {
    return {
      received: f.received.total,
      handled: f.handled,
      onTimeRate: f.onTimeRate.value,
      lateOpen: f.inProgress.late,
      late: late.items,
    };
  }

  return {
    /** One unit's dashboard (its own plan and register). */
    async unit(
      actor: Actor,
      unitId: number,
      opts: { days?: number | undefined } = {},
    ): Promise<UnitDashboard> {
      const unit = await readable(actor, unitId);
      const c = await common(unit, false, opts.days ?? 10);
      const counters = await dossierCountersSql(
        db,
        { path: unit.path, unitId: unit.id },
        c.ytd.fromIso,
        c.ytd.toIso,
      );
      const figures = figuresFromCounters(counters, {
        from: Date.parse(c.ytd.fromIso),
        to: Date.parse(c.ytd.toIso),
      });
      const plan = await activePlan(db, unit.id, c.year);
      const ownRows = (await activeTargets(db, unit.path, c.year)).filter((t) => t.unit_id === unit.id);
      const other = await otherValues(ownRows, `${c.year}-01-01`, c.today);
      const targets = ownRows.map((t) => targetView(t, figures, other));
      const targetStates = zeroStates();
      for (const t of targets) targetStates[t.state]++;
      const areas = new Map<string, { code: string; title: string; counts: Counts }>();
      if (plan) for (const a of await areasOfPlan(db, plan.id)) areas.set(a.code, { ...a, counts: zero() });
      const totals = zero();
      for (const r of await taskStatusCounts(db, unit.path, c.year)) {
        if (r.unit_id !== unit.id) continue;
        const s = statusOf(r.status);
        const area = areas.get(r.area_code) ?? { code: r.area_code, title: r.area_title, counts: zero() };
        area.counts[s] += r.n;
        areas.set(r.area_code, area);
        totals[s] += r.n;
      }
      const overdue = await overdueTaskCounts(db, unit.path, c.year, c.today);
      const fb = c.fb ? (c.fb.get(unit.id) ?? { open: 0, overdue: 0 }) : null;
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        year: c.year,
        today: c.today,
        period: { from: c.ytd.fromIso, to: c.ytd.toIso },
        plan: plan ? { id: plan.id, title: plan.title } : null,
        targets,
        targetStates,
        trend: c.trend,
        tasks: {
          totals,
          percentDone: pct(totals),
          areas: [...areas.values()].map((a) => ({ ...a, percentDone: pct(a.counts) })),
        },
        overdueTasks: overdue.get(unit.id) ?? 0,
        deadlines: c.deadlines,
        dossiers: dossierBlock(figures, c.late),
        feedback: fb,
        documents: documentsBlock(
          measured
            ? await measured.family(
                'documents',
                { unitId: unit.id, subtree: false },
                `${c.year}-01-01`,
                c.today,
              )
            : null,
        ),
      };
    },

    /**
     * A superior's dashboard: the same rolled up over its subtree, and one row for its own unit and
     * one per direct child (each over the child's whole subtree), every family of figures counted
     * by one query grouped by unit.
     */
    async superior(
      actor: Actor,
      unitId: number,
      opts: { days?: number | undefined } = {},
    ): Promise<SuperiorDashboard> {
      const unit = await readable(actor, unitId);
      const c = await common(unit, true, opts.days ?? 10);
      const units = await subtreeUnits(db, unit.path);
      // Each unit of the subtree belongs to one row: the superior's own, or its direct child's.
      type Row = SuperiorDashboard['rows'][number] & { counts: Counts; counters: DossierCounterValues };
      const rows: Row[] = [];
      const rowOfUnit = new Map<number, Row>();
      const rowByPath = new Map<string, Row>();
      for (const u of units) {
        if (u.id !== unit.id && u.parent_id !== unit.id) continue;
        const row: Row = {
          unit: { id: u.id, code: u.code, name: u.name },
          self: u.id === unit.id,
          planProgress: null,
          overdueTasks: 0,
          onTimeRate: null,
          received: 0,
          lateOpen: 0,
          targets: zeroStates(),
          feedbackOpen: c.fb ? 0 : null,
          counts: zero(),
          counters: emptyCounters(),
        };
        rows.push(row);
        if (u.id !== unit.id) rowByPath.set(u.path, row);
      }
      const self = rows.find((r) => r.self)!;
      for (const u of units) {
        if (u.id === unit.id) rowOfUnit.set(u.id, self);
        else {
          const childPath = u.path.slice(0, u.path.indexOf('/', unit.path.length) + 1);
          const row = rowByPath.get(childPath);
          if (row) rowOfUnit.set(u.id, row);
        }
      }
      // Dossier counters of the year to date, per unit (ADR 006), summed into rows and the total.
      const byUnit = await dossierCountersByUnitSql(db, unit.path, c.ytd.fromIso, c.ytd.toIso);
      const total = emptyCounters();
      for (const [uid, counters] of byUnit) {
        addCounters(total, counters);
        const row = rowOfUnit.get(uid);
        if (row) addCounters(row.counters, counters);
      }
      const period = { from: Date.parse(c.ytd.fromIso), to: Date.parse(c.ytd.toIso) };
      const figuresOf = (counters: DossierCounterValues | undefined) =>
        figuresFromCounters(counters ?? emptyCounters(), period);
      // Targets: each measured with its own unit's figures, as on that unit's plan page.
      const targetStates = zeroStates();
      const ownTargets = [];
      const unitFigures = new Map<number, DossierFigures>();
      const targetRows = await activeTargets(db, unit.path, c.year);
      const other = await otherValues(targetRows, `${c.year}-01-01`, c.today);
      for (const t of targetRows) {
        let f = unitFigures.get(t.unit_id);
        if (!f) unitFigures.set(t.unit_id, (f = figuresOf(byUnit.get(t.unit_id))));
        const view = targetView(t, f, other);
        targetStates[view.state]++;
        const row = rowOfUnit.get(t.unit_id);
        if (row) row.targets[view.state]++;
        if (t.unit_id === unit.id) ownTargets.push(view);
      }
      // Tasks by status, per area (rolled up) and per row.
      const areas = new Map<string, { code: string; title: string; counts: Counts }>();
      for (const a of await planAreas(db, unit.path, c.year))
        if (!areas.has(a.code)) areas.set(a.code, { ...a, counts: zero() });
      const totals = zero();
      for (const r of await taskStatusCounts(db, unit.path, c.year)) {
        const s = statusOf(r.status);
        const area = areas.get(r.area_code) ?? { code: r.area_code, title: r.area_title, counts: zero() };
        area.counts[s] += r.n;
        areas.set(r.area_code, area);
        totals[s] += r.n;
        const row = rowOfUnit.get(r.unit_id);
        if (row) row.counts[s] += r.n;
      }
      const overdue = await overdueTaskCounts(db, unit.path, c.year, c.today);
      let overdueTotal = 0;
      for (const [uid, n] of overdue) {
        overdueTotal += n;
        const row = rowOfUnit.get(uid);
        if (row) row.overdueTasks += n;
      }
      let fbTotal: { open: number; overdue: number } | null = null;
      if (c.fb) {
        fbTotal = { open: 0, overdue: 0 };
        for (const [uid, v] of c.fb) {
          fbTotal.open += v.open;
          fbTotal.overdue += v.overdue;
          const row = rowOfUnit.get(uid);
          if (row && row.feedbackOpen !== null) row.feedbackOpen += v.open;
        }
      }
      const totalFigures = figuresOf(total);
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        year: c.year,
        today: c.today,
        period: { from: c.ytd.fromIso, to: c.ytd.toIso },
        targets: ownTargets,
        targetStates,
        trend: c.trend,
        tasks: {
          totals,
          percentDone: pct(totals),
          areas: [...areas.values()]
            .sort((a, b) => Number(a.code) - Number(b.code))
            .map((a) => ({ ...a, percentDone: pct(a.counts) })),
        },
        overdueTasks: overdueTotal,
        deadlines: c.deadlines,
        dossiers: dossierBlock(totalFigures, c.late),
        feedback: fbTotal,
        documents: documentsBlock(
          measured
            ? await measured.family(
                'documents',
                { unitId: unit.id, subtree: true },
                `${c.year}-01-01`,
                c.today,
              )
            : null,
        ),
        rows: rows.map(({ counts, counters, ...r }) => {
          const f = figuresOf(counters);
          const countable = counts.not_started + counts.in_progress + counts.done;
          return {
            ...r,
            planProgress: countable === 0 ? null : pct(counts),
            onTimeRate: f.onTimeRate.value,
            received: f.received.total,
            lateOpen: f.inProgress.late,
          };
        }),
      };
    },
  };
}

export type DashboardViewsService = ReturnType<typeof dashboardViewsService>;
