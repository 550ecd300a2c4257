import { describe, expect, it } from 'vitest';
import { figure } from '../../core/metrics/index.js';
import { TRANSPARENCY_FIGURES, buildTransparencyFigures } from './figures.js';

const unit = { id: 1, code: 'MNTT', name: 'Trường Mầm non Tuổi Thơ' };
const period = { from: '2026-01-01', to: '2026-05-05' };

describe('buildTransparencyFigures', () => {
  it('lists every figure in order, from its provider, with its period and definition', async () => {
    const seen: unknown[] = [];
    const out = await buildTransparencyFigures(
      {
        dossier_on_time: async (u, p) => {
          seen.push([u.code, p]);
          return figure(2, 3, 'Định nghĩa của nguồn');
        },
      },
      unit,
      period,
    );
    expect(out.map((f) => f.key)).toEqual(TRANSPARENCY_FIGURES.map((f) => f.key));
    expect(seen).toEqual([['MNTT', period]]);
    expect(out[0]).toEqual({
      key: 'dossier_on_time',
      label: TRANSPARENCY_FIGURES[0].label,
      value: 66.67,
      numerator: 2,
      denominator: 3,
      period,
      definition: 'Định nghĩa của nguồn',
    });
  });

  it('shows no number for a figure without a provider, or whose provider has no data', async () => {
    const out = await buildTransparencyFigures(
      { survey_satisfaction: async () => figure(0, 0, 'x'), feedback_published: async () => null },
      unit,
      period,
    );
    const by = (k: string) => out.find((f) => f.key === k)!;
    expect(by('survey_satisfaction')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(by('feedback_published')).toMatchObject({ value: null, numerator: null, denominator: null });
    expect(by('feedback_answered_on_time')).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      period,
    });
    expect(by('feedback_answered_on_time').definition).toContain('phản ánh, kiến nghị');
  });
});
