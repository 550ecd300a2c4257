/**
 * `cchc procedures import` and `cchc dossiers import`, run as a user would. Needs the commands
 * registered in src/cli/index.ts (`registerDossierCommands(program, withDb)`); bin/cchc.js runs
 * dist/src/cli/index.js when it exists, so rebuild (`npm run build`) after registering them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cchc } from '../support/cli.js';

const root = process.cwd();
const fixtures = path.join(root, 'tests', 'fixtures', 'registers');


describe('cchc procedures import / dossiers import', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cli-dossiers-'));
    env = { DATABASE_URL: `sqlite:${path.join(dir, 'cli.sqlite')}` };
    const created = await cchc(
      [
        'user',
        'create',
        '--username',
        'motcua',
        '--name',
        'Lê Thị Hoa',
        '--unit',
        'thcshb',
        '--unit-name',
        'Trường THCS Hòa Bình',
        '--unit-kind',
        'school',
        '--role',
        'admin',
        'officer',
        '--password',
        'mat-khau-dau-tien',
      ],
      env,
    );
    expect(created.stdout).toContain('Đã tạo đơn vị gốc THCSHB');
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports the procedure catalogue, and refuses a catalogue with row errors with exit code 1', async () => {
    const ok = await cchc(
      ['procedures', 'import', path.join(fixtures, 'danh-muc-thu-tuc.csv'), '--unit', 'THCSHB'],
      env,
    );
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      'dòng 4: 1.004438 — Chuyển trường đối với học sinh trung học cơ sở · 3 ngày làm việc',
    );
    expect(ok.stdout).toContain('Đã lưu danh mục: 5 thêm mới, 0 cập nhật, 0 không đổi.');

    const bad = await cchc(
      ['procedures', 'import', path.join(fixtures, 'danh-muc-loi.csv'), '--unit', 'THCSHB'],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('dòng 3: Thời hạn giải quyết: không đọc được thời hạn "Theo quy định"');
    expect(bad.stderr).toContain('Lỗi: Tệp danh mục có 3 dòng lỗi: chưa lưu thủ tục nào.');
  }, 60_000);

  it('reads a register (dry run), imports it, then refuses it again with the rows that clash', async () => {
    const file = path.join(fixtures, 'so-ho-so-phan-mem-khac.csv');
    const dry = await cchc(['dossiers', 'import', file, '--unit', 'THCSHB', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('[4] Chủ hồ sơ → applicantName (Người nộp hồ sơ)');
    expect(dry.stdout).toContain('Dòng hồ sơ: 7 (hợp lệ 7, lỗi 0; bỏ qua 1 dòng không phải hồ sơ).');
    expect(dry.stdout).toContain('chưa lưu gì');

    const saved = await cchc(
      ['dossiers', 'import', file, '--unit', 'THCSHB', '--json', '--mapping', '{"email": null}'],
      env,
    );
    expect(saved.code).toBe(0);
    const out = JSON.parse(saved.stdout) as {
      imported: number;
      preview: { mapping: Record<string, number> };
    };
    expect(out.imported).toBe(7);
    expect(out.preview.mapping.email).toBeUndefined();

    const again = await cchc(['dossiers', 'import', file, '--unit', 'THCSHB'], env);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('dòng 4: Mã hồ sơ: mã 000.00.20.H29-260105-0001 đã có trong hệ thống');
    expect(again.stderr).toContain('Lỗi: Tệp có 7 dòng lỗi: chưa lưu hồ sơ nào.');

    const badMapping = await cchc(
      ['dossiers', 'import', file, '--unit', 'THCSHB', '--mapping', '{"khong": 1}'],
      env,
    );
    expect(badMapping.code).toBe(1);
    expect(badMapping.stderr).toContain('--mapping không hợp lệ');
  }, 60_000);
});
