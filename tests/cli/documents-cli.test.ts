/**
 * `cchc documents import`, run as a user would (bin/cchc.js runs dist/src/cli/index.js when it
 * exists: rebuild with `npm run build` after changing the command).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cchc } from '../support/cli.js';

const fixtures = path.join(process.cwd(), 'tests', 'fixtures', 'documents');

describe('cchc documents import', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cli-documents-'));
    env = { DATABASE_URL: `sqlite:${path.join(dir, 'cli.sqlite')}` };
    const created = await cchc(
      [
        'user',
        'create',
        '--username',
        'vanthu',
        '--name',
        'Lê Thị Hoa',
        '--unit',
        'MNTT',
        '--unit-name',
        'Trường Mầm non Tuổi Thơ',
        '--unit-kind',
        'kindergarten',
        '--role',
        'admin',
        'officer',
        '--password',
        'mat-khau-dau-tien',
      ],
      env,
    );
    expect(created.stdout).toContain('Đã tạo đơn vị gốc MNTT');
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a book (dry run), imports it, and refuses a file with row errors with exit code 1', async () => {
    const file = path.join(fixtures, 'so-van-ban-di.csv');
    const dry = await cchc(['documents', 'import', file, '--unit', 'MNTT', '--dry-run'], env);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('[1] Số ký hiệu → numberText (Số, ký hiệu)');
    expect(dry.stdout).toContain('Dòng văn bản: 5 (hợp lệ 5, lỗi 0; bỏ qua 2 dòng không phải văn bản).');
    expect(dry.stdout).toContain('Chạy thử (--dry-run): chưa lưu gì.');

    const saved = await cchc(['documents', 'import', file, '--unit', 'MNTT', '--json'], env);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ imported: 5, counts: { outgoing: 5, confidential: 1 } });

    const bad = await cchc(
      ['documents', 'import', path.join(fixtures, 'so-van-ban-di-loi.csv'), '--unit', 'MNTT'],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('dòng 3: Số, ký hiệu: không đọc được số, ký hiệu "KH-MNTT"');
    // Its first row's number was imported just before: six rows fail.
    expect(bad.stdout).toContain('dòng 2: Số, ký hiệu: số 1 năm 2026 đã có trong sổ');
    expect(bad.stderr).toContain('Tệp có 6 dòng lỗi: chưa lưu văn bản nào.');

    const incoming = await cchc(
      ['documents', 'import', path.join(fixtures, 'so-van-ban-den.csv'), '--unit', 'MNTT'],
      env,
    );
    expect(incoming.code).toBe(0);
    expect(incoming.stdout).toContain('Đã nhập 4 văn bản vào sổ của Trường Mầm non Tuổi Thơ.');
  }, 120_000);
});
