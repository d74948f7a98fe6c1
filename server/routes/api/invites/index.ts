import { inTransaction } from '../../../../db/unit-of-work.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword } from '../../../auth/password.js';
import { signedIn } from '../../../plugins/auth.js';
import { account, createdInvite, invite, inviteAcceptance, inviteInput } from '../../../schemas/accounts.js';
import { errorResponse, workspaceErrors } from '../../../schemas/common.js';
import { INVITE_ACCEPT_LIMIT } from '../auth/index.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { invites } = fastify.repositories;

  fastify.post(
    '/',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Invite someone: emails a single-use link that expires in a week (admins); 409 when the email has an account',
        body: inviteInput,
        response: { 201: createdInvite, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const me = signedIn(request);
      // The invite and its email are one transaction: no invite without its message.
      const created = await inTransaction(fastify.db, async (tx) => {
        const row = await invites.create(request.body, me, tx);
        const url = await fastify.notifications.invitation({ ...row, inviter: me.displayName }, tx);
        return { ...row, url };
      });
      // A fragment never reaches server logs or Referer headers, unlike a query string.
      return reply.code(201).send({ ...created, acceptPath: `/workspace/invite#${created.token}` });
    },
  );

  fastify.get(
    '/',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Invites not yet used or expired (admins)',
        response: { 200: z.array(invite), ...workspaceErrors },
      },
    },
    async () => await invites.listOpen(),
  );

  fastify.post(
    '/accept',
    {
      config: { rateLimit: INVITE_ACCEPT_LIMIT },
      schema: {
        tags: ['workspace'],
        summary: 'Accept an invite: set a display name and password, and be signed in',
        body: inviteAcceptance,
        response: { 201: account, 400: errorResponse, 409: errorResponse, 410: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const passwordHash = await hashPassword(request.body.password);
      const { account: created, session } = await invites.accept(request.body.token, request.body.displayName, passwordHash);
      fastify.sessionCookie.set(reply, session.token, session.expiresAt);
      return reply.code(201).send(created);
    },
  );
};

export default routes;
