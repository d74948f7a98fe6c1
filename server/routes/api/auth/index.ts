import { inTransaction } from '../../../../db/unit-of-work.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../../auth/password.js';
import { HttpError } from '../../../errors.js';
import { signedIn } from '../../../plugins/auth.js';
import { normalizeEmail } from '../../../repositories/users.js';
import { newToken } from '../../../auth/token.js';
import {
  checkTotp,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUrl,
  qrCodeDataUrl,
  recoveryCodeHash,
} from '../../../auth/totp.js';
import {
  account,
  accountPatch,
  accountSettings,
  recoveryCodeList,
  sessionInfo,
  totpCode,
  totpDisable,
  totpSetup,
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

  /** A current TOTP code (each usable once) or an unused recovery code. */
  async function secondFactorOk(userId: number, code: string): Promise<boolean> {
    const totp = await users.totp(userId);
    if (!totp?.secret) return false;
    if (/^\d{6}$/.test(code.trim())) {
      const step = await checkTotp(totp.secret, code.trim(), totp.lastStep);
      return step !== null && (await users.useTotpStep(userId, step));
    }
    return looksLikeRecoveryCode(code) && (await users.useRecoveryCode(userId, recoveryCodeHash(code)));
  }

  fastify.post(
    '/login',
    {
      schema: {
        tags: ['workspace'],
        summary:
          'Sign in: sets the HttpOnly session cookie. With two-factor sign-in on, 401 totp-required until a code is sent too; failed tries slow the account down (429 with Retry-After)',
        body: loginInput,
        response: { 200: account, 400: errorResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const email = normalizeEmail(request.body.email);
      const { code } = request.body;
      const wait = await limits.check(email, request.ip);
      const tooMany = () => {
        const seconds = Math.max(1, Math.ceil(wait!.retryAfterMs / 1000));
        reply.header('retry-after', seconds);
        return new HttpError(
          429,
          'rate-limited',
          `Too many failed sign-ins ${wait!.scope === 'account' ? 'for this account' : 'from this address'}; try again in ${seconds} seconds`,
        );
      };
      // While an account is slowed down, only a try with a second factor is even checked:
      // the owner's password and code still get in, a guesser's password alone does not.
      if (wait && !(wait.scope === 'account' && code)) throw tooMany();
      const found = await users.credentialsByEmail(email);
      const ok = await verifyPassword(found?.passwordHash, request.body.password);
      if (!found || !ok || found.disabled) {
        await limits.failure(email, request.ip);
        throw wait ? tooMany() : badCredentials();
      }
      const totpOn = Boolean((await users.totp(found.id))?.enabledAt);
      if (totpOn) {
        if (!code) throw new HttpError(401, 'totp-required', 'Enter the 6-digit code from your authenticator app, or a recovery code');
        if (!(await secondFactorOk(found.id, code))) {
          await limits.failure(email, request.ip);
          throw wait
            ? tooMany()
            : new HttpError(401, 'invalid-code', 'That code is not right, or was used already. Wait for the next code and try again.');
        }
      } else if (wait) {
        throw tooMany();
      }
      await limits.success(email);
      const { passwordHash: _h, ...signedInAccount } = found;
      const session = await sessions.create(found.id, request.headers['user-agent']);
      fastify.sessionCookie.set(reply, session.token, session.expiresAt);
      return signedInAccount;
    },
  );

  fastify.get(
    '/account',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'Your account page: name, email language, notification choices, two-factor sign-in',
        response: { 200: accountSettings, ...workspaceErrors },
      },
    },
    async (request) => {
      const me = signedIn(request);
      const { notifyReviewQueue, notifyDecisions, notifyChangesAndReplies, totpEnabledAt, recoveryCodesLeft, ...rest } =
        await users.settings(me.id);
      return {
        ...rest,
        notifications: { reviewQueue: notifyReviewQueue, decisions: notifyDecisions, changesAndReplies: notifyChangesAndReplies },
        totp: { enabled: totpEnabledAt !== null, required: fastify.twoFactor.requiredFor(me), recoveryCodesLeft },
      };
    },
  );

  fastify.get(
    '/sessions',
    {
      config: { minRole: 'volunteer' },
      schema: { tags: ['workspace'], summary: 'Where you are signed in', response: { 200: z.array(sessionInfo), ...workspaceErrors } },
    },
    async (request) => await sessions.list(signedIn(request).id, request.sessionToken),
  );

  fastify.delete(
    '/sessions',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'Sign out everywhere, this browser included',
        response: { 204: z.null(), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const me = signedIn(request);
      await sessions.revokeAll(me.id, me);
      fastify.sessionCookie.clear(reply);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/totp/setup',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'Start two-factor sign-in: a new secret for an authenticator app (not on until confirmed with a code)',
        response: { 200: totpSetup, ...workspaceErrors },
      },
    },
    async (request) => {
      const me = signedIn(request);
      if ((await users.totp(me.id))?.enabledAt)
        throw new HttpError(409, 'totp-already-on', 'Two-factor sign-in is already on; turn it off first to use another app');
      const secret = await newTotpSecret();
      await users.startTotp(me.id, secret);
      const url = await otpauthUrl(secret, me.email);
      return { secret, otpauthUrl: url, qrCode: await qrCodeDataUrl(url) };
    },
  );

  fastify.post(
    '/totp/enable',
    {
      config: { minRole: 'volunteer' },
      schema: {
        tags: ['workspace'],
        summary: 'Confirm with a current code: turns two-factor sign-in on and returns ten one-time recovery codes, shown once',
        body: totpCode,
        response: { 200: recoveryCodeList, ...workspaceErrors },
      },
    },
    async (request) => {
      const me = signedIn(request);
      const totp = await users.totp(me.id);
      if (totp?.enabledAt) throw new HttpError(409, 'totp-already-on', 'Two-factor sign-in is already on');
      if (!totp?.secret) throw new HttpError(409, 'totp-not-started', 'Start the set-up first (POST /api/auth/totp/setup)');
      const step = await checkTotp(totp.secret, request.body.code.trim(), null);
      if (step === null) {
        const message = 'is not the current code from your authenticator app';
        throw new HttpError(400, 'validation', `code ${message}`, [{ field: 'body.code', message }]);
      }
      const codes = newRecoveryCodes();
      await users.enableTotp(me.id, step, codes.map(recoveryCodeHash), me);
      return { recoveryCodes: codes };
    },
  );

  fastify.post(
    '/totp/disable',
    {
      config: {
        minRole: 'volunteer',
        rateLimit: { max: 10, timeWindow: 15 * 60_000, keyGenerator: (request) => `totp-off:${request.account?.id ?? request.ip}` },
      },
      schema: {
        tags: ['workspace'],
        summary: 'Turn two-factor sign-in off (your password required); refused when your role must use it (an addition)',
        body: totpDisable,
        response: { 204: z.null(), ...workspaceErrors, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const me = signedIn(request);
      const found = await users.credentialsByEmail(me.email);
      if (!(await verifyPassword(found?.passwordHash, request.body.password)))
        throw new HttpError(403, 'wrong-password', 'The password is not right');
      if (fastify.twoFactor.requiredFor(me))
        throw new HttpError(409, 'totp-required-for-role', 'Your role must use two-factor sign-in, so it stays on');
      await users.disableTotp(me.id, me);
      return reply.code(204).send(null);
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
      // The answer goes out before the address is even looked up: nothing on the way to it
      // differs between a known email and an unknown one, so its timing cannot tell them apart
      // (a lookup, a token written and a message queued would each take measurable time).
      const { email } = request.body;
      fastify.mail.afterAnswer(reply, async () => {
        const found = await users.credentialsByEmail(email);
        if (!found || found.disabled) return;
        if ((await passwordResets.sentSince(found.id, new Date(Date.now() - 3600_000))) >= RESETS_PER_HOUR) return;
        const token = newToken();
        await inTransaction(fastify.db, async (tx) => {
          await passwordResets.create(found.id, token, null, tx);
          await fastify.notifications.passwordReset(found.id, token, false, tx);
        });
      });
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
      await passwordResets.consume(request.body.token, await hashPassword(request.body.password));
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
      if (request.account && request.sessionToken) await sessions.revoke(request.sessionToken, request.account);
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
        summary: 'Change your own display name, email language or notification choices',
        body: accountPatch,
        response: { 200: account, ...workspaceErrors },
      },
    },
    async (request) => {
      const me = signedIn(request);
      const { notifications, ...rest } = request.body;
      await users.updateSettings(
        me.id,
        {
          ...rest,
          ...(notifications?.reviewQueue === undefined ? {} : { notifyReviewQueue: notifications.reviewQueue }),
          ...(notifications?.decisions === undefined ? {} : { notifyDecisions: notifications.decisions }),
          ...(notifications?.changesAndReplies === undefined ? {} : { notifyChangesAndReplies: notifications.changesAndReplies }),
        },
        me,
      );
      return (await users.byId(me.id))!;
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
      const found = await users.credentialsByEmail(me.email);
      if (!(await verifyPassword(found?.passwordHash, request.body.currentPassword))) {
        throw new HttpError(403, 'wrong-password', 'The current password is not right');
      }
      await users.setPassword(me.id, await hashPassword(request.body.newPassword), me);
      const session = await sessions.create(me.id);
      fastify.sessionCookie.set(reply, session.token, session.expiresAt);
      return me;
    },
  );
};

export default routes;
