import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../../plugins/auth.js';
import { hasRole } from '../../../repositories/users.js';
import { REVIEWER_AUDIT_ENTITIES } from '../../../repositories/audit-log.js';
import { idParams, isoDate, paged, pagingQuery, slugParam, workspaceErrors } from '../../../schemas/common.js';

const auditEntry = z.object({
  id: z.number().int(),
  actor: z.object({ id: z.number().int(), displayName: z.string() }).nullable().describe('null for the command line'),
  action: z.string().describe('<entity>.<verb>, e.g. evidence.publish'),
  entityType: z.string(),
  entityId: z.string().nullable(),
  target: z
    .string()
    .nullable()
    .describe("What it was done to, in words: the entry's title, the person's name, the account's email (a display name for reviewers)"),
  entryId: z.number().int().nullable().describe('The evidence entry a row is about (an entry or a proposed change to one), for a link'),
  changes: z
    .array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
    .describe('Each field that changed, before and after (every field of a creation)'),
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
        summary: `Every write, newest first: who did what to which entity, with before and after. Admins read everything; reviewers the history of the public record (${REVIEWER_AUDIT_ENTITIES.join(', ')})`,
        querystring: pagingQuery.extend({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(50).optional(),
          subject: slugParam.optional().describe('A person by slug: their own record’s history'),
          actorId: idParams.shape.id.optional(),
          action: z.string().max(60).optional().describe('One action, e.g. evidence.publish'),
          from: isoDate.optional().describe('On or after this day (UTC, YYYY-MM-DD)'),
          to: isoDate.optional().describe('On or before this day (UTC, YYYY-MM-DD)'),
          signIns: z.enum(['true', 'false']).optional().describe('true: include sign-ins and sign-outs, hidden otherwise'),
        }),
        response: { 200: paged(auditEntry), ...workspaceErrors },
      },
    },
    async (request) => {
      const { page, pageSize, signIns, ...filter } = request.query;
      const admin = hasRole(signedIn(request), 'admin');
      return await fastify.repositories.audit.list({ ...filter, signIns: signIns === 'true' }, { page, pageSize }, { admin });
    },
  );
};

export default routes;
