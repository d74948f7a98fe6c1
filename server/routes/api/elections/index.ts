import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../errors.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import { today } from '../../../../core/calendar.js';
import { errorResponses, slugParams } from '../../../schemas/common.js';
import { electionDetail, publicElection } from '../../../schemas/elections.js';
import { answerLanguage, langQuery } from '../../../i18n/language.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { elections, scorecards } = fastify.repositories;

  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: { tags: ['public'], summary: 'Elections, newest first, with their candidates', response: { 200: z.array(publicElection) } },
    },
    async () => (await elections.list()).map((e) => ({ ...e, candidates: e.candidates.map(toPublicSubject) })),
  );

  fastify.get(
    '/:slug',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'One election with each candidate’s current scorecard',
        params: slugParams,
        querystring: z.object({ lang: langQuery }),
        response: { 200: electionDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const lang = answerLanguage(request, reply);
      const election = await elections.bySlug(request.params.slug);
      if (!election) throw notFound('election', request.params.slug);
      const asOf = today();
      return {
        ...election,
        asOf,
        candidates: await Promise.all(
          election.candidates.map(async (c) => ({ ...toPublicSubject(c), scorecard: await scorecards.forSubject(c, asOf, lang) })),
        ),
      };
    },
  );
};

export default routes;
