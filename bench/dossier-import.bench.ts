/**
 * Benchmark: the register import (src/modules/dossier-import) of a 100,000-row CSV exported by
 * "other software" (deterministic PRNG: half the rows without a code, a third with the appointment
 * given, most ended, some returned, withdrawn or refused), into a fresh SQLite file database each
 * run; preview + commit timed 3 times; prints the medians as JSON.
 *
 *   npx tsx bench/dossier-import.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Clock } from '../src/lib/clock.js';
import { dossierImportService } from '../src/modules/dossier-import/service.js';
import { createUnit, makeApp } from '../tests/support/app.js';
import { median, report } from './support.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const clock: Clock = { now: () => new Date('2026-11-02T10:00:00+07:00') };

/** Deterministic PRNG (mulberry32) so every run imports the same file. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PROCEDURES = Array.from({ length: 20 }, (_, i) => ({
  code: `1.00${String(4000 + i)}`,
  name: `Thủ tục hành chính thử số ${i + 1}`,
  limit:
    i % 5 === 4
      ? `${15 + i} ngày`
      : i % 7 === 6
        ? '8 giờ làm việc'
        : `${String(1 + (i % 10)).padStart(2, '0')} ngày làm việc`,
}));
const catalogue = [
  'Mã TTHC;Tên thủ tục hành chính;Lĩnh vực;Thời gian giải quyết;Phí, lệ phí;Mức độ DVC;Kết quả',
  ...PROCEDURES.map(
    (p, i) =>
      `${p.code};${p.name};Lĩnh vực ${i % 4};${p.limit};${i % 3 === 0 ? '50.000 đồng' : 'Không'};${i % 2 ? 'Toàn trình' : 'Một phần'};Bản giấy`,
  ),
].join('\r\n');

const pad = (n: number) => String(n).padStart(2, '0');
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const NAMES = [
  'Văn An',
  'Thị Bình',
  'Minh Châu',
  'Quốc Dũng',
  'Thu Hà',
  'Đức Khang',
  'Ngọc Lan',
  'Hữu Nghĩa',
];
const CHANNELS = ['Trực tiếp', 'Trực tuyến', 'Bưu chính công ích'];

function registerCsv(): string {
  const random = mulberry32(20260512);
  const lines = [
    'SỔ THEO DÕI HỒ SƠ (dữ liệu giả lập),,,,,,,,,,,,,,,',
    'STT,Số hồ sơ,Mã TTHC,Chủ hồ sơ,Số CMND/CCCD,Địa chỉ,Điện thoại,Hình thức nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ngày trả kết quả,Ngày rút hồ sơ,Ngày từ chối,Số lần bổ sung,Thanh toán trực tuyến,Số hóa,Kết quả điện tử',
  ];
  const start = Date.UTC(2024, 0, 1); // wall-clock days, Vietnam time
  const days = 1000; // to the end of September 2026
  const fmt = (ms: number) => {
    const d = new Date(ms);
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };
  for (let i = 1; i <= ROWS; i++) {
    const received = start + Math.floor(random() * days) * 86_400_000 + (7.5 + random() * 9) * 3_600_000;
    const p = PROCEDURES[Math.floor(random() * PROCEDURES.length)]!;
    const end = received + Math.floor(random() * 20 * 24) * 3_600_000;
    const fate = random();
    const resolved = fate < 0.8 ? fmt(end) : '';
    const returned = fate < 0.4 ? fmt(end + 86_400_000) : '';
    const withdrawn = fate >= 0.8 && fate < 0.83 ? fmt(end) : '';
    const refused = fate >= 0.83 && fate < 0.85 ? fmt(end) : '';
    const appointment = random() < 0.3 ? fmt(received + 10 * 86_400_000) : '';
    lines.push(
      [
        i,
        random() < 0.5 ? `000.00.20.H29-${String(i).padStart(7, '0')}` : '',
        p.code,
        `${SURNAMES[i % SURNAMES.length]} ${NAMES[(i * 7) % NAMES.length]}`,
        `0${String(79_000_000_000 + i)}`,
        `"Số ${i % 300}, đường ${i % 50}, phường ${i % 12}"`,
        `09${String(10_000_000 + i).slice(-8)}`,
        CHANNELS[i % 3],
        fmt(received),
        appointment,
        resolved,
        returned,
        withdrawn,
        refused,
        random() < 0.1 ? (random() < 0.2 ? '2' : '1') : '',
        random() < 0.3 ? 'x' : '',
        random() < 0.7 ? 'Có' : '',
        random() < 0.4 ? 'Có' : '',
      ].join(','),
    );
  }
  return lines.join('\r\n');
}

const csv = Buffer.from(registerCsv());
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-import-'));
const previews: number[] = [];
const commits: number[] = [];
const totals: number[] = [];
let imported = 0;
try {
  for (let r = 0; r < REPEATS; r++) {
    const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, `run-${r}.sqlite`) });
    await migrateToLatest(db);
    const t = await makeApp(db, { clock });
    const unit = await createUnit(t, { code: `BENCH${r}` });
    const service = dossierImportService({
      db: db.kysely,
      clock,
      calendar: t.services.calendar,
      uploadMaxBytes: 1 << 30,
    });
    await service.importProcedures(null, unit.id, {
      bytes: Buffer.from(catalogue),
      filename: 'danh-muc.csv',
    });
    const src = { bytes: csv, filename: 'so-ho-so.csv' };
    const t0 = performance.now();
    const preview = await service.preview(null, unit.id, src);
    const t1 = performance.now();
    if (preview.errors.length > 0)
      throw new Error(`unexpected errors: ${JSON.stringify(preview.errors.slice(0, 5))}`);
    const saved = await service.commit(null, unit.id, src);
    const t2 = performance.now();
    imported = saved.imported;
    previews.push(t1 - t0);
    commits.push(t2 - t1);
    totals.push(t2 - t0);
    await t.app.close();
    await db.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const round = (x: number) => Math.round(x);
report({
  name: `dossier-import preview+commit ${ROWS} CSV rows (${(csv.length / 1048576).toFixed(1)} MB) into SQLite file`,
  medianMs: round(median(totals)),
  previewMedianMs: round(median(previews)),
  commitMedianMs: round(median(commits)),
  runsMs: totals.map(round),
  imported,
});
