import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messagesFor } from '../../../i18n/catalog.js';
import { pagePath, type Locale } from '../../../i18n/locales.js';
import { BRAND_COLOUR, PAGE_COLOUR, siteIconIco, siteIconPng, siteIconSvg } from '../../share/site-icon.js';
import { PUBLIC_CACHE_CONTROL } from '../../plugins/caching.js';
import { fullSiteName } from '../../repositories/site.js';

/** Icons change only with a new release: a day in caches, then revalidated. */
const ICON_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

/** The PNG icons: the manifest's two sizes, their maskable form, and iOS's home-screen icon. */
const PNG_ICONS: Record<string, { size: number; maskable?: boolean }> = {
  '/icons/icon-192.png': { size: 192 },
  '/icons/icon-512.png': { size: 512 },
  '/icons/maskable-512.png': { size: 512, maskable: true },
  '/apple-touch-icon.png': { size: 180, maskable: true },
};

/**
 * The site's icons and web app manifest: `/favicon.svg` (the tab), `/favicon.ico` (for
 * software that asks for it), the PNGs above, and `/manifest.webmanifest` (`/es/…` in
 * Spanish), which names the coalition from the site settings. Icons are drawn once, on first
 * request, from server/share/site-icon.ts.
 */
const routes: FastifyPluginAsyncZod = async (fastify) => {
  const drawn = new Map<string, Buffer>();
  const once = (key: string, draw: () => Buffer) => {
    let bytes = drawn.get(key);
    if (!bytes) drawn.set(key, (bytes = draw()));
    return bytes;
  };
  const schema = (summary: string) => ({ tags: ['public'], summary });

  fastify.get('/favicon.svg', { schema: schema('The site’s icon (SVG)') }, async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', ICON_CACHE_CONTROL).send(siteIconSvg()),
  );
  fastify.get('/favicon.ico', { schema: schema('The site’s icon (ICO, 32×32)') }, async (_request, reply) =>
    reply
      .type('image/x-icon')
      .header('cache-control', ICON_CACHE_CONTROL)
      .send(once('ico', () => siteIconIco())),
  );
  for (const [path, icon] of Object.entries(PNG_ICONS)) {
    fastify.get(
      path,
      { schema: schema(`The site’s icon (PNG, ${icon.size}×${icon.size}${icon.maskable ? ', maskable' : ''})`) },
      async (_request, reply) =>
        reply
          .type('image/png')
          .header('cache-control', ICON_CACHE_CONTROL)
          .send(once(path, () => siteIconPng(icon.size, icon))),
    );
  }

  const manifest = async (locale: Locale) => {
    const msg = messagesFor(locale);
    // Awaited: repositories are becoming asynchronous (issue 18); a plain value awaits the same.
    const { coalitionName } = await fastify.repositories.site.identity();
    return {
      name: fullSiteName(msg.siteName, coalitionName),
      short_name: msg.appShortName,
      description: msg.home.description,
      lang: msg.langTag,
      start_url: pagePath(locale, '/'),
      scope: pagePath(locale, '/'),
      display: 'standalone',
      background_color: PAGE_COLOUR,
      theme_color: BRAND_COLOUR,
      icons: [
        { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    };
  };
  for (const locale of ['en', 'es'] as const) {
    fastify.get(
      pagePath(locale, '/manifest.webmanifest'),
      { schema: schema(`The web app manifest (${locale})`) },
      async (_request, reply) =>
        reply
          .type('application/manifest+json; charset=utf-8')
          .header('cache-control', PUBLIC_CACHE_CONTROL)
          .send(JSON.stringify(await manifest(locale))),
    );
  }
};

export default routes;
