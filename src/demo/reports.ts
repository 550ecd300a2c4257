/**
 * Demo periodic reports for `npm start`: the demo school's quarter I report of 2026 submitted to
 * the ward, and its quarter III report as a draft with a few narrative paragraphs.
 */
import type { Db } from '../db/database.js';
import type { Actor } from '../modules/auth/roles.js';
import { findUnitByCode } from '../modules/units/repository.js';
import { findUserByUsername } from '../modules/users/repository.js';
import type { Services } from '../services.js';

export async function seedDemoReports(db: Db, services: Services): Promise<void> {
  const school = await findUnitByCode(db.kysely, 'THHB');
  const admin = await findUserByUsername(db.kysely, 'quantri');
  if (!school || !admin) return;
  const actor: Actor = {
    userId: admin.id,
    username: admin.username,
    fullName: admin.full_name,
    unitId: school.id,
    unitPath: school.path,
    roles: ['admin', 'officer'],
    mustChangePassword: false,
  };
  const existing = await services.reports.schedule(actor, school.id, 2026);
  if (existing.periods.some((p) => p.reportId !== null)) return;
  await services.reports.saveDraft(actor, school.id, '2026-Q1', {
    number: '08/BC-THHB',
    signerName: 'Trần Văn Minh',
    narratives: {
      areas: {
        '1': 'Nhà trường đã ban hành Kế hoạch cải cách hành chính năm 2026 và phân công nhiệm vụ cho từng tổ.',
      },
      general: 'Các nhiệm vụ quý I cơ bản được thực hiện đúng tiến độ.',
    },
  });
  await services.reports.submit(actor, school.id, '2026-Q1');
  await services.reports.saveDraft(actor, school.id, '2026-Q3', {
    number: '35/BC-THHB',
    signerName: 'Trần Văn Minh',
    narratives: {
      areas: {
        '1': 'Tiếp tục quán triệt các văn bản chỉ đạo về cải cách hành chính đến toàn thể cán bộ, giáo viên.',
        '3': 'Niêm yết công khai đầy đủ thủ tục hành chính tại bộ phận tiếp nhận hồ sơ.',
      },
      general: '',
    },
  });
}
