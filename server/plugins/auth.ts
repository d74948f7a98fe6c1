import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { UserRole } from '../../db/schema/index.js';
import { SignInLimiter } from '../auth/sign-in-limits.js';
import { HttpError } from '../errors.js';
import { hasRole, type Account } from '../repositories/users.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Failed sign-ins per account and per address (server/auth/sign-in-limits.ts); every sign-in point uses it. */
    signInLimits: SignInLimiter;
    /** Who must use two-factor sign-in (REQUIRE_2FA_FOR), and whether an account has it on. */
    twoFactor: {
      requiredFor(account: { role: UserRole }): boolean;
      missing(account: { id: number; role: UserRole }): Promise<boolean>;
    };
    /**
     * Puts a route behind the role gate: sets its `config.minRole` and refuses everyone below it
     * before the body is read. Routes get it from their own `config.minRole`, or from their
     * folder's `autohooks.ts` (server/routes/api/README.md), which gives a whole folder one role.
     */
    requireRole(route: RouteOptions, minRole: UserRole): void;
    /** Sets or clears the HttpOnly, SameSite session cookie (Secure in production). */
    sessionCookie: {
      /** `session`, or `__Host-session` in production. */
      readonly name: string;
      set(reply: FastifyReply, token: string, expiresAt: Date): void;
      clear(reply: FastifyReply): void;
    };
  }
  interface FastifyContextConfig {
    /** The least role that may call this route; without it the route is open to anyone. */
    minRole?: UserRole;
  }
  interface FastifyRequest {
    /** The signed-in account, or null. Set from the session cookie before anything else runs. */
    account: Account | null;
    /** The raw session token from the cookie, when it named a live session. */
    sessionToken: string | null;
  }
}

/** The session cookie's name in development and tests (plain http, where `__Host-` cannot be set). */
export const SESSION_COOKIE = 'session';
/**
 * In production the name carries the `__Host-` prefix: browsers then accept the cookie only
 * when it is Secure, for path `/` and without a Domain, so no sibling subdomain or plain-http
 * page can plant or overwrite a session (session fixation).
 */
export const PRODUCTION_SESSION_COOKIE = '__Host-session';
export const sessionCookieName = (production: boolean) => (production ? PRODUCTION_SESSION_COOKIE : SESSION_COOKIE);

/** The session cookie as an OpenAPI security scheme, for /api/docs. */
export const SESSION_SECURITY_SCHEME = 'sessionCookie';
export const sessionSecurityScheme = (production = false) =>
  ({ type: 'apiKey', in: 'cookie', name: sessionCookieName(production) }) as const;

/**
 * A folder's `autohooks.ts` (loaded by @fastify/autoload for every route file in that folder):
 * `export default folderRole('admin')` puts each of the folder's routes behind that role unless
 * the route names its own `config.minRole`. A new route file there is gated without a word.
 */
export const folderRole =
  (minRole: UserRole) =>
  async (fastify: FastifyInstance): Promise<void> => {
    fastify.addHook('onRoute', (route) => {
      if (!route.config?.minRole) fastify.requireRole(route, minRole);
    });
  };

/** The signed-in account of a route that has `minRole`; the gate has already refused everyone else. */
export function signedIn(request: FastifyRequest): Account {
  if (!request.account) throw new HttpError(401, 'unauthenticated', 'Sign in first');
  return request.account;
}

/**
 * Sessions and roles. The cookie carries a random token; the session it names is looked up
 * on every request (so a disabled account or a revoked session stops working at once), then
 * a route's `minRole` is enforced before its body is even parsed: anonymous callers get 401,
 * signed-in callers below the role 403.
 */
export default fp<{ production: boolean; require2faFor?: UserRole | null }>(
  async (fastify, opts) => {
    await fastify.register(cookie);
    const { sessions, users } = fastify.repositories;
    const required = opts.require2faFor ?? null;
    const twoFactor = {
      requiredFor: (account: { role: UserRole }) => required !== null && hasRole(account, required),
      missing: async (account: { id: number; role: UserRole }) =>
        twoFactor.requiredFor(account) && !(await users.totp(account.id))?.enabledAt,
    };
    fastify.decorate('twoFactor', twoFactor);

    fastify.decorate('signInLimits', new SignInLimiter());
    fastify.decorateRequest('account', null);
    fastify.decorateRequest('sessionToken', null);

    const name = sessionCookieName(opts.production);
    fastify.decorate('sessionCookie', {
      name,
      set(reply, token, expiresAt) {
        reply.setCookie(name, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: opts.production,
          expires: expiresAt,
        });
      },
      clear(reply) {
        reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.production });
      },
    });

    // Callback style: this runs on every request, and a promise per request costs on the hot routes.
    fastify.addHook('onRequest', (request, _reply, done) => {
      // Public reads answer the same for everyone: no session lookup on the hottest routes.
      const token = request.routeOptions.config.publicRead ? undefined : request.cookies[name];
      if (!token || token.length > 100) return done();
      sessions.accountFor(token).then((account) => {
        if (account) {
          request.account = account;
          request.sessionToken = token;
        }
        done();
      }, done);
    });

    fastify.decorate('requireRole', (route: RouteOptions, minRole: UserRole) => {
      route.config = { ...route.config, minRole };
      // The OpenAPI description (read when it is generated) shows which calls need the cookie.
      if (route.schema) route.schema.security = [{ [SESSION_SECURITY_SCHEME]: [] }];
      const gate = async (request: FastifyRequest) => {
        const account = signedIn(request);
        if (!hasRole(account, minRole)) throw new HttpError(403, 'forbidden', `This needs the ${minRole} role or higher`);
        // Review and admin actions wait until a role that must use two-factor sign-in has it on.
        if (minRole !== 'volunteer' && (await twoFactor.missing(account))) {
          throw new HttpError(403, 'totp-setup-required', 'Your role must use two-factor sign-in: turn it on at /workspace/account first');
        }
      };
      // onRequest runs before the body is read: no one unauthorised gets to send a large body.
      const existing = route.onRequest;
      route.onRequest = existing ? [...(Array.isArray(existing) ? existing : [existing]), gate] : [gate];
    });

    fastify.addHook('onRoute', (route) => {
      const minRole = route.config?.minRole;
      if (minRole) fastify.requireRole(route, minRole);
    });

    // Expired sessions pile up otherwise; once at start and then daily is plenty. A read-only
    // database (see db/connection.ts) is left alone: it must still start and serve reads.
    const purge = () => {
      if (fastify.db.$client.readonly) return;
      sessions.purgeExpired().catch((err: unknown) => fastify.log.error({ err }, 'purging expired sessions failed'));
    };
    purge();
    const timer = setInterval(purge, 24 * 3600 * 1000);
    timer.unref();
    fastify.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'auth', dependencies: ['repositories'] },
);
