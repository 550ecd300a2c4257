/**
 * The figures of a unit's public transparency page (domain.md §1.6: on-time rate, satisfaction
 * rate, answers to feedback, plan progress), each with its period and its definition. Each figure
 * comes from an injected provider; a figure without a provider, or whose provider has no data,
 * is shown as "chưa có số liệu" — never as a made-up number.
 */
import { FEEDBACK_DEFINITIONS } from '../../core/metrics/index.js';
import { DOCUMENT_FIGURE_DEFINITIONS } from '../../core/documents/index.js';
import type { Figure } from '../../core/metrics/index.js';
import type { FigureMetric } from '../../core/figures/index.js';
import type { MeasureFigure } from '../figures/measure.js';

/** Vietnam dates 'YYYY-MM-DD', both included. */
export interface TransparencyPeriod {
  from: string;
  to: string;
}

export interface TransparencyUnit {
  id: number;
  code: string;
  name: string;
}

/** One figure of a unit over a period; null when there is nothing to measure it with. */
export type FigureProvider = (unit: TransparencyUnit, period: TransparencyPeriod) => Promise<Figure | null>;

export interface TransparencyFigure {
  key: TransparencyFigureKey;
  label: string;
  /** Percentage (2 decimals), null when there is no data. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  period: TransparencyPeriod;
  definition: string;
}

/** The page's figures in the order shown; `definition` is used when the provider gives none. */
export const TRANSPARENCY_FIGURES = [
  {
    key: 'dossier_on_time',
    label: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn',
    definition:
      'Số hồ sơ giải quyết trước hạn, đúng hạn và đang giải quyết trong hạn ÷ số hồ sơ xử lý trong kỳ.',
  },
  {
    key: 'survey_satisfaction',
    label: 'Tỷ lệ hài lòng qua khảo sát',
    definition:
      'Số câu trả lời hài lòng và rất hài lòng ÷ số câu trả lời cho các câu hỏi tính vào tỷ lệ hài lòng của các phiếu khảo sát trong kỳ.',
  },
  {
    key: 'dossier_satisfaction',
    label: 'Tỷ lệ hài lòng khi nhận kết quả hồ sơ',
    definition:
      'Số hồ sơ được đánh giá hài lòng và rất hài lòng ÷ số hồ sơ được đánh giá khi trả kết quả trong kỳ.',
  },
  {
    key: 'feedback_answered_on_time',
    label: 'Tỷ lệ phản ánh, kiến nghị được trả lời đúng hạn',
    definition: FEEDBACK_DEFINITIONS.answeredOnTime,
  },
  {
    key: 'feedback_published',
    label: 'Tỷ lệ phản ánh, kiến nghị được công khai kết quả',
    definition: FEEDBACK_DEFINITIONS.published,
  },
  {
    key: 'document_electronic',
    label: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử (trừ văn bản mật)',
    definition: DOCUMENT_FIGURE_DEFINITIONS.electronic,
  },
  {
    key: 'document_signed',
    label: 'Tỷ lệ văn bản đi được ký số',
    definition: DOCUMENT_FIGURE_DEFINITIONS.signed,
  },
  {
    key: 'document_official_channel',
    label: 'Tỷ lệ văn bản gửi, nhận qua hệ thống quản lý văn bản, thư điện tử công vụ',
    definition: DOCUMENT_FIGURE_DEFINITIONS.officialChannel,
  },
  {
    key: 'plan_tasks_done',
    label: 'Tỷ lệ nhiệm vụ kế hoạch CCHC đã hoàn thành',
    definition:
      'Số nhiệm vụ đã hoàn thành ÷ số nhiệm vụ của kế hoạch cải cách hành chính năm đang có hiệu lực (không tính nhiệm vụ không áp dụng).',
  },
] as const;

export type TransparencyFigureKey = (typeof TRANSPARENCY_FIGURES)[number]['key'];
export type TransparencyProviders = Partial<Record<TransparencyFigureKey, FigureProvider>>;

export const NO_DATA = 'chưa có số liệu';

/** Every figure of the page, from whatever providers are given. */
export async function buildTransparencyFigures(
  providers: TransparencyProviders,
  unit: TransparencyUnit,
  period: TransparencyPeriod,
): Promise<TransparencyFigure[]> {
  return Promise.all(
    TRANSPARENCY_FIGURES.map(async (f): Promise<TransparencyFigure> => {
      const provider = providers[f.key];
      const measured = provider ? await provider(unit, period) : null;
      if (!measured)
        return {
          key: f.key,
          label: f.label,
          value: null,
          numerator: null,
          denominator: null,
          period,
          definition: f.definition,
        };
      return {
        key: f.key,
        label: f.label,
        value: measured.denominator === 0 ? null : measured.value,
        numerator: measured.numerator,
        denominator: measured.denominator,
        period,
        definition: measured.definition || f.definition,
      };
    }),
  );
}

/** The page's register figures, each the figures service's metric of the same name (ADR 013). */
const MEASURED_KEYS = [
  'dossier_on_time',
  'dossier_satisfaction',
  'survey_satisfaction',
  'feedback_answered_on_time',
  'feedback_published',
  'document_electronic',
  'document_signed',
  'document_official_channel',
] as const satisfies readonly (TransparencyFigureKey & FigureMetric)[];

/** The providers of the page's register figures, from the one figures service. */
export function transparencyProviders(measure: MeasureFigure): TransparencyProviders {
  return Object.fromEntries(
    MEASURED_KEYS.map((key): [TransparencyFigureKey, FigureProvider] => [
      key,
      (unit, p) => measure(key, unit.id, p.from, p.to),
    ]),
  );
}
