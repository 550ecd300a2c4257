import type { ZipLimits } from '../../lib/zip-limits.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { vietnamToday } from '../../lib/clock.js';
import type { PlanAreaRow, TargetRow, TaskRow } from '../../db/tables.js';
import type { Q } from '../../db/types.js';
import { detectNotAPlan, parsePlanHtml, parsePlanText } from '../../core/plan-import/index.js';
import { metricForTarget } from '../../core/metrics/index.js';
import { parseDeadline, parseReportDueDates } from '../../core/schedule/index.js';
import type { ReportingSettings } from '../../core/schedule/index.js';
import type { DossierFigures, FeedbackRates, Figure } from '../../core/metrics/index.js';
import type { DocumentFigures } from '../../core/documents/index.js';
import { listOccurrencesOfPlan, listOccurrencesOfTask } from '../plan-tracking/repository.js';
import { periodsOf, scheduleOf, syncOccurrences } from '../plan-tracking/occurrences.js';
import { insertAudit } from '../audit/repository.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { findUnitById } from '../units/repository.js';
import { sha256 } from '../../lib/hash.js';
import { decodePlanDocument } from './document.js';
import { draftFromParsed, summarize } from './draft.js';
import {
  copyAssignees,
  copyEvidence,
  findActivePlan,
  findPlanById,
  insertArea,
  insertPlan,
  insertTarget,
  insertTask,
  listAreas,
  listAssigneesOfPlan,
  evidenceCountsOfPlan,
  listPlansInSubtree,
  listTargets,
  listTasks,
  maxPlanVersion,
  updateArea,
  updatePlan,
  updateTargetRow,
  updateTaskRow,
} from './repository.js';
import type { CommitBody, PlanDraft, PreviewResult } from './schema.js';

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

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

