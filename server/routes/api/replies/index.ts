import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../../plugins/auth.js';
import { errorResponse, idParams, paged, pagingQuery, workspaceErrors } from '../../../schemas/common.js';
import { replyCreated, replyInput, replyListQuery, replyReviewInput, reviewerReply } from '../../../schemas/replies.js';

/** Per address, like sign-in's limit before it counted only failures: a token cannot be guessed at speed. */
const REPLY_LIMIT = { max: 20, timeWindow: 15 * 60_000 };

/** The right of reply: offices send replies through their link; reviewers check them for abuse only. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { replies } = fastify.repositories;

  fastify.post(
    '/',
    {
      // Anyone holding a valid link; limited like sign-in so the token cannot be guessed at speed.
      config: { rateLimit: REPLY_LIMIT },
      schema: {
        tags: ['public'],
        summary:
          'Send a reply from the office of a graded person, with the link the coalition sent them; it is published once checked for abuse',
        body: replyInput,
        response: { 201: replyCreated, 400: errorResponse, 403: errorResponse, 410: errorResponse, 413: errorResponse },
      },
    },
    async (request, reply) => {
      const created = await replies.submit(request.body);
      // After the commit, and never able to fail the reply: the reviewers' email is a courtesy.
      try {
        const { name } = await replies.subjectForToken(request.body.token);
        await fastify.notifications.officeReplyAwaitsReview({ about: name, office: null, path: '/workspace/review/replies' });
      } catch (err) {
        request.log.error({ err }, 'could not queue the reply email');
      }
      return reply.code(201).send(created);
    },
  );

  fastify.get(
    '/',
    {
      config: { minRole: 'reviewer' },
      schema: {
        tags: ['workspace'],
        summary: 'Replies from offices, e.g. ?status=pending (oldest first)',
        querystring: pagingQuery.extend(replyListQuery.shape),
        response: { 200: paged(reviewerReply), ...workspaceErrors },
      },
    },
    async (request) => {
      const { page, pageSize, status } = request.query;
      return await replies.list(status, { page, pageSize });
    },
  );

  fastify.post(
    '/:id/review',
    {
      config: { minRole: 'reviewer' },
      schema: {
        tags: ['workspace'],
        summary: 'Publish or reject a reply: checked for abuse only, never for agreement',
        params: idParams,
        body: replyReviewInput,
        response: { 200: z.object({ id: z.number().int(), status: z.string() }), ...workspaceErrors },
      },
    },
    async (request) => await replies.review(request.params.id, request.body.decision, request.body.note, signedIn(request)),
  );
};

export default routes;
