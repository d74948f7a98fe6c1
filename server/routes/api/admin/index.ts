import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../../plugins/auth.js';
import { workspaceErrors } from '../../../schemas/common.js';

const demoRemoval = z.object({
  people: z.number().int(),
  elections: z.number().int(),
  events: z.number().int(),
  evidence: z.number().int(),
});

/** Admin-only housekeeping that is not one resource's: removing the fictional demo data. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { admin } = fastify.repositories;

  fastify.post(
    '/demo/remove',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Delete every row marked demo (people, elections, events, evidence) and log it (admins)',
        response: { 200: demoRemoval.describe('How many rows of each kind were deleted'), ...workspaceErrors },
      },
    },
    async (request) => await admin.removeDemo(signedIn(request)),
  );
};

export default routes;
