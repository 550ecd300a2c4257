/**
 * The demo PAR Index criteria set shipped with cchc (`src/demo/par-criteria-truong-hoc.xlsx`,
 * written by `npx tsx src/demo/par-criteria.ts`): a school-level set on the eight areas of the
 * PAR Index methodology of Decision 876/QĐ-BNV (2022) — the seven areas of ministries plus "tác
 * động của CCHC" — in the layout provinces publish (STT · tiêu chí · điểm tối đa · hướng dẫn chấm
 * · tài liệu kiểm chứng, field rows in capitals). It is a demonstration set written for cchc,
 * NOT a transcription of a provincial decision: a superior imports its own province's set.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_PAR_SOURCE =
  'Bộ tiêu chí mẫu của cchc (không phải văn bản ban hành), theo 8 lĩnh vực của Phương pháp xác định Chỉ số CCHC tại Quyết định số 876/QĐ-BNV năm 2022 của Bộ Nội vụ.';

type Row = [code: string, title: string, max: number, guide?: string, evidence?: string];

export const DEMO_PAR_ROWS: Row[] = [
  ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH', 14],
  ['1', 'Kế hoạch cải cách hành chính năm', 4],
  [
    '1.1',
    'Ban hành kế hoạch CCHC năm đúng thời hạn',
    1,
    'Có: 1 điểm; không: 0 điểm',
    'Kế hoạch CCHC năm của đơn vị',
  ],
  [
    '1.2',
    'Mức độ hoàn thành kế hoạch CCHC',
    3,
    'Hoàn thành 100% nhiệm vụ: 3 điểm; từ 80% đến dưới 100%: 2 điểm; dưới 80%: 0 điểm',
    'Báo cáo CCHC năm',
  ],
  ['2', 'Báo cáo cải cách hành chính định kỳ', 2],
  [
    '2.1',
    'Báo cáo đủ số lượng, đúng thời hạn',
    2,
    'Đủ, đúng hạn: 2 điểm; thiếu hoặc trễ hạn một báo cáo: 0 điểm',
    'Các báo cáo CCHC quý I, 6 tháng, quý III, năm',
  ],
  ['3', 'Tự kiểm tra cải cách hành chính', 4],
  ['3.1', 'Ban hành kế hoạch tự kiểm tra CCHC', 1, 'Có: 1 điểm; không: 0 điểm', 'Kế hoạch tự kiểm tra'],
  [
    '3.2',
    'Thực hiện kiểm tra theo kế hoạch',
    1.5,
    'Hoàn thành kế hoạch: 1,5 điểm; không hoàn thành: 0 điểm',
    'Biên bản kiểm tra',
  ],
  [
    '3.3',
    'Xử lý các tồn tại, hạn chế phát hiện qua kiểm tra',
    1.5,
    'Xử lý xong 100%: 1,5 điểm; dưới 100%: 0,5 điểm',
    'Báo cáo kết quả khắc phục',
  ],
  ['4', 'Tuyên truyền cải cách hành chính', 2],
  ['4.1', 'Ban hành kế hoạch tuyên truyền CCHC', 1, 'Có: 1 điểm; không: 0 điểm', 'Kế hoạch tuyên truyền'],
  [
    '4.2',
    'Mức độ thực hiện kế hoạch tuyên truyền',
    1,
    'Hoàn thành: 1 điểm; không hoàn thành: 0 điểm',
    'Tin, bài, hình ảnh tuyên truyền',
  ],
  [
    '5',
    'Sáng kiến, giải pháp mới trong cải cách hành chính',
    2,
    'Có sáng kiến được công nhận: 2 điểm; có đề xuất: 1 điểm',
    'Quyết định công nhận sáng kiến',
  ],
  ['II', 'CẢI CÁCH THỂ CHẾ', 8],
  ['1', 'Ban hành, rà soát quy chế nội bộ', 8],
  ['a)', 'Quy chế chi tiêu nội bộ', 3, 'Có, cập nhật trong năm: 3 điểm', 'Quyết định ban hành quy chế'],
  [
    'b)',
    'Quy chế thực hiện dân chủ ở cơ sở',
    3,
    'Có, cập nhật trong năm: 3 điểm',
    'Quyết định ban hành quy chế',
  ],
  [
    'c)',
    'Rà soát các quy chế nội bộ theo quy định',
    2,
    'Có rà soát: 2 điểm; không: 0 điểm',
    'Báo cáo rà soát',
  ],
  ['III', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 20],
  [
    '1',
    'Công khai thủ tục hành chính tại đơn vị và trên trang thông tin điện tử',
    4,
    'Đầy đủ, đúng quy định: 4 điểm',
    'Ảnh chụp nơi công khai, đường dẫn',
  ],
  [
    '2',
    'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn',
    6,
    'Từ 98% trở lên: 6 điểm; từ 95% đến dưới 98%: 3 điểm; dưới 95%: 0 điểm',
    'Sổ theo dõi hồ sơ',
  ],
  [
    '3',
    'Tỷ lệ phản ánh, kiến nghị được xử lý đúng thời hạn',
    4,
    'Đạt 100%: 4 điểm; từ 90% đến dưới 100%: 2 điểm; dưới 90%: 0 điểm',
    'Sổ theo dõi phản ánh, kiến nghị',
  ],
  [
    '4',
    'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận',
    6,
    'Từ 50% trở lên: 6 điểm; từ 30% đến dưới 50%: 3 điểm; dưới 30%: 0 điểm',
    'Sổ theo dõi hồ sơ',
  ],
  ['IV', 'CẢI CÁCH TỔ CHỨC BỘ MÁY', 8],
  [
    '1',
    'Thực hiện quy định về cơ cấu tổ chức, chức năng, nhiệm vụ',
    4,
    'Đúng quy định: 4 điểm',
    'Quyết định quy định chức năng, nhiệm vụ',
  ],
  [
    '2',
    'Thực hiện quy định về số lượng người làm việc được giao',
    4,
    'Không vượt số được giao: 4 điểm',
    'Báo cáo số lượng người làm việc',
  ],
  ['V', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', 12],
  [
    '1',
    'Bố trí viên chức theo vị trí việc làm được phê duyệt',
    4,
    'Đúng 100%: 4 điểm',
    'Đề án vị trí việc làm',
  ],
  [
    '2',
    'Đào tạo, bồi dưỡng viên chức theo kế hoạch',
    4,
    'Hoàn thành kế hoạch: 4 điểm',
    'Kế hoạch, báo cáo đào tạo bồi dưỡng',
  ],
  ['3', 'Chấp hành kỷ luật, kỷ cương hành chính', 4, 'Không có vi phạm: 4 điểm', 'Báo cáo của đơn vị'],
  ['VI', 'CẢI CÁCH TÀI CHÍNH CÔNG', 10],
  [
    '1',
    'Giải ngân dự toán được giao đúng tiến độ',
    4,
    'Từ 95% trở lên: 4 điểm; từ 80% đến dưới 95%: 2 điểm',
    'Báo cáo quyết toán',
  ],
  ['2', 'Công khai tài chính theo quy định', 3, 'Đầy đủ: 3 điểm', 'Biên bản, thông báo công khai'],
  ['3', 'Thực hiện quy chế chi tiêu nội bộ', 3, 'Đúng quy chế: 3 điểm', 'Báo cáo tự kiểm tra tài chính'],
  ['VII', 'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ', 18],
  [
    '1',
    'Tỷ lệ văn bản đi được ký số',
    6,
    'Từ 90% trở lên: 6 điểm; từ 70% đến dưới 90%: 3 điểm; dưới 70%: 0 điểm',
    'Sổ văn bản đi',
  ],
  [
    '2',
    'Tỷ lệ văn bản trao đổi dưới dạng điện tử',
    6,
    'Từ 90% trở lên: 6 điểm; từ 70% đến dưới 90%: 3 điểm; dưới 70%: 0 điểm',
    'Sổ văn bản đi, đến',
  ],
  [
    '3',
    'Cập nhật thông tin trên trang thông tin điện tử của đơn vị',
    6,
    'Thường xuyên: 6 điểm; không thường xuyên: 3 điểm',
    'Đường dẫn trang thông tin',
  ],
  ['VIII', 'TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH', 10],
  [
    '1',
    'Mức độ hài lòng của cha mẹ học sinh qua khảo sát',
    10,
    'Từ 90% trở lên: 10 điểm; từ 80% đến dưới 90%: 6 điểm; từ 70% đến dưới 80%: 3 điểm; dưới 70%: 0 điểm',
    'Kết quả khảo sát',
  ],
];

export async function demoCriteriaWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bộ tiêu chí');
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = 'BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA TRƯỜNG HỌC (MẪU)';
  ws.mergeCells('A2:E2');
  ws.getCell('A2').value = `(${DEMO_PAR_SOURCE})`;
  ws.getRow(3).values = [
    'STT',
    'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
    'Điểm tối đa',
    'Hướng dẫn chấm điểm',
    'Tài liệu kiểm chứng',
  ];
  for (const [code, title, max, guide, evidence] of DEMO_PAR_ROWS)
    ws.addRow([code, title, max, guide ?? null, evidence ?? null]);
  ws.addRow(['', 'Tổng cộng', 100]);
  ws.getColumn(2).width = 60;
  ws.getColumn(4).width = 50;
  ws.getColumn(5).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const DEMO_PAR_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'par-criteria-truong-hoc.xlsx',
);

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(DEMO_PAR_FILE, await demoCriteriaWorkbook());
  console.log(DEMO_PAR_FILE);
}
