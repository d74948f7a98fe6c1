import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../../auth/password.js';
import { HttpError } from '../../../errors.js';
import { signedIn } from '../../../plugins/auth.js';
import { normalizeEmail } from '../../../repositories/users.js';
import { newToken } from '../../../auth/token.js';
import {
  account,
  displayName,
  loginInput,
  passwordChangeInput,
  passwordResetAccepted,
  passwordResetConfirm,
  passwordResetRequest,
} from '../../../schemas/accounts.js';
import { errorResponse, workspaceErrors } from '../../../schemas/common.js';

/** Invite acceptance per address: a whole training night accepts its invitations from one Wi-Fi. */
export const INVITE_ACCEPT_LIMIT = { max: 200, timeWindow: 15 * 60_000 };

/** One answer for an unknown email, a wrong password and a disabled account, so none can be told apart. */
const badCredentials = () => new HttpError(401, 'invalid-credentials', 'The email or password is not right');

/** Reset requests per address; links per account are limited separately (RESETS_PER_HOUR). */
export const RESET_REQUEST_LIMIT = { max: 20, timeWindow: 15 * 60_000 };
/** At most this many reset emails per account an hour, however often someone asks. */
const RESETS_PER_HOUR = 3;

/** The one answer to every reset request, known email or not. */
const RESET_ACCEPTED = { message: 'If an account uses that email, a link to choose a new password is on its way. It works for one hour.' };

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { users, sessions, passwordResets } = fastify.repositories;
  const limits = fastify.signInLimits;

  fastify.post(
    '/login',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Sign in: sets the HttpOnly session cookie; failed tries slow the account down (429 with Retry-After)',
        body: loginInput,
        response: { 200: account, 400: errorResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const email = normalizeEmail(request.body.email);
      const wait = limits.check(email, request.ip);
      if (wait) {
        const seconds = Math.max(1, Math.ceil(wait.retryAfterMs / 1000));
        reply.header('retry-after', seconds);
        throw new HttpError(429, 'rate-limited', `Too many failed sign-ins ${wait.scope === 'account' ? 'for this account' : 'from this address'}; try again in ${seconds} seconds`);
      }
      const found = users.credentialsByEmail(email);
      const ok = await verifyPassword(found?.passwordHash, request.body.password);
      if (!found || !ok || found.disabled) {
        limits.failure(email, request.ip);
        throw badCredentials();
      }
      limits.success(email);
      const { passwordHash: _h, ...signedInAccount } = found;
      const session = sessions.create(found.id, request.headers['user-agent']);
      fastify.sessionCookie.set(reply, session.token, session.expiresAt);
      return signedInAccount;
    },
  );

  fastify.post(
    '/password-reset',
    {
      config: { rateLimit: RESET_REQUEST_LIMIT },
      schema: {
        tags: ['workspace'],
        summary: 'Forgot your password: emails a one-hour reset link; the same 202 answer whether or not the email has an account',
        body: passwordResetRequest,
        response: { 202: passwordResetAccepted, 400: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      // The same work on both paths (a token made, one lookup), and the email is only queued,
      // never sent here: the answer takes as long for an unknown email as for a known one.
      const token = newToken();
      const found = users.credentialsByEmail(request.body.email);
      if (found && !found.disabled && passwordResets.sentSince(found.id, new Date(Date.now() - 3600_000)) < RESETS_PER_HOUR) {
        fastify.db.transaction((tx) => {
          passwordResets.create(found.id, token, null, tx);
          fastify.notifications.passwordReset(found.id, token, false, tx);
        });
      }
      return reply.code(202).send(RESET_ACCEPTED);
    },
  );

  fastify.post(
    '/password-reset/confirm',
    {
      config: { rateLimit: RESET_REQUEST_LIMIT },
      schema: {
        tags: ['workspace'],
        summary: 'Choose a new password with a reset link’s token: works once, within the hour; ends every session of the account',
        body: passwordResetConfirm,
        response: { 204: z.null(), 400: errorResponse, 410: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      passwordResets.consume(request.body.token, await hashPassword(request.body.password));
      fastify.sessionCookie.clear(reply);
      return reply.code(204).send(null);
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
        rateLimit: { max: 10, timeWindow: 15 * 60_000, keyGenerator: (request) => `password:${request.account?.id ?? request.ip}` },
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
