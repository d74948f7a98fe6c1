import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicEvent } from '../../../schemas/events.js';
import { archivedQuery } from '../../../schemas/removal.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'Candidate forums and other public events, in time order',
        querystring: archivedQuery.extend({
          when: z.enum(['upcoming', 'past', 'all']).default('all').describe('Only upcoming or only past events'),
        }),
        response: { 200: z.array(publicEvent) },
      },
    },
    async (request) => {
      const now = new Date().toISOString();
      const all = await fastify.repositories.events.list({ includeArchived: request.query.include === 'archived' });
      if (request.query.when === 'upcoming') return all.filter((e) => e.startsAt >= now);
      if (request.query.when === 'past') return all.filter((e) => e.startsAt < now).reverse();
      return all;
    },
  );
};

export default routes;
