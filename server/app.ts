import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.js';
import caching from './plugins/caching.js';
import cors from './plugins/cors.js';
import database from './plugins/database.js';
import docs from './plugins/docs.js';
import errors, { clientErrorHandler, frameworkErrors } from './plugins/errors.js';
import pressure from './plugins/pressure.js';
import repositories from './plugins/repositories.js';
import securityHeaders from './plugins/security-headers.js';
import electionsRoutes from './routes/api/elections/index.js';
import eventsRoutes from './routes/api/events/index.js';
import exportRoutes from './routes/api/export/index.js';
import methodologyRoutes from './routes/api/methodology/index.js';
import standardsRoutes from './routes/api/standards/index.js';
import subjectsRoutes from './routes/api/subjects/index.js';
import healthRoutes from './routes/health.js';

/**
 * The application as one plugin: third-party concerns first (errors, headers, CORS, overload,
 * docs), then the app's own (database, response caching, repositories), then the routes. Tests register this
 * same plugin on a fresh database; nothing starts listening here.
 */
const appPlugin: FastifyPluginAsync<{ config: AppConfig }> = async (fastify, { config }) => {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);

  await fastify.register(errors);
  await fastify.register(securityHeaders, { production: config.production });
  await fastify.register(cors);
  // After CORS, so a partner page's widget can read the 503 and its Retry-After.
  await fastify.register(pressure, config.pressure ?? {});
  await fastify.register(docs);

  await fastify.register(database, { databasePath: config.databasePath, seedDemo: config.seedDemo });
  await fastify.register(caching);
  await fastify.register(repositories);

  await fastify.register(healthRoutes);
  await fastify.register(standardsRoutes, { prefix: '/api/standards' });
  await fastify.register(subjectsRoutes, { prefix: '/api/subjects' });
  await fastify.register(electionsRoutes, { prefix: '/api/elections' });
  await fastify.register(eventsRoutes, { prefix: '/api/events' });
  await fastify.register(methodologyRoutes, { prefix: '/api/methodology' });
  await fastify.register(exportRoutes, { prefix: '/api/export' });
};

/** Not encapsulated, so the app's decorators (db, repositories) are reachable from the instance. */
export const app = fp(appPlugin, { name: 'app' });

/** Request bodies are small JSON documents; anything larger is refused before parsing. */
export const BODY_LIMIT = 256 * 1024;

/** Builds the Fastify instance with its logger and timeouts and registers the app. */
export async function buildServer(config: AppConfig): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 10_000,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  await fastify.register(app, { config });
  return fastify;
}
