import cors from '@fastify/cors';
import fp from 'fastify-plugin';

/**
 * CORS is open for reads only: partner sites may fetch any public GET from any origin, and a
 * preflight for any other method is answered with GET and HEAD only, so browsers refuse
 * cross-origin writes. Credentials are never allowed cross-origin. (Static options on
 * purpose: a per-request delegate costs measurably on the hottest routes.)
 */
export default fp(
  async (fastify) => {
    await fastify.register(cors, {
      origin: '*',
      methods: ['GET', 'HEAD'],
      credentials: false,
      maxAge: 86_400,
      // A strict check answers an OPTIONS without Origin in plain text, outside the one error
      // shape; a lenient one answers it like any preflight, which grants nothing more.
      strictPreflight: false,
    });
  },
  { name: 'cors' },
);
