import { dirname, join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.js';
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
import auditRoutes from './routes/api/audit/index.js';
import adminRoutes from './routes/api/admin/index.js';
import standardTextsAdmin from './routes/api/admin/standard-texts.js';
import authRoutes from './routes/api/auth/index.js';
import changesRoutes from './routes/api/changes/index.js';
import repliesRoutes from './routes/api/replies/index.js';
import electionsAdmin from './routes/api/elections/admin.js';
import staticAssets, { defaultClientDist } from './plugins/static-assets.js';
import electionsRoutes from './routes/api/elections/index.js';
import eventsAdmin from './routes/api/events/admin.js';
import eventFlyers from './routes/api/events/flyer.js';
import eventsRoutes from './routes/api/events/index.js';
import evidenceRoutes from './routes/api/evidence/index.js';
import exportRoutes from './routes/api/export/index.js';
import methodologyAdmin from './routes/api/methodology/admin.js';
import methodologyRoutes from './routes/api/methodology/index.js';
import standardsAdmin from './routes/api/standards/admin.js';
import standardsRoutes from './routes/api/standards/index.js';
import subjectsAdmin from './routes/api/subjects/admin.js';
import subjectsRoutes from './routes/api/subjects/index.js';
import invitesRoutes from './routes/api/invites/index.js';
import usersRoutes from './routes/api/users/index.js';
import siteRoutes from './routes/api/site/index.js';
import outboxRoutes from './routes/api/outbox/index.js';
import embedRoutes from './routes/embed/index.js';
import healthRoutes from './routes/health.js';
import shareRoutes from './routes/share/index.js';
import pageRoutes, { notFoundPage } from './routes/pages/index.js';
import workspacePages from './routes/workspace/index.js';

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
  await fastify.register(rateLimit, { expensiveConcurrency: config.expensiveConcurrency });

  await fastify.register(database, { databasePath: config.databasePath, seedDemo: config.seedDemo });
  await fastify.register(caching, { budget: config.cacheBudget });
  await fastify.register(repositories);
  await fastify.register(exportFiles, { databasePath: config.databasePath });
  await fastify.register(mail, { mail: config.mail });
  // Sessions, then the cross-site check, both before any route's own hooks.
  await fastify.register(auth, { production: config.production, require2faFor: config.require2faFor ?? null });
  await fastify.register(csrf, { publicOrigin: config.publicOrigin });
  await fastify.register(staticAssets, { clientDist: config.clientDist });

  await fastify.register(healthRoutes, { databasePath: config.databasePath });
  await fastify.register(standardsRoutes, { prefix: '/api/standards' });
  await fastify.register(subjectsRoutes, { prefix: '/api/subjects' });
  await fastify.register(electionsRoutes, { prefix: '/api/elections' });
  await fastify.register(eventsRoutes, { prefix: '/api/events' });
  await fastify.register(methodologyRoutes, { prefix: '/api/methodology' });
  await fastify.register(exportRoutes, { prefix: '/api/export' });
  await fastify.register(siteRoutes, { prefix: '/api/site' });

  await fastify.register(authRoutes, { prefix: '/api/auth' });
  await fastify.register(evidenceRoutes, { prefix: '/api/evidence' });
  await fastify.register(changesRoutes, { prefix: '/api/changes' });
  await fastify.register(repliesRoutes, { prefix: '/api/replies' });
  await fastify.register(invitesRoutes, { prefix: '/api/invites' });
  await fastify.register(usersRoutes, { prefix: '/api/users' });
  await fastify.register(outboxRoutes, { prefix: '/api/outbox' });
  await fastify.register(auditRoutes, { prefix: '/api/audit' });
  await fastify.register(adminRoutes, { prefix: '/api/admin' });
  await fastify.register(standardTextsAdmin, { prefix: '/api/admin/standards' });
  await fastify.register(subjectsAdmin, { prefix: '/api/subjects' });
  await fastify.register(electionsAdmin, { prefix: '/api/elections' });
  const flyersDir = join(dirname(config.databasePath), 'flyers');
  await fastify.register(eventsAdmin, { prefix: '/api/events', flyersDir });
  await fastify.register(eventFlyers, { flyersDir });
  await fastify.register(standardsAdmin, { prefix: '/api/standards' });
  await fastify.register(methodologyAdmin, { prefix: '/api/methodology' });
  await fastify.register(widgetAssets);
  await fastify.register(embedRoutes, { production: config.production });
  await fastify.register(shareRoutes);
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
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  await fastify.register(app, { config });
  return fastify;
}
