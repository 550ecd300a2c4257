import type { AppConfig } from './config.js';
import type { Db } from './db/database.js';
import type { Clock } from './lib/clock.js';
import { systemClock, vietnamToday } from './lib/clock.js';
import { authService } from './modules/auth/service.js';
import type { Actor } from './modules/auth/roles.js';
import type { MeResult } from './modules/auth/schema.js';
import { calendarService } from './modules/calendar/service.js';
import { dossierImportService } from './modules/dossier-import/service.js';
import { dossiersService } from './modules/dossiers/service.js';
import { dashboardService } from './modules/dashboard/service.js';
import { dashboardViewsService } from './modules/dashboard/views.js';
import { evidenceService } from './modules/evidence/service.js';
import { plansService } from './modules/plans/service.js';
import { targetsService } from './modules/targets/service.js';
import { tasksService } from './modules/tasks/service.js';
import { findUnitById, listUnitSubtree } from './modules/units/repository.js';
import { unitsService } from './modules/units/service.js';
import { findUserById, listUsersOfUnit } from './modules/users/repository.js';
import { usersService } from './modules/users/service.js';
import { AppError } from './errors.js';

/** Wires each service with exactly what it uses. */
export function buildServices(db: Db, config: AppConfig, clock: Clock = systemClock) {
  const q = db.kysely;
  const calendar = calendarService({ db: q, clock });
  const dossiers = dossiersService({ db: q, clock, calendar });
  const tasks = tasksService({ db: q, clock });
  const targets = targetsService({ db: q, clock });
  return {
    auth: authService({
      db: q,
      clock,
      sessionHours: config.sessionHours,
      maxFailures: config.loginMaxFailures,
      windowMinutes: config.loginWindowMinutes,
    }),
    users: usersService({ db: q, clock }),
    units: unitsService({ db: q, clock }),
    plans: plansService({
      db: q,
      clock,
      uploadMaxBytes: config.uploadMaxBytes,
      reportingFor: async (unitId) => (await calendar.forUnit(unitId)).reporting,
      measureDossiers: (unitId, from, to) => dossiers.measure(unitId, from, to),
    }),
    calendar,
    dossiers,
    dossierImport: dossierImportService({ db: q, clock, calendar, uploadMaxBytes: config.uploadMaxBytes }),
    tasks,
    targets,
    evidence: evidenceService({ db: q, clock, uploadMaxBytes: config.uploadMaxBytes, tasks, targets }),
    dashboard: dashboardService({ db: q }),
    dashboardViews: dashboardViewsService({ db: q, clock, calendar }),
    unitMembers: (unitId: number) => listUsersOfUnit(q, unitId),
    /** Today in Vietnam, from the injected clock. */
    today: () => vietnamToday(clock),
    /** Now, from the injected clock, as an ISO string. */
    nowIso: () => clock.now().toISOString(),
    async me(actor: Actor): Promise<MeResult> {
      const [user, unit] = await Promise.all([findUserById(q, actor.userId), findUnitById(q, actor.unitId)]);
      if (!user || !unit) throw new AppError('UNAUTHENTICATED');
      const subtree = await listUnitSubtree(q, unit.path);
      return {
        user: {
          id: user.id,
          username: user.username,
          fullName: user.full_name,
          roles: actor.roles,
          mustChangePassword: user.must_change_password === 1,
        },
        unit: {
          id: unit.id,
          code: unit.code,
          name: unit.name,
          kind: unit.kind,
          hasChildren: subtree.length > 1,
        },
      };
    },
  };
}

export type Services = ReturnType<typeof buildServices>;
