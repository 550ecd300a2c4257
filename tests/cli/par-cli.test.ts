/**
 * `cchc par import-criteria`, run as a user would (bin/cchc.js runs dist/src/cli/index.js when it
 * exists: rebuild with `npm run build` after changing the command).
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAR_FILE } from '../../src/demo/par-criteria.js';
import { cchc } from '../support/cli.js';

describe('cchc par import-criteria', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cli-par-'));
    env = { DATABASE_URL: `sqlite:${path.join(dir, 'cli.sqlite')}` };
    const created = await cchc(
      [
        'user',
        'create',
        '--username',
        'noivu',
        '--name',
        'Trần Văn Bình',
        '--unit',
        'PCS',
        '--unit-name',
        'Phường Chỉ Số',
        '--unit-kind',
        'ward',
        '--role',
        'admin',
        '--password',
        'mat-khau-dau-tien',
      ],
      env,
    );
    expect(created.stdout).toContain('Đã tạo đơn vị gốc PCS');
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const importDemo = (...more: string[]) =>
    cchc(
      [
        'par',
        'import-criteria',
        DEMO_PAR_FILE,
        '--name',
        'Bộ tiêu chí trường học',
        '--year',
        '2026',
        ...more,
      ],
      env,
    );

  it('prints fields, criteria, leaves and the total (dry run), imports versions, refuses a broken set with exit code 1', async () => {
    const dry = await importDemo('--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'Lĩnh vực: 8; tiêu chí: 33; tiêu chí thành phần (chấm điểm): 28; tổng điểm tối đa: 100.',
    );
    expect(dry.stdout).toContain('Chạy thử (--dry-run): chưa lưu gì.');

    const first = await importDemo('--unit-kind', 'school', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      ok: true,
      saved: { version: 1 },
      totals: { totalMax: 100 },
    });
    const second = await importDemo('--unit-kind', 'school', '--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ saved: { version: 2 } });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('TC');
    ws.addRow(['STT', 'Tiêu chí', 'Điểm tối đa']);
    ws.addRow(['I', 'LĨNH VỰC', 5]);
    ws.addRow(['1', 'Tiêu chí', 3]);
    const broken = path.join(dir, 'hong.xlsx');
    await wb.xlsx.writeFile(broken);
    const bad = await cchc(['par', 'import-criteria', broken, '--name', 'Hỏng', '--year', '2026'], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('dòng 2 (I): Tổng điểm các tiêu chí con (3) khác điểm tối đa (5).');
    expect(bad.stdout).toContain('chưa lưu gì');
  }, 120_000);
});
