import { z } from 'zod';
import { TARGET_METRICS } from '../../core/metrics/index.js';
import { DeadlineReadingSchema } from './schedule-schema.js';
import { TASK_STATUSES, TASK_STATUS_LABELS, type TaskStatus } from '../../shared/tasks.js';

/** A party (lead or co-operator) or a deliverable, with "(nếu có)" read as optional. */
const Named = z.object({ name: z.string().min(1).max(500), optional: z.boolean() });

export const Threshold = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), op: z.enum(['>=', '=', '<=']), value: z.number().min(0).max(1000) }),
  z.object({ kind: z.literal('not_lower_than_year'), year: z.number().int() }),
  z.object({ kind: z.literal('text'), text: z.string().max(2000) }),
]);

export const DraftTarget = z.object({
  code: z.string().min(1).max(20),
  parentCode: z.string().max(20).nullable(),
  text: z.string().min(1).max(5000),
  threshold: Threshold.nullable(),
  isGroup: z.boolean(),
  lead: z.string().max(500).nullable().optional(),
  cooperators: z.array(Named).max(50).optional(),
});

export const DraftTask = z.object({
  code: z.string().min(1).max(20),
  areaCode: z.string().min(1).max(10),
  title: z.string().min(1).max(10000),
  deliverables: z.array(Named).max(50),
  lead: z.string().max(500).nullable(),
  leadOptional: z.boolean(),
  cooperators: z.array(Named).max(50),
  deadlineText: z.string().max(2000),
  optional: z.boolean(),
  note: z.string().max(5000).nullable(),
  /** How the deadline text was read (preview); with `scheduleCorrected`, the user's correction. */
  reading: DeadlineReadingSchema.optional(),
  scheduleCorrected: z.boolean().optional(),
});

export const Warning = z.object({ code: z.string(), message: z.string(), where: z.string() });

/** What the import understood, as shown in the preview, corrected by the user and saved. */
export const PlanDraft = z.object({
  number: z.string().max(64).nullable(),
  issuedOn: z.iso.date().nullable(),
  title: z.string().max(500).nullable(),
  year: z.number().int().min(2000).max(2100).nullable(),
  unitName: z.string().max(300).nullable(),
  superiorName: z.string().max(300).nullable(),
  place: z.string().max(200).nullable().optional(),
  legalBases: z.array(z.string().max(5000)).max(100),
  objectives: z.array(z.string().max(10000)).max(100),
  areas: z.array(z.object({ code: z.string().min(1).max(10), title: z.string().min(1).max(500) })).max(20),
  targets: z.array(DraftTarget).max(500),
  focusItems: z
    .array(z.object({ code: z.string().max(20), areaCode: z.string().max(10), text: z.string().max(20000) }))
    .max(500),
  tasks: z.array(DraftTask).max(1000),
  appendixTargets: z.array(DraftTarget).max(500),
  reportDueText: z.string().max(2000).nullable(),
  warnings: z.array(Warning).max(1000),
});
export type PlanDraft = z.infer<typeof PlanDraft>;

