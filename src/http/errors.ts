import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isContention, isUniqueViolation } from '../db/errors.js';
import { ERRORS, isAppError } from '../errors.js';

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: unknown };
}

/** Maps every error to the catalogue; an unknown error is a 500 with a request id, no stack. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const requestId = String(req.id);
    if (isAppError(err)) {
      const body: ErrorBody = {
        error: { code: err.code, message: err.message, requestId, details: err.details },
      };
      return reply.status(err.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: v.message ?? '',
      }));
      const first = details[0];
      const message = first
        ? `${ERRORS.VALIDATION.message} ${first.path ? `${first.path}: ` : ''}${first.message}`
        : ERRORS.VALIDATION.message;
      return reply.status(400).send({ error: { code: 'VALIDATION', message, requestId, details } });
    }
    // A race that a constraint caught (two clerks, two processes): a 409, never a 500.
    if (isUniqueViolation(err)) {
      req.log.warn({ err }, 'unique constraint refused a concurrent write');
      return reply
        .status(409)
        .send({ error: { code: 'DUPLICATE', message: ERRORS.DUPLICATE.message, requestId } });
    }
    if (isContention(err)) {
      req.log.warn({ err }, 'transaction gave way to a concurrent one');
      return reply.status(503).send({ error: { code: 'BUSY', message: ERRORS.BUSY.message, requestId } });
    }
    if (err.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'RATE_LIMITED', message: ERRORS.RATE_LIMITED.message, requestId } });
    }
    if (
      err.code === 'FST_REQ_FILE_TOO_LARGE' ||
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
      err.statusCode === 413
    ) {
      return reply
        .status(413)
        .send({ error: { code: 'FILE_TOO_LARGE', message: ERRORS.FILE_TOO_LARGE.message, requestId } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply
        .status(err.statusCode)
        .send({ error: { code: 'VALIDATION', message: ERRORS.VALIDATION.message, requestId } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: ERRORS.INTERNAL.message, requestId } });
  });
}
