import { z } from 'zod';
import { UNIT_KIND_KEYS } from './kinds.js';

export const UnitOut = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parentId: z.number().nullable(),
  superiorName: z.string().nullable(),
  depth: z.number(),
  actions: z.object({ edit: z.boolean(), move: z.boolean(), addChild: z.boolean() }),
});
export type UnitOut = z.infer<typeof UnitOut>;

const code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'Mã đơn vị chỉ gồm chữ, số, dấu gạch và dấu chấm');

export const UnitCreateBody = z.object({
  code,
  name: z.string().trim().min(2).max(300),
  kind: z.enum(UNIT_KIND_KEYS),
  parentId: z.number().int().positive(),
  superiorName: z.string().max(300).nullish(),
});

export const UnitUpdateBody = z.object({
  code: code.optional(),
  name: z.string().trim().min(2).max(300).optional(),
  kind: z.enum(UNIT_KIND_KEYS).optional(),
  superiorName: z.string().max(300).nullish(),
});

export const UnitMoveBody = z.object({ parentId: z.number().int().positive() });
export const IdParams = z.object({ id: z.coerce.number().int().positive() });
