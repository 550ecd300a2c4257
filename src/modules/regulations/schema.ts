import { z } from 'zod';
import { REGULATION_KINDS, REVIEW_OUTCOMES } from '../../core/documents/index.js';
import { REGULATION_LIMITS as L } from '../../shared/documents.js';

const day = z.iso.date({ error: 'Ngày phải có dạng yyyy-MM-dd.' });

export const RegulationBody = z.object({
  unitId: z.number().int().positive().optional(),
  title: z.string().trim().min(5, { error: 'Hãy ghi tên quy chế.' }).max(L.title),
  kind: z.enum(REGULATION_KINDS),
  /** The adopting decision in the register (its number and date are taken from it). */
  adoptionDocumentId: z.number().int().positive().nullable().optional(),
  /** Or as written, when it is not in the register ("15/QĐ-MNTT"). */
  adoptionNumber: z.string().trim().max(L.adoptionNumber).nullable().optional(),
  adoptedOn: day.nullable().optional(),
  reviewMonths: z.number().int().min(1, { error: 'Chu kỳ rà soát ít nhất 1 tháng.' }).max(L.reviewMonths),
  /** Defaults to one cycle after adoption (or after today). */
  nextReviewOn: day.optional(),
  note: z.string().trim().max(L.note).nullable().optional(),
});
export type RegulationBody = z.infer<typeof RegulationBody>;

export const RegulationPatch = RegulationBody.omit({ unitId: true }).partial();
export type RegulationPatch = z.infer<typeof RegulationPatch>;

export const ReviewBody = z.object({
  reviewedOn: day,
  outcome: z.enum(REVIEW_OUTCOMES),
  note: z.string().trim().max(L.note).nullable().optional(),
  /** The amending or replacing decision, in the register. */
  documentId: z.number().int().positive().nullable().optional(),
  /** Defaults to one cycle after the review. */
  nextReviewOn: day.optional(),
});
export type ReviewBody = z.infer<typeof ReviewBody>;

export const RepealBody = z.object({
  reason: z.string().trim().min(3, { error: 'Hãy ghi lý do bãi bỏ quy chế.' }).max(L.repealReason),
});

export const RegulationOut = z
  .object({
    id: z.number(),
    unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
    title: z.string(),
    kind: z.enum(REGULATION_KINDS),
    kindLabel: z.string(),
    adoption: z.object({
      documentId: z.number().nullable(),
      number: z.string().nullable(),
      date: z.string().nullable(),
    }),
    reviewMonths: z.number(),
    lastReviewedOn: z.string().nullable(),
    nextReviewOn: z.string(),
    /** 'overdue' | 'due_soon' (within 30 days) | null; null too once repealed. */
    dueState: z.enum(['overdue', 'due_soon']).nullable(),
    daysLeft: z.number(),
    status: z.enum(['in_force', 'repealed']),
    repealReason: z.string().nullable(),
    note: z.string().nullable(),
    actions: z.object({ edit: z.boolean(), review: z.boolean(), repeal: z.boolean() }),
  })
  .meta({ id: 'Regulation' });
export type RegulationOut = z.infer<typeof RegulationOut>;

export const RegulationList = z.object({
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  items: z.array(RegulationOut),
  counts: z.object({ inForce: z.number(), overdue: z.number(), dueSoon: z.number() }),
  kinds: z.array(z.object({ value: z.enum(REGULATION_KINDS), label: z.string() })),
  actions: z.object({ create: z.boolean() }),
});

export const RegulationDetail = z.object({
  regulation: RegulationOut,
  reviews: z.array(
    z.object({
      id: z.number(),
      reviewedOn: z.string(),
      outcome: z.enum(REVIEW_OUTCOMES),
      outcomeLabel: z.string(),
      note: z.string().nullable(),
      documentId: z.number().nullable(),
      documentNumber: z.string().nullable(),
      nextReviewOn: z.string(),
      by: z.string().nullable(),
    }),
  ),
});

export const RegulationQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['0', '1']).optional(),
});
