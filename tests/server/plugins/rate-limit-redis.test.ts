import { randomInt } from 'node:crypto';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helper.js';

// With REDIS_URL, @fastify/rate-limit keeps its counters in Redis, so two instances count one
// client's requests together. Runs against the real Redis at TEST_REDIS_URL (default the local
// one); on a machine without Redis it is skipped, and says so.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port || 6379), hostname);
  });
}

const redisUp = await reachable(REDIS_URL);
if (!redisUp) console.warn(`rate-limit-redis.test.ts: no Redis at ${REDIS_URL}; set TEST_REDIS_URL to run it`);

describe.skipIf(!redisUp)('rate limits with REDIS_URL', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await buildTestApp({ redisUrl: REDIS_URL, seedDemo: false });
    b = await buildTestApp({ redisUrl: REDIS_URL, seedDemo: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts one client’s requests on two instances together', async () => {
    // A fresh address each run: Redis keeps counts between runs for the limit's window.
    const remoteAddress = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    const reply = (t: TestApp) =>
      t.app.inject({ method: 'POST', url: '/api/replies', remoteAddress, payload: { token: 'x'.repeat(43), body: 'Demo reply.' } });
    // POST /api/replies allows 20 tries per 15 minutes per address: 10 here, 10 there.
    for (let i = 0; i < 10; i++) expect((await reply(a)).statusCode).not.toBe(429);
    for (let i = 0; i < 10; i++) expect((await reply(b)).statusCode).not.toBe(429);
    const refused = await reply(a);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toBe('rate-limited');
  });
});
