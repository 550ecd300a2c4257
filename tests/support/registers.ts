/**
 * Register files as "other software" exports them, generated deterministically (mulberry32): a
 * procedure catalogue and a register of N rows (half without a code, a third with the appointment
 * given, most ended, some returned, withdrawn or refused). Used by the import benchmark, the
 * concurrency tests and the interrupted-import test.
 */

/** Deterministic PRNG (mulberry32) so every run imports the same file. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const REGISTER_PROCEDURES = Array.from({ length: 20 }, (_, i) => ({
  code: `1.00${String(4000 + i)}`,
  name: `Thủ tục hành chính thử số ${i + 1}`,
  limit:
    i % 5 === 4
      ? `${15 + i} ngày`
      : i % 7 === 6
        ? '8 giờ làm việc'
        : `${String(1 + (i % 10)).padStart(2, '0')} ngày làm việc`,
}));

/** The catalogue of `REGISTER_PROCEDURES` as a CSV file (for `procedures import`). */
export const registerCatalogueCsv = [
  'Mã TTHC;Tên thủ tục hành chính;Lĩnh vực;Thời gian giải quyết;Phí, lệ phí;Mức độ DVC;Kết quả',
  ...REGISTER_PROCEDURES.map(
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

export interface RegisterOptions {
  rows: number;
  seed?: number;
  /** First receipt day (wall-clock Vietnam date, UTC fields), default 2024-01-01. */
  start?: number;
  /** Receipts spread over this many days, default 1000. */
  days?: number;
  /** Share of rows that carry a code of the other software (the rest get ours), default 0.5. */
  givenCodes?: number;
}

/** A register of `rows` dossiers as CSV text. */
export function registerCsv(o: RegisterOptions): string {
  const random = mulberry32(o.seed ?? 20260512);
  const lines = [
    'SỔ THEO DÕI HỒ SƠ (dữ liệu giả lập),,,,,,,,,,,,,,,',
    'STT,Số hồ sơ,Mã TTHC,Chủ hồ sơ,Số CMND/CCCD,Địa chỉ,Điện thoại,Hình thức nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ngày trả kết quả,Ngày rút hồ sơ,Ngày từ chối,Số lần bổ sung,Thanh toán trực tuyến,Số hóa,Kết quả điện tử',
  ];
  const start = o.start ?? Date.UTC(2024, 0, 1);
  const days = o.days ?? 1000;
  const given = o.givenCodes ?? 0.5;
  const fmt = (ms: number) => {
    const d = new Date(ms);
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };
  for (let i = 1; i <= o.rows; i++) {
    const received = start + Math.floor(random() * days) * 86_400_000 + (7.5 + random() * 9) * 3_600_000;
    const p = REGISTER_PROCEDURES[Math.floor(random() * REGISTER_PROCEDURES.length)]!;
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
        random() < given ? `000.00.20.H29-${String(i).padStart(7, '0')}` : '',
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
