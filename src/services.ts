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
import type { Figure } from './core/metrics/index.js';
import type { TargetMetric } from './core/metrics/index.js';
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
import { isDocumentMetric } from './core/metrics/index.js';
import { documentMetricFigure } from './core/documents/index.js';

/** Wires each service with exactly what it uses. */
export function buildServices(db: Db, config: AppConfig, clock: Clock = systemClock) {
  const q = db.kysely;
  const calendar = calendarService({ db: q, clock });
  const dossiers = dossiersService({ db: q, clock, calendar });
  const tasks = tasksService({ db: q, clock });
  const targets = targetsService({ db: q, clock });
  const feedback = feedbackService({ db: q, clock, calendar, secret: config.secret });
  // The document register (issue 13); its figures are one function, `documents.figures(scope, from, to)`.
  const documents = documentsService({
    db: q,
    clock,
    uploadMaxBytes: config.uploadMaxBytes,
    onChange: () => transparency.invalidate(),
  });
  const documentImport = documentImportService({
    db: q,
    clock,
    uploadMaxBytes: config.uploadMaxBytes,
    readLimits: { zip: config.zipLimits, maxRows: config.importMaxRows },
    onChange: () => transparency.invalidate(),
    shareProgress: db.dialect === 'postgres',
  });
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
    reportingFor: async (unitId) => (await calendar.forUnit(unitId)).reporting,
    providers: {
      dossiers: (unitId, from, to) => dossiers.measure(unitId, from, to),
      feedback: async (unitId, from, to) => (await feedback.figures(unitId, from, to)).counts,
      surveys: (unitId, from, to) => surveys.satisfaction(unitId, from, to),
      documents: (unitId, from, to) => documents.figures(unitId, from, to),
    },
  });
  const reminderSources = [
    taskReminderSource(q),
    dossierReminderSource(q),
    reportReminderSource(q, (today) => reports.dueReports(today)),
    feedbackReminderSource(q),
    regulationReminderSource(q),
  ];
  const reminders = remindersService({
    db: q,
    dialect: db.dialect,
    clock,
    calendarOf: async (unitId) => (await calendar.forUnit(unitId)).calendar,
    mailer: mailerFromConfig(config),
    sources: reminderSources,
    appUrl: config.appUrl,
  });
  // The public transparency page's figures (modules/transparency/figures.ts); the plan provider is
  // built in.
  const transparency = transparencyService({
    db: q,
    clock,
    providers: {
      dossier_on_time: async (unit, p) => (await dossiers.measure(unit.id, p.from, p.to)).onTimeRate,
      dossier_satisfaction: async (unit, p) => (await dossiers.measure(unit.id, p.from, p.to)).satisfaction,
      survey_satisfaction: (unit, p) => surveys.satisfaction(unit.id, p.from, p.to),
      feedback_answered_on_time: async (unit, p) =>
        (await feedback.figures(unit.id, p.from, p.to)).rates.answeredOnTime,
      feedback_published: async (unit, p) => (await feedback.figures(unit.id, p.from, p.to)).rates.published,
      document_electronic: async (unit, p) => (await documents.figures(unit.id, p.from, p.to)).electronic,
      document_signed: async (unit, p) => (await documents.figures(unit.id, p.from, p.to)).signed,
      document_official_channel: async (unit, p) =>
        (await documents.figures(unit.id, p.from, p.to)).officialChannel,
    },
  });
  const surveys = surveysService({ db: q, clock, onAnswer: () => transparency.invalidate() });
  // PAR Index (issue 18): leaves scored by bands read the same register figures as the targets.
  const measureFigure = async (
    unitId: number,
    metric: string,
    from: string,
    to: string,
  ): Promise<Figure | null> => {
    const m = metric as TargetMetric;
    if (isDocumentMetric(m)) return documentMetricFigure(m, await documents.figures(unitId, from, to));
    if (m === 'survey_satisfaction') return surveys.satisfaction(unitId, from, to);
    if (m === 'feedback_answered_on_time' || m === 'feedback_published')
      return (await feedback.figures(unitId, from, to)).rates[
        m === 'feedback_published' ? 'published' : 'answeredOnTime'
      ];
    const d = await dossiers.measure(unitId, from, to);
    switch (m) {
      case 'dossier_on_time':
        return d.onTimeRate;
      case 'dossier_online':
        return d.onlineShare;
      case 'dossier_online_payment':
        return d.onlinePaymentShare;
      case 'dossier_digitisation':
        return d.digitisation;
      case 'dossier_satisfaction':
        return d.dossierSatisfaction;
      default:
        return null;
    }
  };
  const par = parService({
    db: q,
    clock,
    postgres: db.dialect === 'postgres',
    uploadMaxBytes: config.uploadMaxBytes,
    measure: measureFigure,
  });
  const posts = postsService({
    db: q,
    clock,
    uploadMaxBytes: config.uploadMaxBytes,
    onChange: () => transparency.invalidate(),
  });
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
      zipLimits: config.zipLimits,
      reportingFor: async (unitId) => (await calendar.forUnit(unitId)).reporting,
      measureDossiers: (unitId, from, to) => dossiers.measure(unitId, from, to),
      measureFeedback: async (unitId, from, to) => (await feedback.figures(unitId, from, to)).rates,
      measureSurveys: (unitId, from, to) => surveys.satisfaction(unitId, from, to),
      measureDocuments: (unitId, from, to) => documents.figures(unitId, from, to),
    }),
    calendar,
    dossiers,
    dossierImport: dossierImportService({
      db: q,
      clock,
      calendar,
      uploadMaxBytes: config.uploadMaxBytes,
      readLimits: { zip: config.zipLimits, maxRows: config.importMaxRows },
      shareProgress: db.dialect === 'postgres',
    }),
    tasks,
    targets,
    evidence: evidenceService({ db: q, clock, uploadMaxBytes: config.uploadMaxBytes, tasks, targets }),
    dashboard: dashboardService({ db: q }),
    figures: figuresService({ db }),
    reminders,
    reports,
    feedback,
    surveys,
    posts,
    transparency,
    documents,
    documentImport,
    regulations: regulationsService({ db: q, clock }),
    par,
    parOutputs: parOutputs(par),
    exchange,
    dashboardViews: dashboardViewsService({
      db: q,
      clock,
      calendar,
      feedback,
      measureOther: async (unitId, metric, from, to) =>
        isDocumentMetric(metric)
          ? documentMetricFigure(metric, await documents.figures(unitId, from, to)).value
          : metric === 'survey_satisfaction'
            ? (await surveys.satisfaction(unitId, from, to)).value
            : (await feedback.figures(unitId, from, to)).rates[
                metric === 'feedback_published' ? 'published' : 'answeredOnTime'
              ].value,
      documents: (scope, from, to) => documents.figures(scope, from, to),
    }),
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
