import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../errors.js';
import { errorResponses, slugParams } from '../../../schemas/common.js';
import { publicStandard } from '../../../schemas/standards.js';
import { answerLanguage, langQuery } from '../../../i18n/language.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'The ten standards, in order',
        querystring: z.object({ lang: langQuery }),
        response: { 200: z.array(publicStandard) },
      },
    },
    async (request, reply) => await fastify.repositories.standards.list(answerLanguage(request, reply)),
  );

  fastify.get(
    '/:slug',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'One standard: what it means, the DA’s power over it, and example indicators',
        params: slugParams,
        querystring: z.object({ lang: langQuery }),
        response: { 200: publicStandard, ...errorResponses },
      },
    },
    async (request, reply) => {
      const standard = await fastify.repositories.standards.bySlug(request.params.slug, answerLanguage(request, reply));
      if (!standard) throw notFound('standard', request.params.slug);
      return standard;
    },
  );
};

export default routes;
