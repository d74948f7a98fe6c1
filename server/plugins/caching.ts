import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import etag from '@fastify/etag';
import type {
  FastifyReply,
  FastifyRequest,
  onRequestAbortHookHandler,
  onRequestHookHandler,
  onResponseHookHandler,
  onSendHookHandler,
} from 'fastify';
import fp from 'fastify-plugin';
import { negotiateLanguage } from '../i18n/language.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A server-rendered page kept rendered and compressed. `params` names the query
     * parameters that change the page (read after validation, so normalised); every other
     * parameter (`fbclid`, `utm_*`, a cache-buster) is ignored and served from the same entry.
     */
    pageCache?: { params: readonly string[] };
  }
}

/** Short, so a newly published entry reaches readers within a minute even through caches. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=300';

/** How long a cached answer may be reused with no write in between ("upcoming" events, "today"). */
const CACHE_TTL_MS = 60_000;
/** The memory the response and page cache may hold together, in bytes. */
export const DEFAULT_CACHE_BUDGET = 48 * 1024 * 1024;
const MAX_CACHED_BODY = 256 * 1024;
/** Pages up to this size are stored with brotli 10 (see storePage); larger ones with 6. */
const STRONG_BROTLI_MAX_BYTES = 256 * 1024;

/** The headers a route sets on its answer that a cached copy must carry too. */
const KEPT_HEADERS = ['etag', 'content-type', 'content-disposition', 'content-language', 'vary', 'cache-control'] as const;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The best encoding the client accepts of those we keep: br, then gzip, else none. A
 * `q=0` refuses one; anything fancier than that reads as plain acceptance.
 */
export function acceptedEncoding(header: string | undefined): Encoding {
  if (accepts(header, 'br')) return 'br';
  if (accepts(header, 'gzip')) return 'gzip';
  return 'identity';
}

/** Compiled once: this runs on every cached page served. */
const ACCEPTS = {
  br: acceptsPattern('br'),
  gzip: acceptsPattern('gzip'),
};
function acceptsPattern(name: string): RegExp {
  return new RegExp(`(?:^|,)\\s*(?:${name}|\\*)\\s*(?:;\\s*q=(?!0(?:\\.0*)?\\s*(?:,|$))[\\d.]+)?\\s*(?:,|$)`, 'i');
}

/** Whether Accept-Encoding allows `name` (listed or `*`, without q=0). */
export function accepts(header: string | undefined, name: 'br' | 'gzip'): boolean {
  return !!header && ACCEPTS[name].test(header);
}

interface Entry {
  version: number;
  expires: number;
  bytes: number;
  headers: Record<string, string>;
  /** identity (string for the API, Buffer for pages), and for pages the compressed forms. */
  bodies: { identity: string | Buffer; gzip?: Buffer; br?: Buffer };
}

/**
 * A least-recently-used map bounded by the bytes it holds. A Map keeps insertion order, so
 * touching an entry re-inserts it at the end and eviction takes from the front.
 */
export class ByteBoundedLru<V extends { bytes: number }> {
  private readonly entries = new Map<string, V>();
  private used = 0;
  constructor(readonly budget: number) {}

  get size() {
    return this.entries.size;
  }
  get bytes() {
    return this.used;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    if (value.bytes > this.budget) return;
    this.entries.set(key, value);
    this.used += value.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.used <= this.budget) break;
      this.entries.delete(oldest);
      this.used -= old.bytes;
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= old.bytes;
    }
  }
}

function keptHeaders(reply: FastifyReply): Record<string, string> {
  return Object.fromEntries(KEPT_HEADERS.filter((name) => reply.hasHeader(name)).map((name) => [name, String(reply.getHeader(name))]));
}

function withVary(existing: string | undefined, name: string): string {
  if (!existing) return name;
  return existing.split(',').some((v) => v.trim().toLowerCase() === name.toLowerCase()) ? existing : `${existing}, ${name}`;
}

/** If-None-Match against a weak ETag (any listed tag, weak or strong form, or `*`). */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = tag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === bare;
  });
}

const PAGE_KEY = Symbol('pageCacheKey');
/** Set on a request answered from the cache, so the store step does not look it up again. */
const SERVED = Symbol('servedFromCache');
/**
 * The data version when the request began. An answer is stored under it, not under the version
 * at the end: the repositories await their queries, so a write committed while the answer was
 * being built leaves it stamped older than the data, and the next request builds it again.
 */
const BUILT_AT = Symbol('dataVersionAtStart');
type PageRequest = FastifyRequest & { [PAGE_KEY]?: string; [BUILT_AT]?: number; [SERVED]?: boolean };

export interface CachingOptions {
  /** Bytes for cached API answers and pages together; tests shrink it to see eviction. */
  budget?: number;
}

