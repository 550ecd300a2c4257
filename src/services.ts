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
import { documentImportService } from './modules/documents/import.js';
import { documentsService } from './modules/documents/service.js';
import { evidenceService } from './modules/plan-tracking/evidence.js';
import { feedbackService } from './modules/feedback/service.js';
import { figuresService } from './modules/figures/service.js';
import { plansService } from './modules/plans/service.js';
import { mailerFromConfig } from './modules/reminders/mailer.js';
import { remindersService } from './modules/reminders/service.js';
import {
  dossierReminderSource,
  feedbackReminderSource,
  reportReminderSource,
  taskReminderSource,
} from './modules/reminders/sources.js';
import { reportsService } from './modules/reports/service.js';
import { exchangeService } from './modules/exchange/service.js';
import { regulationsService } from './modules/regulations/service.js';
import { parOutputs } from './modules/par/outputs.js';
import { parService } from './modules/par/service.js';
import { regulationReminderSource } from './modules/reminders/regulation-source.js';
import { targetsService } from './modules/plan-tracking/targets.js';
import { tasksService } from './modules/plan-tracking/tasks.js';
import { surveysService } from './modules/surveys/service.js';
import { postsService, transparencyService } from './modules/transparency/service.js';
import { findUnitById, listUnitSubtree } from './modules/units/repository.js';
import { unitsService } from './modules/units/service.js';
import { findUserById, listUsersOfUnit } from './modules/users/repository.js';
import { usersService } from './modules/users/service.js';
import { AppError } from './errors.js';
import { figuresMeasure } from './modules/figures/measure.js';
import type { FiguresMeasure } from './modules/figures/measure.js';
import { transparencyProviders } from './modules/transparency/figures.js';

/** The one figures service (ADR 013), from the registers that measure. */
function buildFigures(registers: {
  dossiers: ReturnType<typeof dossiersService>;
  feedback: ReturnType<typeof feedbackService>;
  surveys: () => ReturnType<typeof surveysService>;
  documents: ReturnType<typeof documentsService>;
}): FiguresMeasure {
  const { dossiers, feedback, documents } = registers;
  return figuresMeasure({
    dossiers: (s, from, to) => dossiers.measure(s.unitId, from, to),
    feedback: (s, from, to) => feedback.figures(s, from, to),
    surveys: (s, from, to) => registers.surveys().satisfaction(s.unitId, from, to),
    documents: (s, from, to) => documents.figures(s, from, to),
    subtree: ['feedback', 'documents'],
  });
}

/** A figures family that the caller needs (every source is wired in production). */
async function present<T>(value: Promise<T | null>): Promise<T> {
  const v = await value;
  if (v === null) throw new Error('A figures source is not wired.');
  return v;
}

/** The signed-in user and their unit (`GET /api/auth/me`). */
function meOf(q: Db['kysely']) {
  return async (actor: Actor): Promise<MeResult> => {
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
  };
}

/** The registers, the public page and the reports, wired around the one figures service. */
function buildRegisters(db: Db, config: AppConfig, clock: Clock) {
  const q = db.kysely;
  const calendar = calendarService({ db: q, clock });
  const dossiers = dossiersService({ db: q, clock, calendar });
  const feedback = feedbackService({ db: q, clock, calendar, secret: config.secret });
  const invalidate = () => transparency.invalidate();
  // The document register (issue 13); its figures come through the figures service.
  const documents = documentsService({
    db: q,
    clock,
    uploadMaxBytes: config.uploadMaxBytes,
    onChange: invalidate,
  });
  const documentImport = documentImportService({
    db: q,
    clock,
    uploadMaxBytes: config.uploadMaxBytes,
    readLimits: { zip: config.zipLimits, maxRows: config.importMaxRows },
    onChange: invalidate,
    shareProgress: db.dialect === 'postgres',
  });
  const figures = buildFigures({ dossiers, feedback, documents, surveys: () => surveys });
  // The public transparency page's figures (modules/transparency/figures.ts); the plan figure is
  // built in.
  const transparency = transparencyService({
    db: q,
    clock,
    providers: transparencyProviders(figures.measure),
  });
  const surveys = surveysService({ db: q, clock, onAnswer: invalidate });
  const posts = postsService({ db: q, clock, uploadMaxBytes: config.uploadMaxBytes, onChange: invalidate });
  return { calendar, dossiers, feedback, documents, documentImport, figures, transparency, surveys, posts };
}

