/**
 * Benchmark: parse the 44 deadline phrases of the sample plan 71/KH-MNTT (Phụ lục 1, one per
 * task, in table order), 200 passes; print the median time of one full pass as JSON.
 * Target: under 5 ms. Run: npx tsx bench/schedule.bench.ts
 */
import { parseDeadline } from '../src/core/schedule/index.js';

const PHRASES: readonly string[] = [
  'Quý I/2023', // 1.1
  'Gửi Thanh tra Phòng GDĐT Quận 8 Định kỳ hàng quý, năm trước ngày 5 hàng quý', // 1.2
  'Khi có thay đổi', // 1.3
  '- Kế hoạch: Quý II/2023 - Biên bản tự kiểm tra Quý II /2023', // 1.4
  'Tháng 12/2023', // 1.5
  'Trong năm 2023', // 1.6
  'Trong năm 2023', // 1.7
  'Thường xuyên', // 1.8
  'Quý I/2023', // 1.9
  '<p>- Kế hoạch: trước ngày 31/01/2023</p> <p>- Báo cáo năm: trước ngày 31/01 của năm liền kề</p>', // 2.1
  '- Kế hoạch: trước ngày 31/01/2023 - Báo cáo năm: trước ngày 20/11', // 2.2
  'Khi có ban hành văn bản QPPL', // 2.3
  'Trong năm 2023', // 2.4
  'Sau khi Thành phố triển khai Đề án', // 2.5
  'Thường xuyên', // 2.6
  'Tháng 3/2023', // 3.1
  '- Kế hoạch: Tháng 3/2023 - Báo cáo: Định kỳ hàng quý, năm', // 3.2
  'BC nếu được kiểm tra', // 3.3
  'Tháng 02/2023', // 3.4
  'Trong tháng 6, tháng 12 năm 2023', // 3.5
  'Trong năm 2023 và các năm tiếp theo', // 3.6
  'Tháng 02/2023', // 3.7
  'Trong năm 2023', // 3.8
  'Trong năm 2023', // 3.9
  'Trước ngày 05/11/2023', // 4.1
  'Tháng 6 và tháng 9 năm 2023', // 4.2
  'Trước tháng 11/2023', // 4.3
  'Tháng 7/2023 và trước ngày 15/12/2023', // 5.1
  'Thường xuyên', // 5.2
  'Theo Thông báo mở lớp', // 5.3
  'Tiếp tục triển khai theo Văn bản triển khai của quận trong năm 2023', // 5.4
  'Kiểm tra đột xuất trong năm', // 5.5
  'Thường xuyên', // 6.1
  'Quý I/2023', // 6.2
  'Thường xuyên', // 6.3
  'Quý I/2023', // 6.4
  'Thực hiện theo Kết luận thanh tra, kiểm tra, kiểm toán', // 6.5
  'Thường xuyên', // 6.6
  'Theo đề xuất của đơn vị', // 6.7
  'Thường xuyên', // 7.1
  'Trong năm 2023', // 7.2
  'Trong năm 2023', // 7.3
  'Định kỳ hàng quý', // 7.4
  'Hàng quý', // 7.5
];

const PASSES = 200;
const ctx = { planYear: 2023 };

if (PHRASES.length !== 44) throw new Error(`expected 44 phrases, got ${PHRASES.length}`);

const times: number[] = [];
let unparsed = 0;
for (let pass = 0; pass < PASSES; pass++) {
  const t0 = performance.now();
  for (const phrase of PHRASES) {
    if (parseDeadline(phrase, ctx).schedule.kind === 'unparsed') unparsed++;
  }
  times.push(performance.now() - t0);
}
if (unparsed > 0) throw new Error(`${unparsed / PASSES} sample phrases were not understood`);

times.sort((a, b) => a - b);
const mid = Math.floor(times.length / 2);
const median = times.length % 2 === 0 ? ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2 : (times[mid] ?? 0);

console.log(
  JSON.stringify({
    name: 'schedule.parseDeadline: 44 sample phrases, one pass',
    medianMs: Number(median.toFixed(3)),
  }),
);
