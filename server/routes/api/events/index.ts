import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicEvent } from '../../../schemas/events.js';
import { answerLanguage, langQuery } from '../../../i18n/language.js';
import { archivedQuery } from '../../../schemas/removal.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'Candidate forums and other public events, in time order',
        description: 'With `lang=es`, titles and descriptions are in Spanish where written (`textLanguages` says which).',
        querystring: archivedQuery.extend({
          when: z.enum(['upcoming', 'past', 'all']).default('all').describe('Only upcoming or only past events'),
          lang: langQuery,
        }),
        response: { 200: z.array(publicEvent) },
      },
    },
    async (request, reply) => {
      const now = new Date().toISOString();
      const all = await fastify.repositories.translations.localizeEvents(
        await fastify.repositories.events.list({ includeArchived: request.query.include === 'archived' }),
        answerLanguage(request, reply),
      );
      if (request.query.when === 'upcoming') return all.filter((e) => e.startsAt >= now);
      if (request.query.when === 'past') return all.filter((e) => e.startsAt < now).reverse();
      return all;
    },
  );
};

export default routes;
