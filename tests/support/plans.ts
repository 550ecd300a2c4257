import type { PreviewResult } from '../../src/modules/plans/schema.js';
import type { TestApp } from './app.js';

/** A small plan in text form (tab-separated appendix tables), written for the tests. */
export function smallPlanText(
  opts: { year?: number; unitName?: string; extraTask?: boolean; renameTask?: boolean; extraArea?: boolean } = {},
): string {
  const year = opts.year ?? 2026;
  const unit = opts.unitName ?? 'Trường Tiểu học Thử Nghiệm';
  const rows = [
    `1\tCông tác chỉ đạo, điều hành về CCHC\t\t\t\t`,
    `1.1\tXây dựng kế hoạch CCHC năm ${year}\tKế hoạch\t${unit}\tTổ CCHC\tQuý I/${year}`,
    `1.2\tBáo cáo công tác CCHC định kỳ\t- Báo cáo quý - Báo cáo năm\t${unit}\tTổ CCHC\tĐịnh kỳ hàng quý`,
    `2\tCải cách thủ tục hành chính\t\t\t\t`,
    `2.1\t${opts.renameTask ? 'Niêm yết công khai thủ tục hành chính (cập nhật)' : 'Niêm yết công khai thủ tục hành chính'}\tBảng niêm yết\t${unit}\tVăn phòng\tThường xuyên`,
    ...(opts.extraTask
      ? [`2.2\tRà soát quy trình nội bộ\tBáo cáo\t${unit}\tVăn phòng\tTháng 6/${year}`]
      : []),
  ];
  return [
    `ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM`,
    unit.toUpperCase(),
    ``,
    `Số: 05/KH-THTN\tThử Nghiệm, ngày 10 tháng 01 năm ${year}`,
    ``,
    `KẾ HOẠCH`,
    `Thực hiện công tác cải cách hành chính năm ${year}`,
    ``,
    `I. MỤC TIÊU`,
    `1. Nâng cao chất lượng phục vụ người dân.`,
    `II. CHỈ TIÊU`,
    `1. Tỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn: từ 98% trở lên.`,
    `2. Mức độ hài lòng của người dân đạt 100%.`,
    `3. Chỉ số cải cách hành chính năm ${year} bằng hoặc cao hơn năm ${year - 1}.`,
    `III. NHIỆM VỤ TRỌNG TÂM`,
    `1. Công tác chỉ đạo, điều hành`,
    `1.1. Xây dựng và triển khai kế hoạch.`,
    `2. Cải cách thủ tục hành chính`,
    `2.1. Công khai thủ tục hành chính.`,
    ...(opts.extraArea ? [`3. Cải cách tổ chức bộ máy`, `3.1. Rà soát chức năng, nhiệm vụ.`] : []),
    ``,
    `PHỤ LỤC 1`,
    `STT\tNhiệm vụ cụ thể\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành`,
    ...rows,
    ``,
    `PHỤ LỤC 2`,
    `STT\tChỉ tiêu\tCơ quan chủ trì, theo dõi, tổng hợp\tCơ quan phối hợp`,
    `1\tVề giải quyết hồ sơ thủ tục hành chính\t\t`,
    `1.1\tTỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn: từ 98% trở lên.\t${unit}\tVăn phòng`,
    `2\tMức độ hài lòng của người dân đạt 100%.\t${unit}\tVăn phòng`,
  ].join('\n');
}

/** Previews and saves a plan through the API as the given session. */
export async function importPlan(
  t: TestApp,
  cookie: string,
  unitId: number,
  text: string,
  mode: 'create' | 'replace' | 'new_version' = 'create',
): Promise<{ planId: number; preview: PreviewResult }> {
  const preview = await t.app.inject({
    method: 'POST',
    url: '/api/plans/import/preview-text',
    headers: { cookie },
    payload: { unitId, text },
  });
  if (preview.statusCode !== 200) throw new Error(`preview ${preview.statusCode}: ${preview.body}`);
  const p = preview.json<PreviewResult>();
  const commit = await t.app.inject({
    method: 'POST',
    url: '/api/plans/import/commit',
    headers: { cookie },
    payload: { unitId, draft: p.draft, mode, source: p.source },
  });
  if (commit.statusCode !== 200) throw new Error(`commit ${commit.statusCode}: ${commit.body}`);
  return { planId: commit.json().planId as number, preview: p };
}