/**
 * HTTP caching. Every answer gets an ETag (and a 304 for a matching If-None-Match). Public read
 * routes may be cached briefly by browsers and CDNs, everything else is never stored.
 *
 * One in-memory cache, bounded by bytes and evicting the least recently used, holds two kinds
 * of answer, each stamped with the data version it was built at (any committed write bumps
 * it, so nothing stale is served) and kept at most a minute:
 *
 * - public JSON reads (`config.publicRead`), serialized with their ETag and keyed by URL and
 *   the language asked for: a hit skips the query, the response validation and the hashing;
 * - server-rendered pages (`config.pageCache`), kept as HTML and compressed with gzip and
 *   brotli once, keyed by route, path parameters and only the query parameters the route
 *   names: a hit sends the client's encoding as it is (or a 304) without validating,
 *   rendering, compressing or hashing again, and junk parameters never make a new entry. The
 *   lookup is a route-level onRequest hook, so a page plugin's own onRequest hooks (the
 *   language redirect, its cookie) still run first on every request.
 */
export default fp<CachingOptions>(
  async (fastify, opts) => {
    await fastify.register(etag, { weak: true });
    const cache = new ByteBoundedLru<Entry>(opts.budget ?? DEFAULT_CACHE_BUDGET);
    const fresh = (entry: Entry | undefined): entry is Entry =>
      !!entry && entry.version === fastify.dataVersion.value && entry.expires >= Date.now();

    // Localized answers vary with Accept-Language, so the key carries the language it asks for.
    const responseKey = (request: FastifyRequest) => {
      const accept = request.headers['accept-language'];
      return accept ? `api|${request.url}|${negotiateLanguage(undefined, accept)}` : `api|${request.url}`;
    };

    // Callback style: it runs on every request, and a promise each costs on the hottest routes.
    fastify.addHook('onRequest', (request, reply, done) => {
      if (request.method !== 'GET' || !request.routeOptions.config.publicRead) return done();
      const hit = cache.get(responseKey(request));
      if (!fresh(hit)) {
        (request as PageRequest)[BUILT_AT] = fastify.dataVersion.value;
        return done();
      }
      (request as PageRequest)[SERVED] = true;
      reply.headers(hit.headers).send(hit.bodies.identity);
    });

    fastify.addHook('onSend', (request, reply, payload, done) => {
      const publicRead = request.routeOptions.config.publicRead;
      if (!reply.hasHeader('cache-control')) {
        reply.header('cache-control', publicRead && reply.statusCode < 300 ? PUBLIC_CACHE_CONTROL : 'no-store');
      }
      if (
        publicRead &&
        !(request as PageRequest)[SERVED] &&
        request.method === 'GET' &&
        reply.statusCode === 200 &&
        typeof payload === 'string' &&
        payload.length <= MAX_CACHED_BODY &&
        !fresh(cache.get(responseKey(request)))
      ) {
        cache.set(responseKey(request), {
          version: (request as PageRequest)[BUILT_AT] ?? -1,
          expires: Date.now() + CACHE_TTL_MS,
          bytes: payload.length * 2 + 512,
          headers: keptHeaders(reply),
          bodies: { identity: payload },
        });
      }
      done(null, payload);
    });

    /**
     * Route, path parameters and the named query parameters, read before validation (a repeated
     * parameter counts by its first value, as the page routes read it). Only a 200 is stored,
     * so a key that fails validation never holds anything.
     */
    const pageKey = (request: FastifyRequest, params: readonly string[]) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const named = params
        .map((name) => [name, Array.isArray(query[name]) ? (query[name] as unknown[])[0] : query[name]] as const)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([name, v]) => `${name}=${encodeURIComponent(String(v))}`);
      return `page|${request.routeOptions.url}|${JSON.stringify(request.params ?? {})}|${named.join('&')}`;
    };

    // The stored headers already name Accept-Encoding in Vary (storePage adds it).
    const sendEncoded = (request: FastifyRequest, reply: FastifyReply, entry: Entry) => {
      reply.headers(entry.headers);
      if (matches(request.headers['if-none-match'], entry.headers.etag)) return reply.code(304).send();
      const encoding = acceptedEncoding(request.headers['accept-encoding']);
      const body = encoding === 'identity' ? entry.bodies.identity : entry.bodies[encoding];
      if (encoding !== 'identity' && body) reply.header('content-encoding', encoding);
      return reply.send(body ?? entry.bodies.identity);
    };

    /**
     * Single flight: the first request to miss a page renders it; every other request for the
     * same key that arrives meanwhile waits for that render and is served from the cache, so a
     * crowd arriving at once after a publish costs one render, not one each. If the first
     * request ends without storing (an error, an abort), the waiters render for themselves.
     */
    const rendering = new Map<string, Promise<void>>();
    const FINISH = Symbol('finishRender');
    type Leader = PageRequest & { [FINISH]?: () => void };

    const lookupPage: onRequestHookHandler = function (request, reply, done) {
      const params = request.routeOptions.config.pageCache!.params;
      const key = pageKey(request, params);
      const hit = cache.get(key);
      if (fresh(hit)) {
        sendEncoded(request, reply, hit);
        return;
      }
      (request as PageRequest)[PAGE_KEY] = key;
      (request as PageRequest)[BUILT_AT] = fastify.dataVersion.value;
      const inFlight = rendering.get(key);
      if (inFlight) {
        void inFlight.then(() => {
          const after = cache.get(key);
          if (fresh(after)) sendEncoded(request, reply, after);
          else done();
        });
        return;
      }
      let finish!: () => void;
      const promise = new Promise<void>((resolve) => {
        finish = () => {
          if (rendering.get(key) === promise) rendering.delete(key);
          resolve();
        };
      });
      rendering.set(key, promise);
      (request as Leader)[FINISH] = finish;
      done();
    };

    /** Releases the waiters once the leader's answer is stored or it ended without one. */
    const endRender = (request: FastifyRequest) => {
      const finish = (request as Leader)[FINISH];
      if (finish) {
        (request as Leader)[FINISH] = undefined;
        finish();
      }
    };

    const releaseAfterResponse: onResponseHookHandler = (request, _reply, done) => {
      endRender(request);
      done();
    };
    const releaseOnAbort: onRequestAbortHookHandler = (request, done) => {
      endRender(request);
      done();
    };

    let pagesRendered = 0;
    const storePage: onSendHookHandler = async function (request, reply, payload) {
      const key = (request as PageRequest)[PAGE_KEY];
      if (!key || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      const version = (request as PageRequest)[BUILT_AT] ?? -1;
      const identity = Buffer.from(payload);
      // Compressed once per data version, in libuv's thread pool rather than on the event loop,
      // so it pays to compress hard: every byte saved is saved for each of a crowd's answers.
      // Brotli 10 takes about 20 ms for a 50 KB person page and makes it 10 % smaller than 6;
      // 11 takes five times longer for 3 % more. A page far larger than pages are now (an
      // outsized record) drops to 6, so one render never holds a thread for long.
      const [gz, br] = await Promise.all([
        gzipAsync(identity, { level: 9 }),
        brotliAsync(identity, {
          params: {
            [zlibConstants.BROTLI_PARAM_QUALITY]: identity.length <= STRONG_BROTLI_MAX_BYTES ? 10 : 6,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length,
          },
        }),
      ]);
      const headers = keptHeaders(reply);
      headers.vary = withVary(headers.vary, 'Accept-Encoding');
      const entry: Entry = {
        version,
        expires: Date.now() + CACHE_TTL_MS,
        bytes: identity.length + gz.length + br.length + key.length + 512,
        headers,
        bodies: { identity, gzip: gz, br },
      };
      cache.set(key, entry);
      pagesRendered++;
      endRender(request);
      // The etag plugin (a root hook) has already answered a matching If-None-Match with 304.
      if (reply.statusCode !== 200) return payload;
      const encoding = acceptedEncoding(request.headers['accept-encoding']);
      reply.header('vary', headers.vary);
      if (encoding === 'identity') return identity;
      // Set here, so @fastify/compress sees the answer as compressed and leaves it alone.
      reply.header('content-encoding', encoding);
      return entry.bodies[encoding];
    };

    fastify.addHook('onRoute', (route) => {
      if (!route.config?.pageCache) return;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!methods.every((m) => m === 'GET' || m === 'HEAD')) return;
      const append = <T>(existing: T | T[] | undefined, hook: T): T[] =>
        existing ? [...(Array.isArray(existing) ? existing : [existing]), hook] : [hook];
      // A route-level onRequest hook runs after the page plugin's own (the language redirect and
      // its cookie) and before body parsing and validation, which a hit does not need.
      route.onRequest = append(route.onRequest, lookupPage);
      route.onSend = append(route.onSend, storePage);
      route.onResponse = append(route.onResponse, releaseAfterResponse);
      route.onRequestAbort = append(route.onRequestAbort, releaseOnAbort);
    });

    fastify.decorate('responseCache', {
      get size() {
        return cache.size;
      },
      get bytes() {
        return cache.bytes;
      },
      get budget() {
        return cache.budget;
      },
      get pagesRendered() {
        return pagesRendered;
      },
    });
  },
  { name: 'caching', dependencies: ['database'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** The cache itself, for tests and the bench (size and bytes held). */
    responseCache: {
      readonly size: number;
      readonly bytes: number;
      readonly budget: number;
      /** Pages rendered and stored since start: the single-flight test counts them. */
      readonly pagesRendered: number;
    };
  }
}
