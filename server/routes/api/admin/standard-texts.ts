import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workspaceErrors } from '../../../schemas/common.js';
import { standardTexts } from '../../../schemas/standard-texts.js';

/**
 * GET /api/admin/standards: the standards' text in every language for the admin's side-by-side
 * editor (edits go through PATCH /api/standards/:slug). Admins only, by this folder's autohooks.
 */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/standards',
    {
      schema: {
        tags: ['workspace'],
        summary:
          'Each standard’s stored text in English and Spanish, with when each language was last edited and whether the Spanish needs an update (admins)',
        response: { 200: z.array(standardTexts), ...workspaceErrors },
      },
    },
    async () => fastify.repositories.standardTexts.list(),
  );
};

export default routes;
