import type { Db } from '../db/database.js';
import { surveyTemplate } from '../core/survey/index.js';
import type { Actor } from '../modules/auth/roles.js';
import { findUserByUsername } from '../modules/users/repository.js';
import type { Services } from '../services.js';

/**
 * Demo satisfaction survey and CCHC news for the demo school: a SIPAS survey open for answers with
 * a dozen answers, and two published posts (shown on /cong-khai/THHB). Called once by the seed,
 * which only runs on an empty database.
 */
export async function seedDemoSurveys(
  db: Db,
  services: Services,
  school: { id: number; path: string },
): Promise<void> {
  const admin = await findUserByUsername(db.kysely, 'quantri');
  if (!admin) return;
  const actor: Actor = {
    userId: admin.id,
    username: admin.username,
    fullName: admin.full_name,
    unitId: school.id,
    unitPath: school.path,
    roles: ['admin', 'officer'],
    mustChangePassword: false,
  };
  const sipas = surveyTemplate('sipas')!;
  const survey = await services.surveys.create(actor, school.id, {
    title: 'Khảo sát sự hài lòng của cha mẹ học sinh về sự phục vụ của trường',
    description: sipas.description,
    questions: sipas.questions,
    anonymous: true,
    published: true,
    template: 'sipas',
  });
  const scores = [5, 4, 5, 4, 3, 5, 4, 4, 5, 2, 4, 5];
  const keys = sipas.questions.filter((q) => q.kind === 'scale').map((q) => q.key);
  for (const [i, s] of scores.entries()) {
    const answers: Record<string, unknown> = Object.fromEntries(
      keys.map((k, j) => [k, Math.max(1, Math.min(5, s - ((i + j) % 3 === 0 ? 1 : 0)))]),
    );
    if (i === 3) answers.comment = 'Nhà trường hướng dẫn thủ tục chuyển trường rất tận tình.';
    if (i === 9) answers.comment = 'Đề nghị niêm yết thêm thời gian trả kết quả ở bảng tin.';
    await services.surveys.answer(survey.slug, {
      answers,
      browserId: `demo-trinh-duyet-${String(i).padStart(4, '0')}`,
    });
  }
  await services.posts.create(actor, school.id, {
    title: 'Niêm yết công khai thủ tục hành chính năm học 2025–2026',
    body:
      'Nhà trường đã niêm yết công khai các thủ tục hành chính thuộc thẩm quyền giải quyết tại bảng tin và trên trang thông tin điện tử của trường.\n\n' +
      'Cha mẹ học sinh có thể tra cứu tình trạng hồ sơ bằng mã số trên giấy hẹn hoặc quét mã QR.',
    published: true,
  });
  await services.posts.create(actor, school.id, {
    title: 'Mời cha mẹ học sinh tham gia khảo sát sự hài lòng',
    body: 'Nhà trường trân trọng mời quý cha mẹ học sinh trả lời phiếu khảo sát sự hài lòng (không ghi tên) qua đường dẫn hoặc mã QR dán tại cổng trường.',
    published: true,
  });
}
