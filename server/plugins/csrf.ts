import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's only authority is a secret in its address (an email's opt-out link): it never
     * reads the session, so a forged request gains nothing, and it must work from mail programs
     * (no Origin) and from pages sent with `Referrer-Policy: no-referrer` (Origin `null`).
     */
    addressTokenOnly?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return 'invalid';
  }
}

/** This site's own origin as the browser sees it (behind a proxy, from its X-Forwarded headers). */
function ownOrigin(request: FastifyRequest): string | null {
  return originOf(`${request.protocol}://${request.host}`);
}

/**
 * Cross-site request forgery: a write that carries the session cookie must come from a page
 * of this site. Browsers send Origin on every cross-site write (Referer as a fallback), so a
 * write whose Origin is another site's, or a cookie-carrying write with neither header, is
 * refused before anything runs. A write from another origin without a cookie (sign-in from
 * a forged form) is refused too, so no one can be signed into someone else's account.
 */
export default fp<{ publicOrigin?: string | null }>(
  async (fastify, opts) => {
    fastify.addHook('onRequest', (request, _reply, done) => {
      if (SAFE_METHODS.has(request.method) || request.routeOptions.config.addressTokenOnly) return done();
      const claimed = originOf(request.headers.origin) ?? originOf(request.headers.referer);
      const hasCookie = request.cookies[fastify.sessionCookie.name] !== undefined;
      if (claimed === null && !hasCookie) return done();
      // A configured PUBLIC_ORIGIN is this site too, whatever Host the proxy passes on.
      if (claimed === null || (claimed !== ownOrigin(request) && claimed !== opts.publicOrigin)) {
        return done(new HttpError(403, 'cross-site-request', 'This request did not come from this site, so it was refused'));
      }
      done();
    });
  },
  { name: 'csrf', dependencies: ['auth'] },
);
