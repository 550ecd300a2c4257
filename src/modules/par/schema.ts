import { z } from 'zod';
import {
  PAR_EVIDENCE_KINDS,
  PAR_LIMITS,
  PAR_LINK_KINDS,
  PAR_SET_STATUSES,
  PAR_SIGNS,
  PAR_STATUSES,
} from '../../shared/par.js';
import type { ParSign } from '../../shared/par.js';

const Sign = z.enum(PAR_SIGNS);
const Status = z.enum(PAR_STATUSES);
const Year = z.coerce.number().int().min(PAR_LIMITS.yearMin).max(PAR_LIMITS.yearMax);
const Text = z.string().max(PAR_LIMITS.text);

export const ParRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual'), step: z.number().positive().optional() }),
  z.object({ kind: z.literal('yes_no') }),
  z.object({
    kind: z.literal('bands'),
    /** One of the register figures (`TARGET_METRICS`), checked by the service. */
    metric: z.string().min(1),
    bands: z
      .array(z.object({ min: z.number().min(0).max(100), points: z.number().min(0) }))
      .min(1, { error: 'Thang điểm cần ít nhất một mức.' }),
  }),
]);

const Totals = z.object({
  max: z.number(),
  reducedMax: z.number(),
  score: z.number(),
  indexOn100: z.number().nullable(),
  scored: z.number(),
  unscored: z.number(),
  notApplicable: z.number(),
});

const Issue = z.object({ row: z.number(), code: z.string(), message: z.string() });

/** A node of a criteria sheet read for the preview (recursive, so written out once here). */
export type PreviewNodeT = {
  code: string;
  title: string;
  depth: number;
  max: number | null;
  sign: ParSign;
  row: number;
  guide: string | null;
  evidence: string | null;
  children: PreviewNodeT[];
};
// A named component: the recursive reference is `#/components/schemas/ParCriteriaNode`.
const PreviewNode: z.ZodType<PreviewNodeT> = z
  .lazy(() =>
    z.object({
      code: z.string(),
      title: z.string(),
      depth: z.number(),
      max: z.number().nullable(),
      sign: Sign,
      row: z.number(),
      guide: z.string().nullable(),
      evidence: z.string().nullable(),
      children: z.array(PreviewNode),
    }),
  )
  .meta({ id: 'ParCriteriaNode' });

export const CriteriaPreviewOut = z.object({
  ok: z.boolean(),
  issues: z.array(Issue),
  totals: z.object({
    fields: z.number(),
    criteria: z.number(),
    leaves: z.number(),
    totalMax: z.number(),
    perField: z.array(z.object({ code: z.string(), title: z.string(), max: z.number() })),
  }),
  tree: z.array(PreviewNode),
});

export const CriteriaImportOut = z.object({
  id: z.number(),
  version: z.number(),
  totals: CriteriaPreviewOut.shape.totals,
});

const SetSummary = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  version: z.number(),
  status: z.enum(PAR_SET_STATUSES),
  unitKind: z.string().nullable(),
  source: z.string().nullable(),
  totalMax: z.number(),
  owner: z.object({ id: z.number(), name: z.string() }),
});

export const SetListOut = z.object({
  items: z.array(SetSummary.extend({ createdAt: z.string() })),
  actions: z.object({ import: z.boolean() }),
});

const Metric = z.object({ value: z.string(), label: z.string() });

export const SetDetailOut = SetSummary.extend({
  criteria: z.array(
    z.object({
      id: z.number(),
      parentId: z.number().nullable(),
      code: z.string(),
      title: z.string(),
      depth: z.number(),
      max: z.number().nullable(),
      guide: z.string().nullable(),
      evidence: z.string().nullable(),
      sign: Sign,
      isLeaf: z.boolean(),
      rule: ParRuleSchema,
    }),
  ),
  metrics: z.array(Metric),
  actions: z.object({ edit: z.boolean() }),
});

export const CriterionPatch = z.object({
  title: z.string().trim().min(2).max(PAR_LIMITS.title).optional(),
  guide: z.string().trim().max(PAR_LIMITS.text).nullable().optional(),
  evidence: z.string().trim().max(PAR_LIMITS.text).nullable().optional(),
  rule: ParRuleSchema.optional(),
});

const Evidence = z.object({
  id: z.number(),
  kind: z.enum(PAR_EVIDENCE_KINDS),
  label: z.string(),
  fileName: z.string().nullable(),
  hasFile: z.boolean(),
});

