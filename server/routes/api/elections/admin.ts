import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { archiveRoutes } from '../../archive-routes.js';
import { signedIn } from '../../../plugins/auth.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import { electionInput, electionPatch } from '../../../schemas/admin.js';
import { slugParams, workspaceErrors } from '../../../schemas/common.js';
import { publicElection } from '../../../schemas/elections.js';
import { removalPlan } from '../../../schemas/removal.js';
import { z } from 'zod';

/** Admins create elections and set their candidates, in ballot order. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { admin, elections, translations, removal } = fastify.repositories;
  /** The election as stored, with the Spanish text the admin just wrote. */
  const publicView = async (slug: string) => {
    const [election] = await translations.localizeElections([(await elections.bySlug(slug))!], 'en');
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

  fastify.get(
    '/:slug/removal',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'What deleting this election would do (admins)',
        params: slugParams,
        response: { 200: removalPlan, ...workspaceErrors },
      },
    },
    async (request) => removal.electionPlan(request.params.slug),
  );

  fastify.delete(
    '/:slug',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Delete an election and its candidate list; the people stay (admins)',
        params: slugParams,
        response: { 204: z.null(), ...workspaceErrors },
      },
    },
    async (request, reply) => {
      await removal.deleteElection(request.params.slug, signedIn(request));
      return reply.code(204).send(null);
    },
  );

  archiveRoutes(fastify, {
    kind: 'election',
    response: publicElection,
    summaries: {
      archive: 'Archive an election (admins): hidden from public lists, its page still answers with an “archived” note',
      restore: 'Restore an archived election to the public lists (admins)',
    },
    view: (key) => publicView(key as string),
  });
};

export default routes;
