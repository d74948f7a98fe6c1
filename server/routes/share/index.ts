import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { DEFAULT_LANGUAGE, langQuery, type Language } from '../../i18n/language.js';
import { idParams, slugParams } from '../../schemas/common.js';
import { electionShareCard, evidenceShareCard, personShareCard, standardShareCard } from '../../share/cards.js';
import { renderShareImage, stopShareRenderer, type ShareCard } from '../../share/render.js';

/** Share images change only when the data does; previews are fetched by crawlers, rarely twice. */
const IMAGE_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';
/** About 40 KB each: a few hundred cover every person, election and standard in both languages. */
const MAX_CACHED_IMAGES = 300;

const imageQuery = z.object({
  lang: langQuery,
  // The page's weighting, as in its address; anything unreadable is ignored like on the page.
  w: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(400).optional()),
});

/**
 * The 1200×630 PNG behind each page's `og:image`: `/share/people/:slug.png`,
 * `/share/elections/:slug.png`, `/share/standards/:slug.png`, `/share/evidence/:id.png`, each with `?lang=` and, for
 * people and elections, `?w=` (a voter's weighting). Drawing one costs tens of milliseconds of
 * CPU, so each is drawn once per data version, language and weighting and kept in memory.
 */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const images = new Map<string, { version: number; png: Buffer; etag: string }>();
  fastify.addHook('onClose', stopShareRenderer);

  async function answer(key: string, build: () => Promise<ShareCard | null>) {
    const version = fastify.dataVersion.value;
    const cached = images.get(key);
    if (cached && cached.version === version) return cached;
    const card = await build();
    if (!card) throw new HttpError(404, 'not-found', 'Nothing by that name is on the scorecard');
    const png = await renderShareImage(card);
    const entry = { version, png, etag: `"${createHash('sha1').update(png).digest('base64url')}"` };
    // Oldest first: a Map keeps insertion order, so re-inserting marks an entry as recent.
    images.delete(key);
    images.set(key, entry);
    if (images.size > MAX_CACHED_IMAGES) images.delete(images.keys().next().value!);
    return entry;
  }

  const send = (request: FastifyRequest, reply: FastifyReply, image: { png: Buffer; etag: string }) => {
    reply.header('cache-control', IMAGE_CACHE_CONTROL).header('etag', image.etag).type('image/png');
    if (request.headers['if-none-match'] === image.etag) return reply.code(304).send();
    return reply.send(image.png);
  };
  const langOf = (lang: Language | undefined) => lang ?? DEFAULT_LANGUAGE;
  const schema = (summary: string) => ({ tags: ['public'], summary, params: slugParams, querystring: imageQuery });

  fastify.get('/share/people/:slug.png', { schema: schema('A person’s share image (PNG, 1200×630)') }, async (request, reply) => {
    const lang = langOf(request.query.lang);
    const { slug } = request.params;
    const w = request.query.w ?? '';
    const image = await answer(`people|${slug}|${lang}|${w}`, () => personShareCard(fastify.repositories, slug, lang, w));
    return send(request, reply, image);
  });

  fastify.get('/share/elections/:slug.png', { schema: schema('An election’s share image (PNG, 1200×630)') }, async (request, reply) => {
    const lang = langOf(request.query.lang);
    const { slug } = request.params;
    const w = request.query.w ?? '';
    const image = await answer(`elections|${slug}|${lang}|${w}`, () => electionShareCard(fastify.repositories, slug, lang, w));
    return send(request, reply, image);
  });

  fastify.get('/share/standards/:slug.png', { schema: schema('A standard’s share image (PNG, 1200×630)') }, async (request, reply) => {
    const lang = langOf(request.query.lang);
    const { slug } = request.params;
    const image = await answer(`standards|${slug}|${lang}`, () => standardShareCard(fastify.repositories, slug, lang));
    return send(request, reply, image);
  });

  fastify.get(
    '/share/evidence/:id.png',
    { schema: { tags: ['public'], summary: 'An evidence entry’s share image (PNG, 1200×630)', params: idParams, querystring: imageQuery } },
    async (request, reply) => {
      const lang = langOf(request.query.lang);
      const { id } = request.params;
      const image = await answer(`evidence|${id}|${lang}`, () => evidenceShareCard(fastify.repositories, id, lang));
      return send(request, reply, image);
    },
  );
};

export default routes;
