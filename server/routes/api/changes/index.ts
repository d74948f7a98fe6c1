import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../../plugins/auth.js';
import { idParams, paged, pagingQuery, workspaceErrors } from '../../../schemas/common.js';
import { changeListQuery, changeReviewInput, proposalAnswer, proposedChange } from '../../../schemas/evidence-changes.js';

/** Proposed corrections and retractions: a second reviewer approves or rejects each. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { proposedChanges } = fastify.repositories;

  fastify.get(
    '/',
    {
      config: { minRole: 'reviewer' },
      schema: {
        tags: ['workspace'],
        summary:
          'Proposed changes to published evidence, e.g. ?status=pending (oldest first), each with every field before and after and the grades it moves',
        querystring: pagingQuery.extend(changeListQuery.shape),
        response: { 200: paged(proposedChange), ...workspaceErrors },
      },
    },
    async (request) => {
      const { page, pageSize, status } = request.query;
      return await proposedChanges.list(status, { page, pageSize });
    },
  );

  fastify.post(
    '/:id/review',
    {
      config: { minRole: 'reviewer' },
      schema: {
        tags: ['workspace'],
        summary: 'Approve (apply) or reject a proposed change; never one you proposed, nor one to an entry you submitted',
        params: idParams,
        body: changeReviewInput,
        response: { 200: z.object({ change: proposalAnswer.shape.change }), ...workspaceErrors },
      },
    },
    async (request) => {
      const { decision, note } = request.body;
      return { change: await proposedChanges.review(request.params.id, decision, note, signedIn(request)) };
    },
  );
};

export default routes;
