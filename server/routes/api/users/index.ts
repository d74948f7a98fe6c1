import { inTransaction } from '../../../../db/unit-of-work.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../../../errors.js';
import { signedIn } from '../../../plugins/auth.js';
import { newToken } from '../../../auth/token.js';
import { account, passwordResetLink, userPatch } from '../../../schemas/accounts.js';
import { idParams, paged, pagingQuery, workspaceErrors } from '../../../schemas/common.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { users, passwordResets } = fastify.repositories;

  fastify.get(
    '/',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Accounts, by email (admins)',
        querystring: pagingQuery,
        response: { 200: paged(account), ...workspaceErrors },
      },
    },
    async (request) => await users.list(request.query),
  );

  fastify.patch(
    '/:id',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Change an account’s role or name, or disable it (which signs it out everywhere) (admins)',
        params: idParams,
        body: userPatch,
        response: { 200: account, ...workspaceErrors },
      },
    },
    async (request) => {
      const me = signedIn(request);
      // Keeps the last admin from locking everyone out by accident.
      if (request.params.id === me.id && (request.body.role !== undefined || request.body.disabled !== undefined)) {
        throw new HttpError(409, 'own-account', 'You cannot change your own role or disable yourself; ask another admin');
      }
      return await users.update(request.params.id, request.body, me);
    },
  );

  fastify.post(
    '/:id/password-reset',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Send someone a password-reset link (also emailed); it works once, for an hour (admins)',
        params: idParams,
        response: { 201: passwordResetLink, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const me = signedIn(request);
      const user = await users.byId(request.params.id);
      if (!user) throw new HttpError(404, 'not-found', `No user with id ${request.params.id}`);
      if (user.disabled) throw new HttpError(409, 'account-disabled', 'This account is disabled: enable it first, then send the link');
      const token = newToken();
      const url = await inTransaction(fastify.db, async (tx) => {
        await passwordResets.create(user.id, token, me, tx);
        return await fastify.notifications.passwordReset(user.id, token, true, tx);
      });
      return reply.code(201).send({ url });
    },
  );
};

export default routes;
