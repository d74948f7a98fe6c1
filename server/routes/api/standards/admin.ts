import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signedIn } from '../../../plugins/auth.js';
import { editLanguageQuery, standardPatch } from '../../../schemas/admin.js';
import { slugParams, workspaceErrors } from '../../../schemas/common.js';
import { publicStandard } from '../../../schemas/standards.js';

/** Admins edit a standard's text for voters; its slug and number never change. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { admin, standards } = fastify.repositories;

  fastify.patch(
    '/:slug',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary:
          'Edit a standard’s title, summary, the DA’s power over it and its indicators, in English or with ?lang=es in Spanish (admins)',
        params: slugParams,
        querystring: editLanguageQuery,
        body: standardPatch,
        response: { 200: publicStandard, ...workspaceErrors },
      },
    },
    async (request) => {
      const { lang } = request.query;
      await admin.updateStandard(request.params.slug, request.body, lang, signedIn(request));
      return (await standards.bySlug(request.params.slug, lang))!;
    },
  );
};

export default routes;
