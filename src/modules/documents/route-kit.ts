/** What the document route registrars share. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.js';

export type RoutesApp = Parameters<FastifyPluginAsyncZod>[0];
export const DOCUMENT_TAGS = ['documents'];
export const MULTIPART = ['multipart/form-data'];
export const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** What each registrar of the document routes gets. */
export interface DocumentRoutesDeps {
  services: Services;
  uploadMaxBytes: number;
}
