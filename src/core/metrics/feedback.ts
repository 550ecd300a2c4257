/** Rates shared by the satisfaction survey and the feedback (PAKN) register (domain.md §8–9). */
import { figure } from './figure.js';
import type { Figure } from './types.js';

export const SATISFACTION_DEFINITION =
  'Tỷ lệ hài lòng = số câu trả lời "hài lòng" và "rất hài lòng" ÷ tổng số câu trả lời.';

export const FEEDBACK_DEFINITIONS = Object.freeze({
  answeredOnTime:
    'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn = số phản ánh, kiến nghị tiếp nhận trong kỳ đã được ' +
    'trả lời trong thời hạn ÷ số phản ánh, kiến nghị tiếp nhận trong kỳ.',
  published:
    'Tỷ lệ công khai kết quả xử lý phản ánh, kiến nghị = số phản ánh, kiến nghị đã trả lời được công khai ' +
    'kết quả ÷ số phản ánh, kiến nghị đã trả lời.',
});

export interface SatisfactionCounts {
  verySatisfied: number;
  satisfied: number;
  notSatisfied: number;
}

function assertCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0: ${n}`);
}

/** (satisfied + very satisfied) ÷ answers (domain.md §9). */
export function satisfactionRate(counts: SatisfactionCounts, definition = SATISFACTION_DEFINITION): Figure {
  assertCount('verySatisfied', counts.verySatisfied);
  assertCount('satisfied', counts.satisfied);
  assertCount('notSatisfied', counts.notSatisfied);
  const yes = counts.verySatisfied + counts.satisfied;
  return figure(yes, yes + counts.notSatisfied, definition);
}

export interface FeedbackCounts {
  /** PAKN received in the period. */
  received: number;
  /** Of those, answered within the time limit. */
  answeredOnTime: number;
  /** Of those, answered (on time or not). */
  answered: number;
  /** Of the answered ones, whose result was published (website, letter). */
  published: number;
}

export interface FeedbackRates {
  answeredOnTime: Figure;
  published: Figure;
}

/** Answered on time ÷ received; published ÷ answered (Decree 20/2008 steps, national index (check)). */
export function feedbackRates(counts: FeedbackCounts): FeedbackRates {
  assertCount('received', counts.received);
  assertCount('answeredOnTime', counts.answeredOnTime);
  assertCount('answered', counts.answered);
  assertCount('published', counts.published);
  if (counts.answeredOnTime > counts.answered || counts.answered > counts.received) {
    throw new RangeError('Expected answeredOnTime ≤ answered ≤ received');
  }
  if (counts.published > counts.answered) throw new RangeError('Expected published ≤ answered');
  return {
    answeredOnTime: figure(counts.answeredOnTime, counts.received, FEEDBACK_DEFINITIONS.answeredOnTime),
    published: figure(counts.published, counts.answered, FEEDBACK_DEFINITIONS.published),
  };
}
