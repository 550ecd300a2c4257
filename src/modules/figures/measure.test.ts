import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRIC_SOURCES, metricFigure } from '../../core/figures/index.js';
import type { FigureFamilies } from '../../core/figures/index.js';
import { figure } from '../../core/metrics/index.js';
import type { Figure } from '../../core/metrics/index.js';
import { figuresMeasure } from './measure.js';

/** Families whose every figure is distinct, so a wrong pick shows. */
function families(seed: number): FigureFamilies {
  let n = seed;
  const f = (): Figure => figure((n += 1), n + 7, `f${n}`);
  return {
    dossiers: {
      onTimeRate: f(),
      onlineShare: f(),
      onlinePaymentShare: f(),
      digitisation: f(),
      satisfaction: f(),
      dossierSatisfaction: f(),
    } as unknown as FigureFamilies['dossiers'],
    feedback: {
      counts: { received: 0, answered: 0, answeredOnTime: 0, published: 0 },
      rates: { answeredOnTime: f(), published: f() },
    },
    surveys: f(),
    documents: {
      electronic: f(),
      signed: f(),
      officialChannel: f(),
      incomingOnTime: f(),
    } as unknown as FigureFamilies['documents'],
  };
}

describe('the figures service (ADR 013)', () => {
  it('measures each metric from its family, over the scope and dates asked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(...(Object.keys(METRIC_SOURCES) as (keyof typeof METRIC_SOURCES)[])),
        async (seed, metric) => {
          const fam = families(seed);
          const asked: unknown[] = [];
          const svc = figuresMeasure({
            dossiers: async (s, from, to) => (asked.push([s, from, to]), fam.dossiers),
            feedback: async (s, from, to) => (asked.push([s, from, to]), fam.feedback),
            surveys: async (s, from, to) => (asked.push([s, from, to]), fam.surveys),
            documents: async (s, from, to) => (asked.push([s, from, to]), fam.documents),
          });
          const got = await svc.measure(metric, 7, '2026-01-01', '2026-03-31');
          expect(got).toBe(metricFigure(metric, fam));
          expect(got).not.toBeNull();
          expect(asked).toEqual([[{ unitId: 7, subtree: false }, '2026-01-01', '2026-03-31']]);
        },
      ),
    );
  });

  it('gives null, never a number, for an unknown metric or a family without a source', async () => {
    const svc = figuresMeasure({});
    expect(await svc.measure('dossier_on_time', 1, '2026-01-01', '2026-01-31')).toBeNull();
    expect(await svc.measure('toString', 1, '2026-01-01', '2026-01-31')).toBeNull();
    expect(await svc.family('documents', 1, '2026-01-01', '2026-01-31')).toBeNull();
  });

  it('refuses a subtree from a unit-only source, and reads PAR names through PAR_METRIC_NAMES', async () => {
    const fam = families(1);
    const svc = figuresMeasure({ dossiers: async () => fam.dossiers, subtree: [] });
    await expect(
      svc.family('dossiers', { unitId: 1, subtree: true }, '2026-01-01', '2026-01-31'),
    ).rejects.toThrow(RangeError);
    expect(await svc.measureForPar(1, 'dossier_satisfaction', '2026-01-01', '2026-01-31')).toBe(
      fam.dossiers.dossierSatisfaction,
    );
    expect(await svc.measure('dossier_satisfaction', 1, '2026-01-01', '2026-01-31')).toBe(
      fam.dossiers.satisfaction,
    );
  });
});
