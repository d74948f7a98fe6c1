import cors from '@fastify/cors';
import fp from 'fastify-plugin';

/**
 * CORS is open for public reads only: partner sites may fetch any public GET, but no other
 * origin may send a write or read the workspace, and cookies are never exposed cross-origin.
 */
export default fp(
  async (fastify) => {
    await fastify.register(cors, {
      delegator: (request, callback) => {
        const read = (request.method === 'GET' || request.method === 'HEAD') && request.routeOptions.config.publicRead === true;
        callback(null, { origin: read ? '*' : false, methods: ['GET', 'HEAD'], credentials: false, maxAge: 86_400 });
      },
    });
  },
  { name: 'cors' },
);
