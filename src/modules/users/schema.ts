import { z } from 'zod';
import { ROLES } from '../auth/roles.js';

export const UserOut = z.object({
  id: z.number(),
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
});
export type UserOut = z.infer<typeof UserOut>;

export const UserCreateBody = z.object({
  unitId: z.number().int().positive(),
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch'),
  fullName: z.string().trim().min(2).max(200),
  email: z.email().max(200).nullish(),
  roles: z.array(z.enum(ROLES)).min(1),
  password: z.string().min(8).max(200),
});

export const UserUpdateBody = z.object({
  fullName: z.string().trim().min(2).max(200).optional(),
  email: z.email().max(200).nullish(),
  roles: z.array(z.enum(ROLES)).min(1).optional(),
  active: z.boolean().optional(),
  password: z.string().min(8).max(200).optional(),
});
