import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../../auth/password.js';
import { HttpError } from '../../../errors.js';
import { signedIn } from '../../../plugins/auth.js';
import { normalizeEmail } from '../../../repositories/users.js';
import { account, displayName, loginInput, passwordChangeInput } from '../../../schemas/accounts.js';
import { errorResponse, workspaceErrors } from '../../../schemas/common.js';

/** Sign-in limits: per address (one person trying many accounts) and per account (many people trying one). */
export const LOGIN_LIMITS = {
  perAddress: { max: 20, timeWindow: 15 * 60_000 },
  perAccount: { max: 10, timeWindow: 15 * 60_000 },
};

/** One answer for an unknown email, a wrong password and a disabled account, so none can be told apart. */
const badCredentials = () => new HttpError(401, 'invalid-credentials', 'The email or password is not right');

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { users, sessions } = fastify.repositories;
  const perAccount = fastify.createRateLimit({
    ...LOGIN_LIMITS.perAccount,
    keyGenerator: (request) => `account:${normalizeEmail((request.body as { email: string }).email)}`,
  });

  fastify.post(
    '/login',
    {
      config: { rateLimit: LOGIN_LIMITS.perAddress },
      schema: {
        tags: ['workspace'],
        summary: 'Sign in: sets the HttpOnly session cookie',
        body: loginInput,
        response: { 200: account, 400: errorResponse, 401: errorResponse, 429: errorResponse },
      },
      preHandler: async (request, reply) => {
        const limit = await perAccount(request);
        if (!limit.isAllowed && limit.isExceeded) {
          reply.header('retry-after', limit.ttlInSeconds);
          throw new HttpError(429, 'rate-limited', `Too many attempts for this account; try again in ${limit.ttlInSeconds} seconds`);
        }
      },
    },
    async (request, reply) => {
      const found = users.credentialsByEmail(request.body.email);
      const ok = await verifyPassword(found?.passwordHash, request.body.password);
      if (!found || !ok || found.disabled) throw badCredentials();
      const { passwordHash: _h, ...signedInAccount } = found;
      const session = sessions.create(found.id);
      fastify.sessionCookie.set(reply, session.token, session.expiresAt);
      return signedInAccount;
    },
  );

  fastify.post(
    '/logout',
    {
      schema: { tags: ['workspace'], summary: 'Sign out: ends the session and clears the cookie', response: { 204: z.null() } },
    },
    async (request, reply) => {
      if (request.account && request.sessionToken) sessions.revoke(request.sessionToken, request.account);
      fastify.sessionCookie.clear(reply);
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/me',
    {
      config: { minRole: 'volunteer' },
      schema: { tags: ['workspace'], summary: 'The signed-in account', response: { 200: account, 401: errorResponse } },
    },
    async (request) => signedIn(request),
  );

  fastify.patch(
    '/me',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'Change your own display name',
        body: z.strictObject({ displayName }),
        response: { 200: account, ...workspaceErrors },
      },
    },
    async (request) => {
      const me = signedIn(request);
      return users.update(me.id, { displayName: request.body.displayName }, me);
    },
  );

  fastify.post(
    '/password',
    {
      config: {
        minRole: 'volunteer',
        // Guessing the current password from a stolen session is limited per account.
        rateLimit: { ...LOGIN_LIMITS.perAccount, keyGenerator: (request) => `password:${request.account?.id ?? request.ip}` },
      },
      schema: {
        tags: ['workspace'],
        summary: 'Change your password: ends every session, then signs this one in again',
        body: passwordChangeInput,
        response: { 200: account, ...workspaceErrors, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const me = signedIn(request);
      const found = users.credentialsByEmail(me.email);
      if (!(await verifyPassword(found?.passwordHash, request.body.currentPassword))) {
        throw new HttpError(403, 'wrong-password', 'The current password is not right');
      }
      users.setPassword(me.id, await hashPassword(request.body.newPassword), me);
      const session = sessions.create(me.id);
      fastify.sessionCookie.set(reply, session.token, session.expiresAt);
      return me;
    },
  );
};

export default routes;
