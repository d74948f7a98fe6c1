import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../../../errors.js';
import { signedIn } from '../../../plugins/auth.js';
import { account, userPatch } from '../../../schemas/accounts.js';
import { idParams, paged, pagingQuery, workspaceErrors } from '../../../schemas/common.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { users } = fastify.repositories;

  fastify.get(
    '/',
    {
      config: { minRole: 'admin' },
      schema: { tags: ['workspace'], summary: 'Accounts, by email (admins)', querystring: pagingQuery, response: { 200: paged(account), ...workspaceErrors } },
    },
    async (request) => users.list(request.query),
  );

  fastify.patch(
    '/:id',
    {
      config: { minRole: 'admin' },
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
      return users.update(request.params.id, request.body, me);
    },
  );
};

export default routes;
