/**
 * Shipped survey templates: the national SIPAS survey's five elements (domain.md §9) and the
 * per-dossier rating. Staff start from one and edit it.
 */
import type { SurveyQuestion } from './types.js';

export const RATING_OPTIONS = ['Rất hài lòng', 'Hài lòng', 'Không hài lòng'];

/** The five SIPAS elements, each rated 1–5 (4–5 = satisfied), then an overall rating and a comment. */
export const SIPAS_ELEMENTS = [
  { key: 'access', text: 'Tiếp cận dịch vụ (nơi tiếp nhận, hướng dẫn, thông tin công khai)' },
  { key: 'procedure', text: 'Thủ tục hành chính (thành phần hồ sơ, thời hạn, phí, lệ phí đúng quy định)' },
  {
    key: 'officer',
    text: 'Công chức, viên chức trực tiếp giải quyết (thái độ, hướng dẫn, tuân thủ quy định)',
  },
  { key: 'result', text: 'Kết quả giải quyết (đúng hạn, chính xác, đầy đủ)' },
  { key: 'feedback', text: 'Tiếp nhận, xử lý phản ánh, kiến nghị' },
] as const;

export interface SurveyTemplate {
  id: 'sipas' | 'dossier_rating' | 'blank';
  title: string;
  description: string;
  questions: SurveyQuestion[];
}

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    id: 'sipas',
    title: 'Khảo sát sự hài lòng về sự phục vụ (SIPAS)',
    description:
      'Xin ông/bà cho biết mức độ hài lòng với từng nội dung dưới đây (1: rất không hài lòng, 5: rất hài lòng). Phiếu không ghi tên.',
    questions: [
      ...SIPAS_ELEMENTS.map((e) => ({
        key: e.key,
        kind: 'scale' as const,
        text: e.text,
        required: true,
        satisfaction: true,
      })),
      { key: 'comment', kind: 'text', text: 'Góp ý để đơn vị phục vụ tốt hơn', required: false },
    ],
  },
  {
    id: 'dossier_rating',
    title: 'Đánh giá mức độ hài lòng khi nhận kết quả',
    description: 'Ông/bà có hài lòng với việc giải quyết hồ sơ của mình không?',
    questions: [
      {
        key: 'rating',
        kind: 'single',
        text: 'Mức độ hài lòng của ông/bà',
        required: true,
        options: RATING_OPTIONS,
        satisfaction: true,
        satisfiedOptions: [0, 1],
        verySatisfiedOption: 0,
      },
      { key: 'comment', kind: 'text', text: 'Góp ý thêm', required: false },
    ],
  },
  { id: 'blank', title: 'Phiếu khảo sát mới', description: '', questions: [] },
];

export function surveyTemplate(id: string): SurveyTemplate | undefined {
  return SURVEY_TEMPLATES.find((t) => t.id === id);
}
