import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError } from '../errors.js';

/** Fastify's own 4xx codes become short, stable names in the `error` field. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_RATE_LIMIT: 'rate-limited',
};

/**
 * The one error handler. Validation errors become 400 naming each field; domain errors keep
 * their status; other 4xx keep theirs with a readable message; anything else is a 500 that
 * is logged in full but never shows internals to the caller.
 */
export interface ErrorsOptions {
  /** Renders the HTML 404 for an unknown page URL; /api and /assets always answer JSON. */
  notFoundPage?: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

function isPageRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  // A missing file (widget.js, an image, a chunk) is not a page a person opened: answer it in JSON.
  const isFile = /\.[a-z0-9]+$/i.test(path) && !path.endsWith('.html');
  return (request.method === 'GET' || request.method === 'HEAD') && !isFile && !/^\/(api|assets)(\/|$)/.test(path);
}

export default fp<ErrorsOptions>(
  async (fastify, opts) => {
    fastify.setErrorHandler((err: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(err)) {
        const where = err.validationContext ?? 'request';
        const details = err.validation.map((v) => {
          const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
          return { field: path ? `${where}.${path}` : where, message: v.message ?? 'is invalid' };
        });
        const message = details.map((d) => `${d.field}: ${d.message}`).join('; ');
        return reply.code(400).send({ error: 'validation', message, details });
      }
      if (err instanceof HttpError) {
        return reply
          .code(err.statusCode)
          .send({ error: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
      }
      if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        return reply.code(400).send({ error: 'invalid-json', message: 'The request body is not valid JSON' });
      }
      const status = err.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return reply.code(status).send({ error: FASTIFY_CODES[err.code] ?? 'bad-request', message: err.message });
      }
      request.log.error({ err }, 'request failed');
      return reply.code(status >= 500 && status < 600 ? status : 500).send({
        error: status === 503 ? 'unavailable' : 'internal',
        message: status === 503 ? 'The service is busy; please retry shortly' : 'Something went wrong on our side',
      });
    });

    fastify.setNotFoundHandler((request, reply) => {
      if (opts.notFoundPage && isPageRequest(request)) return opts.notFoundPage(request, reply);
      reply.code(404).send({ error: 'not-found', message: `No route for ${request.method} ${request.url.split('?')[0]}` });
    });
  },
  { name: 'errors' },
);
