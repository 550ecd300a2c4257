import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandsFromGuide,
  checkTree,
  classifyCode,
  countedMax,
  parseCriteriaRows,
  treeTotals,
} from './criteria.js';
import type { ParNode, SheetRow } from './criteria.js';
import { bandPoints, checkScore, finalIndex, rank, totals } from './scoring.js';

const rows = (...lines: (string | number | null)[][]): SheetRow[] =>
  lines.map((cells, i) => ({ row: i + 1, cells }));

describe('criteria rows → tree', () => {
  it('reads a code column with Roman fields, numbered criteria, dotted and lettered leaves', () => {
    const parsed = parseCriteriaRows(
      rows(
        ['BỘ TIÊU CHÍ', null, null],
        ['STT', 'Lĩnh vực, tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Tài liệu kiểm chứng'],
        ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', 5],
        [1, 'Kế hoạch CCHC năm', 3],
        ['1.1', 'Ban hành kế hoạch đúng thời hạn', 1, 'Kế hoạch CCHC'],
        ['1.2', 'Mức độ thực hiện kế hoạch', 2],
        ['a)', 'Hoàn thành 100% kế hoạch', 1],
        ['b)', 'Báo cáo đúng hạn', 1],
        [2, 'Tự kiểm tra CCHC', 2],
        ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 3],
        [1, 'Công khai thủ tục', 3],
        ['Tổng cộng', null, 8],
      ),
    );
    expect(parsed.issues).toEqual([]);
    const t = treeTotals(parsed.fields);
    expect(t).toMatchObject({ fields: 2, criteria: 7, leaves: 5, totalMax: 8 });
    const i = parsed.fields[0]!;
    expect(i.children.map((c) => c.code)).toEqual(['1', '2']);
    expect(i.children[0]!.children[1]!.children.map((c) => [c.code, c.depth])).toEqual([
      ['a)', 4],
      ['b)', 4],
    ]);
    expect(i.children[0]!.children[0]!.evidence).toBe('Kế hoạch CCHC');
  });

  it('reads codes from the text column and capital field rows without a code', () => {
    const parsed = parseCriteriaRows(
      rows(
        ['Nội dung', 'Điểm tối đa'],
        ['CÔNG TÁC CHỈ ĐẠO', 4],
        ['1. Kế hoạch', 4],
        ['a) Ban hành kịp thời', 2],
        ['b) Thực hiện đủ', 2],
      ),
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.fields[0]).toMatchObject({ code: 'I', title: 'CÔNG TÁC CHỈ ĐẠO' });
    expect(parsed.fields[0]!.children[0]!.children.map((c) => c.title)).toEqual([
      'Ban hành kịp thời',
      'Thực hiện đủ',
    ]);
  });

  it('names the rows of a broken set', () => {
    const parsed = parseCriteriaRows(
      rows(
        ['TT', 'Tiêu chí', 'Điểm tối đa'],
        ['I', 'LĨNH VỰC A', 5],
        [1, 'Tiêu chí một', 2],
        [2, 'Tiêu chí hai', null],
        ['II', 'LĨNH VỰC B', 'nhiều'],
      ),
    );
    expect(parsed.issues.map((x) => [x.row, x.code])).toEqual([
      [2, 'I'],
      [4, '2'],
      [5, 'II'],
    ]);
    expect(parsed.issues[0]!.message).toContain('Tổng điểm các tiêu chí con');
  });

  it('refuses a sheet without a header row', () => {
    expect(parseCriteriaRows(rows(['a', 'b'])).issues[0]!.message).toContain('Không tìm thấy dòng tiêu đề');
  });

  it('reads bands from a scoring guide', () => {
    expect(bandsFromGuide('Từ 98% trở lên: 2 điểm; từ 95% đến dưới 98%: 1 điểm; dưới 95%: 0 điểm')).toEqual([
      { min: 98, points: 2 },
      { min: 95, points: 1 },
    ]);
    expect(bandsFromGuide('Có kế hoạch: 1 điểm')).toBeNull();
  });

  it('classifies codes', () => {
    expect(classifyCode('IV')).toMatchObject({ kind: 'roman' });
    expect(classifyCode('12.')).toMatchObject({ kind: 'number', code: '12' });
    expect(classifyCode('2.3.1')).toMatchObject({ kind: 'dotted', dots: 2 });
    expect(classifyCode('c)')).toMatchObject({ kind: 'letter', code: 'c)' });
    expect(classifyCode('Tổng')).toBeNull();
  });
});

