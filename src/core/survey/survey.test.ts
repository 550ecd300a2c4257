import { describe, expect, it } from 'vitest';
import {
  SURVEY_TEMPLATES,
  answerText,
  checkAnswers,
  questionResults,
  responseSatisfaction,
  surveyProblems,
  surveySatisfaction,
  surveyTemplate,
} from './index.js';
import type { SurveyQuestion } from './index.js';

const single: SurveyQuestion = {
  key: 'rating',
  kind: 'single',
  text: 'Mức độ hài lòng',
  required: true,
  options: ['Rất hài lòng', 'Hài lòng', 'Không hài lòng'],
  satisfaction: true,
  satisfiedOptions: [0, 1],
  verySatisfiedOption: 0,
};
const scale: SurveyQuestion = {
  key: 'access',
  kind: 'scale',
  text: 'Tiếp cận dịch vụ',
  required: true,
  satisfaction: true,
};
const multiple: SurveyQuestion = {
  key: 'channels',
  kind: 'multiple',
  text: 'Biết qua đâu?',
  required: false,
  options: ['Website', 'Bảng tin', 'Zalo'],
};
const text: SurveyQuestion = { key: 'comment', kind: 'text', text: 'Góp ý', required: false };
const all = [single, scale, multiple, text];

describe('surveyProblems', () => {
  it('accepts the shipped templates (but a blank survey needs a question)', () => {
    expect(surveyProblems(surveyTemplate('sipas')!.questions)).toEqual([]);
    expect(surveyProblems(surveyTemplate('dossier_rating')!.questions)).toEqual([]);
    expect(surveyProblems(surveyTemplate('blank')!.questions)).toEqual([
      'Phiếu khảo sát cần ít nhất một câu hỏi.',
    ]);
    expect(
      SURVEY_TEMPLATES.find((t) => t.id === 'sipas')!.questions.filter((q) => q.satisfaction),
    ).toHaveLength(5);
  });

  it('refuses duplicate keys, choices without options, empty text and a text question counted as satisfaction', () => {
    const problems = surveyProblems([
      { key: 'a', kind: 'single', text: 'X', required: true, options: ['Một'] },
      { key: 'a', kind: 'text', text: '  ', required: false, satisfaction: true },
      { key: 'b', kind: 'scale', text: 'Y', required: true, options: ['z'] },
      {
        key: 'c',
        kind: 'single',
        text: 'Z',
        required: true,
        options: ['A', 'B'],
        satisfaction: true,
        satisfiedOptions: [0, 1],
      },
    ]);
    expect(problems).toEqual([
      'Câu 1: câu hỏi lựa chọn cần ít nhất hai phương án.',
      'Câu 2: mã câu hỏi "a" bị trùng.',
      'Câu 2: chưa có nội dung câu hỏi.',
      'Câu 2: chỉ câu chọn một phương án hoặc câu thang điểm 1–5 mới được tính vào tỷ lệ hài lòng.',
      'Câu 3: chỉ câu hỏi lựa chọn mới có phương án.',
      'Câu 4: cần chọn những phương án được tính là "hài lòng" (không phải tất cả).',
    ]);
  });
});

describe('checkAnswers', () => {
  it('accepts each kind and cleans the answers', () => {
    const r = checkAnswers(all, {
      rating: 1,
      access: 5,
      channels: [2, 0],
      comment: '  Tốt  ',
      extra: 'bỏ qua',
    });
    expect(r).toEqual({ ok: true, answers: { rating: 1, access: 5, channels: [0, 2], comment: 'Tốt' } });
  });

  it.each([
    [{ access: 4 }, 'Câu 1 là câu bắt buộc: vui lòng trả lời.'],
    [{ rating: 3, access: 4 }, 'Câu 1: phương án đã chọn không hợp lệ.'],
    [{ rating: 0, access: 6 }, 'Câu 2: điểm phải từ 1 đến 5.'],
    [{ rating: 0, access: 2.5 }, 'Câu 2: điểm phải từ 1 đến 5.'],
    [{ rating: 0, access: 3, channels: [1, 1] }, 'Câu 3: các phương án đã chọn không hợp lệ.'],
    [{ rating: 0, access: 3, channels: [7] }, 'Câu 3: các phương án đã chọn không hợp lệ.'],
    [{ rating: 0, access: 3, comment: 5 }, 'Câu 4: câu trả lời phải là văn bản.'],
    [{ rating: 0, access: 3, comment: 'x'.repeat(2001) }, 'Câu 4: câu trả lời tối đa 2000 ký tự.'],
  ])('%j → %s', (answers, message) => {
    expect(checkAnswers(all, answers)).toEqual({ ok: false, message });
  });

  it('keeps text that looks like HTML as text', () => {
    const r = checkAnswers([text], { comment: '<script>alert(1)</script>' });
    expect(r).toEqual({ ok: true, answers: { comment: '<script>alert(1)</script>' } });
  });
});

describe('satisfaction', () => {
  it('counts scale 5 as very satisfied, 4 satisfied, 1–3 not; single choice by its options', () => {
    expect(responseSatisfaction(all, { rating: 0, access: 5 })).toEqual({
      verySatisfied: 2,
      satisfied: 0,
      notSatisfied: 0,
    });
    expect(responseSatisfaction(all, { rating: 1, access: 4 })).toEqual({
      verySatisfied: 0,
      satisfied: 2,
      notSatisfied: 0,
    });
    expect(responseSatisfaction(all, { rating: 2, access: 3 })).toEqual({
      verySatisfied: 0,
      satisfied: 0,
      notSatisfied: 2,
    });
    expect(responseSatisfaction([{ ...scale, satisfaction: false }], { access: 5 })).toEqual({
      verySatisfied: 0,
      satisfied: 0,
      notSatisfied: 0,
    });
  });

  it('rates answers: 3 satisfied of 4 = 75 %, no answers = no data', () => {
    const f = surveySatisfaction({ verySatisfied: 1, satisfied: 2, notSatisfied: 1 });
    expect(f).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
    expect(surveySatisfaction({ verySatisfied: 0, satisfied: 0, notSatisfied: 0 }).value).toBeNull();
  });
});

describe('questionResults', () => {
  it('gives each question its distribution', () => {
    const res = questionResults(all, [
      { rating: 0, access: 5, channels: [0, 2], comment: 'Một' },
      { rating: 2, access: 2, channels: [2] },
      { rating: 0, access: 4, comment: 'Hai' },
    ]);
    expect(res[0]).toMatchObject({ answered: 3, options: [{ count: 2 }, { count: 0 }, { count: 1 }] });
    expect(res[1]).toMatchObject({ answered: 3, scores: [0, 1, 0, 1, 1], mean: 3.67 });
    expect(res[2]).toMatchObject({ answered: 2, options: [{ count: 1 }, { count: 0 }, { count: 2 }] });
    expect(res[3]).toMatchObject({ answered: 2, texts: ['Hai', 'Một'] });
  });

  it('writes answers as spreadsheet cells', () => {
    expect(answerText(single, 1)).toBe('Hài lòng');
    expect(answerText(multiple, [0, 2])).toBe('Website; Zalo');
    expect(answerText(scale, 4)).toBe(4);
    expect(answerText(text, undefined)).toBe('');
  });
});
