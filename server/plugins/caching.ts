import etag from '@fastify/etag';
import fp from 'fastify-plugin';

/** Short, so a newly published entry reaches readers within a minute even through caches. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=300';

/**
 * HTTP caching: every answer gets an ETag (and a 304 for a matching If-None-Match); public
 * read routes may be cached briefly by browsers and CDNs, everything else is never stored.
 */
export default fp(
  async (fastify) => {
    await fastify.register(etag, { weak: true });
    fastify.addHook('onSend', (request, reply, payload, done) => {
      if (!reply.hasHeader('cache-control')) {
        const cacheable = request.routeOptions.config.publicRead && reply.statusCode < 300;
        reply.header('cache-control', cacheable ? PUBLIC_CACHE_CONTROL : 'no-store');
      }
      done(null, payload);
    });
  },
  { name: 'caching' },
);
