/**
 * Report exchange with a superior's server. Staff routes need a session (staff-routes.ts); the two
 * `v1` routes are called by another cchc server and are authenticated by the token (enrol) and by
 * the Ed25519 signature over the exact body (packages, peer-routes.ts). Register under `/api`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { MEDIA_TYPES } from './package.js';
import { registerPeerRoutes } from './peer-routes.js';
import { registerSuperiorRoutes, registerUnitRoutes } from './staff-routes.js';

export const exchangeRoutes =
  (services: Services, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
    // The package is read as bytes: the signature covers them exactly.
    app.addContentTypeParser(MEDIA_TYPES.package, { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );
    registerUnitRoutes(app, services);
    registerSuperiorRoutes(app, services);
    registerPeerRoutes(app, services, publicRateLimit);
  };
