import { z } from 'zod';

const Counts = z.object({
  not_started: z.number(),
  in_progress: z.number(),
  done: z.number(),
  not_applicable: z.number(),
});

export const DashboardQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const Dashboard = z.object({
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  year: z.number(),
  years: z.array(z.number()),
  totals: Counts,
  percentDone: z.number(),
  areas: z.array(z.object({ code: z.string(), title: z.string(), counts: Counts, percentDone: z.number() })),
  units: z.array(
    z.object({ id: z.number(), code: z.string(), name: z.string(), counts: Counts, percentDone: z.number() }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;
