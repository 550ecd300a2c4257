/** Checks a survey's questions and a respondent's answers, with Vietnamese messages. */
import type { SurveyAnswers, SurveyQuestion } from './types.js';
import { QUESTION_KINDS } from './types.js';

export const MAX_QUESTIONS = 60;
export const MAX_OPTIONS = 20;
export const MAX_TEXT_ANSWER = 2000;

const label = (i: number) => `Câu ${i + 1}`;

/** The problems of a survey's question list; empty when it can be published. */
export function surveyProblems(questions: readonly SurveyQuestion[]): string[] {
  const out: string[] = [];
  if (questions.length === 0) out.push('Phiếu khảo sát cần ít nhất một câu hỏi.');
  if (questions.length > MAX_QUESTIONS) out.push(`Phiếu khảo sát có tối đa ${MAX_QUESTIONS} câu hỏi.`);
  const keys = new Set<string>();
  questions.forEach((q, i) => {
    if (!/^[a-z0-9_-]{1,40}$/i.test(q.key)) out.push(`${label(i)}: mã câu hỏi không hợp lệ.`);
    if (keys.has(q.key)) out.push(`${label(i)}: mã câu hỏi "${q.key}" bị trùng.`);
    keys.add(q.key);
    if (!(QUESTION_KINDS as readonly string[]).includes(q.kind))
      out.push(`${label(i)}: loại câu hỏi không hợp lệ.`);
    if (q.text.trim() === '') out.push(`${label(i)}: chưa có nội dung câu hỏi.`);
    const options = q.options ?? [];
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (options.length < 2) out.push(`${label(i)}: câu hỏi lựa chọn cần ít nhất hai phương án.`);
      if (options.length > MAX_OPTIONS) out.push(`${label(i)}: tối đa ${MAX_OPTIONS} phương án.`);
      if (options.some((o) => o.trim() === '')) out.push(`${label(i)}: có phương án để trống.`);
      if (new Set(options.map((o) => o.trim().toLowerCase())).size !== options.length)
        out.push(`${label(i)}: có phương án bị trùng.`);
    } else if (options.length > 0) out.push(`${label(i)}: chỉ câu hỏi lựa chọn mới có phương án.`);
    if (q.satisfaction) {
      if (q.kind === 'single') {
        const sat = q.satisfiedOptions ?? [];
        if (sat.length === 0 || sat.length >= options.length)
          out.push(`${label(i)}: cần chọn những phương án được tính là "hài lòng" (không phải tất cả).`);
        if (sat.some((n) => !Number.isInteger(n) || n < 0 || n >= options.length))
          out.push(`${label(i)}: phương án "hài lòng" không có trong danh sách.`);
        const very = q.verySatisfiedOption;
        if (very !== undefined && !sat.includes(very))
          out.push(`${label(i)}: phương án "rất hài lòng" phải là một phương án "hài lòng".`);
      } else if (q.kind !== 'scale')
        out.push(
          `${label(i)}: chỉ câu chọn một phương án hoặc câu thang điểm 1–5 mới được tính vào tỷ lệ hài lòng.`,
        );
    }
  });
  return out;
}

export type AnswerCheck = { ok: true; answers: SurveyAnswers } | { ok: false; message: string };

/**
 * Checks a respondent's answers against the questions and returns them cleaned (text trimmed and
 * NFC, unknown keys dropped, empty optional answers left out).
 */
export function checkAnswers(
  questions: readonly SurveyQuestion[],
  raw: Record<string, unknown>,
): AnswerCheck {
  const answers: SurveyAnswers = {};
  for (const [i, q] of questions.entries()) {
    const v = raw[q.key];
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (q.required) return { ok: false, message: `${label(i)} là câu bắt buộc: vui lòng trả lời.` };
      continue;
    }
    const n = (q.options ?? []).length;
    const isIndex = (x: unknown): x is number =>
      typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < n;
    switch (q.kind) {
      case 'single':
        if (!isIndex(v)) return { ok: false, message: `${label(i)}: phương án đã chọn không hợp lệ.` };
        answers[q.key] = v;
        break;
      case 'scale':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5)
          return { ok: false, message: `${label(i)}: điểm phải từ 1 đến 5.` };
        answers[q.key] = v;
        break;
      case 'multiple':
        if (!Array.isArray(v) || !v.every(isIndex) || new Set(v).size !== v.length)
          return { ok: false, message: `${label(i)}: các phương án đã chọn không hợp lệ.` };
        answers[q.key] = [...v].sort((a, b) => a - b);
        break;
      case 'text': {
        if (typeof v !== 'string') return { ok: false, message: `${label(i)}: câu trả lời phải là văn bản.` };
        const text = v.normalize('NFC').trim();
        if (text.length > MAX_TEXT_ANSWER)
          return { ok: false, message: `${label(i)}: câu trả lời tối đa ${MAX_TEXT_ANSWER} ký tự.` };
        if (text === '') {
          if (q.required) return { ok: false, message: `${label(i)} là câu bắt buộc: vui lòng trả lời.` };
          continue;
        }
        answers[q.key] = text;
        break;
      }
    }
  }
  return { ok: true, answers };
}
