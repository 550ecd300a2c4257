import type { SurveyRow } from '../../db/tables.js';
import type { SurveyOut } from './schema.js';
import { questionsOf, surveyState } from './service.js';

export const publicSurveyUrl = (origin: string, slug: string) =>
  `${origin}/khao-sat/${encodeURIComponent(slug)}`;

export function presentSurvey(
  s: SurveyRow,
  ctx: {
    today: string;
    origin: string;
    responses: number;
    canManage: boolean;
    invitations?: { total: number; used: number };
  },
): SurveyOut {
  return {
    id: s.id,
    unitId: s.unit_id,
    slug: s.slug,
    title: s.title,
    description: s.description,
    template: s.template,
    questions: questionsOf(s),
    anonymous: s.anonymous === 1,
    published: s.published === 1,
    opensOn: s.opens_on,
    closesOn: s.closes_on,
    state: surveyState(s, ctx.today),
    publicUrl: publicSurveyUrl(ctx.origin, s.slug),
    responses: ctx.responses,
    ...(ctx.invitations ? { invitations: ctx.invitations } : {}),
    createdAt: s.created_at,
    actions: {
      edit: ctx.canManage,
      editQuestions: ctx.canManage && ctx.responses === 0,
      invite: ctx.canManage && s.anonymous === 0,
    },
  };
}
