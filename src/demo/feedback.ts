import type { Db } from '../db/database.js';
import type { Actor, Role } from '../modules/auth/roles.js';
import { findUnitByCode } from '../modules/units/repository.js';
import { findUserByUsername } from '../modules/users/repository.js';
import type { Services } from '../services.js';

/** A few PAKN items for the demo school: one published, one forwarded, one being handled, one overdue. */
export async function seedDemoFeedback(db: Db, services: Services): Promise<void> {
  const school = await findUnitByCode(db.kysely, 'THHB');
  const officerRow = await findUserByUsername(db.kysely, 'quantri');
  const headRow = await findUserByUsername(db.kysely, 'hieutruong');
  if (!school || !officerRow || !headRow) return;
  const actor = (u: typeof officerRow, roles: Role[]): Actor => ({
    userId: u.id,
    username: u.username,
    fullName: u.full_name,
    unitId: school.id,
    unitPath: school.path,
    roles,
    mustChangePassword: false,
  });
  const officer = actor(officerRow, ['admin', 'officer']);
  const head = actor(headRow, ['head']);
  const day = 86_400_000;
  const ago = (n: number) => new Date(Date.now() - n * day).toISOString();
  const sender = (i: number) => ({
    name: ['Đặng Văn Tài', 'Hồ Thị Ngọc', 'Bùi Minh Quân', 'Lý Thu Trang'][i]!,
    address: 'Phường Hòa Bình',
    phone: `09${String(22345670 + i).padStart(8, '0')}`,
  });

  const published = await services.feedback.enter(officer, {
    unitId: school.id,
    source: 'portal_1022',
    externalCode: '1022-DEMO-0001',
    receivedAt: ago(9),
    sender: sender(0),
    title: 'Đề nghị công khai các khoản thu đầu năm học',
    content:
      'Đề nghị nhà trường công khai các khoản thu đầu năm học trên bảng tin và trang thông tin của trường.',
  });
  await services.feedback.act(officer, published.id, { kind: 'classify', category: 'regulation' });
  await services.feedback.act(officer, published.id, { kind: 'assign', assigneeId: officerRow.id });
  const answer =
    'Nhà trường xin trả lời: các khoản thu đầu năm học đã được niêm yết tại bảng tin và đăng trên trang thông tin của trường theo quy định. Trân trọng.';
  await services.feedback.act(officer, published.id, { kind: 'answer', text: answer });
  await services.feedback.act(head, published.id, { kind: 'approve' });
  await services.feedback.act(officer, published.id, {
    kind: 'publish',
    title: 'Công khai các khoản thu đầu năm học',
    content: 'Phụ huynh đề nghị nhà trường công khai các khoản thu đầu năm học.',
    answer,
  });

  const forwarded = await services.feedback.enter(officer, {
    unitId: school.id,
    source: 'phone',
    receivedAt: ago(4),
    sender: sender(1),
    title: 'Đèn đường trước cổng trường bị hỏng',
    content: 'Đèn đường trước cổng trường bị hỏng nhiều ngày, buổi tối đón con rất tối.',
  });
  await services.feedback.act(officer, forwarded.id, { kind: 'classify', category: 'outside_competence' });
  await services.feedback.act(officer, forwarded.id, {
    kind: 'forward',
    to: 'Ủy ban nhân dân phường Hòa Bình',
  });

  const handling = await services.feedback.enter(officer, {
    unitId: school.id,
    source: 'letter',
    externalCode: 'Thư ngày 12/5',
    receivedAt: ago(3),
    sender: sender(2),
    title: 'Giờ đón học sinh buổi chiều',
    content: 'Đề nghị nhà trường cho đón học sinh muộn hơn 15 phút vì phụ huynh tan làm lúc 17 giờ.',
  });
  await services.feedback.act(officer, handling.id, { kind: 'classify', category: 'regulation' });

  await services.feedback.enter(officer, {
    unitId: school.id,
    source: 'direct',
    receivedAt: ago(7),
    sender: sender(3),
    title: 'Thủ tục xin chuyển trường',
    content: 'Đề nghị hướng dẫn rõ hồ sơ xin chuyển trường cho học sinh từ tỉnh khác chuyển đến.',
  });
  await services.feedback.saveTemplate(officer, school.id, {
    title: 'Trả lời chung',
    body: 'Kính gửi ông/bà,\nNhà trường đã nhận phản ánh, kiến nghị của ông/bà và xin trả lời như sau:\n…\nTrân trọng.',
  });
}
