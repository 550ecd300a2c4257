import type { ZipLimits } from '../../lib/zip-limits.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import type { Q } from '../../db/types.js';
import { detectNotAPlan, parsePlanHtml, parsePlanText } from '../../core/plan-import/index.js';
import { parseDeadline } from '../../core/schedule/index.js';
import type { ReportingSettings } from '../../core/schedule/index.js';
import type { DossierFigures, FeedbackRates, Figure } from '../../core/metrics/index.js';
import type { DocumentFigures } from '../../core/documents/index.js';
import { listOccurrencesOfPlan } from '../plan-tracking/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { sha256 } from '../../lib/hash.js';
import { commitPlan } from './commit.js';
import { decodePlanDocument } from './document.js';
import { draftFromParsed, summarize } from './draft.js';
import {
  findActivePlan,
  findPlanById,
  listAreas,
  listAssigneesOfPlan,
  evidenceCountsOfPlan,
  listPlansInSubtree,
  listTargets,
  listTasks,
} from './repository.js';
import type { CommitBody, PreviewResult } from './schema.js';

export interface PlansDeps {
  db: Q;
  clock: Clock;
  uploadMaxBytes: number;
  /** Limits of .docx containers read before inflating. */
  zipLimits?: ZipLimits;
  /** The unit's report due dates and cut-offs (calendar settings), when the plan states none. */
  reportingFor: (unitId: number) => Promise<ReportingSettings | undefined>;
  /** The unit's register figures for a period (dates 'YYYY-MM-DD'), for targets bound to one. */
  measureDossiers: (unitId: number, from: string, to: string) => Promise<DossierFigures>;
  /** The unit's PAKN figures for a period, for targets bound to one (feedback_* metrics). */
  measureFeedback?: ((unitId: number, from: string, to: string) => Promise<FeedbackRates>) | undefined;
  /** The unit's survey satisfaction rate for a period, for targets bound to `survey_satisfaction`. */
  measureSurveys?: ((unitId: number, from: string, to: string) => Promise<Figure>) | undefined;
  /** The unit's document register figures for a period, for targets bound to `document_*` metrics. */
  measureDocuments?: ((unitId: number, from: string, to: string) => Promise<DocumentFigures>) | undefined;
}

export interface ImportSource {
  bytes?: Uint8Array;
  text?: string;
  filename: string | null;
}