/** Reports, their exchange with a superior's server and the reminders. */
function buildReporting(db: Db, config: AppConfig, clock: Clock, r: ReturnType<typeof buildRegisters>) {
  const q = db.kysely;
  // Report exchange with a superior's server (issue 13): a submission queues its package in the
  // submission's transaction; received reports stand for their unit in the reports overview.
  const exchange = exchangeService({
    db: q,
    dialect: db.dialect,
    clock,
    appUrl: config.appUrl,
    autoDeliver: config.exchangeIntervalSeconds > 0,
  });
  const reports = reportsService({
    db: q,
    clock,
    onSubmitted: async (tx, s) => {
      await exchange.enqueue(tx, s);
    },
    receivedReports: (ids) => exchange.receivedReports(ids),
    reportingFor: async (unitId) => (await r.calendar.forUnit(unitId)).reporting,
    figures: r.figures,
  });
  const reminders = remindersService({
    db: q,
    dialect: db.dialect,
    clock,
    calendarOf: async (unitId) => (await r.calendar.forUnit(unitId)).calendar,
    mailer: mailerFromConfig(config),
    sources: [
      taskReminderSource(q),
      dossierReminderSource(q),
      reportReminderSource(q, (today) => reports.dueReports(today)),
      feedbackReminderSource(q),
      regulationReminderSource(q),
    ],
    appUrl: config.appUrl,
  });
  return { exchange, reports, reminders };
}

/** Plans, tasks, targets and their evidence; bound targets are measured by the figures service. */
function buildPlanTracking(db: Db, config: AppConfig, clock: Clock, r: ReturnType<typeof buildRegisters>) {
  const q = db.kysely;
  const { figures } = r;
  const tasks = tasksService({ db: q, clock });
  const targets = targetsService({ db: q, clock });
  const plans = plansService({
    db: q,
    clock,
    uploadMaxBytes: config.uploadMaxBytes,
    zipLimits: config.zipLimits,
    reportingFor: async (unitId) => (await r.calendar.forUnit(unitId)).reporting,
    measureDossiers: (unitId, from, to) => present(figures.family('dossiers', unitId, from, to)),
    measureFeedback: async (unitId, from, to) =>
      (await present(figures.family('feedback', unitId, from, to))).rates,
    measureSurveys: (unitId, from, to) => present(figures.family('surveys', unitId, from, to)),
    measureDocuments: (unitId, from, to) => present(figures.family('documents', unitId, from, to)),
  });
  const evidence = evidenceService({ db: q, clock, uploadMaxBytes: config.uploadMaxBytes, tasks, targets });
  return { plans, tasks, targets, evidence };
}

/** Wires each service with exactly what it uses. */
export function buildServices(db: Db, config: AppConfig, clock: Clock = systemClock) {
  const q = db.kysely;
  const registers = buildRegisters(db, config, clock);
  const { calendar, feedback, figures } = registers;
  // PAR Index (issue 18): leaves scored by bands read the same register figures as the targets.
  const par = parService({
    db: q,
    clock,
    postgres: db.dialect === 'postgres',
    uploadMaxBytes: config.uploadMaxBytes,
    measure: figures.measureForPar,
  });
  return {
    ...registers,
    ...buildReporting(db, config, clock, registers),
    ...buildPlanTracking(db, config, clock, registers),
    auth: authService({
      db: q,
      clock,
      sessionHours: config.sessionHours,
      maxFailures: config.loginMaxFailures,
      windowMinutes: config.loginWindowMinutes,
    }),
    users: usersService({ db: q, clock }),
    units: unitsService({ db: q, clock }),
    dossierImport: dossierImportService({
      db: q,
      clock,
      calendar,
      uploadMaxBytes: config.uploadMaxBytes,
      readLimits: { zip: config.zipLimits, maxRows: config.importMaxRows },
      shareProgress: db.dialect === 'postgres',
    }),
    dashboard: dashboardService({ db: q }),
    verifyFigures: figuresService({ db }),
    regulations: regulationsService({ db: q, clock }),
    par,
    parOutputs: parOutputs(par),
    dashboardViews: dashboardViewsService({ db: q, clock, calendar, feedback, figures }),
    unitMembers: (unitId: number) => listUsersOfUnit(q, unitId),
    /** Today in Vietnam, from the injected clock. */
    today: () => vietnamToday(clock),
    /** Now, from the injected clock, as an ISO string. */
    nowIso: () => clock.now().toISOString(),
    me: meOf(q),
  };
}

export type Services = ReturnType<typeof buildServices>;
