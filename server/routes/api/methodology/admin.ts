import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../../plugins/auth.js';
import { editLanguageQuery, methodologyTextPatch } from '../../../schemas/admin.js';
import { workspaceErrors } from '../../../schemas/common.js';

const methodologyText = z.object({ steps: z.array(z.string()), review: z.array(z.string()) });

/** Admins edit how the method and review are explained; the method's numbers live in code. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { admin, methodology } = fastify.repositories;

  fastify.patch(
    '/',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Edit the methodology’s plain-language steps and review text, in English or with ?lang=es (admins)',
        querystring: editLanguageQuery,
        body: methodologyTextPatch,
        response: { 200: methodologyText, ...workspaceErrors },
      },
    },
    async (request) => {
      await admin.updateMethodologyText(request.query.lang, request.body, signedIn(request));
      const { steps, review } = await methodology.text(request.query.lang);
      return { steps, review };
    },
  );
};

export default routes;
