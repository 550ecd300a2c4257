import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from './config.js';
import { originOf } from './config.js';
import type { Db } from './db/database.js';
import { AppError } from './errors.js';
import { SESSION_COOKIE } from './http/context.js';
import { registerErrorHandler } from './http/errors.js';
import { registerCrossSiteGuard, registerInputGuard } from './http/guards.js';
import { securityHeaders } from './http/security-headers.js';
import type { Clock } from './lib/clock.js';
import { systemClock } from './lib/clock.js';
import { authRoutes } from './modules/auth/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { dossierImportRoutes } from './modules/dossier-import/routes.js';
import { dossierRoutes } from './modules/dossiers/routes.js';
import { documentRoutes } from './modules/documents/routes.js';
import { regulationRoutes } from './modules/regulations/routes.js';
import { parRoutes } from './modules/par/routes.js';
import { exchangeRoutes } from './modules/exchange/routes.js';
import { feedbackRoutes } from './modules/feedback/routes.js';
import { figuresRoutes } from './modules/figures/routes.js';
import { planRoutes } from './modules/plans/routes.js';
import { reminderRoutes } from './modules/reminders/routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { surveyRoutes } from './modules/surveys/routes.js';
import { postRoutes, transparencyPageRoutes } from './modules/transparency/routes.js';
import { taskRoutes } from './modules/plan-tracking/routes.js';
import { startHousekeeping } from './modules/runtime/housekeeping.js';
import { databaseRateLimitStore } from './modules/runtime/rate-limit-store.js';
import { unitRoutes } from './modules/units/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { buildServices } from './services.js';
import type { Services } from './services.js';

const PASSWORD_CHANGE_ALLOWED = new Set([
  '/api/auth/me',
  '/api/auth/password',
  '/api/auth/logout',
  '/api/auth/login',
]);

// Validation messages in Vietnamese (zod ships the locale).
z.config(z.locales.vi());

declare module 'fastify' {
  interface FastifyInstance {
    /** Base of absolute links (config.linkBase). */
    linkBase: string;
  }
}

export interface AppOptions {
  config: AppConfig;
  db: Db;
  clock?: Clock;
  /** Folder of the built web app; served when it exists. */
  webDir?: string;
  logger?: boolean;
  /** Key prefix of the rate-limit counters in Redis (tests use one per run). */
  redisKeyPrefix?: string;
}

/** Every `/api` route, one plugin per module. */
const apiRoutes =
  (services: Services, config: AppConfig, openapi: () => unknown): FastifyPluginAsyncZod =>
  async (api) => {
    api.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
    api.get('/openapi.json', { schema: { hide: true } }, async () => openapi());
    await api.register(authRoutes(services, config.https, config.loginRateLimit));
    await api.register(unitRoutes(services));
    await api.register(userRoutes(services));
    await api.register(planRoutes(services, config.uploadMaxBytes));
    await api.register(taskRoutes(services, config.uploadMaxBytes));
    await api.register(dashboardRoutes(services));
    await api.register(calendarRoutes(services));
    await api.register(dossierRoutes(services, config.publicRateLimit));
    await api.register(dossierImportRoutes(services, config.uploadMaxBytes));
    await api.register(reminderRoutes(services));
    await api.register(reportRoutes(services));
    await api.register(figuresRoutes(services));
    await api.register(feedbackRoutes(services, config.publicRateLimit));
    await api.register(surveyRoutes(services, config.publicRateLimit));
    await api.register(postRoutes(services, config.publicRateLimit));
    await api.register(documentRoutes(services, config.uploadMaxBytes));
    await api.register(regulationRoutes(services));
    await api.register(parRoutes(services, config.uploadMaxBytes));
    await api.register(exchangeRoutes(services, config.publicRateLimit));
  };

/** The web app's bundle; client-side routes fall back to its shell. */
async function serveWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: true });
    // Client-side routes fall back to the app shell; unknown API paths stay 404 JSON.
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET')
        return reply.status(404).send({
          error: { code: 'NOT_FOUND', message: 'Không tìm thấy đường dẫn.', requestId: String(req.id) },
        });
      return reply.type('text/html').sendFile('index.html');
    });
  }
}

export async function buildApp(opts: AppOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const { config, db } = opts;
  const services = buildServices(db, config, opts.clock ?? systemClock);
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    // X-Forwarded-For is believed only from the proxies the operator names (CCHC_TRUST_PROXY):
    // trusted from anyone, a rotating header walks around every per-address limit.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: 25 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // Every absolute link the server writes starts here (CCHC_APP_URL), never at a request header.
  // Without CCHC_APP_URL, the address the server listens on once it listens (PORT=0 in tests).
  const links = { base: config.linkBase };
  app.decorate('linkBase', { getter: () => links.base });
  if (!config.appUrl)
    app.addHook('onListen', (done) => {
      const a = app.server.address();
      if (a && typeof a === 'object') {
        const wildcard = a.address === '0.0.0.0' || a.address === '::';
        const host = wildcard ? 'localhost' : a.family === 'IPv6' ? `[${a.address}]` : a.address;
        links.base = `http://${host}:${a.port}`;
      }
      done();
    });
  registerCrossSiteGuard(app, {
    appOrigin: originOf(config.linkBase) ?? config.linkBase,
    allowedOrigins: config.allowedOrigins,
    https: config.https,
  });
  registerInputGuard(app);

  // Helmet's headers, computed once and set on every response (ADR 007).
  const headers = securityHeaders({
    hsts: config.https,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: config.https ? [] : null,
      },
    },
  });
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cookie);
  // Rate-limit counters every process shares (ADR 008): Redis when configured, else the database
  // on PostgreSQL; SQLite serves one process, whose memory is enough.
  if (config.redisUrl) {
    const redis = new Redis(config.redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1 });
    app.addHook('onClose', async () => void (await redis.quit()));
    await app.register(rateLimit, { global: false, redis, nameSpace: opts.redisKeyPrefix ?? 'cchc:rl:' });
  } else if (db.dialect === 'postgres')
    await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db.kysely) });
  else await app.register(rateLimit, { global: false });
  const stopHousekeeping = startHousekeeping(db.kysely, opts.clock ?? systemClock, app.log);
  app.addHook('onClose', async () => stopHousekeeping());
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'cchc API', description: 'API quản lý kế hoạch cải cách hành chính', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
    // Schemas registered with `.meta({ id })` go to components.schemas, where their $refs point.
    transformObject: jsonSchemaTransformObject,
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.routeOptions.config.sessionless) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    req.sessionToken = token;
    req.actor = await services.auth.resolve(token);
    // A password chosen by an administrator is changed before anything else is done.
    if (req.actor?.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(req.url.split('?')[0] ?? ''))
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });

  await app.register(
    apiRoutes(services, config, () => app.swagger()),
    { prefix: '/api' },
  );
  // The public transparency page: server-rendered, apart from the web app's bundle.
  await app.register(transparencyPageRoutes(services, config.publicRateLimit));

  if (opts.webDir) await serveWebApp(app, opts.webDir);
  return { app, services };
}
