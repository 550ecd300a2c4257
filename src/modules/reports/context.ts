/**
 * What every reports use case shares (ADR 013 for the figures): the dependencies, the unit and
 * period a request names, the draft's stored parts, the audit line.
 */
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import type { PlanRow, ReportRow, UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { parsePeriodKey, reportState } from '../../core/report/index.js';
import type { PeriodKey, ReportContent, ReportState, ReportStatus } from '../../core/report/index.js';
import { reportingPeriods } from '../../core/schedule/index.js';
import type { ReportingPeriod, ReportingSettings } from '../../core/schedule/index.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Caller } from '../auth/roles.js';
import { callerUserId, isSystem } from '../auth/roles.js';
import type { FiguresMeasure } from '../figures/measure.js';
import { findActivePlan } from '../plans/repository.js';
import { findUnitById } from '../units/repository.js';
import { findReport } from './repository.js';

/** What a submission hands to whoever sends reports on (the exchange with a superior's server). */
export interface SubmittedReport {
  unit: UnitRow;
  reportId: number;
  submissionId: number;
  periodKey: string;
  seq: number;
  submittedAt: string;
  dueDate: string;
  late: boolean;
  content: ReportContent;
  docx: Uint8Array;
  xlsx: Uint8Array;
}

export interface ReportsDeps {
  db: Q;
  clock: Clock;
  /** The unit's report due dates and cut-offs (calendar settings), when its plan states none. */
  reportingFor: (unitId: number) => Promise<ReportingSettings | undefined>;
  /**
   * The register figures (the one figures service, ADR 013); a family without a source gives
   * "chưa có số liệu" in the report, never a number.
   */
  figures?: FiguresMeasure | undefined;
  /**
   * Called inside the submission's transaction (the report exchange queues the package there, so
   * that a submission and its delivery are saved together or not at all).
   */
  onSubmitted?: ((tx: Q, s: SubmittedReport) => Promise<void>) | undefined;
  /** Which of these reports came from a unit's own server (report exchange): they are not returned here. */
  receivedReports?: ((reportIds: number[]) => Promise<Set<number>>) | undefined;
}

export interface Narratives {
  areas: Record<string, string>;
  general: string;
}

export interface PeriodState {
  key: string;
  label: string;
  dueDate: string;
  cutoffFrom: string;
  cutoffTo: string;
  state: ReportState;
  status: ReportStatus | null;
  reportId: number | null;
  submittedAt: string | null;
  /** The last submission came after the due date. */
  submittedLate: boolean;
}

export function parseNarratives(json: string | null | undefined): Narratives {
  try {
    const v = JSON.parse(json ?? '{}') as Partial<Narratives>;
    return {
      areas: v.areas && typeof v.areas === 'object' ? v.areas : {},
      general: typeof v.general === 'string' ? v.general : '',
    };
  } catch {
    return { areas: {}, general: '' };
  }
}

export function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function statusOf(row: ReportRow | undefined): ReportStatus | null {
  if (!row) return null;
  return row.status === 'submitted' || row.status === 'returned' ? row.status : 'draft';
}

export function periodState(
  period: ReportingPeriod,
  report: ReportRow | undefined,
  last: { submitted_at: string; late: number } | undefined,
  day: string,
): PeriodState {
  const status = statusOf(report);
  return {
    key: period.key,
    label: period.label,
    dueDate: period.dueDate,
    cutoffFrom: period.cutoffFrom,
    cutoffTo: period.cutoffTo,
    state: reportState(status, period.dueDate, day),
    status,
    reportId: report?.id ?? null,
    submittedAt: last?.submitted_at ?? null,
    submittedLate: last?.late === 1,
  };
}

/** The use cases' shared context, built once per service. */
export type ReportsContext = ReturnType<typeof reportsContext>;

export function reportsContext(deps: ReportsDeps) {
  const { db, clock, reportingFor } = deps;
  const today = () => vietnamToday(clock);

  function key(raw: string): PeriodKey {
    const pk = parsePeriodKey(raw);
    if (!pk) throw new AppError('REPORT_PERIOD');
    return pk;
  }

  async function readableUnit(caller: Caller, unitId: number): Promise<UnitRow> {
    const unit = await findUnitById(db, unitId);
    if (!unit || (!isSystem(caller) && !policy.readUnit(caller, unit.path)))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    return unit;
  }

  /** The four periods of a unit's year: the plan's own due dates, else the unit's calendar. */
  async function periodsOf(
    unitId: number,
    year: number,
    plan: Pick<PlanRow, 'report_settings_json'> | undefined,
  ) {
    const fromPlan = plan ? parseJson<ReportingSettings | null>(plan.report_settings_json, null) : null;
    return reportingPeriods(year, fromPlan ?? (await reportingFor(unitId)));
  }

  /** The unit, plan, period and report a request names. */
  async function locate(caller: Caller, unitId: number, rawKey: string) {
    const pk = key(rawKey);
    const unit = await readableUnit(caller, unitId);
    const plan = await findActivePlan(db, unit.id, pk.year);
    const period = (await periodsOf(unit.id, pk.year, plan)).find((p) => p.key === pk.key)!;
    const report = await findReport(db, unit.id, pk.key);
    return { pk, unit, plan, period, report };
  }

  async function audit(
    tx: Q,
    caller: Caller,
    at: { unitId: number; reportId: number; action: string; requestId?: string | undefined },
    after: unknown,
  ) {
    await insertAudit(tx, {
      unitId: at.unitId,
      userId: callerUserId(caller),
      entity: 'report',
      entityId: at.reportId,
      action: at.action,
      after,
      at: clock.now().toISOString(),
      requestId: at.requestId ?? null,
    });
  }

  /** Whether a report came from the unit's own server (report exchange). */
  async function isReceived(reportId: number): Promise<boolean> {
    return deps.receivedReports !== undefined && (await deps.receivedReports([reportId])).has(reportId);
  }

  return { ...deps, today, key, readableUnit, periodsOf, locate, audit, isReceived };
}
