/**
 * A plan written for the report tests, the browser test and the benchmark: three areas, tasks
 * with plain dated deadlines inside and outside the quarter I cut-off window (15/12/2025 –
 * 14/03/2026), a recurring and a continuous task, and Phụ lục 2 targets (one bound to the
 * on-time figure, one entered by hand, one not a percentage). `extraTasks` adds that many more
 * tasks (monthly deadlines) spread over the areas, for the benchmark's realistic plan.
 */
export function reportPlanText(opts: { unitName?: string; extraTasks?: number } = {}): string {
  const unit = opts.unitName ?? 'Trường Tiểu học Báo Cáo';
  const extra: string[][] = [[], [], []];
  for (let i = 0; i < (opts.extraTasks ?? 0); i++) {
    const area = i % 3;
    extra[area]!.push(
      `${area + 1}.${10 + Math.floor(i / 3)}\tNhiệm vụ bổ sung số ${i + 1}\tBáo cáo\t${unit}\tTổ CCHC\tTháng ${(i % 12) + 1}/2026`,
    );
  }
  const rows = [
    `1\tCông tác chỉ đạo, điều hành về CCHC\t\t\t\t`,
    `1.1\tXây dựng kế hoạch CCHC năm 2026\tKế hoạch\t${unit}\tTổ CCHC\tTrước ngày 15/01/2026`,
    `1.2\tBáo cáo công tác CCHC định kỳ\tBáo cáo\t${unit}\tTổ CCHC\tĐịnh kỳ hàng quý`,
    `1.3\tKiểm tra công tác CCHC\tBiên bản\t${unit}\tBan giám hiệu\tTháng 02/2026`,
    ...extra[0]!,
    `2\tCải cách thủ tục hành chính\t\t\t\t`,
    `2.1\tRà soát thủ tục hành chính\tBáo cáo\t${unit}\tVăn phòng\tTrước ngày 10/03/2026`,
    `2.2\tNiêm yết công khai thủ tục hành chính\tBảng niêm yết\t${unit}\tVăn phòng\tThường xuyên`,
    `2.3\tTự kiểm tra việc giải quyết hồ sơ\tBáo cáo\t${unit}\tVăn phòng\tTrước ngày 20/02/2026`,
    ...extra[1]!,
    `3\tCải cách tổ chức bộ máy\t\t\t\t`,
    `3.1\tRà soát chức năng, nhiệm vụ\tBáo cáo\t${unit}\tTổ CCHC\tTháng 6/2026`,
    `3.2\tCập nhật cơ cấu tổ chức\tQuyết định\t${unit}\tTổ CCHC\tTrước ngày 05/03/2026`,
    ...extra[2]!,
  ];
  return [
    `ỦY BAN NHÂN DÂN PHƯỜNG BÁO CÁO`,
    unit.toUpperCase(),
    ``,
    `Số: 07/KH-THBC\tPhường Báo Cáo, ngày 12 tháng 01 năm 2026`,
    ``,
    `KẾ HOẠCH`,
    `Thực hiện công tác cải cách hành chính năm 2026`,
    ``,
    `I. MỤC TIÊU`,
    `1. Nâng cao chất lượng phục vụ người dân.`,
    `II. CHỈ TIÊU`,
    `1. Tỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn: từ 98% trở lên.`,
    `2. Tỷ lệ cán bộ, giáo viên được bồi dưỡng kiến thức cải cách hành chính đạt 100%.`,
    `III. NHIỆM VỤ TRỌNG TÂM`,
    `1. Công tác chỉ đạo, điều hành`,
    `1.1. Xây dựng và triển khai kế hoạch.`,
    `2. Cải cách thủ tục hành chính`,
    `2.1. Rà soát thủ tục.`,
    `3. Cải cách tổ chức bộ máy`,
    `3.1. Rà soát chức năng, nhiệm vụ.`,
    ``,
    `PHỤ LỤC 1`,
    `STT\tNhiệm vụ cụ thể\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành`,
    ...rows,
    ``,
    `PHỤ LỤC 2`,
    `STT\tChỉ tiêu\tCơ quan chủ trì, theo dõi, tổng hợp\tCơ quan phối hợp`,
    `1\tVề giải quyết hồ sơ thủ tục hành chính\t\t`,
    `1.1\tTỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn: từ 98% trở lên.\t${unit}\tVăn phòng`,
    `2\tTỷ lệ cán bộ, giáo viên được bồi dưỡng kiến thức cải cách hành chính đạt 100%.\t${unit}\tVăn phòng`,
    `3\tChỉ số cải cách hành chính năm 2026 bằng hoặc cao hơn năm 2025.\t${unit}\tTổ CCHC`,
  ].join('\n');
}
