import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A public, cacheable, read-only JSON route: open CORS, Cache-Control + ETag, and the
     * fixed API security headers instead of helmet's per-request work.
     */
    publicRead?: boolean;
  }
}

/** The Content-Security-Policy of the HTML pages: only our own scripts and styles. */
export const PAGE_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Lit adopts constructable stylesheets; inline style attributes are only used by chart.js.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  frameSrc: ["'self'"],
  frameAncestors: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/**
 * The headers a JSON read route needs, computed once. Helmet's per-request work halves the
 * throughput of the hottest routes (measured with `npm run bench:load`), and JSON needs no page policy beyond
 * "render nothing, frame nothing", so these routes get this fixed set instead.
 */
function apiHeaders(production: boolean): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Partner sites and the widget read the API from other origins.
    'cross-origin-resource-policy': 'cross-origin',
    'x-frame-options': 'DENY',
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export default fp<{ production: boolean }>(
  async (fastify, opts) => {
    // Must run before helmet's own onRoute hook, which reads `route.helmet`.
    fastify.addHook('onRoute', (route) => {
      if (route.config?.publicRead) route.helmet = false;
    });
    await fastify.register(helmet, {
      global: true,
      contentSecurityPolicy: {
        directives: { ...PAGE_CSP_DIRECTIVES, upgradeInsecureRequests: opts.production ? [] : null },
      },
      // HSTS only when served over HTTPS in production; on localhost it would pin http users out.
      strictTransportSecurity: opts.production,
      crossOriginResourcePolicy: { policy: 'same-site' },
    });
    const fixed = apiHeaders(opts.production);
    fastify.addHook('onRequest', (request, reply, done) => {
      if (request.routeOptions.config.publicRead) reply.headers(fixed);
      done();
    });
  },
  { name: 'security-headers' },
);
