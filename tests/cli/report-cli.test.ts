/**
 * `cchc report generate`, run as a user would, on a fresh SQLite file: a root unit and its plan
 * created through the CLI, then the quarter I report written as .docx and .xlsx. bin/cchc.js runs
 * dist/src/cli/index.js when it exists, so rebuild (`npm run build`) after changing the CLI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cchc } from '../support/cli.js';
import { plainText, readDocx } from '../../src/documents/docx-reader.test-support.js';
import { reportPlanText } from '../../src/modules/reports/fixtures.test-support.js';



describe('cchc report generate', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cli-report-'));
    env = { DATABASE_URL: `sqlite:${path.join(dir, 'cli.sqlite')}` };
    const created = await cchc(
      [
        'user',
        'create',
        '--username',
        'baocao',
        '--name',
        'Lê Văn Báo',
        '--unit',
        'thbc',
        '--unit-name',
        'Trường Tiểu học Báo Cáo',
        '--unit-kind',
        'school',
        '--password',
        'mat-khau-dau-tien',
      ],
      env,
    );
    expect(created.stdout).toContain('Đã tạo đơn vị gốc THBC');
    const plan = path.join(dir, 'ke-hoach.txt');
    fs.writeFileSync(plan, reportPlanText());
    const imported = await cchc(['plan', 'import', plan, '--unit', 'THBC'], env);
    expect(imported.code, imported.stderr).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the quarter I report and its appendices', async () => {
    const out = path.join(dir, 'bao-cao.docx');
    const xlsx = path.join(dir, 'phu-luc.xlsx');
    const r = await cchc(
      ['report', 'generate', '--unit', 'thbc', '--period', '2026-Q1', '--out', out, '--xlsx', xlsx],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Đã ghi ${out} (lập từ số liệu hiện tại`);
    const text = plainText((await readDocx(fs.readFileSync(out))).documentXml);
    expect(text).toContain('Kết quả thực hiện công tác cải cách hành chính quý I năm 2026');
    expect(text).toContain('TRƯỜNG TIỂU HỌC BÁO CÁO');
    expect(text).toMatch(/Số:\s+\/BC-THBC/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Số liệu', 'Phụ lục 1', 'Phụ lục 2']);
  }, 60_000);

  it('refuses a period outside the model, and an unknown unit, in Vietnamese', async () => {
    const q2 = await cchc(
      ['report', 'generate', '--unit', 'THBC', '--period', '2026-Q2', '--out', path.join(dir, 'q2.docx')],
      env,
    );
    expect(q2.code).toBe(1);
    expect(q2.stderr).toContain('Kỳ báo cáo không hợp lệ');
    expect(fs.existsSync(path.join(dir, 'q2.docx'))).toBe(false);
    const unknown = await cchc(
      ['report', 'generate', '--unit', 'KHONGCO', '--period', '2026-Q1', '--out', path.join(dir, 'x.docx')],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không có đơn vị mã KHONGCO');
  }, 60_000);
});
