/**
 * Periodic CCHC reports (issue 6): the reporting schedule of a unit, drafts with narratives per
 * area, generation of the .docx / .xlsx from live data inside the period's cut-off window,
 * submission to the superior (figures and files frozen), return for correction, re-submission.
 *
 * Figures come through injected providers (dossier register, feedback register), so that a
 * register another module owns is wired in `services.ts`; an absent provider gives "chưa có số
 * liệu" in the report, never a number.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import type { PlanRow, ReportRow, UnitRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import type {
  DossierFigures,
  FeedbackCounts,
  Figure,
  TargetMetric,
  TargetThreshold,
} from '../../core/metrics/index.js';
import { TARGET_METRICS } from '../../core/metrics/index.js';
import type { DocumentFigures } from '../../core/documents/index.js';
import {
  areaFigures,
  documentBlock,
  dossierBlock,
  dueReportState,
  feedbackBlock,
  parsePeriodKey,
  reportState,
  satisfactionBlock,
  submittedLate,
  targetResult,
  taskResult,
} from '../../core/report/index.js';
import type {
  DueReportState,
  PeriodKey,
  ReportContent,
  ReportState,
  ReportStatus,
  ReportWindow,
  TaskInput,
} from '../../core/report/index.js';
import { reportingPeriods } from '../../core/schedule/index.js';
import type { ReportingPeriod, ReportingSettings } from '../../core/schedule/index.js';
import { reportDocx } from '../../documents/report.js';
import { reportXlsx } from '../../documents/report-xlsx.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { insertBlob, readBlob } from '../files/repository.js';
import { findActivePlan, listAreas, listTargets, listTasks } from '../plans/repository.js';
import { listOccurrencesOfPlan } from '../plan-tracking/repository.js';
import { findUnitById } from '../units/repository.js';
import {
  activePlansInSubtree,
  blankReport,
  findReport,
  insertSubmission,
  lockOrCreateReport,
  lockReport,
  lastSubmissions,
  listChildUnits,
  listReportsOf,
  listSubmissions,
  markSubmissionReturned,
  updateReport,
} from './repository.js';

/** Where the report's register figures come from; each is optional. */
export interface ReportProviders {
  /**
   * The unit's own one-stop register over dates 'YYYY-MM-DD' (both included): the dossier
   * figures and, from the dossier ratings, the satisfaction figures.
   */
  dossiers?: (unitId: number, from: string, to: string) => Promise<DossierFigures>;
  /**
   * The unit's feedback (PAKN) counts over dates (received in the window; answered, answered on
   * time, published). Absent or null: "chưa có số liệu".
   */
  feedback?: (unitId: number, from: string, to: string) => Promise<FeedbackCounts | null>;
  /** The unit's survey satisfaction rate over dates, for targets bound to `survey_satisfaction`. */
  surveys?: (unitId: number, from: string, to: string) => Promise<Figure | null>;
  /** The unit's document register over dates (issue 13): e-documents, signatures, channels. */
  documents?: (unitId: number, from: string, to: string) => Promise<DocumentFigures | null>;
}

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
  providers: ReportProviders;
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

export interface DraftInput {
  number?: string | null | undefined;
  signerTitle?: string | null | undefined;
  signerName?: string | null | undefined;
  narratives?: { areas?: Record<string, string> | undefined; general?: string | undefined } | undefined;
}

