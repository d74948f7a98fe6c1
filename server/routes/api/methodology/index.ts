import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeMethod } from '../../../../core/scoring/method.js';
import { methodologyResponse } from '../../../schemas/methodology.js';
import { workedExample } from '../../../../core/scoring/explanation.js';
import { answerLanguage, langQuery } from '../../../i18n/language.js';

const routes: FastifyPluginAsyncZod = async (fastify) => {
  const constants = { ...describeMethod(), workedExample: workedExample() };
  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'The scoring method: its constants, its steps in plain words and a worked example',
        querystring: z.object({ lang: langQuery }),
        response: { 200: methodologyResponse },
      },
    },
    async (request, reply) => {
      const lang = answerLanguage(request, reply);
      return { ...constants, ...(await fastify.repositories.methodology.text(lang)), lang };
    },
  );
};

export default routes;
