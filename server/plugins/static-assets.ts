import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { projectRoot } from '../environment.js';

/** What a page's <head> needs to load the web app: its module, stylesheets and preloads. */
export interface ClientEntry {
  script: string | null;
  styles: string[];
  preloads: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The built web app's entry, read once from Vite's manifest. */
    clientEntry: ClientEntry;
  }
}

/** The Vite input whose chunk every page loads (vite.config.ts). */
const APP_INPUT = 'client/app/main.ts';

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

export function defaultClientDist(): string {
  return join(projectRoot(), 'dist', 'client');
}

/**
 * Reads the entry's files from the manifest. Without a build the pages still render their
 * HTML (every key fact is in it), just without styles and components.
 */
export function readClientEntry(clientDist: string, input: string = APP_INPUT): ClientEntry {
  const manifestPath = join(clientDist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return { script: null, styles: [], preloads: [] };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const entry = manifest[input];
  if (!entry) return { script: null, styles: [], preloads: [] };
  const styles = new Set<string>(entry.css ?? []);
  const preloads = new Set<string>();
  // Statically imported chunks are needed at once: preload them (and their CSS) in parallel.
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || preloads.has(chunk.file)) return;
    preloads.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of entry.imports ?? []) visit(key);
  const url = (file: string) => `/${file}`;
  return { script: url(entry.file), styles: [...styles].map(url), preloads: [...preloads].map(url) };
}

/**
 * The built web app under /assets/. File names carry a content hash, so browsers and CDNs
 * may keep them for a year without asking again. `decorateReply: false` lets another
 * @fastify/static registration (the widget's) live beside this one.
 */
export default fp<{ clientDist?: string }>(
  async (fastify, opts) => {
    const clientDist = opts.clientDist ?? defaultClientDist();
    fastify.decorate('clientEntry', readClientEntry(clientDist));
    const assets = join(clientDist, 'assets');
    if (!existsSync(assets)) {
      fastify.log.warn({ assets }, 'the web app is not built; pages are served without scripts and styles');
      return;
    }
    await fastify.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      decorateReply: false,
      wildcard: true,
      index: false,
      immutable: true,
      // The build writes .br and .gz beside each file (vite.config.ts).
      preCompressed: true,
      maxAge: '365d',
      cacheControl: true,
    });
  },
  { name: 'static-assets' },
);
