import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from '../../../server/config.js';
import { PRODUCTION_SESSION_COOKIE } from '../../../server/plugins/auth.js';
import { buildTestApp, createSignedInUser, INJECT_ORIGIN, type TestApp } from '../../helper.js';

// Issue 17, "Trust only what deserves it": absolute URLs come from PUBLIC_ORIGIN, a proxy is
// trusted only for its own hops, and the production session cookie is a __Host- cookie.

const AVERY = 'demo-avery-placeholder';
const PUBLIC = 'https://scorecard.example.org';
/** A shared, busy machine must not turn these answers into 503s (pressure has its own tests). */
const NO_SHEDDING = { maxEventLoopDelay: 0, maxHeapUsedBytes: 0 };

describe('TRUST_PROXY', () => {
  it('takes a hop count or the proxies’ addresses, never "trust everything"', () => {
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8')).toEqual(['10.0.0.0/8']);
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.7,::1')).toEqual(['10.0.0.0/8', '192.168.1.7', '::1']);
    for (const bad of ['true', 'yes', '10.0.0.0/33', 'proxy.example', '1.2.3']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
    }
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it('checks PUBLIC_ORIGIN and keeps only its origin', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://scorecard.example.org/' }).publicOrigin).toBe(PUBLIC);
    expect(loadConfig({}).publicOrigin).toBeNull();
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'scorecard.example.org' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'ftp://scorecard.example.org' })).toThrow(/PUBLIC_ORIGIN/);
  });
});

describe('behind one proxy (TRUST_PROXY=1) with PUBLIC_ORIGIN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ trustProxy: 1, publicOrigin: PUBLIC, pressure: NO_SHEDDING }, (app) => {
      app.get('/test/ip', async (request) => ({ ip: request.ip }));
    });
  });
  afterAll(async () => t?.close());

  it('takes the client address the proxy appended, whatever a client puts before it', async () => {
    const ipWith = async (forwarded: string) =>
      (await t.app.inject({ url: '/test/ip', headers: { 'x-forwarded-for': forwarded } })).json().ip;
    expect(await ipWith('203.0.113.9')).toBe('203.0.113.9');
    expect(await ipWith('6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(await ipWith('7.7.7.7, 8.8.8.8, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('never writes a forged X-Forwarded-Host into a page, the embed snippets or a frame', async () => {
    const forged = {
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'http',
      host: 'evil2.example',
      'x-forwarded-for': '6.6.6.6, 203.0.113.9',
    };
    for (const url of [
      '/',
      `/people/${AVERY}`,
      '/es/methodology',
      '/elections/demo-2026-district-attorney',
      `/embed?subject=${AVERY}`,
      `/embed/${AVERY}`,
    ]) {
      const res = await t.app.inject({ url, headers: { ...forged, 'accept-encoding': 'identity' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(/evil2?\.example/);
      expect(res.body, url).toContain(PUBLIC);
    }
    const page = await t.app.inject({ url: `/people/${AVERY}`, headers: forged });
    expect(page.body).toContain(`<link rel="canonical" href="${PUBLIC}/people/${AVERY}">`);
    expect(page.body).toContain(`<meta property="og:url" content="${PUBLIC}/people/${AVERY}">`);
  });

  it('accepts a workspace write whose Origin is PUBLIC_ORIGIN', async () => {
    const user = await createSignedInUser(t, 'admin');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie: user.cookie, origin: PUBLIC },
      payload: { displayName: 'Renamed' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const evil = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie: user.cookie, origin: 'https://evil.example' },
      payload: { displayName: 'Renamed' },
    });
    expect(evil.statusCode).toBe(403);
  });
});

describe('in production', () => {
  it('names the session cookie __Host-session: Secure, Path=/, no Domain', async () => {
    const t = await buildTestApp({ production: true, publicOrigin: PUBLIC, pressure: NO_SHEDDING });
    try {
      const user = await createSignedInUser(t, 'volunteer');
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: INJECT_ORIGIN },
        payload: { email: user.email, password: user.password },
      });
      expect(login.statusCode, login.body).toBe(200);
      const header = String(login.headers['set-cookie']);
      expect(header).toMatch(new RegExp(`^${PRODUCTION_SESSION_COOKIE}=`));
      expect(header).toContain('Secure');
      expect(header).toContain('Path=/');
      expect(header).not.toMatch(/Domain=/i);
      const cookie = `${PRODUCTION_SESSION_COOKIE}=${login.cookies[0].value}`;
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
      // The development name means nothing in production.
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: `session=${login.cookies[0].value}` } })).statusCode).toBe(401);
      const docs = (await t.app.inject('/api/openapi.json')).json();
      expect(docs.components.securitySchemes.sessionCookie.name).toBe(PRODUCTION_SESSION_COOKIE);
    } finally {
      await t.close();
    }
  });
});
