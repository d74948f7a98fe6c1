import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Serves the partner widget's scripts (dist/widget, built by vite.widget.config.ts) from the
 * site's root: /widget.js, /widget-frame.js, /widget-resize.js and the chart chunk. Any site
 * may load them: CORS is open (module scripts are fetched with CORS) and the resource policy
 * is cross-origin. Only the built files become routes; anything else stays the app's JSON 404.
 */
const widgetAssets: FastifyPluginAsync<{ root?: string }> = async (fastify, opts) => {
  const root = opts.root ?? DEFAULT_WIDGET_DIST;
  if (!existsSync(root)) {
    fastify.log.warn({ root }, 'widget not built: /widget.js is unavailable (run npm run build:client)');
    return;
  }
  // Read once and served from memory: the files are small and fixed for a release, and
  // 200 partner pages loading at once then cost a few MB and no file opens; streaming each
  // from disk (@fastify/static) took the server past its 200 MB budget (bench/RESULTS.md).
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const body = readFileSync(join(root, entry.name));
    const headers = {
      'content-type': CONTENT_TYPES[extname(entry.name)] ?? 'application/octet-stream',
      'cache-control': HASHED.test(entry.name) ? HASHED_CACHE_CONTROL : WIDGET_CACHE_CONTROL,
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      // The etag plugin answers a matching If-None-Match with a 304 from this.
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
    fastify.get(`/${entry.name}`, { schema: { hide: true } }, (_request, reply) => reply.headers(headers).send(body));
  }
};

export default widgetAssets;