export const PlanSummary = z.object({
  areas: z.array(
    z.object({ code: z.string(), title: z.string(), tasks: z.number(), focusItems: z.number() }),
  ),
  tasks: z.number(),
  sectionTargets: z.number(),
  appendixTargets: z.number(),
  appendixLeafTargets: z.number(),
  warnings: z.number(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const ExistingPlan = z.object({
  id: z.number(),
  version: z.number(),
  number: z.string().nullable(),
  title: z.string(),
});

export const PreviewResult = z.object({
  draft: PlanDraft,
  summary: PlanSummary,
  source: z.object({ filename: z.string().nullable(), kind: z.string(), sha256: z.string() }),
  existing: ExistingPlan.nullable(),
});
export type PreviewResult = z.infer<typeof PreviewResult>;

export const PreviewTextBody = z.object({
  unitId: z.number().int().positive(),
  text: z.string().min(1).max(5_000_000),
  year: z.number().int().min(2000).max(2100).optional(),
});

export const CommitBody = z.object({
  unitId: z.number().int().positive(),
  draft: PlanDraft,
  year: z.number().int().min(2000).max(2100).optional(),
  mode: z.enum(['create', 'replace', 'new_version']),
  source: z.object({
    filename: z.string().max(300).nullable(),
    kind: z.string().max(20),
    sha256: z.string().max(64),
  }),
});
export type CommitBody = z.infer<typeof CommitBody>;

export { TASK_STATUSES, TASK_STATUS_LABELS, type TaskStatus };

export const OCCURRENCE_STATUSES = ['pending', 'done', 'not_applicable'] as const;
export const OccurrenceOut = z.object({
  id: z.number(),
  key: z.string(),
  due: z.string().nullable(),
  label: z.string(),
  deliverable: z.string().nullable(),
  periodKey: z.string().nullable(),
  status: z.enum(OCCURRENCE_STATUSES),
  completedOn: z.string().nullable(),
  note: z.string().nullable(),
  /** overdue / due_soon / upcoming / none, as of today in Vietnam. */
  state: z.enum(['overdue', 'due_soon', 'upcoming', 'none']),
  /** For a done occurrence: early / on_time / late against its due date. */
  timeliness: z.enum(['early', 'on_time', 'late']).nullable(),
});
export type OccurrenceOut = z.infer<typeof OccurrenceOut>;

export const TaskOut = z.object({
  id: z.number(),
  planId: z.number(),
  unitId: z.number(),
  areaCode: z.string(),
  code: z.string(),
  title: z.string(),
  deliverables: z.array(Named),
  lead: z.string().nullable(),
  leadOptional: z.boolean(),
  cooperators: z.array(Named),
  deadlineText: z.string(),
  optional: z.boolean(),
  note: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  progressNote: z.string().nullable(),
  completedOn: z.string().nullable(),
  assignees: z.array(z.object({ id: z.number(), fullName: z.string() })),
  evidenceCount: z.number(),
  schedule: z.unknown().nullable(),
  scheduleKind: z.string().nullable(),
  occurrences: z.array(OccurrenceOut),
  /** The earliest open due date, and whether it is overdue or due soon. */
  nextDue: z.string().nullable(),
  flag: z.enum(['overdue', 'due_soon']).nullable(),
  actions: z.object({ update: z.boolean(), uploadEvidence: z.boolean() }),
});
export type TaskOut = z.infer<typeof TaskOut>;

export const TargetOut = z.object({
  id: z.number(),
  source: z.enum(['section', 'appendix']),
  parentId: z.number().nullable(),
  code: z.string(),
  text: z.string(),
  threshold: Threshold.nullable(),
  lead: z.string().nullable(),
  cooperators: z.array(Named),
  isGroup: z.boolean(),
  achievedValue: z.number().nullable(),
  achievedText: z.string().nullable(),
  achievedNote: z.string().nullable(),
  /** met / at_risk (within the margin below the threshold) / not_met / unknown. */
  state: z.enum(['met', 'at_risk', 'not_met', 'unknown']),
  /** The register figure that measures the target, or null when entered by hand. */
  metric: z.enum(TARGET_METRICS).nullable(),
  measured: z
    .object({ value: z.number().nullable(), numerator: z.number(), denominator: z.number(), definition: z.string(), from: z.string(), to: z.string() })
    .nullable(),
  assessedState: z.enum(['met', 'not_met']).nullable(),
  evidenceCount: z.number(),
  actions: z.object({ update: z.boolean() }),
});
export type TargetOut = z.infer<typeof TargetOut>;

export const PlanListItem = z.object({
  id: z.number(),
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number(),
  version: z.number(),
  status: z.enum(['active', 'superseded']),
  number: z.string().nullable(),
  title: z.string(),
  issuedOn: z.string().nullable(),
  taskCount: z.number(),
  /** Tasks marked "hoàn thành". */
  doneCount: z.number(),
  /** Tasks marked "không phát sinh": left out of the percentage. */
  notApplicableCount: z.number(),
});
export type PlanListItem = z.infer<typeof PlanListItem>;

export const AreaProgress = z.object({
  code: z.string(),
  title: z.string(),
  counts: z.object({
    not_started: z.number(),
    in_progress: z.number(),
    done: z.number(),
    not_applicable: z.number(),
  }),
  total: z.number(),
  percentDone: z.number(),
});

export const PlanDetail = PlanListItem.extend({
  superiorName: z.string().nullable(),
  unitNameInDocument: z.string().nullable(),
  legalBases: z.array(z.string()),
  objectives: z.array(z.string()),
  focusItems: z.array(z.object({ code: z.string(), areaCode: z.string(), text: z.string() })),
  reportDueText: z.string().nullable(),
  sourceFilename: z.string().nullable(),
  areas: z.array(AreaProgress),
  tasks: z.array(TaskOut),
  targets: z.array(TargetOut),
  actions: z.object({ edit: z.boolean(), import: z.boolean() }),
});
export type PlanDetail = z.infer<typeof PlanDetail>;