export type ReportFormat = 'docx' | 'xlsx';

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

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function parseNarratives(json: string | null | undefined): Narratives {
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

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function statusOf(row: ReportRow | undefined): ReportStatus | null {
  if (!row) return null;
  return row.status === 'submitted' || row.status === 'returned' ? row.status : 'draft';
}

function defaultSignerTitle(unit: UnitRow): string {
  return unit.kind === 'school' || unit.kind === 'kindergarten' ? 'HIỆU TRƯỞNG' : 'THỦ TRƯỞNG ĐƠN VỊ';
}

/** "BC-THHB-2026-Q1.docx". */
export function reportFileName(unitCode: string, periodKey: string, format: ReportFormat): string {
  return `BC-CCHC-${unitCode}-${periodKey}.${format}`;
}

export function reportsService({
  db,
  clock,
  reportingFor,
  providers,
  onSubmitted,
  receivedReports,
}: ReportsDeps) {
  const today = () => vietnamToday(clock);

  function key(raw: string): PeriodKey {
    const pk = parsePeriodKey(raw);
    if (!pk) throw new AppError('REPORT_PERIOD');
    return pk;
  }

  async function readableUnit(actor: Actor | null, unitId: number): Promise<UnitRow> {
    const unit = await findUnitById(db, unitId);
    if (!unit || (actor && !policy.readUnit(actor, unit.path)))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    return unit;
  }

  /** The four periods of a unit's year: the plan's own due dates, else the unit's calendar. */
  async function periodsOf(
    unitId: number,
    year: number,
    plan: PlanRow | undefined,
  ): Promise<ReportingPeriod[]> {
    const fromPlan = plan ? parseJson<ReportingSettings | null>(plan.report_settings_json, null) : null;
    return reportingPeriods(year, fromPlan ?? (await reportingFor(unitId)));
  }

  async function locate(actor: Actor | null, unitId: number, rawKey: string) {
    const pk = key(rawKey);
    const unit = await readableUnit(actor, unitId);
    const plan = await findActivePlan(db, unit.id, pk.year);
    const period = (await periodsOf(unit.id, pk.year, plan)).find((p) => p.key === pk.key)!;
    const report = await findReport(db, unit.id, pk.key);
    return { pk, unit, plan, period, report };
  }

  /** Everything the report says, from the unit's data inside the period's cut-off window. */
  async function gather(
    unit: UnitRow,
    plan: PlanRow | undefined,
    pk: PeriodKey,
    period: ReportingPeriod,
    report: Pick<ReportRow, 'number' | 'signer_title' | 'signer_name' | 'narratives_json'> | undefined,
  ): Promise<ReportContent> {
    if (!plan) throw new AppError('REPORT_NO_PLAN');
    const asOf = today();
    const window: ReportWindow = { from: period.cutoffFrom, to: period.cutoffTo, asOf };
    const started = period.cutoffFrom <= asOf;
    const [areas, tasks, targets, occurrences, dossiers, feedback, survey, documents] = await Promise.all([
      listAreas(db, plan.id),
      listTasks(db, plan.id),
      listTargets(db, plan.id),
      listOccurrencesOfPlan(db, plan.id),
      started && providers.dossiers
        ? providers.dossiers(unit.id, period.cutoffFrom, period.cutoffTo)
        : Promise.resolve(null),
      started && providers.feedback
        ? providers.feedback(unit.id, period.cutoffFrom, period.cutoffTo)
        : Promise.resolve(null),
      started && providers.surveys
        ? providers.surveys(unit.id, period.cutoffFrom, period.cutoffTo)
        : Promise.resolve(null),
      started && providers.documents
        ? providers.documents(unit.id, period.cutoffFrom, period.cutoffTo)
        : Promise.resolve(null),
    ]);
    const areaCode = new Map(areas.map((a) => [a.id, a.code]));
    const taskInputs: TaskInput[] = tasks.map((t) => ({
      id: t.id,
      areaCode: areaCode.get(t.area_id) ?? '',
      code: t.code,
      title: t.title,
      deliverables: parseJson<{ name: string }[]>(t.deliverables_json, []).map((d) => d.name),
      lead: t.lead,
      deadlineText: t.deadline_text,
      status: t.status,
      progressNote: t.progress_note,
    }));
    const occ = occurrences.map((o) => ({
      taskId: o.task_id,
      due: o.due_date,
      status: o.status,
      completedOn: o.completed_on,
    }));
    const narratives = parseNarratives(report?.narratives_json);
    // Phụ lục 2 lists the plan's appendix targets; a plan without that appendix, its section II.
    const listed = targets.some((t) => t.source === 'appendix')
      ? targets.filter((t) => t.source === 'appendix')
      : targets;
    const doc = parseJson<{ place?: string | null }>(plan.document_json, {});
    const superior = unit.superior_name ?? plan.superior_name;
    return {
      version: 1,
      unit: { id: unit.id, code: unit.code, name: unit.name, superiorName: superior },
      period: {
        key: pk.key,
        code: pk.code,
        year: pk.year,
        label: period.label,
        cutoffFrom: period.cutoffFrom,
        cutoffTo: period.cutoffTo,
        dueDate: period.dueDate,
      },
      plan: { id: plan.id, number: plan.number, title: plan.title, issuedOn: plan.issued_on },
      document: {
        number: report?.number ?? null,
        date: asOf,
        place: doc.place?.trim() || unit.name,
        signerTitle: report?.signer_title?.trim() || defaultSignerTitle(unit),
        signerName: report?.signer_name?.trim() || null,
        recipients: [...(superior ? [`${superior};`] : []), 'Lưu: VT.'],
      },
      asOf,
      areas: areas.map((a) => ({
        code: a.code,
        title: a.title,
        figures: areaFigures(
          taskInputs.filter((t) => t.areaCode === a.code),
          occ,
          window,
        ),
        narrative: narratives.areas[a.code] ?? '',
      })),
      tasks: taskInputs.map((t) => taskResult(t, occ, window)),
      targets: listed.map((t) =>
        targetResult(
          {
            code: t.code,
            text: t.text,
            lead: t.lead,
            isGroup: t.is_group === 1,
            threshold: parseJson<TargetThreshold | null>(t.threshold_json, null),
            metric: (TARGET_METRICS as readonly string[]).includes(t.metric ?? '')
              ? (t.metric as TargetMetric)
              : null,
            achievedValue: t.achieved_value,
            achievedText: t.achieved_text,
            assessedState: t.assessed_state,
          },
          { dossiers, feedback, survey, documents },
        ),
      ),
      dossiers: dossiers ? dossierBlock(dossiers) : null,
      satisfaction: dossiers ? satisfactionBlock(dossiers) : null,
      feedback: feedback ? feedbackBlock(feedback) : null,
      documents: documents ? documentBlock(documents) : null,
      general: narratives.general,
    };
  }

  function periodState(
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

  async function audit(
    tx: Q,
    actor: Actor | null,
    unitId: number,
    reportId: number,
    action: string,
    after: unknown,
    requestId?: string,
  ) {
    await insertAudit(tx, {
      unitId,
      userId: actor?.userId ?? null,
      entity: 'report',
      entityId: reportId,
      action,
      after,
      at: clock.now().toISOString(),
      requestId: requestId ?? null,
    });
  }

  const service = {
    parseKey: key,

    /** The four reports of a unit's year with their due dates, cut-offs and states. */
    async schedule(actor: Actor, unitId: number, year: number) {
      const unit = await readableUnit(actor, unitId);
      const plan = await findActivePlan(db, unit.id, year);
      const periods = await periodsOf(unit.id, year, plan);
      const reports = await listReportsOf(db, [unit.id], [year]);
      const last = await lastSubmissions(
        db,
        reports.map((r) => r.id),
      );
      const day = today();
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
    },

    /** For a superior: each unit below `unitId` and where its report of the period stands. */
    async overview(actor: Actor, unitId: number, rawKey: string) {
      const pk = key(rawKey);
      const unit = await readableUnit(actor, unitId);
      const units = await listChildUnits(db, unit.path, unit.id);
      const reports = await listReportsOf(
        db,
        units.map((u) => u.id),
        [pk.year],
      );
      const last = await lastSubmissions(
        db,
        reports.map((r) => r.id),
      );
      const day = today();
      const received = receivedReports ? await receivedReports(reports.map((r) => r.id)) : new Set<number>();
      const rows = [];
      for (const u of units) {
        const plan = await findActivePlan(db, u.id, pk.year);
        const period = (await periodsOf(u.id, pk.year, plan)).find((p) => p.key === pk.key)!;
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
    },

    /** The report of a unit and period: its state, draft, figures (frozen once submitted), history. */
    async detail(actor: Actor, unitId: number, rawKey: string) {
      const { unit, plan, pk, period, report } = await locate(actor, unitId, rawKey);
      const submissions = report ? await listSubmissions(db, report.id) : [];
      const last = submissions[submissions.length - 1];
      const status = statusOf(report);
      const frozen =
        status === 'submitted' && last ? (JSON.parse(last.snapshot_json) as ReportContent) : null;
      const content = frozen ?? (plan ? await gather(unit, plan, pk, period, report) : null);
      const canEdit = policy.editReport(actor, unit.id);
      const received =
        report !== undefined &&
        receivedReports !== undefined &&
        (await receivedReports([report.id])).has(report.id);
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        period: periodState(period, report, last, today()),
        hasPlan: plan !== undefined || received,
        received,
        draft: {
          number: report?.number ?? null,
          signerTitle: report?.signer_title ?? null,
          signerName: report?.signer_name ?? null,
          narratives: parseNarratives(report?.narratives_json),
          updatedAt: report?.updated_at ?? null,
        },
        content,
        frozen: frozen !== null,
        submissions: submissions.map((s) => ({
          seq: s.seq,
          submittedAt: s.submitted_at,
          submittedBy: s.submitted_by_name,
          late: s.late === 1,
          dueDate: s.due_date,
          returnedAt: s.returned_at,
          returnedBy: s.returned_by_name,
          returnReason: s.return_reason,
        })),
        actions: {
          edit: canEdit && plan !== undefined && status !== 'submitted',
          submit: canEdit && plan !== undefined && status !== 'submitted',
          // A report received from the unit's own server is returned there, not here.
          return: status === 'submitted' && !received && policy.reviewReport(actor, unit.path, unit.id),
        },
      };
    },

    /** Saves the draft (number, signer, narratives); creates it on first save. */
    async saveDraft(
      actor: Actor | null,
      unitId: number,
      rawKey: string,
      input: DraftInput,
      requestId?: string,
    ) {
      const { unit, plan, pk, report } = await locate(actor, unitId, rawKey);
      if (actor && !policy.editReport(actor, unit.id))
        throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới soạn được báo cáo của đơn vị.');
      if (!plan) throw new AppError('REPORT_NO_PLAN');
      if (report?.status === 'submitted') throw new AppError('REPORT_SUBMITTED');
      const now = clock.now().toISOString();
      // The draft's fields this save does not give keep their value as it is under the lock (a
      // save by someone else may have come in between).
      const patchOver = (base: typeof report) => {
        const old = parseNarratives(base?.narratives_json);
        const narratives: Narratives = {
          areas: { ...old.areas, ...(input.narratives?.areas ?? {}) },
          general: input.narratives?.general ?? old.general,
        };
        const keep = (given: string | null | undefined, was: string | null | undefined) =>
          given === undefined ? (was ?? null) : given?.trim() || null;
        return {
          narratives,
          patch: {
            number: keep(input.number, base?.number),
            signer_title: keep(input.signerTitle, base?.signer_title),
            signer_name: keep(input.signerName, base?.signer_name),
            narratives_json: JSON.stringify(narratives),
            updated_by: actor?.userId ?? null,
            updated_at: now,
          },
        };
      };
      return db.transaction().execute(async (tx) => {
        const { report: current, created } = await lockOrCreateReport(tx, {
          unit_id: unit.id,
          period_key: pk.key,
          year: pk.year,
          status: 'draft',
          submission_count: 0,
          created_by: actor?.userId ?? null,
          created_at: now,
          ...patchOver(undefined).patch,
        });
        if (current.status === 'submitted') throw new AppError('REPORT_SUBMITTED');
        const { patch, narratives } = patchOver(current);
        if (!created) await updateReport(tx, current.id, patch);
        const id = current.id;
        await audit(
          tx,
          actor,
          unit.id,
          id,
          'save_draft',
          { period: pk.key, ...patch, narratives_json: undefined, narratives },
          requestId,
        );
        return { id };
      });
    },

    /**
     * The report as a file: the frozen bytes of the last submission once submitted (or of
     * submission `seq`), otherwise generated now from live data and the draft.
     */
    async file(actor: Actor | null, unitId: number, rawKey: string, format: ReportFormat, seq?: number) {
      const { unit, plan, pk, period, report } = await locate(actor, unitId, rawKey);
      const filename = reportFileName(unit.code, pk.key, format);
      if (report && (seq !== undefined || report.status === 'submitted')) {
        const subs = await listSubmissions(db, report.id);
        const sub = seq === undefined ? subs[subs.length - 1] : subs.find((s) => s.seq === seq);
        if (!sub) throw new AppError('NOT_FOUND', 'Không tìm thấy lần gửi báo cáo này.');
        const bytes = await readBlob(db, format === 'docx' ? sub.docx_file_id : sub.xlsx_file_id);
        if (!bytes) throw new AppError('NOT_FOUND');
        return { bytes: Buffer.from(bytes), filename, frozen: true };
      }
      if (seq !== undefined) throw new AppError('NOT_FOUND', 'Không tìm thấy lần gửi báo cáo này.');
      const content = await gather(unit, plan, pk, period, report);
      return {
        bytes: format === 'docx' ? await reportDocx(content) : await reportXlsx(content),
        filename,
        frozen: false,
      };
    },

    /** The content a report would have if generated now (CLI, benchmark). */
    async content(actor: Actor | null, unitId: number, rawKey: string): Promise<ReportContent> {
      const { unit, plan, pk, period, report } = await locate(actor, unitId, rawKey);
      return gather(unit, plan, pk, period, report);
    },

    /** Sends the report to the superior: figures and files are frozen with the submission. */
    async submit(actor: Actor, unitId: number, rawKey: string, requestId?: string) {
      const { unit, plan, pk, period, report } = await locate(actor, unitId, rawKey);
      if (!policy.editReport(actor, unit.id))
        throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới gửi được báo cáo của đơn vị.');
      if (report?.status === 'submitted') throw new AppError('REPORT_SUBMITTED');
      const content = await gather(unit, plan, pk, period, report);
      const [docx, xlsx] = await Promise.all([reportDocx(content), reportXlsx(content)]);
      const now = clock.now().toISOString();
      const day = today();
      const late = submittedLate(day, period.dueDate);
      return db.transaction().execute(async (tx) => {
        // Under the report's row lock: of two submissions at once, one wins and one is refused.
        const { report: current } = await lockOrCreateReport(tx, blankReport(unit.id, pk, now, actor.userId));
        if (current.status === 'submitted') throw new AppError('REPORT_SUBMITTED');
        const seq = current.submission_count + 1;
        const sub = await insertSubmission(tx, {
          report_id: current.id,
          seq,
          submitted_at: now,
          submitted_by: actor.userId,
          due_date: period.dueDate,
          late: late ? 1 : 0,
          docx_file_id: await insertBlob(tx, sha256(docx), docx),
          xlsx_file_id: await insertBlob(tx, sha256(xlsx), xlsx),
          snapshot_json: JSON.stringify(content),
          returned_at: null,
          returned_by: null,
          return_reason: null,
        });
        await updateReport(tx, current.id, {
          status: 'submitted',
          submission_count: seq,
          updated_by: actor.userId,
          updated_at: now,
        });
        if (onSubmitted)
          await onSubmitted(tx, {
            unit,
            reportId: current.id,
            submissionId: sub.id,
            periodKey: pk.key,
            seq,
            submittedAt: now,
            dueDate: period.dueDate,
            late,
            content,
            docx,
            xlsx,
          });
        await audit(
          tx,
          actor,
          unit.id,
          current.id,
          seq === 1 ? 'submit' : 'resubmit',
          {
            period: pk.key,
            seq,
            late,
            dueDate: period.dueDate,
            submissionId: sub.id,
            docxSha256: sha256(docx),
            xlsxSha256: sha256(xlsx),
          },
          requestId,
        );
        return { reportId: current.id, seq, late };
      });
    },

    /** The superior returns a submitted report for correction, with a reason. */
    async returnForCorrection(
      actor: Actor,
      unitId: number,
      rawKey: string,
      reason: string,
      requestId?: string,
    ) {
      const { unit, pk, report } = await locate(actor, unitId, rawKey);
      if (!policy.reviewReport(actor, unit.path, unit.id))
        throw new AppError('FORBIDDEN', 'Chỉ đơn vị cấp trên mới trả lại được báo cáo.');
      const text = reason.trim();
      if (text.length < 3) throw new AppError('VALIDATION', 'Hãy ghi rõ lý do trả lại báo cáo.');
      if (!report || report.status !== 'submitted') throw new AppError('REPORT_NOT_SUBMITTED');
      if (receivedReports && (await receivedReports([report.id])).has(report.id))
        throw new AppError('EXCHANGE_RECEIVED_REPORT');
      const subs = await listSubmissions(db, report.id);
      const last = subs[subs.length - 1]!;
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const current = await lockReport(tx, report.id);
        if (current?.status !== 'submitted' || current.submission_count !== last.seq)
          throw new AppError('REPORT_NOT_SUBMITTED');
        await markSubmissionReturned(tx, last.id, now, actor.userId, text);
        await updateReport(tx, report.id, { status: 'returned', updated_by: actor.userId, updated_at: now });
        await audit(
          tx,
          actor,
          unit.id,
          report.id,
          'return',
          { period: pk.key, seq: last.seq, reason: text },
          requestId,
        );
      });
      return { reportId: report.id, seq: last.seq };
    },

    /**
     * Reports due within `soonDays` days or already late, and not submitted, per unit with an
     * active plan of this year or last year (a reminder source). No actor: the caller decides who
     * is told (the unit's editors; its superior for late ones).
     */
    async dueReports(
      today: string,
      opts: { soonDays?: number; underPath?: string } = {},
    ): Promise<DueReport[]> {
      const year = Number(today.slice(0, 4));
      const plans = await activePlansInSubtree(db, opts.underPath ?? '/', [year - 1, year]);
      const reports = await listReportsOf(db, [...new Set(plans.map((p) => p.unit_id))], [year - 1, year]);
      const out: DueReport[] = [];
      for (const p of plans) {
        const fromPlan = parseJson<ReportingSettings | null>(p.report_settings_json, null);
        const periods = reportingPeriods(p.year, fromPlan ?? (await reportingFor(p.unit_id)));
        for (const period of periods) {
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
    },
  };
  return service;
}

export type ReportsService = ReturnType<typeof reportsService>;
