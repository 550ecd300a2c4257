/** What the exchange route registrars share. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export type RoutesApp = Parameters<FastifyPluginAsyncZod>[0];
export const EXCHANGE_TAGS = ['exchange'];