export function plansService({
  db,
  clock,
  uploadMaxBytes,
  zipLimits,
  reportingFor,
  measureDossiers,
  measureFeedback,
  measureSurveys,
  measureDocuments,
}: PlansDeps) {
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

  async function insertContent(tx: Q, planId: number, draft: PlanDraft, now: string) {
    const areas = new Map<string, PlanAreaRow>();
    const areaList = ensureAreas(draft);
    for (const [i, a] of areaList.entries())
      areas.set(a.code, await insertArea(tx, planId, a.code, a.title, i));
    const tasks: TaskRow[] = [];
    for (const [i, t] of draft.tasks.entries()) {
      const area = areas.get(t.areaCode);
      if (!area)
        throw new AppError(
          'VALIDATION',
          `Nhiệm vụ ${t.code} thuộc lĩnh vực ${t.areaCode} không có trong kế hoạch.`,
        );
      tasks.push(
        await insertTask(tx, {
          plan_id: planId,
          area_id: area.id,
          ...taskContent(t),
          status: 'not_started',
          progress_note: null,
          completed_on: null,
          position: i,
          created_at: now,
          updated_at: now,
          removed_at: null,
        }),
      );
    }
    const targets = await insertTargets(tx, planId, draft, now);
    return { areas, tasks, targets };
  }

  async function insertTargets(tx: Q, planId: number, draft: PlanDraft, now: string): Promise<TargetRow[]> {
    const out: TargetRow[] = [];
    let position = 0;
    for (const [source, list] of [
      ['section', draft.targets],
      ['appendix', draft.appendixTargets],
    ] as const) {
      const byCode = new Map<string, number>();
      for (const t of list) {
        const parentId = t.parentCode ? (byCode.get(t.parentCode) ?? null) : null;
        const row = await insertTarget(tx, {
          plan_id: planId,
          source,
          parent_id: parentId,
          ...targetContent(t),
          achieved_value: null,
          achieved_text: null,
          achieved_note: null,
          assessed_state: null,
          position: position++,
          updated_at: now,
          removed_at: null,
        });
        byCode.set(t.code, row.id);
        out.push(row);
      }
    }
    return out;
  }

  function matchByCodeThenTitle<T extends { code: string; title?: string; text?: string }>(
    olds: T[],
    news: { code: string; title?: string; text?: string }[],
  ) {
    const result = new Map<number, T>();
    const used = new Set<T>();
    news.forEach((n, i) => {
      const o =
        olds.find(
          (x) =>
            !used.has(x) &&
            x.code === n.code &&
            norm(x.title ?? x.text ?? '') === norm(n.title ?? n.text ?? ''),
        ) ?? olds.find((x) => !used.has(x) && x.code === n.code);
      if (o) {
        result.set(i, o);
        used.add(o);
      }
    });
    news.forEach((n, i) => {
      if (result.has(i)) return;
      const o = olds.find(
        (x) => !used.has(x) && norm(x.title ?? x.text ?? '') === norm(n.title ?? n.text ?? ''),
      );
      if (o) {
        result.set(i, o);
        used.add(o);
      }
    });
    return { matched: result, unmatched: olds.filter((o) => !used.has(o)) };
  }

  /** Targets bound to a register figure are measured over the plan year up to today. */
  async function measure(plan: { unit_id: number; year: number }) {
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

  /** Saves an understood plan, all or nothing. */
  async function commit(
    actor: Actor | null,
    body: CommitBody,
    requestId?: string,
  ): Promise<{ planId: number; mode: CommitBody['mode'] }> {
    const unit = await unitForEdit(actor, body.unitId);
    const draft = body.draft;
    const year = body.year ?? draft.year;
    if (!year) throw new AppError('VALIDATION', 'Không xác định được năm của kế hoạch: hãy nhập năm.');
    if (draft.tasks.length === 0 && draft.targets.length === 0 && draft.appendixTargets.length === 0)
      throw new AppError('NOT_A_PLAN');
    const now = clock.now().toISOString();
    const title = draft.title ?? `Kế hoạch cải cách hành chính năm ${year}`;
    const planReporting = draft.reportDueText ? parseReportDueDates(draft.reportDueText, year) : null;
    const periods = periodsOf(year, planReporting ?? (await reportingFor(unit.id)));
    const corrected = (t: PlanDraft['tasks'][number]) =>
      t.scheduleCorrected && t.reading ? t.reading.schedule : null;
    /** Stores a task's schedule and brings its dated occurrences in line with it. */
    const schedule = async (tx: Q, taskId: number, t: PlanDraft['tasks'][number], carryFrom?: number) => {
      const sched = scheduleOf(t, year, corrected(t));
      await updateTaskRow(tx, taskId, {
        schedule_json: JSON.stringify(sched),
        schedule_corrected: corrected(t) ? 1 : 0,
      });
      const carry = carryFrom === undefined ? undefined : await listOccurrencesOfTask(tx, carryFrom);
      await syncOccurrences(tx, taskId, sched, { planYear: year, periods, now, ...(carry ? { carry } : {}) });
    };
    const header = {
      number: draft.number,
      title,
      issued_on: draft.issuedOn,
      superior_name: draft.superiorName,
      unit_name: draft.unitName,
      document_json: JSON.stringify({
        legalBases: draft.legalBases,
        objectives: draft.objectives,
        focusItems: draft.focusItems,
        reportDueText: draft.reportDueText,
        place: draft.place ?? null,
        warnings: draft.warnings,
      }),
      source_filename: body.source.filename,
      source_kind: body.source.kind,
      source_sha256: body.source.sha256,
      report_settings_json: planReporting ? JSON.stringify(planReporting) : null,
      updated_at: now,
    };
    return db.transaction().execute(async (tx) => {
      const existing = await findActivePlan(tx, unit.id, year);
      const mode = existing ? body.mode : 'create';
      if (existing && mode === 'create')
        throw new AppError('PLAN_EXISTS', undefined, { planId: existing.id });
      const audit = (planId: number, action: string, after: unknown) =>
        insertAudit(tx, {
          unitId: unit.id,
          userId: actor?.userId ?? null,
          entity: 'plan',
          entityId: planId,
          action,
          after,
          at: now,
          requestId,
        });
      const summary = summarize(draft);

      if (!existing || mode === 'create') {
        const plan = await insertPlan(tx, {
          unit_id: unit.id,
          year,
          version: 1,
          status: 'active',
          ...header,
          created_by: actor?.userId ?? null,
          created_at: now,
        });
        const created = await insertContent(tx, plan.id, draft, now);
        for (const [i, t] of draft.tasks.entries()) await schedule(tx, created.tasks[i]!.id, t);
        await audit(plan.id, 'import', { summary, source: body.source });
        return { planId: plan.id, mode: 'create' as const };
      }

      if (mode === 'new_version') {
        const version = (await maxPlanVersion(tx, unit.id, year)) + 1;
        await updatePlan(tx, existing.id, { status: 'superseded', updated_at: now });
        const plan = await insertPlan(tx, {
          unit_id: unit.id,
          year,
          version,
          status: 'active',
          ...header,
          created_by: actor?.userId ?? null,
          created_at: now,
        });
        const created = await insertContent(tx, plan.id, draft, now);
        const oldTasks = await listTasks(tx, existing.id);
        const { matched } = matchByCodeThenTitle(oldTasks, draft.tasks);
        for (const [i, t] of draft.tasks.entries())
          await schedule(tx, created.tasks[i]!.id, t, matched.get(i)?.id);
        for (const [i, old] of matched) {
          const nt = created.tasks[i]!;
          await updateTaskRow(tx, nt.id, {
            status: old.status,
            progress_note: old.progress_note,
            completed_on: old.completed_on,
          });
          await copyAssignees(tx, old.id, nt.id);
          await copyEvidence(tx, 'task', old.id, nt.id);
        }
        await carryTargetProgress(tx, await listTargets(tx, existing.id), created.targets);
        await audit(plan.id, 'import_new_version', {
          summary,
          previousPlanId: existing.id,
          keptProgress: matched.size,
          source: body.source,
        });
        return { planId: plan.id, mode: 'new_version' as const };
      }

      // Replace in place: matching tasks keep their status, assignees and evidence.
      await updatePlan(tx, existing.id, header);
      const oldAreas = await listAreas(tx, existing.id);
      const areaIds = new Map<string, number>();
      for (const [i, a] of ensureAreas(draft).entries()) {
        const old = oldAreas.find((o) => o.code === a.code);
        if (old) {
          await updateArea(tx, old.id, a.title, i);
          areaIds.set(a.code, old.id);
        } else areaIds.set(a.code, (await insertArea(tx, existing.id, a.code, a.title, i)).id);
      }
      const oldTasks = await listTasks(tx, existing.id);
      const { matched, unmatched } = matchByCodeThenTitle(oldTasks, draft.tasks);
      for (const [i, t] of draft.tasks.entries()) {
        const areaId = areaIds.get(t.areaCode);
        if (areaId === undefined)
          throw new AppError(
            'VALIDATION',
            `Nhiệm vụ ${t.code} thuộc lĩnh vực ${t.areaCode} không có trong kế hoạch.`,
          );
        const old = matched.get(i);
        if (old)
          await updateTaskRow(tx, old.id, {
            area_id: areaId,
            ...taskContent(t),
            position: i,
            updated_at: now,
          });
        const taskId = old
          ? old.id
          : (
              await insertTask(tx, {
                plan_id: existing.id,
                area_id: areaId,
                ...taskContent(t),
                status: 'not_started',
                progress_note: null,
                completed_on: null,
                position: i,
                created_at: now,
                updated_at: now,
                removed_at: null,
              })
            ).id;
        await schedule(tx, taskId, t);
      }
      for (const old of unmatched) await updateTaskRow(tx, old.id, { removed_at: now, updated_at: now });
      // Targets: keep achieved values of the same (source, code); the rest are marked removed.
      const oldTargets = await listTargets(tx, existing.id);
      await carryTargetProgress(tx, oldTargets, await insertTargets(tx, existing.id, draft, now));
      for (const old of oldTargets) await updateTargetRow(tx, old.id, { removed_at: now });
      await audit(existing.id, 'import_replace', {
        summary,
        keptProgress: matched.size,
        removedTasks: unmatched.map((t) => t.code),
        source: body.source,
      });
      return { planId: existing.id, mode: 'replace' as const };
    });
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
      const measured = targets.some((t) => t.metric) ? await measure(plan) : null;
      return { plan, areas, tasks, targets, assignees, evidence, occurrences, today, measured };
    },
    /** The register figures measuring a plan's bound targets (after the caller has read the plan). */
    async measuredFor(planId: number) {
      const plan = await findPlanById(db, planId);
      return plan ? measure(plan) : null;
    },
  };
}

