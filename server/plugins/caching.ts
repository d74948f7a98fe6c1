import etag from '@fastify/etag';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { negotiateLanguage } from '../i18n/language.js';

/** Short, so a newly published entry reaches readers within a minute even through caches. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=300';

/** How long a cached public answer may be reused with no write in between ("upcoming" events, "today"). */
const RESPONSE_TTL_MS = 60_000;
const MAX_RESPONSES = 2_000;
const MAX_CACHED_BODY = 256 * 1024;

/** The headers a route sets on its answer that a cached copy must carry too. */
const KEPT_HEADERS = ['etag', 'content-type', 'content-disposition', 'content-language', 'vary'] as const;

interface CachedResponse {
  version: number;
  expires: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * HTTP caching. Every answer gets an ETag (and a 304 for a matching If-None-Match). Public read
 * routes may be cached briefly by browsers and CDNs, everything else is never stored.
 *
 * Public read answers are also kept in memory, serialized with their ETag, keyed by URL and
 * stamped with the data version: a hit skips the query, the response validation and the
 * hashing, which is what lets a scorecard be served at a good fraction of a bare
 * hello-world's rate. Any committed write bumps the version, so nothing stale is served.
 */
export default fp(
  async (fastify) => {
    await fastify.register(etag, { weak: true });
    const responses = new Map<string, CachedResponse>();
    // Localized answers vary with Accept-Language, so the key carries the language it asks for.
    const keyOf = (request: FastifyRequest) => {
      const accept = request.headers['accept-language'];
      return accept ? `${request.url}|${negotiateLanguage(undefined, accept)}` : request.url;
    };

    fastify.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || !request.routeOptions.config.publicRead) return;
      const hit = responses.get(keyOf(request));
      if (!hit || hit.version !== fastify.dataVersion.value || hit.expires < Date.now()) return;
      return reply.headers(hit.headers).send(hit.body);
    });

    fastify.addHook('onSend', (request, reply, payload, done) => {
      const publicRead = request.routeOptions.config.publicRead;
      if (!reply.hasHeader('cache-control')) {
        reply.header('cache-control', publicRead && reply.statusCode < 300 ? PUBLIC_CACHE_CONTROL : 'no-store');
      }
      if (
        publicRead &&
        request.method === 'GET' &&
        reply.statusCode === 200 &&
        typeof payload === 'string' &&
        payload.length <= MAX_CACHED_BODY &&
        responses.get(keyOf(request))?.version !== fastify.dataVersion.value
      ) {
        if (responses.size >= MAX_RESPONSES) responses.clear();
        responses.set(keyOf(request), {
          version: fastify.dataVersion.value,
          expires: Date.now() + RESPONSE_TTL_MS,
          body: payload,
          headers: Object.fromEntries(
            KEPT_HEADERS.filter((name) => reply.hasHeader(name)).map((name) => [name, String(reply.getHeader(name))]),
          ),
        });
      }
      done(null, payload);
    });
  },
  { name: 'caching', dependencies: ['database'] },
);
