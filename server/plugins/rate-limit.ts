import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest, onRequestAbortHookHandler, onRequestHookHandler, onResponseHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.js';
import { loadRedis } from '../lazy-modules.js';
import { RETRY_AFTER_SECONDS } from './pressure.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * An anonymous route whose answer costs real work (exports, `asOf` history, share images):
     * limited per client address, and counted against one global cap on such requests in
     * flight, so the cheap routes always keep room. `when` narrows it to some requests
     * (e.g. only those with `?asOf=`); cached answers are served before it and never count.
     */
    expensive?: { perMinute: number; when?: (request: FastifyRequest) => boolean };
  }
}

const COUNTED = Symbol('countedAsExpensive');
type CountedRequest = FastifyRequest & { [COUNTED]?: boolean };
const append = <T>(existing: T | T[] | undefined, hook: T): T[] =>
  existing ? [...(Array.isArray(existing) ? existing : [existing]), hook] : [hook];

/** Expensive requests in flight at once, across all addresses, before the next gets a 503. */
export const DEFAULT_EXPENSIVE_CONCURRENCY = 16;

export interface RateLimitOptions {
  /** The global cap on expensive requests in flight; tests shrink it. */
  expensiveConcurrency?: number;
  /**
   * REDIS_URL: the limits' counters live in Redis, so every instance behind the proxy counts
   * the same requests (an address cannot get n times the limit from n instances). Null: each
   * instance counts in its own memory, which is right for one instance.
   */
  redisUrl?: string | null;
}

/**
 * Rate limiting is opt-in per route: sign-in and invite acceptance set their own
 * `config.rateLimit`; public reads are cached and cheap, and a global limit would throttle
 * partner sites that share an address. Routes marked `config.expensive` get a per-address
 * limit (429 with Retry-After) and share a concurrency cap (503 with Retry-After). Addresses
 * are `request.ip`, which only TRUST_PROXY's named hops can influence.
 */
export default fp<RateLimitOptions>(
  async (fastify, opts) => {
    const cap = opts.expensiveConcurrency ?? DEFAULT_EXPENSIVE_CONCURRENCY;
    let inFlight = 0;

    const capped: onRequestHookHandler = function (request, reply, done) {
      const when = request.routeOptions.config.expensive?.when;
      if (when && !when(request)) return done();
      if (inFlight >= cap) {
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return done(new HttpError(503, 'busy', 'Too many large downloads at once; please retry shortly'));
      }
      inFlight++;
      (request as CountedRequest)[COUNTED] = true;
      done();
    };
    // Whichever comes first, the answer sent or the client gone, frees the slot, once.
    const release = (request: FastifyRequest) => {
      if (!(request as CountedRequest)[COUNTED]) return;
      (request as CountedRequest)[COUNTED] = false;
      inFlight--;
    };
    const onDone: onResponseHookHandler = (request, _reply, done) => {
      release(request);
      done();
    };
    const onAbort: onRequestAbortHookHandler = (request, done) => {
      release(request);
      done();
    };

    // Registered before @fastify/rate-limit, so its own onRoute hook sees the rateLimit set here.
    fastify.addHook('onRoute', (route) => {
      const expensive = route.config?.expensive;
      if (!expensive) return;
      const { when } = expensive;
      route.config = {
        ...route.config,
        rateLimit: {
          max: expensive.perMinute,
          timeWindow: 60_000,
          ...(when ? { allowList: (request: FastifyRequest) => !when(request) } : {}),
        },
      };
      route.onRequest = append(route.onRequest, capped);
      route.onResponse = append(route.onResponse, onDone);
      route.onRequestAbort = append(route.onRequestAbort, onAbort);
    });

    // Fails fast and lets requests through while Redis is unreachable (skipOnError): a limit
    // that cannot be counted must not take the site down with it; the error is logged.
    const redis = opts.redisUrl
      ? new (await loadRedis())(opts.redisUrl, {
          connectTimeout: 2000,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          lazyConnect: true,
        })
      : null;
    if (redis) {
      redis.on('error', (err) => fastify.log.warn({ err }, 'Redis (rate-limit counters) is unreachable'));
      await redis.connect().catch((err: unknown) => fastify.log.warn({ err }, 'Redis (rate-limit counters) is unreachable at start'));
      fastify.addHook('onClose', async () => {
        await redis.quit().catch(() => redis.disconnect());
      });
    }

    await fastify.register(rateLimit, {
      global: false,
      ...(redis ? { redis, nameSpace: 'scorecard-rate-limit-', skipOnError: true } : {}),
      errorResponseBuilder: (_request, context) => new HttpError(429, 'rate-limited', `Too many attempts; try again in ${context.after}`),
    });

    fastify.decorate('expensiveInFlight', { getter: () => inFlight });
  },
  { name: 'rate-limit' },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** Expensive requests being answered now (for tests). */
    readonly expensiveInFlight: number;
  }
}
