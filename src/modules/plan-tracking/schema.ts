import { z } from 'zod';
import { OCCURRENCE_STATUSES, TASK_STATUSES, TaskOut } from '../plans/schema.js';

export const TaskPatchBody = z.object({
  status: z.enum(TASK_STATUSES).optional(),
  progressNote: z.string().max(10_000).nullable().optional(),
  completedOn: z.iso.date().nullable().optional(),
  assigneeIds: z.array(z.number().int().positive()).max(100).optional(),
});

export const EvidenceOut = z.object({
  id: z.number(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  deliverableIndex: z.number().nullable(),
  occurrenceId: z.number().nullable(),
  note: z.string().nullable(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type EvidenceOut = z.infer<typeof EvidenceOut>;

export const HistoryOut = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  userName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const TaskDetail = z.object({
  task: TaskOut,
  evidence: z.array(EvidenceOut),
  history: z.array(HistoryOut),
  members: z.array(z.object({ id: z.number(), fullName: z.string() })),
});

export const MyTaskOut = TaskOut.extend({ planTitle: z.string(), year: z.number() });

export const OccurrencePatchBody = z.object({
  status: z.enum(OCCURRENCE_STATUSES).optional(),
  completedOn: z.iso.date().nullable().optional(),
  note: z.string().max(10_000).nullable().optional(),
});

export const EventBody = z.object({ date: z.iso.date(), note: z.string().max(2000).nullable().optional() });
