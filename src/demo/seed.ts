import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.js';
import { projectRoot } from '../lib/paths.js';
import { verifyPassword } from '../modules/auth/password.js';
import type { Actor, Role } from '../modules/auth/roles.js';
import { listTasks, updateTaskRow } from '../modules/plans/repository.js';
import { replaceAssignees } from '../modules/plan-tracking/repository.js';
import { countUnits, findUnitByCode, insertUnit } from '../modules/units/repository.js';
import { findUserByUsername, listUsersOfUnit } from '../modules/users/repository.js';
import type { Services } from '../services.js';
import { seedDemoReports } from './reports.js';
import { seedDemoFeedback } from './feedback.js';
import { seedDemoSurveys } from './surveys.js';

export const DEMO_PASSWORD = 'cchc-demo-2026';

export const DEMO_USERS: { username: string; fullName: string; unit: string; roles: Role[] }[] = [
  { username: 'quantri', fullName: 'Nguyễn Thị Lan', unit: 'THHB', roles: ['admin', 'officer'] },
  { username: 'hieutruong', fullName: 'Trần Văn Minh', unit: 'THHB', roles: ['head'] },
  { username: 'giaovien', fullName: 'Lê Thị Hồng', unit: 'THHB', roles: ['staff'] },
  { username: 'phuong', fullName: 'Phạm Quốc Bảo', unit: 'PHB', roles: ['admin', 'reviewer'] },
  { username: 'saomai', fullName: 'Võ Thị Thu', unit: 'MNSM', roles: ['admin', 'officer'] },
];

export function demoPlanText(): string {
  return fs.readFileSync(path.join(projectRoot(), 'src', 'demo', 'plan-demo.md'), 'utf8');
}

/** Seeds a fictional ward, two schools, their users and the school's 2026 plan into an empty database. */
export async function seedDemo(db: Db, services: Services): Promise<boolean> {
  if ((await countUnits(db.kysely)) > 0) return false;
  const now = new Date().toISOString();
  const base = { created_at: now, updated_at: now, archived_at: null };
  const ward = await insertUnit(
    db.kysely,
    {
      ...base,
      code: 'PHB',
      name: 'Ủy ban nhân dân phường Hòa Bình',
      kind: 'ward',
      parent_id: null,
      superior_name: 'Ủy ban nhân dân Thành phố',
    },
    '/',
  );
  const school = await insertUnit(
    db.kysely,
    {
      ...base,
      code: 'THHB',
      name: 'Trường Tiểu học Hòa Bình',
      kind: 'school',
      parent_id: ward.id,
      superior_name: ward.name,
    },
    ward.path,
  );
  await insertUnit(
    db.kysely,
    {
      ...base,
      code: 'MNSM',
      name: 'Trường Mầm non Sao Mai',
      kind: 'kindergarten',
      parent_id: ward.id,
      superior_name: ward.name,
    },
    ward.path,
  );
  for (const u of DEMO_USERS) {
    const unit = await findUnitByCode(db.kysely, u.unit);
    if (!unit) continue;
    await services.users.create(null, {
      unitId: unit.id,
      username: u.username,
      fullName: u.fullName,
      roles: u.roles,
      password: DEMO_PASSWORD,
    });
  }
  const preview = await services.plans.preview(null, school.id, {
    text: demoPlanText(),
    filename: 'ke-hoach-cchc-2026-demo.md',
  });
  const { planId } = await services.plans.commit(null, {
    unitId: school.id,
    draft: preview.draft,
    mode: 'create',
    source: preview.source,
  });
  // A little progress so that the dashboard has something to show.
  const staff = (await listUsersOfUnit(db.kysely, school.id)).find((u) => u.username === 'giaovien');
  for (const t of await listTasks(db.kysely, planId)) {
    const status = t.position % 5 === 0 ? 'done' : t.position % 3 === 0 ? 'in_progress' : 'not_started';
    await updateTaskRow(db.kysely, t.id, { status, completed_on: status === 'done' ? '2026-03-20' : null });
    if (staff && t.position % 4 === 1) await replaceAssignees(db.kysely, t.id, [staff.id]);
  }
  await seedDemoDossiers(db, services, school);
  await seedDemoReports(db, services);
  await seedDemoFeedback(db, services);
  await seedDemoSurveys(db, services, school);
  return true;
}

/** A small one-stop register for the demo school: two procedures, a few dossiers at each stage. */
async function seedDemoDossiers(
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
  const transfer = await services.dossiers.saveProcedure(actor, school.id, {
    code: '1.004440',
    name: 'Chuyển trường đối với học sinh tiểu học',
    field: 'Giáo dục tiểu học',
    limitUnit: 'working_days',
    limitAmount: 3,
    feeBearing: false,
    onlineLevel: 'partial',
    resultType: 'paper',
  });
  const copy = await services.dossiers.saveProcedure(actor, school.id, {
    code: '2.002480',
    name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
    field: 'Văn bằng, chứng chỉ',
    limitUnit: 'working_days',
    limitAmount: 2,
    feeText: 'Lệ phí theo quy định',
    feeBearing: true,
    onlineLevel: 'full',
    resultType: 'paper',
  });
  const day = 86_400_000;
  const now = Date.now();
  const people = ['Trần Thị Mai', 'Lê Văn Hùng', 'Phạm Thu Hà', 'Nguyễn Minh Khoa', 'Võ Ngọc Lan'];
  for (const [i, name] of people.entries()) {
    const d = await services.dossiers.receive(actor, {
      unitId: school.id,
      procedureId: i % 2 === 0 ? transfer.id : copy.id,
      channel: i % 2 === 0 ? 'direct' : 'online',
      applicant: { name, phone: `09${String(12345670 + i).padStart(8, '0')}`, address: 'Phường Hòa Bình' },
      documents: [
        {
          name: i % 2 === 0 ? 'Đơn xin chuyển trường' : 'Đơn đề nghị cấp bản sao',
          copies: 1,
          kind: 'original',
        },
      ],
      receivedAt: new Date(now - (12 - i * 2) * day).toISOString(),
    });
    // The oldest two are finished (one on time, one late); the rest stay open.
    if (i === 0)
      await services.dossiers.step(actor, d.id, {
        kind: 'resolved',
        at: new Date(now - 11 * day).toISOString(),
      });
    if (i === 1)
      await services.dossiers.step(actor, d.id, {
        kind: 'resolved',
        at: new Date(now - 1 * day).toISOString(),
      });
  }
}

/** Demo accounts that still have the demo password (anyone who read the README can use them). */
export async function demoAccountsWithDemoPassword(db: Db): Promise<string[]> {
  const open: string[] = [];
  for (const u of DEMO_USERS) {
    const user = await findUserByUsername(db.kysely, u.username);
    if (user && user.active && (await verifyPassword(DEMO_PASSWORD, user.password_hash)))
      open.push(u.username);
  }
  return open;
}

/** True while the demo administrator still has the demo password (so it is worth printing). */
export async function demoLoginActive(db: Db): Promise<boolean> {
  const user = await findUserByUsername(db.kysely, 'quantri');
  return user !== undefined && (await verifyPassword(DEMO_PASSWORD, user.password_hash));
}
