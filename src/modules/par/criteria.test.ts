import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { DEMO_PAR_FILE } from '../../demo/par-criteria.js';
import { mergedLayoutSet, parApp, world } from './par.test-support.js';

describeEachDb('PAR Index: criteria sets', (open) => {
  const h = parApp(open);

  it('imports criteria sets in two layouts with their totals, refuses a broken one naming the rows', async () => {
    const w = await world(h.t);
    const demo = await readFile(DEMO_PAR_FILE);
    const preview = await h.upload(
      '/api/par/criteria-sets/preview',
      w.wardOfficer.cookie,
      {},
      { filename: 'bo-tieu-chi.xlsx', content: demo },
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      ok: true,
      issues: [],
      totals: { fields: 8, leaves: 28, totalMax: 100 },
    });
    expect(
      preview.json<{ totals: { perField: { max: number }[] } }>().totals.perField.map((f) => f.max),
    ).toEqual([14, 8, 20, 8, 12, 10, 18, 10]);

    const merged = await h.upload(
      '/api/par/criteria-sets/preview',
      w.wardOfficer.cookie,
      {},
      { filename: 'xa.xlsx', content: await mergedLayoutSet() },
    );
    expect(merged.json()).toMatchObject({
      ok: true,
      totals: { fields: 2, criteria: 4, leaves: 3, totalMax: 10 },
    });
    const tree = merged.json<{
      tree: {
        code: string;
        children: { code: string; children: { code: string; evidence: string | null }[] }[];
      }[];
    }>().tree;
    expect(tree.map((f) => f.code)).toEqual(['I', 'II']);
    expect(tree[0]!.children[0]!.children.map((c) => [c.code, c.evidence])).toEqual([
      ['a)', 'Kế hoạch'],
      ['b)', null],
    ]);

    const broken = await h.upload(
      '/api/par/criteria-sets',
      w.wardOfficer.cookie,
      { name: 'Bộ hỏng', year: '2026' },
      { filename: 'hong.xlsx', content: await mergedLayoutSet({ broken: true }) },
    );
    expect(broken.statusCode).toBe(400);
    expect(
      broken
        .json<{ error: { message: string; details: { issues: { row: number }[] } } }>()
        .error.details.issues.map((i) => i.row),
    ).toEqual([5, 9]);
    expect(broken.json<{ error: { message: string } }>().error.message).toContain('dòng 5');
    expect(
      (await h.req('GET', `/api/par/criteria-sets?unitId=${w.ward.id}`, w.wardOfficer.cookie)).json<{
        items: unknown[];
      }>().items,
    ).toHaveLength(0);

    // A school cannot import for its ward (out of its reach: 404).
    expect(
      (
        await h.upload(
          '/api/par/criteria-sets',
          w.head.cookie,
          { name: 'Bộ tiêu chí', year: '2026', unitId: String(w.ward.id) },
          { filename: 'b.xlsx', content: demo },
        )
      ).statusCode,
    ).toBe(404);
  });

  it('numbers versions of one set once each under simultaneous imports, and keeps only the newest active', async () => {
    const w = await world(h.t);
    const demo = await readFile(DEMO_PAR_FILE);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        h.upload(
          '/api/par/criteria-sets',
          w.wardOfficer.cookie,
          { name: 'Bộ tiêu chí đồng thời', year: '2027', unitKind: 'school' },
          { filename: 'bo.xlsx', content: demo },
        ),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const versions = results.map((r) => r.json<{ version: number }>().version).sort((a, b) => a - b);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
    const sets = (
      await h.req('GET', `/api/par/criteria-sets?unitId=${w.ward.id}&year=2027`, w.wardOfficer.cookie)
    ).json<{ items: { version: number; status: string }[] }>().items;
    expect(sets.filter((x) => x.status === 'active').map((x) => x.version)).toEqual([6]);
  });
});

describe('the shipped demo set', () => {
  it('names its source', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(DEMO_PAR_FILE)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]!.getCell('A2').text).toContain('876/QĐ-BNV');
  });
});
