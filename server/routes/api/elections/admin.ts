import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signedIn } from '../../../plugins/auth.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import { electionInput, electionPatch } from '../../../schemas/admin.js';
import { slugParams, workspaceErrors } from '../../../schemas/common.js';
import { publicElection } from '../../../schemas/elections.js';

/** Admins create elections and set their candidates, in ballot order. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { admin, elections } = fastify.repositories;
  const publicView = async (slug: string) => {
    const election = (await elections.bySlug(slug))!;
    return { ...election, candidates: election.candidates.map(toPublicSubject) };
  };

  fastify.post(
    '/',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Create an election with its candidates (admins)',
        body: electionInput,
        response: { 201: publicElection, ...workspaceErrors },
      },
    },
    async (request, reply) => {
      const created = await admin.createElection(request.body, signedIn(request));
      return reply.code(201).send(await publicView(created.slug!));
    },
  );

  fastify.patch(
    '/:slug',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Edit an election; `candidates` replaces the list (admins)',
        params: slugParams,
        body: electionPatch,
        response: { 200: publicElection, ...workspaceErrors },
      },
    },
    async (request) => {
      await admin.updateElection(request.params.slug, request.body, signedIn(request));
      return await publicView(request.params.slug);
    },
  );
};

export default routes;
