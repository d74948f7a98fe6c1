import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../errors.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import { today } from '../../../../core/calendar.js';
import { errorResponses, slugParams } from '../../../schemas/common.js';
import { electionDetail, publicElection } from '../../../schemas/elections.js';
import { answerLanguage, langQuery } from '../../../i18n/language.js';
import { localOffice } from '../../../repositories/translations.js';
import { archivedQuery } from '../../../schemas/removal.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { elections, scorecards, translations } = fastify.repositories;

  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'Elections, newest first, with their candidates (archived ones only with ?include=archived)',
        description: 'With `lang=es`, names, offices and bios are in Spanish where written (`textLanguages` says which).',
        querystring: archivedQuery.extend({ lang: langQuery }),
        response: { 200: z.array(publicElection) },
      },
    },
    async (request, reply) => {
      const lang = answerLanguage(request, reply);
      const list = await translations.localizeElections(
        await elections.list({ includeArchived: request.query.include === 'archived' }),
        lang,
      );
      return Promise.all(
        list.map(async (e) => ({ ...e, candidates: await translations.localizeSubjects(e.candidates.map(toPublicSubject), lang) })),
      );
    },
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
      const [localized] = await translations.localizeElections([election], lang);
      const candidates = await translations.localizeSubjects(election.candidates.map(toPublicSubject), lang);
      return {
        ...localized,
        asOf,
        candidates: await Promise.all(
          election.candidates.map(async (c, i) => {
            const card = await scorecards.forSubject(c, asOf, lang);
            return { ...candidates[i], scorecard: { ...card, subject: await localOffice(translations, card.subject, lang) } };
          }),
        ),
      };
    },
  );
};

export default routes;
