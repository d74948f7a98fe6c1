import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signedIn } from '../../../plugins/auth.js';
import { workspaceErrors } from '../../../schemas/common.js';
import { siteIdentity, siteIdentityPatch } from '../../../schemas/site.js';

/** Who publishes the scorecard: read by every widget, renamed by admins. */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const { site } = fastify.repositories;

  fastify.get(
    '/',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'The site’s identity: the coalition that publishes the scorecard (shown on every widget)',
        response: { 200: siteIdentity },
      },
    },
    async () => await site.identity(),
  );

  fastify.patch(
    '/',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Rename the coalition shown on widgets and badges (admins)',
        body: siteIdentityPatch,
        response: { 200: siteIdentity, ...workspaceErrors },
      },
    },
    async (request) => await site.updateIdentity(request.body, signedIn(request)),
  );
};

export default routes;
