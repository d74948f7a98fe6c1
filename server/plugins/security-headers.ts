import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/** The security headers one route sends, computed when the route is registered. */
type HeaderSet = Readonly<Record<string, string>>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A public, cacheable, read-only JSON route: open CORS, Cache-Control + ETag, and the
     * fixed API security headers instead of the page headers.
     */
    publicRead?: boolean;
    /**
     * Helmet options that replace the site's for this route's page (the embed page, which
     * partner sites frame). Fixed values only: they are turned into headers once, at start.
     */
    securityHeaders?: HelmetOptions;
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

/** The site's helmet options for HTML pages (and everything that is not a public JSON read). */
export function pageHelmetOptions(production: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: { ...PAGE_CSP_DIRECTIVES, upgradeInsecureRequests: production ? [] : null },
    },
    // HSTS only when served over HTTPS in production; on localhost it would pin http users out.
    strictTransportSecurity: production,
    crossOriginResourcePolicy: { policy: 'same-site' },
  };
}

/**
 * The headers helmet sets for these options, found by running its middleware once against a
 * stand-in response. Helmet (and @fastify/helmet, used here before) builds its middleware and
 * parses the whole policy again on every request, which made a cached page cost about twice a
 * cached JSON answer; the policy never changes while the process runs, so its headers are
 * worked out once. A directive given as a function (a per-request nonce) cannot be frozen like
 * this, so it is refused at start rather than sent stale.
 */
export function helmetHeaders(options: HelmetOptions): HeaderSet {
  const csp = options.contentSecurityPolicy;
  if (csp && typeof csp === 'object' && Object.values(csp.directives ?? {}).some(isDynamic)) {
    throw new Error('security headers: a Content-Security-Policy directive computed per request cannot be precomputed');
  }
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return Object.freeze(headers);
}

function isDynamic(value: unknown): boolean {
  return typeof value === 'function' || (Array.isArray(value) && value.some((v) => typeof v === 'function'));
}

/**
 * The headers a JSON read route needs, computed once. JSON needs no page policy beyond
 * "render nothing, frame nothing", so these routes get this fixed set instead of the pages'.
 */
function apiHeaders(production: boolean): HeaderSet {
  return Object.freeze({
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Partner sites and the widget read the API from other origins.
    'cross-origin-resource-policy': 'cross-origin',
    'x-frame-options': 'DENY',
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  });
}

const HEADERS = Symbol('securityHeaderSet');
type WithHeaders = { [HEADERS]?: HeaderSet };

/**
 * Security headers on every answer, each route's set worked out when the route is registered:
 * public JSON reads get the fixed API set, a route with `config.securityHeaders` helmet's
 * headers for its own options, every other route (pages, the workspace, writes, and the 404
 * and errors, which have no route) helmet's headers for the site's page policy. The onRequest
 * hook only copies the route's set onto the reply, so the headers are there even when a later
 * hook answers (the overload guard's 503, a rate limit's 429, a cache hit).
 */
export default fp<{ production: boolean }>(
  async (fastify, opts) => {
    const site = pageHelmetOptions(opts.production);
    const pages = helmetHeaders(site);
    const api = apiHeaders(opts.production);
    fastify.addHook('onRoute', (route) => {
      const config = route.config;
      const own = config?.securityHeaders;
      const set = config?.publicRead ? api : own ? helmetHeaders({ ...site, ...own } as HelmetOptions) : pages;
      // A copy: one config object may be shared by several routes.
      route.config = Object.assign({ ...config }, { [HEADERS]: set });
    });
    fastify.addHook('onRequest', (request, reply, done) => {
      reply.headers((request.routeOptions.config as WithHeaders)[HEADERS] ?? pages);
      done();
    });
  },
  { name: 'security-headers' },
);
