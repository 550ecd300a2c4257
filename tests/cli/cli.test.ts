import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cchc } from '../support/cli.js';

const root = process.cwd();


describe('cchc command line', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cli-'));
    env = { DATABASE_URL: `sqlite:${path.join(dir, 'cli.sqlite')}` };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the first administrator with its root unit, then imports a plan (dry run, then saved)', async () => {
    const created = await cchc(
      ['user', 'create', '--username', 'quantri', '--name', 'Nguyễn Văn An', '--unit', 'thhb', '--unit-name', 'Trường Tiểu học Hòa Bình', '--unit-kind', 'school', '--role', 'admin', 'officer', '--password', 'mat-khau-dau-tien'],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Đã tạo đơn vị gốc THHB');
    expect(created.stdout).toContain('Đã tạo người dùng "quantri" (admin, officer)');

    const plan = path.join(root, 'src', 'demo', 'plan-demo.md');
    const dry = await cchc(['plan', 'import', plan, '--unit', 'THHB', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Kế hoạch: 12/KH-THHB');
    expect(dry.stdout).toMatch(/nhiệm vụ Phụ lục 1: 25/);
    expect(dry.stdout).toContain('chưa lưu gì');

    const json = await cchc(['plan', 'import', plan, '--unit', 'THHB', '--json'], env);
    const out = JSON.parse(json.stdout) as { summary: { tasks: number }; saved: { planId: number; mode: string } };
    expect(out.summary.tasks).toBe(25);
    expect(out.saved.mode).toBe('create');

    const again = await cchc(['plan', 'import', plan, '--unit', 'THHB'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--mode replace');
    const replaced = await cchc(['plan', 'import', plan, '--unit', 'THHB', '--mode', 'replace'], env);
    expect(replaced.stdout).toContain('thay thế');
  }, 180_000); // Four CLI processes: each starts in seconds, far more on a loaded machine.

  it('refuses bad input with a Vietnamese message and a non-zero exit', async () => {
    const empty = path.join(dir, 'rong.docx');
    fs.writeFileSync(empty, '');
    const r = await cchc(['plan', 'import', empty, '--unit', 'THHB', '--dry-run'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Lỗi: Tệp rỗng');
    const noUnit = await cchc(['plan', 'import', path.join(root, 'src', 'demo', 'plan-demo.md'), '--unit', 'KHONGCO'], env);
    expect(noUnit.stderr).toContain('Không có đơn vị mã KHONGCO');
  }, 180_000);

  it('imports an announced calendar from CSV as a new version and shows the year', async () => {
    const csv = path.join(dir, 'lich-2027.csv');
    fs.writeFileSync(csv, 'ngay,loai,ten\n2027-02-12,nghỉ,Nghỉ Tết bổ sung\n2027-02-20,làm bù,Làm bù Tết\n');
    const r = await cchc(['calendar', 'import', csv, '--source', 'Thông báo thử số 1'], env);
    expect(r.stdout).toContain('Đã lưu lịch năm 2027 (phiên bản 1).');
    const show = await cchc(['calendar', 'show', '2027'], env);
    expect(show.stdout).toContain('12/02/2027  nghỉ    Nghỉ Tết bổ sung');
    expect(show.stdout).toContain('20/02/2027  làm bù  Làm bù Tết');
    const bad = path.join(dir, 'sai.csv');
    fs.writeFileSync(bad, '2027-02-31,nghỉ,Sai ngày\n');
    const refused = await cchc(['calendar', 'import', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('dòng 1: ngày "2027-02-31" không hợp lệ');
  }, 180_000);
});
