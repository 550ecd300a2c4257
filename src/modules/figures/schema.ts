import { z } from 'zod';

export const VerifyBody = z.object({
  unitId: z.number().int().positive().optional(),
  repair: z.boolean().optional(),
});

export const VerifyResult = z.object({
  checkedUnits: z.number(),
  repaired: z.boolean(),
  differences: z.array(
    z.object({
      table: z.string(),
      unitId: z.number().nullable(),
      unitCode: z.string().nullable(),
      key: z.string(),
      column: z.string(),
      stored: z.number(),
      expected: z.number(),
    }),
  ),
});
export type VerifyResult = z.infer<typeof VerifyResult>;
