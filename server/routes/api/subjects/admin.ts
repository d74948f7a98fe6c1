import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signedIn } from '../../../plugins/auth.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import { subjectInput, subjectPatch } from '../../../schemas/admin.js';
import { slugParams, workspaceErrors } from '../../../schemas/common.js';
import { publicSubject } from '../../../schemas/subjects.js';

/** Admins add people to score and edit them; the slug is fixed once created. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { admin } = fastify.repositories;

  fastify.post(
    '/',
    {
      config: { minRole: 'admin' },
      schema: { tags: ['workspace'], summary: 'Add a person to score (admins)', body: subjectInput, response: { 201: publicSubject, ...workspaceErrors } },
    },
    async (request, reply) => {
      const created = admin.createSubject(request.body, signedIn(request));
      return reply.code(201).send(toPublicSubject(created));
    },
  );

  fastify.patch(
    '/:slug',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Edit a person (admins); the slug cannot change',
        params: slugParams,
        body: subjectPatch,
        response: { 200: publicSubject, ...workspaceErrors },
      },
    },
    async (request) => {
      const updated = admin.updateSubject(request.params.slug, request.body, signedIn(request));
      return toPublicSubject(updated);
    },
  );
};

export default routes;
