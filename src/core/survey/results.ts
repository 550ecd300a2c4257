/**
 * Results of a survey: each question's distribution and the satisfaction counts.
 *
 * Which answers count toward the satisfaction rate (decided here, domain.md §9 "satisfied + very
 * satisfied answers ÷ answers"): every answer to a question marked `satisfaction` — a 1–5 scale
 * where 5 = very satisfied, 4 = satisfied, 1–3 = not satisfied; or a single choice whose
 * `satisfiedOptions` are satisfied (its `verySatisfiedOption` very satisfied) and whose other
 * options are not. The unit counted is the answer, not the respondent: a SIPAS survey of five
 * elements answered by 10 people gives 50 answers. Unanswered optional questions are not counted.
 */
import { satisfactionRate } from '../metrics/feedback.js';
import type { SatisfactionCounts } from '../metrics/feedback.js';
import type { Figure } from '../metrics/types.js';
import type { SurveyAnswers, SurveyQuestion } from './types.js';

export const SURVEY_SATISFACTION_DEFINITION =
  'Tỷ lệ hài lòng qua khảo sát = số câu trả lời "hài lòng" và "rất hài lòng" ÷ tổng số câu trả lời cho ' +
  'các câu hỏi tính vào tỷ lệ hài lòng (thang điểm 1–5: 4–5 điểm là hài lòng; câu chọn mức độ hài lòng: ' +
  'các phương án hài lòng).';

const zero = (): SatisfactionCounts => ({ verySatisfied: 0, satisfied: 0, notSatisfied: 0 });

/** The satisfaction counts of one response (stored with it, so that rates are summed in SQL). */
export function responseSatisfaction(
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
): SatisfactionCounts {
  const c = zero();
  for (const q of questions) {
    if (!q.satisfaction) continue;
    const v = answers[q.key];
    if (typeof v !== 'number') continue;
    if (q.kind === 'scale') {
      if (v === 5) c.verySatisfied += 1;
      else if (v === 4) c.satisfied += 1;
      else c.notSatisfied += 1;
    } else if (q.kind === 'single') {
      if (q.verySatisfiedOption === v) c.verySatisfied += 1;
      else if ((q.satisfiedOptions ?? []).includes(v)) c.satisfied += 1;
      else c.notSatisfied += 1;
    }
  }
  return c;
}

export function addCounts(a: SatisfactionCounts, b: SatisfactionCounts): SatisfactionCounts {
  return {
    verySatisfied: a.verySatisfied + b.verySatisfied,
    satisfied: a.satisfied + b.satisfied,
    notSatisfied: a.notSatisfied + b.notSatisfied,
  };
}

export function surveySatisfaction(counts: SatisfactionCounts): Figure {
  return satisfactionRate(counts, SURVEY_SATISFACTION_DEFINITION);
}

export type QuestionResult =
  | {
      key: string;
      kind: 'single' | 'multiple';
      text: string;
      answered: number;
      options: { label: string; count: number }[];
    }
  | { key: string; kind: 'scale'; text: string; answered: number; scores: number[]; mean: number | null }
  | { key: string; kind: 'text'; text: string; answered: number; texts: string[] };

/** Each question's distribution; text answers listed newest first (at most `maxTexts`). */
export function questionResults(
  questions: readonly SurveyQuestion[],
  responses: readonly SurveyAnswers[],
  maxTexts = 200,
): QuestionResult[] {
  return questions.map((q): QuestionResult => {
    const values = responses.map((r) => r[q.key]).filter((v) => v !== undefined);
    if (q.kind === 'single' || q.kind === 'multiple') {
      const counts = (q.options ?? []).map((label) => ({ label, count: 0 }));
      for (const v of values)
        for (const i of Array.isArray(v) ? v : [v])
          if (typeof i === 'number' && counts[i]) counts[i].count += 1;
      return { key: q.key, kind: q.kind, text: q.text, answered: values.length, options: counts };
    }
    if (q.kind === 'scale') {
      const scores = [0, 0, 0, 0, 0];
      let sum = 0;
      for (const v of values)
        if (typeof v === 'number' && v >= 1 && v <= 5) {
          scores[v - 1]! += 1;
          sum += v;
        }
      const n = scores.reduce((a, b) => a + b, 0);
      return {
        key: q.key,
        kind: 'scale',
        text: q.text,
        answered: n,
        scores,
        mean: n === 0 ? null : Math.round((sum / n) * 100) / 100,
      };
    }
    const texts = values.filter((v): v is string => typeof v === 'string');
    return {
      key: q.key,
      kind: 'text',
      text: q.text,
      answered: texts.length,
      texts: texts.slice(-maxTexts).reverse(),
    };
  });
}

/** An answer as a spreadsheet cell: the option's label, the score, the labels joined, the text. */
export function answerText(q: SurveyQuestion, v: SurveyAnswers[string] | undefined): string | number {
  if (v === undefined) return '';
  if (q.kind === 'scale' && typeof v === 'number') return v;
  if (q.kind === 'single' && typeof v === 'number') return q.options?.[v] ?? '';
  if (q.kind === 'multiple' && Array.isArray(v)) return v.map((i) => q.options?.[i] ?? '').join('; ');
  return typeof v === 'string' ? v : '';
}
