import { z } from 'zod';
import type { Schedule } from '../../core/schedule/index.js';

/** zod mirror of core/schedule's Schedule, for a user's corrected reading sent back by the preview. */
const date = z.iso.date();
const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
const frequency = z.enum(['monthly', 'quarterly', 'half_yearly', 'yearly']);
const basis = z.enum([
  'exact',
  'end_of_month',
  'end_of_quarter',
  'end_of_half',
  'end_of_year',
  'before_month',
  'end_of_school_year',
  'early_period',
  'mid_period',
  'week_of_month',
]);

export const ScheduleSchema: z.ZodType<Schedule> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), dues: z.array(z.object({ date, basis, label: z.string().max(200).optional(), span })).min(1).max(50) }),
    z.object({
      kind: z.literal('per_deliverable'),
      parts: z.array(z.object({ deliverable: z.string().max(500), schedule: ScheduleSchema, span })).min(1).max(20),
    }),
    z.object({
      kind: z.literal('recurring'),
      frequency,
      frequencies: z.array(frequency).max(4).optional(),
      day: z.number().int().min(1).max(31).optional(),
      from: date.optional(),
      to: date.optional(),
    }),
    z.object({ kind: z.literal('continuous') }),
    z.object({ kind: z.literal('event'), trigger: z.string().max(2000) }),
    z.object({ kind: z.literal('unscheduled'), from: date, to: date }),
    z.object({ kind: z.literal('unparsed'), raw: z.string().max(2000) }),
  ]),
  // A named component: the recursive reference is `#/components/schemas/Schedule`.
).meta({ id: 'Schedule' });

export const DeadlineReadingSchema = z.object({
  schedule: ScheduleSchema,
  confidence: z.number().min(0).max(1),
  spans: z.array(span).max(50),
  notes: z.array(z.string().max(500)).max(50),
});
