import { surveyTemplate } from '../../core/survey/index.js';
import { bindDeps } from '../../lib/bind.js';
import { vietnamToday } from '../../lib/clock.js';
import { policy } from '../auth/policy.js';
import type { Actor } from '../auth/roles.js';
import { answerSurvey, publicSurveyForm } from './answers.js';
import {
  createSurvey,
  inviteToSurvey,
  listUnitSurveys,
  removeSurvey,
  surveyStats,
  updateSurveyUseCase,
} from './builder.js';
import { loadReadable } from './context.js';
import type { SurveysDeps } from './context.js';
import { surveyQrPng, surveyResults, surveyWorkbook, unitSatisfaction } from './results.js';

export { MAX_INVITATIONS } from './builder.js';
export { dayBounds, questionsOf, surveyState } from './context.js';
export type { SurveyInput, SurveyState, SurveysDeps } from './context.js';

/**
 * The surveys' use cases, each a named function of its own file (builder, answers, results),
 * bound to the database and clock here.
 */
export function surveysService(deps: SurveysDeps) {
  const bind = bindDeps(deps);
  return {
    loadReadable: bind(loadReadable),
    templates: () => ['sipas', 'dossier_rating', 'blank'].map((id) => surveyTemplate(id)!),
    canManage: (actor: Actor, unitId: number) => policy.manageSurveys(actor, unitId),
    today: () => vietnamToday(deps.clock),
    list: bind(listUnitSurveys),
    create: bind(createSurvey),
    update: bind(updateSurveyUseCase),
    remove: bind(removeSurvey),
    stats: bind(surveyStats),
    invite: bind(inviteToSurvey),
    results: bind(surveyResults),
    workbook: bind(surveyWorkbook),
    qrPng: surveyQrPng,
    publicForm: bind(publicSurveyForm),
    answer: bind(answerSurvey),
    satisfaction: bind(unitSatisfaction),
  };
}

export type SurveysService = ReturnType<typeof surveysService>;
