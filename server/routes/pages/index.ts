import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { messagesFor } from '../../../i18n/catalog.js';
import { localeFromPath, pagePath, type Locale } from '../../../i18n/locales.js';
import { PUBLIC_CACHE_CONTROL } from '../../plugins/caching.js';
import { idParams, slugParams } from '../../schemas/common.js';
import { evidencePageModel } from './models/evidence.js';
import { replyPageModel } from './models/reply.js';
import { evidencePageBody } from './views/evidence.js';
import { replyPageBody } from './views/reply.js';
import languageRedirect from './language-redirect.js';
import unsubscribeRoutes from './unsubscribe.js';
import { renderPage, type PageContext, type PageDocument } from './layout.js';
import { electionPageModel } from './models/election.js';
import { eventsPageModel } from './models/events.js';
import { homePageModel } from './models/home.js';
import { methodologyPageModel } from './models/methodology.js';
import { currentElection, type PageModel, type PageView } from './models/model.js';
import { personPageModel } from './models/person.js';
import { standardPageModel } from './models/standard.js';
import { electionBody } from './views/election.js';
import { eventsBody } from './views/events.js';
import { homeBody, messageBody } from './views/home.js';
import { methodologyBody } from './views/methodology.js';
import { personBody } from './views/person.js';
import { standardBody } from './views/standard.js';

export interface PageRoutesOptions {
  locale: Locale;
}

/** A repeated parameter (`?w=a&w=b`) counts once: a mangled shared link still opens the page. */
const firstValue = (max: number) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(max).optional());

/** `w` is the voter's weighting ("Your priorities"); `standard` filters the evidence list. */
const pageQuery = z.object({ w: firstValue(400), standard: firstValue(120) });

export async function pageContext(fastify: FastifyInstance, request: FastifyRequest, locale: Locale): Promise<PageContext> {
  const [election, site] = await Promise.all([currentElection(fastify.repositories), fastify.repositories.site.identity()]);
  return {
    site,
    locale,
    msg: messagesFor(locale),
    origin: fastify.publicOrigin,
    entry: fastify.clientEntry,
    electionPath: election ? `/elections/${election.slug}` : null,
  };
}

/**
 * The query parameters that change this page, as its route's page cache names them (never any
 * other: a cached page must not carry one visitor's `fbclid` to the next).
 */
function pageParams(request: FastifyRequest): Record<string, string> {
  const names = request.routeOptions.config.pageCache?.params ?? [];
  const query = request.query as Record<string, unknown>;
  const kept: Record<string, string> = {};
  for (const name of names) {
    const value = query?.[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first !== '') kept[name] = first;
  }
  return kept;
}

export function sendPage(reply: FastifyReply, ctx: PageContext, page: PageDocument, status = 200) {
  return (
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      // Pages hold only public data: short caching like the public API, never per-user content.
      .header('cache-control', status === 200 && !page.private ? PUBLIC_CACHE_CONTROL : 'no-store')
      .send(renderPage(ctx, page))
  );
}

async function sendMessagePage(
  fastify: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: 'not-found' | 'error',
  status?: number,
) {
  const locale = localeFromPath(request.url);
  const ctx = await pageContext(fastify, request, locale);
  const text = kind === 'not-found' ? ctx.msg.notFound : ctx.msg.serverError;
  return sendPage(
    reply,
    ctx,
    {
      name: kind,
      title: text.title,
      description: text.body,
      path: '/',
      demo: false,
      body: messageBody(text.title, text.body, ctx.msg.notFound.home, pagePath(locale, '/')),
    },
    status ?? (kind === 'not-found' ? 404 : 500),
  );
}

/** The HTML 404 for unknown page URLs (the error plugin keeps JSON for /api). */
export async function notFoundPage(request: FastifyRequest, reply: FastifyReply) {
  return sendMessagePage(request.server, request, reply, 'not-found');
}

/**
 * The public pages of one locale. Each answer is complete HTML with its meta tags and key
 * facts, so it works without JavaScript; the browser components then enhance it. Register
 * once per locale: `{ locale: 'es', prefix: '/es' }` serves the same pages in Spanish.
 */
