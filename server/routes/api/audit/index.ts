import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, paged, pagingQuery, workspaceErrors } from '../../../schemas/common.js';

const auditEntry = z.object({
  id: z.number().int(),
  actor: z.object({ id: z.number().int(), displayName: z.string() }).nullable().describe('null for the command line'),
  action: z.string().describe('<entity>.<verb>, e.g. evidence.publish'),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});

const routes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Every write, newest first: who did what to which entity, with before and after (admins)',
        querystring: pagingQuery.extend({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(50).optional(),
          actorId: idParams.shape.id.optional(),
        }),
        response: { 200: paged(auditEntry), ...workspaceErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return await fastify.repositories.audit.list(filter, { page, pageSize });
    },
  );
};

export default routes;
