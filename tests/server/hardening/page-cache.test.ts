import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptedEncoding, ByteBoundedLru } from '../../../server/plugins/caching.js';
import { helmetHeaders, pageHelmetOptions } from '../../../server/plugins/security-headers.js';
import { buildTestApp, type TestApp } from '../../helper.js';

// Issue 15 "Fast under a shared link's crowd" and issue 17: pages are kept rendered and
// compressed, keyed by the parameters that change them; junk parameters never make a new entry.

const AVERY = 'demo-avery-placeholder';
let t: TestApp;
let renders: ReturnType<typeof vi.spyOn>;
beforeAll(async () => {
  t = await buildTestApp({ pressure: { maxEventLoopDelay: 0, maxHeapUsedBytes: 0 } });
  // The person page starts by reading the person: one call per render.
  renders = vi.spyOn(t.app.repositories.subjects, 'rowBySlug');
});
afterAll(async () => t?.close());

const page = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers: { 'accept-encoding': 'identity', ...headers } });

describe('the page cache', () => {
  it('serves a junk query parameter from the cached page, without rendering or a new entry', async () => {
    const first = await page(`/people/${AVERY}`);
    expect(first.statusCode).toBe(200);
    const entries = t.app.responseCache.size;
    const calls = renders.mock.calls.length;
    for (const junk of ['?fbclid=IwAR0abc', '?utm_source=x&utm_medium=y', '?x=1', '?w=', `?_=${Date.now()}`]) {
      const res = await page(`/people/${AVERY}${junk}`);
      expect(res.statusCode, junk).toBe(200);
      expect(res.body, junk).toBe(first.body);
      expect(res.headers.etag).toBe(first.headers.etag);
    }
    expect(renders.mock.calls.length).toBe(calls);
    expect(t.app.responseCache.size).toBe(entries);
  });

  it('renders a page once for a crowd that arrives together (single flight)', async () => {
    // A page no earlier test asked for, so every request below misses at first.
    const url = `/es/people/${AVERY}?w=equity:2`;
    const before = t.app.responseCache.pagesRendered;
    const calls = renders.mock.calls.length;
    const crowd = await Promise.all(Array.from({ length: 12 }, (_, i) => page(`${url}&fbclid=${i}`)));
    for (const res of crowd) {
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(crowd[0].body);
    }
    expect(t.app.responseCache.pagesRendered - before).toBe(1);
    expect(renders.mock.calls.length - calls).toBe(1);
  });

  it('keeps a page per weighting and per evidence filter, normalised', async () => {
    const plain = await page(`/people/${AVERY}`);
    const weighted = await page(`/people/${AVERY}?w=kids:3,equity:0`);
    expect(weighted.body).not.toBe(plain.body);
    const calls = renders.mock.calls.length;
    // A repeated parameter counts once (its first value), junk beside it is ignored.
    const again = await page(`/people/${AVERY}?fbclid=1&w=kids:3,equity:0&w=other`);
    expect(again.body).toBe(weighted.body);
    expect(renders.mock.calls.length).toBe(calls);
    const filtered = await page(`/people/${AVERY}?standard=kids`);
    expect(filtered.body).not.toBe(plain.body);
  });

  it('sends each compressed form the client accepts, made once', async () => {
    const plain = await page('/standards/kids');
    const br = await t.app.inject({ url: '/standards/kids?utm_campaign=eve', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await t.app.inject({ url: '/standards/kids', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(br.headers['cache-control']).toBe(plain.headers['cache-control']);
    expect(gz.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('answers a conditional request with 304, on the first render and from the cache', async () => {
    const cold = await page('/methodology?first=1');
    const tag = cold.headers.etag as string;
    expect(tag).toBeTruthy();
    const hit = await page('/methodology?fbclid=2', { 'if-none-match': tag });
    expect(hit.statusCode).toBe(304);
    expect(hit.body).toBe('');
    expect((await page('/methodology', { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
  });

  it('renders again after a write (a new data version)', async () => {
    await page(`/people/${AVERY}`);
    const calls = renders.mock.calls.length;
    // Any committed write moves the data version.
    t.app.db.$client.prepare("update subjects set office = office || '.' where slug = ?").run(AVERY);
    await page(`/people/${AVERY}`);
    expect(renders.mock.calls.length).toBe(calls + 1);
  });

  it('keeps the languages apart and still runs the language redirect on a cached page', async () => {
    const en = await page(`/people/${AVERY}`);
    const es = await page(`/es/people/${AVERY}?fbclid=1`);
    expect(es.statusCode).toBe(200);
    expect(es.body).toMatch(/<html lang="es">/);
    expect(en.body).toMatch(/<html lang="en">/);
    const redirected = await page(`/people/${AVERY}`, { 'accept-language': 'es' });
    expect(redirected.statusCode).toBe(302);
    expect(redirected.headers.location).toBe(`/es/people/${AVERY}`);
  });

  it('reads a percent-escaped ?lang= as the language switch, and ignores junk that merely mentions lang', async () => {
    const escaped = await page(`/people/${AVERY}?%6Cang=es`);
    expect(escaped.statusCode).toBe(302);
    expect(escaped.headers.location).toBe(`/es/people/${AVERY}`);
    expect(String(escaped.headers['set-cookie'])).toMatch(/^lang=es;/);
    const junk = await page(`/people/${AVERY}?utm_content=lang&fbclid=xlang`);
    expect(junk.statusCode).toBe(200);
    expect(junk.headers['set-cookie']).toBeUndefined();
  });

  it('never caches a missing page', async () => {
    const entries = t.app.responseCache.size;
    expect((await page('/people/demo-nobody')).statusCode).toBe(404);
    expect(t.app.responseCache.size).toBe(entries);
  });
});

describe('ByteBoundedLru', () => {
  it('evicts the least recently used entries to stay within its budget', () => {
    const lru = new ByteBoundedLru<{ bytes: number }>(100);
    lru.set('a', { bytes: 40 });
    lru.set('b', { bytes: 40 });
    lru.get('a'); // a is now the most recent
    lru.set('c', { bytes: 40 });
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('c')).toBeDefined();
    expect(lru.bytes).toBe(80);
    lru.set('huge', { bytes: 101 });
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.bytes).toBe(80);
  });
});

describe('acceptedEncoding', () => {
  it('prefers br, then gzip, and honours q=0', () => {
    expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncoding('gzip')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(acceptedEncoding('identity')).toBe('identity');
    expect(acceptedEncoding(undefined)).toBe('identity');
    expect(acceptedEncoding('*')).toBe('br');
  });
});

// The security headers are worked out once at start (server/plugins/security-headers.ts), not by
// helmet on every request: a cached page, a 304 and an error page must still carry all of them.
describe('security headers on pages served from the cache', () => {
  const PAGE_HEADERS = {
    'content-security-policy':
      "default-src 'self';base-uri 'self';font-src 'self';form-action 'self';frame-ancestors 'self';img-src 'self' data: https:;" +
      "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self';frame-src 'self'",
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-site',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };
  const pick = (headers: Record<string, unknown>) => Object.fromEntries(Object.keys(PAGE_HEADERS).map((name) => [name, headers[name]]));

  it('sends the full page set on the first render, on a cache hit, on a 304 and on a 404', async () => {
    const cold = await page('/standards/kids?first=headers');
    const hit = await page('/standards/kids?fbclid=headers', { 'accept-encoding': 'br' });
    expect(hit.headers['content-encoding']).toBe('br');
    const notModified = await page('/standards/kids', { 'if-none-match': String(cold.headers.etag) });
    expect(notModified.statusCode).toBe(304);
    const missing = await page('/people/demo-nobody');
    expect(missing.statusCode).toBe(404);
    for (const res of [cold, hit, notModified, missing]) {
      expect(pick(res.headers)).toEqual(PAGE_HEADERS);
      // Not served over HTTPS in tests: HSTS would pin http users out.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('keeps the fixed API set on a cached JSON read, and the embed page its own frame policy', async () => {
    await t.app.inject({ url: `/api/subjects/${AVERY}/scorecard` });
    const json = await t.app.inject({ url: `/api/subjects/${AVERY}/scorecard` });
    expect(json.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(json.headers['x-frame-options']).toBe('DENY');
    expect(json.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(json.headers['cross-origin-opener-policy']).toBeUndefined();
    const embed = await t.app.inject({ url: `/embed/${AVERY}` });
    expect(embed.headers['content-security-policy']).toBe(
      PAGE_HEADERS['content-security-policy'].replace("frame-ancestors 'self'", 'frame-ancestors *'),
    );
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect(embed.headers['referrer-policy']).toBe('no-referrer');
  });

  it('adds HSTS and upgrade-insecure-requests in production', () => {
    const production = helmetHeaders(pageHelmetOptions(true));
    expect(production['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(production['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(helmetHeaders(pageHelmetOptions(false))['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('refuses at start a policy that would have to be computed per request', () => {
    expect(() => helmetHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-x'"] } } })).toThrow(
      /per request/,
    );
  });
});
