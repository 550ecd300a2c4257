/** Types of the satisfaction surveys (domain.md §9). */

export { QUESTION_KINDS } from '../../shared/surveys.js';
export type { QuestionKind } from '../../shared/surveys.js';
import type { QuestionKind } from '../../shared/surveys.js';

export interface SurveyQuestion {
  /** Stable key within the survey ('q1', 'access'…): answers refer to it. */
  key: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  /** Options of a single- or multiple-choice question, in order. */
  options?: string[] | undefined;
  /**
   * Whether the question counts toward the satisfaction rate. Only a 1–5 scale (4–5 = satisfied)
   * or a single choice with `satisfiedOptions` may count.
   */
  satisfaction?: boolean | undefined;
  /** Indexes of the options that mean "satisfied" (single choice counted toward the rate). */
  satisfiedOptions?: number[] | undefined;
  /** Index of the option that means "very satisfied", when there is one (shown apart). */
  verySatisfiedOption?: number | undefined;
}

/** One answer: an option index (single), a score 1–5 (scale), option indexes (multiple), text. */
export type SurveyAnswer = number | number[] | string;
export type SurveyAnswers = Record<string, SurveyAnswer>;
