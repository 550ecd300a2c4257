import { z } from 'zod';
import { ROLES } from './roles.js';

export const LoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
});

export const MeResult = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    fullName: z.string(),
    roles: z.array(z.enum(ROLES)),
    mustChangePassword: z.boolean(),
  }),
  unit: z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    hasChildren: z.boolean(),
  }),
});
export type MeResult = z.infer<typeof MeResult>;
