import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError } from '../errors.js';
import { RETRY_AFTER_SECONDS } from './pressure.js';

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
 * The router's own refusals (a bad percent-escape, a path part longer than the router takes)
 * happen before any route or hook, so the error handler never sees them; the server passes
 * them here (its `frameworkErrors` option) to answer in the one error shape. The path is not
 * echoed back: it is what the caller sent, and may be long or hostile.
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.code(414).send({ error: 'uri-too-long', message: 'A part of the address is longer than any name here' });
  }
  if (err.code === 'FST_ERR_BAD_URL') {
    return reply.code(400).send({ error: 'bad-url', message: 'The address is not valid: it has a broken %-escape' });
  }
  return reply.code(err.statusCode ?? 400).send({ error: 'bad-request', message: 'The request could not be routed' });
}

/**
 * Requests Node's HTTP parser cannot read (broken syntax, smuggling attempts, oversized
 * headers, a client too slow to send them) never become requests at all; the server passes
 * them here (its `clientErrorHandler` option) to answer in the one error shape before closing.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, error, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'timeout', 'The request took too long to arrive']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'headers-too-large', 'The request headers are too large']
        : [400, 'Bad Request', 'bad-request', 'The request is not valid HTTP'];
  const body = JSON.stringify({ error, message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/**
 * Why the database refused a write, found on the SQLite error itself or on the drizzle error
 * that wraps it. These are not bugs: the disk is full, the file is read-only, or another
 * writer held the lock past the busy timeout, and the caller is told so.
 */
const STORAGE_FAILURES: Array<{ prefix: string; status: number; error: string; message: string; retry?: boolean }> = [
  {
    prefix: 'SQLITE_FULL',
    status: 507,
    error: 'storage-full',
    message: 'The server’s disk is full: nothing was saved. Reading still works.',
  },
  {
    prefix: 'SQLITE_READONLY',
    status: 503,
    error: 'read-only',
    message: 'The database is read-only right now: nothing was saved. Reading still works.',
  },
  {
    prefix: 'SQLITE_BUSY',
    status: 503,
    error: 'unavailable',
    message: 'The database is busy: nothing was saved. Please retry shortly.',
    retry: true,
  },
  // PostgreSQL's SQLSTATE codes for the same three situations (DATABASE_URL): a full disk, a
  // read-only standby (during a failover), and a lock, a conflict or a lost connection to retry.
  {
    prefix: '53100',
    status: 507,
    error: 'storage-full',
    message: 'The server’s disk is full: nothing was saved. Reading still works.',
  },
  {
    prefix: '25006',
    status: 503,
    error: 'read-only',
    message: 'The database is read-only right now: nothing was saved. Reading still works.',
  },
  ...['40001', '40P01', '55P03', '57P', '08', 'ECONNREFUSED'].map((prefix) => ({
    prefix,
    status: 503,
    error: 'unavailable',
    message: 'The database is busy: nothing was saved. Please retry shortly.',
    retry: true,
  })),
];

function storageFailure(err: unknown) {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    const found = STORAGE_FAILURES.find((f) => code.startsWith(f.prefix));
    if (found) return found;
  }
  return undefined;
}

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
        return reply.code(err.statusCode).send({ error: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
      }
      if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        return reply.code(400).send({ error: 'invalid-json', message: 'The request body is not valid JSON' });
      }
      if (err.code === 'FST_UNDER_PRESSURE') {
        // under-pressure has set the 503 and Retry-After; logging each refusal would add load.
        request.log.debug('refused: under pressure');
        return reply.code(503).send({ error: 'unavailable', message: 'The service is busy; please retry shortly' });
      }
      const storage = storageFailure(err);
      if (storage) {
        request.log.warn({ err }, `write refused: ${storage.error}`);
        if (storage.retry) reply.header('retry-after', RETRY_AFTER_SECONDS);
        return reply.code(storage.status).send({ error: storage.error, message: storage.message });
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