describe('criteria rows → tree, properties', () => {
  const leafArb = fc.integer({ min: 0, max: 20 }).map((n) => n / 2);
  it('property: a generated consistent tree parses back with its total and no issue', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.array(leafArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
          { minLength: 1, maxLength: 5 },
        ),
        (shape) => {
          const lines: (string | number | null)[][] = [['STT', 'Tiêu chí', 'Điểm tối đa']];
          let total = 0;
          shape.forEach((field, f) => {
            const fieldMax = field.flat().reduce((s, x) => s + x, 0);
            total += fieldMax;
            lines.push([['I', 'II', 'III', 'IV', 'V'][f]!, `LĨNH VỰC ${f}`, fieldMax]);
            field.forEach((crit, c) => {
              lines.push([c + 1, `Tiêu chí ${c + 1}`, crit.reduce((s, x) => s + x, 0)]);
              crit.forEach((leaf, l) => lines.push([`${c + 1}.${l + 1}`, `Thành phần ${l + 1}`, leaf]));
            });
          });
          const parsed = parseCriteriaRows(rows(...lines));
          expect(parsed.issues).toEqual([]);
          const t = treeTotals(parsed.fields);
          expect(t.totalMax).toBeCloseTo(total, 6);
          expect(t.leaves).toBe(shape.flat(2).length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property: changing one leaf maximum is reported at its parent row', () => {
    fc.assert(
      fc.property(fc.array(leafArb, { minLength: 2, maxLength: 6 }), fc.nat(), (leaves, k) => {
        const sum = leaves.reduce((s, x) => s + x, 0);
        const node = (max: number, children: ParNode[] = [], code = '1', row = 1): ParNode => ({
          code,
          title: 't',
          depth: 1,
          maxPoints: max,
          guide: null,
          evidence: null,
          sign: 'normal',
          row,
          children,
        });
        const i = k % leaves.length;
        const children = leaves.map((m, j) => node(j === i ? m + 1 : m, [], `1.${j + 1}`, j + 2));
        const issues = checkTree([node(sum, children)]);
        expect(issues).toHaveLength(1);
        expect(issues[0]!.row).toBe(1);
        expect(countedMax(node(sum, children))).toBe(sum);
      }),
    );
  });
});

describe('scoring', () => {
  it('checks a score against its rule', () => {
    expect(checkScore({ kind: 'manual', step: 0.25 }, 2, 1.75)).toBeNull();
    expect(checkScore({ kind: 'manual', step: 0.5 }, 2, 1.75)).toContain('bước 0,5');
    expect(checkScore({ kind: 'manual' }, 2, 2.5)).toContain('vượt quá điểm tối đa (2)');
    expect(checkScore({ kind: 'yes_no' }, 1, 0.5)).toContain('0 hoặc 1');
    expect(checkScore({ kind: 'yes_no' }, 1, 1)).toBeNull();
  });

  it('scores a figure by bands (≥ 98 % full, ≥ 95 % half, else 0)', () => {
    const bands = [
      { min: 98, points: 2 },
      { min: 95, points: 1 },
    ];
    expect(bandPoints(bands, 99)).toBe(2);
    expect(bandPoints(bands, 98)).toBe(2);
    expect(bandPoints(bands, 97.99)).toBe(1);
    expect(bandPoints(bands, 10)).toBe(0);
    expect(bandPoints(bands, null)).toBeNull();
  });

  it('rescales the total to the reduced maximum when leaves do not apply', () => {
    const t = totals([
      { max: 10, sign: 'normal', score: 8, notApplicable: false },
      { max: 20, sign: 'normal', score: null, notApplicable: true },
      { max: 10, sign: 'normal', score: 10, notApplicable: false },
      { max: 2, sign: 'bonus', score: 1, notApplicable: false },
      { max: 1, sign: 'minus', score: 1, notApplicable: false },
    ]);
    expect(t).toMatchObject({ max: 40, reducedMax: 20, score: 18, indexOn100: 90, notApplicable: 1 });
  });

  it('property: the index stays within 0..100 and equals the plain ratio without exclusions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            max: fc.integer({ min: 1, max: 10 }),
            frac: fc.double({ min: 0, max: 1, noNaN: true }),
            na: fc.boolean(),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (ls) => {
          const leaves = ls.map((l) => ({
            max: l.max,
            sign: 'normal' as const,
            score: Math.round(l.max * l.frac * 4) / 4,
            notApplicable: l.na,
          }));
          const t = totals(leaves);
          if (t.indexOn100 !== null) {
            expect(t.indexOn100).toBeGreaterThanOrEqual(0);
            expect(t.indexOn100).toBeLessThanOrEqual(100);
          }
          const all = totals(leaves.map((l) => ({ ...l, notApplicable: false })));
          const ratio =
            (leaves.reduce((s, l) => s + l.score, 0) / leaves.reduce((s, l) => s + l.max, 0)) * 100;
          expect(all.indexOn100!).toBeCloseTo(ratio, 1);
          expect(t.reducedMax).toBeLessThanOrEqual(t.max);
        },
      ),
    );
  });

  it('adds a survey part with its weight', () => {
    expect(finalIndex(80, { weight: 30, rate: 90 })).toBe(83);
    expect(finalIndex(80, null)).toBe(80);
    expect(finalIndex(80, { weight: 30, rate: null })).toBeNull();
  });

  it('ranks units, ties sharing a rank, with the change from last year', () => {
    expect(
      rank([
        { unitId: 1, index: 80, previous: 85 },
        { unitId: 2, index: 90, previous: null },
        { unitId: 3, index: 80, previous: 70 },
        { unitId: 4, index: null, previous: 60 },
      ]).map((r) => [r.unitId, r.rank, r.change]),
    ).toEqual([
      [2, 1, null],
      [1, 2, -5],
      [3, 2, 10],
      [4, null, null],
    ]);
  });

  it('property: ranks never decrease as the index falls', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 100 })), { maxLength: 20 }), (xs) => {
        const out = rank(xs.map((x, i) => ({ unitId: i + 1, index: x, previous: null })));
        const ranked = out.filter((r) => r.rank !== null);
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i]!.index!).toBeLessThanOrEqual(ranked[i - 1]!.index!);
          expect(ranked[i]!.rank!).toBeGreaterThanOrEqual(ranked[i - 1]!.rank!);
        }
      }),
    );
  });
});
