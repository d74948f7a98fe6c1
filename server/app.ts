import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import autoload from '@fastify/autoload';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.js';
// Plain-English field problems for every schema that gives none of its own (zod's global configuration).
import './schemas/plain-messages.js';
import { fastifyCompilersOnDemand } from './lazy-modules.js';
import auth from './plugins/auth.js';
import caching from './plugins/caching.js';
import cors from './plugins/cors.js';
import csrf from './plugins/csrf.js';
import database from './plugins/database.js';
import docs from './plugins/docs.js';
import exportFiles from './plugins/export-files.js';
import mail from './plugins/mail.js';
import errors, { clientErrorHandler, frameworkErrors } from './plugins/errors.js';
import pressure from './plugins/pressure.js';
import publicOrigin from './plugins/public-origin.js';
import repositories from './plugins/repositories.js';
import rateLimit from './plugins/rate-limit.js';
import securityHeaders from './plugins/security-headers.js';
import widgetAssets from './plugins/widget-assets.js';
import staticAssets, { defaultClientDist } from './plugins/static-assets.js';
import embedRoutes from './routes/embed/index.js';
import healthRoutes from './routes/health.js';
import shareRoutes from './routes/share/index.js';
import appIconRoutes from './routes/app-icons/index.js';
import pageRoutes, { notFoundPage } from './routes/pages/index.js';
import workspacePages from './routes/workspace/index.js';

const API_ROUTES = fileURLToPath(new URL('./routes/api', import.meta.url));

/**
 * The application as one plugin: third-party concerns first (errors, headers, CORS, overload,
 * docs, rate limits), then the app's own (database, response caching, repositories, sessions, the
 * cross-site check), then the public routes and the workspace's. Tests register this
 * same plugin on a fresh database; nothing starts listening here.
 */
const appPlugin: FastifyPluginAsync<{ config: AppConfig }> = async (fastify, { config }) => {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);

  await fastify.register(errors, { notFoundPage });
  await fastify.register(publicOrigin, {
    publicOrigin: config.publicOrigin,
    host: config.host,
    port: config.port,
    production: config.production,
  });
  await fastify.register(securityHeaders, { production: config.production });
  await fastify.register(cors);
  // After CORS, so a partner page's widget can read the 503 and its Retry-After.
  await fastify.register(pressure, config.pressure ?? {});
  await fastify.register(docs, { production: config.production });
  await fastify.register(rateLimit, { expensiveConcurrency: config.expensiveConcurrency, redisUrl: config.redisUrl ?? null });

  await fastify.register(database, { databasePath: config.databasePath, databaseUrl: config.databaseUrl, seedDemo: config.seedDemo });
  await fastify.register(caching, { budget: config.cacheBudget });
  await fastify.register(repositories);
  await fastify.register(exportFiles, { databasePath: config.databasePath });
  await fastify.register(mail, { mail: config.mail });
  // Sessions, then the cross-site check, both before any route's own hooks.
  await fastify.register(auth, { production: config.production, require2faFor: config.require2faFor ?? null });
  await fastify.register(csrf, { publicOrigin: config.publicOrigin });
  await fastify.register(staticAssets, { clientDist: config.clientDist });

  await fastify.register(healthRoutes, { databasePath: config.databasePath });
  // The JSON API: every file under routes/api/<name>/ is loaded with the prefix /api/<name>
  // (a new route is a new file), and a folder's autohooks.ts gives all its routes shared options
  // such as the least role (routes/api/README.md).
  await fastify.register(autoload, {
    dir: API_ROUTES,
    dirNameRoutePrefix: true,
    // Every file in a folder is a route file (index.ts, admin.ts, flyer.ts), not just index.ts.
    indexPattern: /^$/,
    autoHooks: true,
    cascadeHooks: true,
    options: { prefix: '/api', flyersDir: join(dirname(config.databasePath), 'flyers') },
  });
  await fastify.register(widgetAssets);
  await fastify.register(embedRoutes, { production: config.production });
  await fastify.register(shareRoutes, { drawsPerMinute: config.shareDrawsPerMinute });
  await fastify.register(appIconRoutes);
  await fastify.register(pageRoutes, { locale: 'en' });
  await fastify.register(pageRoutes, { locale: 'es', prefix: '/es' });
  await fastify.register(workspacePages, { clientDist: config.clientDist ?? defaultClientDist() });
  await fastify.register(workspacePages, { clientDist: config.clientDist ?? defaultClientDist(), locale: 'es', prefix: '/es' });
};

/** Not encapsulated, so the app's decorators (db, repositories) are reachable from the instance. */
export const app = fp(appPlugin, { name: 'app' });

/** Request bodies are small JSON documents; anything larger is refused before parsing. */
export const BODY_LIMIT = 256 * 1024;

/**
 * Fastify 5.12 treats a numeric trustProxy as "trust nothing", so a hop count becomes the
 * function Express uses: the `n` nearest hops (the socket's peer is hop 0) are proxies.
 */
function trustProxyOption(trust: AppConfig['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** How long one plugin may take to start before start-up fails. */
export const PLUGIN_TIMEOUT_MS = 120_000;

/** Builds the Fastify instance with its logger and timeouts and registers the app. */
export async function buildServer(config: AppConfig): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: BODY_LIMIT,
    trustProxy: trustProxyOption(config.trustProxy),
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 10_000,
    routerOptions: { maxParamLength: 200 },
    // Start-up runs the migrations and imports every route file; on a busy two-core machine or
    // a large database that can pass Fastify's default 10 s per plugin without anything being stuck.
    pluginTimeout: config.pluginTimeout ?? PLUGIN_TIMEOUT_MS,
    frameworkErrors,
    clientErrorHandler,
    schemaController: { compilersFactory: fastifyCompilersOnDemand },
  }).withTypeProvider<ZodTypeProvider>();
  await fastify.register(app, { config });
  return fastify;
}