export const AssessmentOut = z
  .object({
    id: z.number(),
    unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
    year: z.number(),
    status: Status,
    statusLabel: z.string(),
    set: z.object({
      id: z.number(),
      name: z.string(),
      year: z.number(),
      version: z.number(),
      source: z.string().nullable(),
      totalMax: z.number(),
    }),
    nodes: z.array(
      z.object({
        criterionId: z.number(),
        parentId: z.number().nullable(),
        code: z.string(),
        title: z.string(),
        depth: z.number(),
        max: z.number().nullable(),
        sign: Sign,
        guide: z.string().nullable(),
        evidenceRequired: z.string().nullable(),
        isLeaf: z.boolean(),
        rule: ParRuleSchema,
        selfSubtotal: z.number().nullable(),
        appraisedSubtotal: z.number().nullable(),
        score: z
          .object({
            selfScore: z.number().nullable(),
            notApplicable: z.boolean(),
            note: z.string().nullable(),
            figure: z.number().nullable(),
            figureText: z.string().nullable(),
            appraisedScore: z.number().nullable(),
            appraisalReason: z.string().nullable(),
            explanation: z.string().nullable(),
            evidenceMissing: z.boolean(),
            explanationRequired: z.boolean(),
            evidence: z.array(Evidence),
          })
          .nullable(),
      }),
    ),
    totals: z.object({ self: Totals, appraised: Totals.nullable() }),
    progress: z.object({
      leaves: z.number(),
      scored: z.number(),
      notApplicable: z.number(),
      unscored: z.number(),
      evidenceMissing: z.number(),
      explanationMissing: z.number(),
    }),
    survey: z.object({ weight: z.number().nullable(), rate: z.number().nullable() }),
    selfIndex: z.number().nullable(),
    finalIndex: z.number().nullable(),
    returnReason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    finalizedAt: z.string().nullable(),
    actions: z.object({
      score: z.boolean(),
      submit: z.boolean(),
      explain: z.boolean(),
      sendExplanations: z.boolean(),
      appraise: z.boolean(),
      returnForExplanation: z.boolean(),
      finalize: z.boolean(),
    }),
  })
  .meta({ id: 'ParAssessment' });
export type AssessmentOut = z.infer<typeof AssessmentOut>;

export const UnitYearOut = z.object({
  assessment: AssessmentOut.nullable(),
  applicableSet: z
    .object({ id: z.number(), name: z.string(), version: z.number(), totalMax: z.number() })
    .nullable(),
  actions: z.object({ start: z.boolean() }),
});

export const UnitYearParams = z.object({
  unitId: z.coerce.number().int().positive(),
  year: Year,
});
export const IdParams = z.object({ id: z.coerce.number().int().positive() });
export const LeafParams = IdParams.extend({ criterionId: z.coerce.number().int().positive() });

export const ScoreBody = z.object({
  score: z.number({ error: 'Điểm phải là một số.' }).nullable().optional(),
  notApplicable: z.boolean().optional(),
  note: Text.nullable().optional(),
});

export const LinkBody = z.object({
  kind: z.enum(PAR_LINK_KINDS),
  refId: z.number().int().positive(),
});

export const AppraiseBody = z.object({
  score: z.number({ error: 'Điểm thẩm định phải là một số.' }),
  reason: Text.nullable().optional(),
});

export const ReturnBody = z.object({
  reason: z
    .string()
    .trim()
    .min(PAR_LIMITS.reasonMin, { error: 'Hãy ghi nội dung cần đơn vị giải trình.' })
    .max(PAR_LIMITS.text),
});

export const ExplainBody = z.object({
  explanation: z
    .string()
    .trim()
    .min(PAR_LIMITS.reasonMin, { error: 'Hãy ghi nội dung giải trình.' })
    .max(PAR_LIMITS.text),
});

export const FinalizeBody = z.object({
  surveyWeight: z.number().min(0).max(PAR_LIMITS.surveyWeightMax).nullable().optional(),
  surveyRate: z.number().min(0).max(100).nullable().optional(),
  surveyFromResults: z.boolean().optional(),
});

export const PreviousIndexBody = z.object({
  value: z.number().min(0).max(100),
  note: z.string().max(PAR_LIMITS.previousNote).nullable().optional(),
});

export const RankingOut = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  rows: z.array(
    z.object({
      unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
      assessmentId: z.number().nullable(),
      status: Status.nullable(),
      statusLabel: z.string(),
      selfIndex: z.number().nullable(),
      finalIndex: z.number().nullable(),
      previous: z.number().nullable(),
      change: z.number().nullable(),
      rank: z.number().nullable(),
    }),
  ),
});

export const SetQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  year: Year.optional(),
});

export const RankingQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  year: Year,
});

export const Ok = z.object({ ok: z.literal(true) });
