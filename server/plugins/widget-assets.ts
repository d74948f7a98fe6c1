import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** widget.js keeps its URL across releases, so partners get a fix within minutes. */
export const WIDGET_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';
/** Chunks carry a content hash in their name: a new release is a new URL. */
const HASHED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const HASHED = /-[A-Za-z0-9_-]{8}\.js$/;

/** The project's folder, found the same way from server/ (tsx, tests) and dist/server/ (npm start). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const DEFAULT_WIDGET_DIST = join(projectRoot(), 'dist', 'widget');

/**
 * Serves the partner widget's scripts (dist/widget, built by vite.widget.config.ts) from the
 * site's root: /widget.js, /widget-frame.js, /widget-resize.js and the chart chunk. Any site
 * may load them: CORS is open (module scripts are fetched with CORS) and the resource policy
 * is cross-origin. Encapsulated on purpose: the headers apply to these files only.
 */
const widgetAssets: FastifyPluginAsync<{ root?: string }> = async (fastify, opts) => {
  const root = opts.root ?? DEFAULT_WIDGET_DIST;
  if (!existsSync(root)) {
    fastify.log.warn({ root }, 'widget not built: /widget.js is unavailable (run npm run build:client)');
    return;
  }
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    // Only the built files become routes; anything else stays the app's JSON 404.
    wildcard: false,
    index: false,
    // Another plugin serves the app's /assets/ with @fastify/static and owns reply.sendFile.
    decorateReply: false,
    cacheControl: false,
    setHeaders(reply, path) {
      reply.header('cache-control', HASHED.test(path) ? HASHED_CACHE_CONTROL : WIDGET_CACHE_CONTROL);
      reply.header('access-control-allow-origin', '*');
      reply.header('cross-origin-resource-policy', 'cross-origin');
    },
  });
};

export default widgetAssets;
