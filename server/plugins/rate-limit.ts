import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.js';

/**
 * Rate limiting is opt-in per route (sign-in, invite acceptance): public reads are cached
 * and cheap, and a global limit would throttle partner sites that share an address.
 */
export default fp(
  async (fastify) => {
    await fastify.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new HttpError(429, 'rate-limited', `Too many attempts; try again in ${context.after}`),
    });
  },
  { name: 'rate-limit' },
);
