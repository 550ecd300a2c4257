import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { registerEntryRoutes } from './entry-routes.js';
import { registerFileRoutes } from './file-routes.js';
import { registerImportRoutes } from './import-routes.js';
import { registerTrustedRootRoutes } from './trusted-root-routes.js';

/** The document register, signed-PDF checks and the trusted roots. Register under `/api`. */
export const documentRoutes =
  (services: Services, uploadMaxBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    const deps = { services, uploadMaxBytes };
    registerEntryRoutes(app, deps);
    registerImportRoutes(app, deps);
    registerFileRoutes(app, deps);
    registerTrustedRootRoutes(app, deps);
  };
