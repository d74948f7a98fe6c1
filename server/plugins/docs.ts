import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { SESSION_SECURITY_SCHEME, sessionSecurityScheme } from './auth.js';

/** OpenAPI 3 generated from the routes' zod schemas, at /api/openapi.json, with Swagger UI at /api/docs. */
export default fp<{ production?: boolean }>(
  async (fastify, opts) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'DA accountability scorecard API',
          description:
            'Public, read-only JSON for scorecards, evidence, elections and events; sign-in and the evidence workflow for volunteers and reviewers.',
          version: '1.0.0',
        },
        components: { securitySchemes: { [SESSION_SECURITY_SCHEME]: sessionSecurityScheme(opts.production) } },
        tags: [
          { name: 'public', description: 'Open to anyone, CORS open, cacheable' },
          { name: 'workspace', description: 'Volunteers, reviewers and admins (session cookie)' },
        ],
      },
      transform: jsonSchemaTransform,
    });
    await fastify.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    fastify.get('/api/openapi.json', { schema: { hide: true }, config: { publicRead: true } }, async () => fastify.swagger());
  },
  { name: 'docs' },
);
