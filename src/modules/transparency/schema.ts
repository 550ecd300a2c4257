import { z } from 'zod';

export const PostBody = z.object({
  title: z.string().trim().min(1, 'Chưa có tiêu đề bài viết').max(300),
  body: z.string().max(20_000),
  published: z.boolean(),
});

export const AttachmentOut = z.object({
  id: z.number(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  url: z.string(),
});

export const PostOut = z.object({
  id: z.number(),
  unitId: z.number(),
  title: z.string(),
  body: z.string(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  attachments: z.array(AttachmentOut),
  actions: z.object({ edit: z.boolean() }),
});
export type PostOut = z.infer<typeof PostOut>;

const Period = z.object({ from: z.string(), to: z.string() });

export const TransparencyOut = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  period: Period,
  figures: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      period: Period,
      definition: z.string(),
    }),
  ),
  plan: z
    .object({
      year: z.number(),
      title: z.string(),
      areas: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          done: z.number(),
          total: z.number(),
          percent: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
  posts: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      body: z.string(),
      publishedAt: z.string(),
      attachments: z.array(
        z.object({ id: z.number(), filename: z.string(), mime: z.string(), url: z.string() }),
      ),
    }),
  ),
  generatedAt: z.string(),
});