const pageRoutes: FastifyPluginAsyncZod<PageRoutesOptions> = async (fastify, { locale }) => {
  const link = (path: string) => pagePath(locale, path);

  // Registered inside this plugin, so only the pages are compressed (a scorecard page is
  // mostly its evidence list and shrinks about sevenfold); the JSON API keeps its own path.
  await fastify.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });

  await fastify.register(languageRedirect, { locale });

  // Pages answer errors as pages: a malformed slug is just a page that does not exist.
  fastify.setErrorHandler((err, request, reply) => {
    const status = (err as { statusCode?: number }).statusCode;
    if (hasZodFastifySchemaValidationErrors(err) || status === 404 || status === 400) {
      return sendMessagePage(fastify, request, reply, 'not-found');
    }
    // A refusal with its own status (the overload guard's 503 with Retry-After, a rate limit's
    // 429) keeps it, so browsers, crawlers and monitors see "busy", not "broken".
    if (status === 503 || status === 429) return sendMessagePage(fastify, request, reply, 'error', status);
    // Any other refusal of the request itself (a body too large, a type no page reads) is the
    // visitor's, not ours: it keeps its 4xx rather than becoming a 500.
    if (status !== undefined && status >= 400 && status < 500) return sendMessagePage(fastify, request, reply, 'error', status);
    request.log.error({ err }, 'page failed');
    return sendMessagePage(fastify, request, reply, 'error');
  });

  /** One page: its model (null when the slug names nothing) drawn by its view, in the whole document. */
  async function show<View>(request: FastifyRequest, reply: FastifyReply, model: PageModel<View> | null, view: PageView<View>) {
    if (!model) return sendMessagePage(fastify, request, reply, 'not-found');
    const ctx = await pageContext(fastify, request, locale);
    const { view: values, ...page } = model;
    return sendPage(reply, ctx, {
      ...page,
      query: pageParams(request),
      body: view(ctx.msg, values, link, `${ctx.origin}${link(page.path)}`),
    });
  }

  // pageCache: the query parameters that change each page (plugins/caching.ts); any other is ignored.
  const repos = fastify.repositories;
  const params = { params: slugParams, querystring: pageQuery };
  fastify.get('/', { config: { pageCache: { params: [] } } }, async (request, reply) =>
    show(request, reply, await homePageModel(repos, locale), homeBody),
  );
  fastify.get('/people/:slug', { config: { pageCache: { params: ['w', 'standard'] } }, schema: params }, async (request, reply) =>
    show(request, reply, await personPageModel(repos, request.params.slug, request.query, locale), personBody),
  );
  fastify.get('/elections/:slug', { config: { pageCache: { params: ['w'] } }, schema: params }, async (request, reply) =>
    show(request, reply, await electionPageModel(repos, request.params.slug, request.query, locale), electionBody),
  );
  fastify.get('/standards/:slug', { config: { pageCache: { params: [] } }, schema: { params: slugParams } }, async (request, reply) =>
    show(request, reply, await standardPageModel(repos, request.params.slug, locale), standardBody),
  );
  fastify.get('/methodology', { config: { pageCache: { params: [] } } }, async (request, reply) =>
    show(request, reply, await methodologyPageModel(repos, locale), methodologyBody),
  );
  fastify.get('/events', { config: { pageCache: { params: [] } } }, async (request, reply) =>
    show(request, reply, await eventsPageModel(repos, locale), eventsBody),
  );
  await fastify.register(unsubscribeRoutes, { locale });
  fastify.get('/evidence/:id', { config: { pageCache: { params: [] } }, schema: { params: idParams } }, async (request, reply) =>
    show(request, reply, await evidencePageModel(repos, request.params.id, locale), evidencePageBody),
  );
  // The right of reply: an unknown, expired or revoked link is one and the same 410 page.
  fastify.get('/reply/:token', { schema: { params: z.object({ token: z.string().max(200) }) } }, async (request, reply) => {
    const model = await replyPageModel(repos, request.params.token, locale);
    if (model) return show(request, reply, model, replyPageBody);
    const ctx = await pageContext(fastify, request, locale);
    const r = ctx.msg.replyPage;
    return sendPage(
      reply,
      ctx,
      {
        name: 'reply',
        title: r.invalidTitle,
        description: r.invalidBody,
        path: '/reply',
        demo: false,
        private: true,
        body: messageBody(r.invalidTitle, r.invalidBody, ctx.msg.notFound.home, link('/')),
      },
      410,
    );
  });
};

export default pageRoutes;
