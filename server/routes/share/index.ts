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
type ImageKind = 'people' | 'elections' | 'standards' | 'evidence';
const WEIGHTED: readonly ImageKind[] = ['people', 'elections'];

/** The first value of a query parameter as the address gave it (a repeated one counts once). */
const firstOf = (value: unknown) => String((Array.isArray(value) ? value[0] : value) ?? '');

/**
 * What an image is cached by: kind, slug or id, language and (people, elections) weighting.
 * Read from the raw request too (before validation), so the rate limit can tell a drawn image
 * from one still to draw.
 */
function imageKey(kind: ImageKind, request: FastifyRequest): string {
  const params = request.params as { slug?: string; id?: unknown };
  const query = (request.query ?? {}) as { lang?: unknown; w?: unknown };
  const lang = firstOf(query.lang) || DEFAULT_LANGUAGE;
  const subject = kind === 'evidence' ? String(params.id) : String(params.slug);
  return WEIGHTED.includes(kind) ? `${kind}|${subject}|${lang}|${firstOf(query.w)}` : `${kind}|${subject}|${lang}`;
}

/** Drawing costs CPU: a drawn image is free to ask for again, a new one counts toward a limit. */
const DRAWS_PER_MINUTE = 30;

export interface ShareRouteOptions {
  /** New images one address may have drawn per minute (DRAWS_PER_MINUTE unless set). */
  drawsPerMinute?: number;
}

const routes: FastifyPluginAsyncZod<ShareRouteOptions> = async (fastify, opts) => {
  const images = new Map<string, { version: number; png: Buffer; etag: string }>();
  fastify.addHook('onClose', stopShareRenderer);
  const drawn = (kind: ImageKind) => (request: FastifyRequest) =>
    images.get(imageKey(kind, request))?.version === fastify.dataVersion.value;
  // Only requests for an image not drawn yet at this data version count: a crawler fetching
  // the same preview again costs nothing, one walking every weighting is slowed (429).
  const config = (kind: ImageKind) => ({
    expensive: { perMinute: opts.drawsPerMinute ?? DRAWS_PER_MINUTE, when: (request: FastifyRequest) => !drawn(kind)(request) },
  });

  /** The coalition's logo for the image's top line, as a data: URI (the drawing fetches nothing); null when none is set. */
  async function shareLogo(): Promise<ShareCard['logo']> {
    const logo = await fastify.repositories.site.logo();
    return logo ? { src: `data:image/png;base64,${logo.png.toString('base64')}`, width: logo.width, height: logo.height } : null;
  }

  async function answer(key: string, build: () => Promise<ShareCard | null>) {
    const version = fastify.dataVersion.value;
    const cached = images.get(key);
    if (cached && cached.version === version) return cached;
    const card = await build();
    if (!card) throw new HttpError(404, 'not-found', 'Nothing by that name is on the scorecard');
    const png = await renderShareImage({ ...card, logo: await shareLogo() });
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
  const options = (kind: ImageKind, summary: string) => ({ config: config(kind), schema: schema(summary) });

  fastify.get('/share/people/:slug.png', options('people', 'A person’s share image (PNG, 1200×630)'), async (request, reply) => {
    const lang = langOf(request.query.lang);
    const { slug } = request.params;
    const w = request.query.w ?? '';
    const image = await answer(imageKey('people', request), () => personShareCard(fastify.repositories, slug, lang, w));
    return send(request, reply, image);
  });

  fastify.get('/share/elections/:slug.png', options('elections', 'An election’s share image (PNG, 1200×630)'), async (request, reply) => {
    const lang = langOf(request.query.lang);
    const { slug } = request.params;
    const w = request.query.w ?? '';
    const image = await answer(imageKey('elections', request), () => electionShareCard(fastify.repositories, slug, lang, w));
    return send(request, reply, image);
  });

  fastify.get('/share/standards/:slug.png', options('standards', 'A standard’s share image (PNG, 1200×630)'), async (request, reply) => {
    const lang = langOf(request.query.lang);
    const { slug } = request.params;
    const image = await answer(imageKey('standards', request), () => standardShareCard(fastify.repositories, slug, lang));
    return send(request, reply, image);
  });

  fastify.get(
    '/share/evidence/:id.png',
    {
      config: config('evidence'),
      schema: { tags: ['public'], summary: 'An evidence entry’s share image (PNG, 1200×630)', params: idParams, querystring: imageQuery },
    },
    async (request, reply) => {
      const lang = langOf(request.query.lang);
      const { id } = request.params;
      const image = await answer(imageKey('evidence', request), () => evidenceShareCard(fastify.repositories, id, lang));
      return send(request, reply, image);
    },
  );
};

export default routes;
