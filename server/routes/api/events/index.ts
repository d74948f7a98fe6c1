import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicEvent } from '../../../schemas/events.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'Candidate forums and other public events, in time order',
        querystring: z.object({
          when: z.enum(['upcoming', 'past', 'all']).default('all').describe('Only upcoming or only past events'),
        }),
        response: { 200: z.array(publicEvent) },
      },
    },
    async (request) => {
      const now = new Date().toISOString();
      const all = await fastify.repositories.events.list();
      if (request.query.when === 'upcoming') return all.filter((e) => e.startsAt >= now);
      if (request.query.when === 'past') return all.filter((e) => e.startsAt < now).reverse();
      return all;
    },
  );
};

export default routes;
