import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { surveyBuilderRoutes } from './builder-routes.js';
import { surveyPublicRoutes } from './public-routes.js';
import { surveyResultsRoutes } from './results-routes.js';

export { BROWSER_COOKIE } from './public-routes.js';

/** The survey routes: the builder, the results, the public form. */
export const surveyRoutes =
  (services: Services, publicRateLimit: number): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(surveyBuilderRoutes(services.surveys));
    await app.register(surveyResultsRoutes(services.surveys));
    await app.register(surveyPublicRoutes(services.surveys, publicRateLimit));
  };
