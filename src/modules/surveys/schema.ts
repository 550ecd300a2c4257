import { z } from 'zod';
import { FigureOut } from '../../http/contract.js';
import { QUESTION_KINDS } from '../../core/survey/index.js';
import { SURVEY_LIMITS as L, SURVEY_STATES, SURVEY_TEMPLATES } from '../../shared/surveys.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export const QuestionSchema = z.object({
  key: z.string().regex(/^[a-z0-9_-]{1,40}$/i, 'Mã câu hỏi chỉ gồm chữ không dấu, số, "-" và "_"'),
  kind: z.enum(QUESTION_KINDS),
  text: z.string().trim().min(1, 'Chưa có nội dung câu hỏi').max(L.questionText),
  required: z.boolean(),
  options: z.array(z.string().max(L.optionText)).max(L.options).optional(),
  satisfaction: z.boolean().optional(),
  satisfiedOptions: z.array(z.number().int().min(0)).max(L.options).optional(),
  verySatisfiedOption: z.number().int().min(0).optional(),
});

export const SurveyBody = z.object({
  title: z.string().trim().min(1, 'Chưa có tên khảo sát').max(L.title),
  description: z.string().max(L.description).optional(),
  questions: z.array(QuestionSchema).max(L.questions),
  anonymous: z.boolean(),
  published: z.boolean(),
  opensOn: Day.nullable().optional(),
  closesOn: Day.nullable().optional(),
});

export const CreateSurveyBody = SurveyBody.extend({
  unitId: z.number().int().positive(),
  template: z.enum(SURVEY_TEMPLATES).optional(),
});

export const SurveyOut = z.object({
  id: z.number(),
  unitId: z.number(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  template: z.string().nullable(),
  questions: z.array(QuestionSchema),
  anonymous: z.boolean(),
  published: z.boolean(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  state: z.enum(SURVEY_STATES),
  publicUrl: z.string(),
  responses: z.number(),
  invitations: z.object({ total: z.number(), used: z.number() }).optional(),
  createdAt: z.string(),
  actions: z.object({ edit: z.boolean(), editQuestions: z.boolean(), invite: z.boolean() }),
});
export type SurveyOut = z.infer<typeof SurveyOut>;

export const QuestionResultOut = z.object({
  key: z.string(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  answered: z.number(),
  options: z.array(z.object({ label: z.string(), count: z.number() })).optional(),
  scores: z.array(z.number()).optional(),
  mean: z.number().nullable().optional(),
  texts: z.array(z.string()).optional(),
});

export const ResultsOut = z.object({
  surveyId: z.number(),
  responses: z.number(),
  counts: z.object({ verySatisfied: z.number(), satisfied: z.number(), notSatisfied: z.number() }),
  satisfaction: FigureOut,
  questions: z.array(QuestionResultOut),
});

export const PublicSurveyOut = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  unitName: z.string(),
  state: z.enum(SURVEY_STATES),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  needsToken: z.boolean(),
  questions: z.array(
    QuestionSchema.pick({ key: true, kind: true, text: true, required: true, options: true }),
  ),
});

export const AnswerBody = z.object({
  answers: z.record(
    z.string(),
    z.union([z.number(), z.array(z.number()), z.string().max(L.textAnswer), z.null()]),
  ),
  token: z.string().min(8).max(64).optional(),
  browserId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
});

export const SurveyTemplateOut = z.object({
  id: z.enum(SURVEY_TEMPLATES),
  title: z.string(),
  description: z.string(),
  questions: z.array(QuestionSchema),
});