/** Targets of the same (section or appendix, code) keep their achieved values and evidence. */
async function carryTargetProgress(tx: Q, olds: TargetRow[], fresh: TargetRow[]): Promise<void> {
  for (const nt of fresh) {
    const old = olds.find((o) => o.source === nt.source && o.code === nt.code);
    if (!old) continue;
    await updateTargetRow(tx, nt.id, {
      achieved_value: old.achieved_value,
      achieved_text: old.achieved_text,
      achieved_note: old.achieved_note,
      assessed_state: old.assessed_state,
      metric: old.metric,
    });
    await copyEvidence(tx, 'target', old.id, nt.id);
  }
}

/** Areas named by the plan, plus any area a task refers to that the document did not title. */
function ensureAreas(draft: PlanDraft): { code: string; title: string }[] {
  const list = [...draft.areas];
  for (const t of draft.tasks)
    if (!list.some((a) => a.code === t.areaCode))
      list.push({ code: t.areaCode, title: `Lĩnh vực ${t.areaCode}` });
  return list.sort((a, b) => Number(a.code) - Number(b.code) || a.code.localeCompare(b.code));
}

function taskContent(t: PlanDraft['tasks'][number]) {
  return {
    code: t.code,
    title: t.title,
    deliverables_json: JSON.stringify(t.deliverables),
    lead: t.lead,
    lead_optional: t.leadOptional ? 1 : 0,
    cooperators_json: JSON.stringify(t.cooperators),
    deadline_text: t.deadlineText,
    optional: t.optional ? 1 : 0,
    note: t.note,
    // Filled right after by the schedule step, which reads the deadline text.
    schedule_json: null,
    schedule_corrected: 0,
  };
}

function targetContent(t: PlanDraft['targets'][number]) {
  return {
    code: t.code,
    text: t.text,
    threshold_json: t.threshold ? JSON.stringify(t.threshold) : null,
    lead: t.lead ?? null,
    cooperators_json: JSON.stringify(t.cooperators ?? []),
    is_group: t.isGroup ? 1 : 0,
    metric: t.isGroup ? null : metricForTarget(t.text, t.threshold?.kind ?? null),
  };
}

export type PlansService = ReturnType<typeof plansService>;
