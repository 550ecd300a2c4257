/** Satisfaction surveys: questions, answers, results, templates. Pure. */
export type { QuestionKind, SurveyAnswer, SurveyAnswers, SurveyQuestion } from './types.js';
export { QUESTION_KINDS } from './types.js';
export type { AnswerCheck } from './validate.js';
export { MAX_OPTIONS, MAX_QUESTIONS, MAX_TEXT_ANSWER, checkAnswers, surveyProblems } from './validate.js';
export type { QuestionResult } from './results.js';
export {
  SURVEY_SATISFACTION_DEFINITION,
  addCounts,
  answerText,
  questionResults,
  responseSatisfaction,
  surveySatisfaction,
} from './results.js';
export type { SurveyTemplate } from './templates.js';
export { RATING_OPTIONS, SIPAS_ELEMENTS, SURVEY_TEMPLATES, surveyTemplate } from './templates.js';
