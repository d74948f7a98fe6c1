import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helper.js';

// Issue 17: anonymous expensive routes (exports, share images, asOf history) are limited per address and
// share a global cap, answered 429 / 503 with Retry-After, while cheap routes keep answering.

const NO_SHEDDING = { maxEventLoopDelay: 0, maxHeapUsedBytes: 0 };
const AVERY = 'demo-avery-placeholder';

describe('per-address limits behind one proxy (TRUST_PROXY=1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ trustProxy: 1, pressure: NO_SHEDDING });
  });
  afterAll(async () => t?.close());

  const download = (forwardedFor: string) =>
    t.app.inject({ url: '/api/export/evidence.csv', headers: { 'x-forwarded-for': forwardedFor } });

  it('limits the export per client address, whatever the client forges before the proxy’s entry', async () => {
    for (let i = 0; i < 30; i++) {
      // Each request claims a different origin; the proxy appended the same real address.
      const res = await download(`10.${i}.0.1, 198.51.100.${i}, 203.0.113.7`);
      expect(res.statusCode, `request ${i + 1}`).toBe(200);
    }
    const limited = await download('192.0.2.99, 203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toBe('rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another reader behind the same proxy is not affected, nor are the cheap routes.
    expect((await download('203.0.113.8')).statusCode).toBe(200);
    const cheap = await t.app.inject({ url: `/api/subjects/${AVERY}/scorecard`, headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(cheap.statusCode).toBe(200);
  });

  it('limits asOf history per address but never the current scorecard', async () => {
    const scorecard = (query: string) =>
      t.app.inject({ url: `/api/subjects/${AVERY}/scorecard${query}`, headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.50' } });
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 300; i++) expect((await scorecard(`?asOf=${day(i)}`)).statusCode, day(i)).toBe(200);
    const limited = await scorecard(`?asOf=${day(301)}`);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // An asOf answer already computed is served from the cache, before any limit.
    expect((await scorecard(`?asOf=${day(5)}`)).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) expect((await scorecard('')).statusCode).toBe(200);
  });
});

describe('share images', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Three draws a minute instead of thirty: the same limit, reached in a few renders.
    t = await buildTestApp({ trustProxy: 1, pressure: NO_SHEDDING, shareDrawsPerMinute: 3 });
  });
  afterAll(async () => t?.close());

  const image = (w: number, from = '203.0.113.60') =>
    t.app.inject({ url: `/share/people/${AVERY}.png?w=kids:${w}`, headers: { 'x-forwarded-for': from } });

  it('limits drawing new images per address, never an image already drawn', async () => {
    for (let w = 0; w < 3; w++) expect((await image(w)).statusCode, `weighting ${w}`).toBe(200);
    const limited = await image(4);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // The same previews again are cheap and keep answering, as does another reader.
    for (let w = 0; w < 3; w++) expect((await image(w)).statusCode).toBe(200);
    expect((await image(4, '203.0.113.61')).statusCode).toBe(200);
  });
});

describe('the global cap on expensive requests', () => {
  let t: TestApp;
  let release: () => void = () => {};
  let entered: () => void = () => {};
  beforeAll(async () => {
    t = await buildTestApp({ expensiveConcurrency: 1, pressure: NO_SHEDDING }, (app) => {
      // A stand-in for a share image being drawn: it holds its slot until the test lets go.
      app.get('/test/slow', { config: { expensive: { perMinute: 100 } } }, async () => {
        entered();
        await new Promise<void>((resolve) => (release = resolve));
        return { ok: true };
      });
    });
  });
  afterAll(async () => t?.close());

  it('answers 503 with Retry-After for expensive routes only while the cap is full, and frees the slot', async () => {
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = t.app.inject('/test/slow');
    await inside;
    expect(t.app.expensiveInFlight).toBe(1);
    const refused = await t.app.inject('/api/export/evidence.csv');
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toBe('busy');
    expect(refused.headers['retry-after']).toBe('5');
    // Cheap routes always have room.
    expect((await t.app.inject(`/api/subjects/${AVERY}/scorecard`)).statusCode).toBe(200);
    expect((await t.app.inject(`/people/${AVERY}`)).statusCode).toBe(200);
    release();
    expect((await first).statusCode).toBe(200);
    expect(t.app.expensiveInFlight).toBe(0);
    expect((await t.app.inject('/api/export/evidence.csv')).statusCode).toBe(200);
    expect(t.app.expensiveInFlight).toBe(0);
  });
});