export function plansService(deps: PlansDeps) {
  const { db, clock, uploadMaxBytes, zipLimits, reportingFor } = deps;
  async function unitForEdit(actor: Actor | null, unitId: number) {
    const unit = await findUnitById(db, unitId);
    if (!unit || (actor && !policy.readUnit(actor, unit.path)))
      throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    if (actor && !policy.editPlan(actor, unit.id))
      throw new AppError('FORBIDDEN', 'Chỉ cán bộ của chính đơn vị mới nhập được kế hoạch của đơn vị.');
    return unit;
  }

  /** Reads a plan document and says what it understood; saves nothing. */
  async function preview(
    actor: Actor | null,
    unitId: number,
    src: ImportSource,
    year?: number,
  ): Promise<PreviewResult> {
    await unitForEdit(actor, unitId);
    let kind: string;
    let hash: string;
    let parsed;
    if (src.bytes) {
      if (src.bytes.length > uploadMaxBytes)
        throw new AppError('FILE_TOO_LARGE', `Tệp vượt quá ${Math.round(uploadMaxBytes / 1048576)} MB.`);
      const doc = await decodePlanDocument(src.bytes, src.filename, zipLimits);
      hash = sha256(src.bytes);
      kind = doc.kind === 'docx' ? 'docx' : src.filename?.toLowerCase().endsWith('.md') ? 'md' : 'txt';
      parsed = doc.kind === 'docx' ? parsePlanHtml(doc.html) : parsePlanText(doc.text);
    } else {
      const text = (src.text ?? '').replace(/^\uFEFF/, '');
      if (text.trim() === '') throw new AppError('FILE_EMPTY', 'Chưa có nội dung kế hoạch để nhập.');
      if (Buffer.byteLength(text) > uploadMaxBytes) throw new AppError('FILE_TOO_LARGE');
      hash = sha256(text);
      kind = 'text';
      parsed = parsePlanText(text);
    }
    if (detectNotAPlan(parsed)) throw new AppError('NOT_A_PLAN');
    const draft = draftFromParsed(parsed);
    if (year !== undefined) draft.year = year;
    // Each deadline's reading, for the preview to highlight and the user to correct.
    const planYear = draft.year ?? new Date().getFullYear();
    for (const t of draft.tasks) {
      const r = parseDeadline(t.deadlineText, { planYear, deliverables: t.deliverables.map((d) => d.name) });
      t.reading = { schedule: r.schedule, confidence: r.confidence, spans: r.spans, notes: r.notes };
    }
    const existingRow = draft.year ? await findActivePlan(db, unitId, draft.year) : undefined;
    return {
      draft,
      summary: summarize(draft),
      source: { filename: src.filename, kind, sha256: hash },
      existing: existingRow
        ? {
            id: existingRow.id,
            version: existingRow.version,
            number: existingRow.number,
            title: existingRow.title,
          }
        : null,
    };
  }

  /** Saves an understood plan, all or nothing. */
  async function commit(
    actor: Actor | null,
    body: CommitBody,
    requestId?: string,
  ): Promise<{ planId: number; mode: CommitBody['mode'] }> {
    const unit = await unitForEdit(actor, body.unitId);
    return commitPlan({ db, clock, reportingFor }, actor, unit.id, body, requestId);
  }

  return {
    preview,
    commit,
    async list(actor: Actor, unitId?: number) {
      return listPlansInSubtree(db, actor.unitPath, unitId);
    },
    /** A plan the actor may read, with its unit. */
    async load(actor: Actor, planId: number) {
      const plan = await findPlanById(db, planId);
      if (!plan || !policy.readPlan(actor, plan.unit_path))
        throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
      return plan;
    },
    /** Everything the plan page shows, in a fixed number of queries. */
    async detail(actor: Actor, planId: number) {
      const plan = await this.load(actor, planId);
      const [areas, tasks, targets, assignees, evidence, occurrences] = await Promise.all([
        listAreas(db, plan.id),
        listTasks(db, plan.id),
        listTargets(db, plan.id),
        listAssigneesOfPlan(db, plan.id),
        evidenceCountsOfPlan(db, plan.id),
        listOccurrencesOfPlan(db, plan.id),
      ]);
      const today = vietnamToday(clock);
      const measured = targets.some((t) => t.metric) ? await measurePlan(deps, plan) : null;
      return { plan, areas, tasks, targets, assignees, evidence, occurrences, today, measured };
    },
    /** The register figures measuring a plan's bound targets (after the caller has read the plan). */
    async measuredFor(planId: number) {
      const plan = await findPlanById(db, planId);
      return plan ? measurePlan(deps, plan) : null;
    },
  };
}

/** Targets bound to a register figure are measured over the plan year up to today. */
async function measurePlan(
  { clock, measureDossiers, measureFeedback, measureSurveys, measureDocuments }: PlansDeps,
  plan: { unit_id: number; year: number },
) {
  const today = vietnamToday(clock);
  const from = `${plan.year}-01-01`;
  const to = today < `${plan.year}-12-31` ? today : `${plan.year}-12-31`;
  if (from > to) return null;
  const [figures, feedback, survey, documents] = await Promise.all([
    measureDossiers(plan.unit_id, from, to),
    measureFeedback ? measureFeedback(plan.unit_id, from, to) : null,
    measureSurveys ? measureSurveys(plan.unit_id, from, to) : null,
    measureDocuments ? measureDocuments(plan.unit_id, from, to) : null,
  ]);
  return { figures, feedback, survey, documents, from, to };
}

export type PlansService = ReturnType<typeof plansService>;
