import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { outboxMessage } from '../../../schemas/mail.js';
import { paged, pagingQuery, workspaceErrors } from '../../../schemas/common.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { queue } = fastify.mail;

  fastify.get(
    '/',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Every email the app wrote, newest first, with its status: held (no SMTP_URL), queued, sending, sent or failed (admins)',
        querystring: pagingQuery,
        response: {
          200: paged(outboxMessage).extend({
            sending: z.boolean().describe('False when no SMTP server is configured: messages are held here'),
          }),
          ...workspaceErrors,
        },
      },
    },
    async (request) => ({ ...(await queue.list(request.query)), sending: fastify.mail.sending }),
  );
};

export default routes;
