import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../../server/plugins/auth.js';
import { SIGN_IN_LIMITS } from '../../../../server/auth/sign-in-limits.js';
import { SignInFailureRepository, type SignInScope } from '../../../../server/repositories/sign-in-failures.js';
import { buildTestApp, createSignedInUser, evidenceBody, INJECT_ORIGIN, type TestApp, countSql, runSql } from '../../../helper.js';

let t: TestApp;
beforeEach(async () => {
  // Overload shedding (pressure.test.ts) must not turn these requests into 503s on a busy machine.
  t = await buildTestApp({ seedDemo: true, pressure: { maxEventLoopDelay: 0, maxHeapUsedBytes: 0 } });
});
afterEach(() => t.close());

const login = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

function sessionCookieOf(res: { cookies: Array<{ name: string; value: string }> }) {
  const c = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return c ? `${SESSION_COOKIE}=${c.value}` : undefined;
}

describe('sign-in', () => {
  it('signs in with an HttpOnly SameSite cookie that names a server-side session, and signs out', async () => {
    const user = await createSignedInUser(t, 'volunteer', { email: 'Sam@Example.org', password: 'correct horse battery' });
    const res = await login('  sam@example.org ', 'correct horse battery');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, email: 'sam@example.org', role: 'volunteer' });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Lax/);
    expect(raw).not.toMatch(/Secure/);
    const cookie = sessionCookieOf(res)!;
    // Only the token's SHA-256 is stored.
    const token = cookie.split('=')[1];
    expect(await countSql(t, sql`select count(*) from sessions where token_hash = ${token}`)).toBe(0);

    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe('sam@example.org');

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: INJECT_ORIGIN } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('marks the cookie Secure in production', async () => {
    const prod = await buildTestApp({ production: true, seedDemo: false });
    try {
      const user = await createSignedInUser(prod, 'volunteer');
      const res = await prod.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await prod.close();
    }
  });

  it('answers a wrong password, an unknown email and a disabled account identically, with the same work', async () => {
    const user = await createSignedInUser(t, 'volunteer', { password: 'the-right-password' });
    const disabled = await createSignedInUser(t, 'volunteer', { password: 'the-right-password' });
    await t.app.repositories.users.update(disabled.id, { disabled: true }, { id: user.id });
    /**
     * The median of three attempts, in CPU time this process spent (argon2's threads included):
     * what an attacker's stopwatch would see on an idle server, without the noise other
     * processes on a busy test machine add to wall-clock time.
     */
    const timed = async (email: string, password: string) => {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const started = process.cpuUsage();
        const res = await login(email, password);
        const used = process.cpuUsage(started);
        runs.push({ status: res.statusCode, body: res.body, ms: (used.user + used.system) / 1000 });
      }
      return runs.sort((a, b) => a.ms - b.ms)[1];
    };
    await login('warm@example.org', 'warm-up'); // the first unknown email computes the dummy hash
    const wrong = await timed(user.email, 'not-the-password');
    const unknown = await timed('nobody@example.org', 'not-the-password');
    const off = await timed(disabled.email, 'the-right-password');
    expect(wrong.status).toBe(401);
    expect(unknown).toMatchObject({ status: wrong.status, body: wrong.body });
    expect(off).toMatchObject({ status: wrong.status, body: wrong.body });
    // Both verify a real argon2id hash; without the dummy hash an unknown email answers in well under a millisecond.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 4);
  });

  it('ends every session when the password changes, and the new password works', async () => {
    const user = await createSignedInUser(t, 'volunteer', { password: 'old-password-1' });
    const elsewhere = sessionCookieOf(await login(user.email, 'old-password-1'))!;
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: user.headers,
      payload: { currentPassword: 'nope', newPassword: 'new-password-2' },
    });
    expect(wrong.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: user.headers,
      payload: { currentPassword: 'old-password-1', newPassword: 'new-password-2' },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: elsewhere } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: sessionCookieOf(res)! } })).statusCode).toBe(200);
    expect((await login(user.email, 'old-password-1')).statusCode).toBe(401);
    expect((await login(user.email, 'new-password-2')).statusCode).toBe(200);
  });

  it('signs a disabled account out at once', async () => {
    const admin = await createSignedInUser(t, 'admin');
    const user = await createSignedInUser(t, 'volunteer');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: admin.headers, payload: { disabled: true } });
    expect(res.json().disabled).toBe(true);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(401);
  });

  it('refuses an expired session', async () => {
    const user = await createSignedInUser(t, 'volunteer');
    await runSql(t, sql`update sessions set expires_at = '2000-01-01T00:00:00.000Z' where user_id = ${user.id}`);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(401);
  });
});

describe('sign-in limits', () => {
  it('slows an account down after 10 failures, whatever the address, with the same answer for unknown emails', async () => {
    await createSignedInUser(t, 'volunteer', { email: 'target@example.org' });
    for (const email of ['target@example.org', 'unknown-target@example.org']) {
      const statuses: number[] = [];
      for (let i = 0; i < SIGN_IN_LIMITS.freeFailures; i++) {
        statuses.push((await login(email, 'wrong-password', `10.0.${i}.1`)).statusCode);
      }
      expect(statuses.every((s) => s === 401)).toBe(true);
      const last = await login(email, 'wrong-password', '10.9.9.9');
      expect(last.statusCode).toBe(429);
      expect(last.json()).toMatchObject({ error: 'rate-limited' });
      expect(last.json().message).toMatch(/for this account; try again in \d+ seconds/);
      expect(Number(last.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
  });

  it('never refuses 15 successful sign-ins in a row from one address', async () => {
    const user = await createSignedInUser(t, 'admin', { email: 'busy-admin@example.org', password: 'correct horse battery' });
    for (let i = 0; i < 15; i++) {
      const res = await login(user.email, 'correct horse battery', '10.2.2.2');
      expect(res.statusCode, `sign-in ${i + 1}`).toBe(200);
    }
  });

  it('lets fifty volunteers behind one Wi-Fi address sign in, typos and all', async () => {
    // One password for all fifty, so its hash is made once (tests/accounts.ts); every sign-in
    // below still checks it against its own account's row.
    const volunteers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createSignedInUser(t, 'volunteer', { email: `wifi-${i}@example.org`, password: 'wifi password' }),
      ),
    );
    for (const v of volunteers) {
      expect((await login(v.email, 'a typo', '10.3.3.3')).statusCode).toBe(401);
      expect((await login(v.email, 'another typo', '10.3.3.3')).statusCode).toBe(401);
      expect((await login(v.email, v.password, '10.3.3.3')).statusCode).toBe(200);
    }
    // 150 password checks (argon2id, about 50 ms each alone): generous on a busy machine.
  }, 180_000);

  it('refuses an address that keeps failing across many accounts, and only that address', async () => {
    // All but the last ten failures are stored the way the sign-in route stores each one (the
    // account and the address, through its repository), in one call: each failure through HTTP
    // is a password check (argon2id, about 25 ms of CPU), and 300 of them were half this file's
    // time. The ten through HTTP must each be counted for the next one to be refused.
    const throughHttp = 10;
    const stored = SIGN_IN_LIMITS.perAddressFailures - throughHttp;
    const keys = Array.from({ length: stored }, (_, i): Array<[SignInScope, string]> => [
      ['account', `person-${i}@example.org`],
      ['address', '10.1.1.1'],
    ]).flat();
    await new SignInFailureRepository(t.app.db).record(keys, Date.now(), Date.now() - SIGN_IN_LIMITS.windowMs);
    const statuses: number[] = [];
    for (let i = stored; i <= SIGN_IN_LIMITS.perAddressFailures; i++) {
      statuses.push((await login(`person-${i}@example.org`, 'wrong-password', '10.1.1.1')).statusCode);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(throughHttp);
    expect(statuses.at(-1)).toBe(429);
    const blocked = await login('person-0@example.org', 'wrong-password', '10.1.1.1');
    expect(blocked.json()).toMatchObject({ error: 'rate-limited' });
    expect(blocked.json().message).toMatch(/from this address; try again in/);
    // Another address is unaffected.
    expect((await login('person-0@example.org', 'wrong-password', '10.1.1.2')).statusCode).toBe(401);
  }, 120_000);
});

describe('cross-site request forgery', () => {
  it('refuses a cookie-authenticated write from another origin, or with no origin at all, and stores nothing', async () => {
    const user = await createSignedInUser(t, 'volunteer');
    const count = () => countSql(t, sql`select count(*) from evidence`);
    const before = await count();
    const attempts = [
      { cookie: user.cookie, origin: 'https://evil.example' },
      { cookie: user.cookie, referer: 'https://evil.example/page' },
      { cookie: user.cookie, origin: 'null' },
      { cookie: user.cookie },
    ];
    for (const headers of attempts) {
      const res = await t.app.inject({ method: 'POST', url: '/api/evidence', headers, payload: evidenceBody() });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error).toBe('cross-site-request');
    }
    expect(await count()).toBe(before);
    // The same request from the site itself (Origin, or Referer alone) goes through.
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { cookie: user.cookie, origin: INJECT_ORIGIN },
      payload: evidenceBody(),
    });
    expect(ok.statusCode).toBe(201);
    const viaReferer = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { cookie: user.cookie, referer: `${INJECT_ORIGIN}/workspace/evidence/new` },
      payload: evidenceBody(),
    });
    expect(viaReferer.statusCode).toBe(201);
  });

  it('knows its own origin behind a TLS-terminating proxy (TRUST_PROXY=1)', async () => {
    const proxied = await buildTestApp({ trustProxy: 1 });
    try {
      const user = await createSignedInUser(proxied, 'volunteer');
      const behindProxy = { cookie: user.cookie, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'scorecard.example.org' };
      const send = (origin: string) =>
        proxied.app.inject({ method: 'POST', url: '/api/evidence', headers: { ...behindProxy, origin }, payload: evidenceBody() });
      expect((await send('https://scorecard.example.org')).statusCode).toBe(201);
      expect((await send('http://scorecard.example.org')).statusCode).toBe(403);
      expect((await send(INJECT_ORIGIN)).statusCode).toBe(403);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a sign-in posted from another site', async () => {
    const user = await createSignedInUser(t, 'volunteer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('never opens the API to another origin for writes (no CORS for credentials)', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/evidence',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    // A preflight allows only GET and HEAD, and never credentials, so browsers refuse the write.
    expect(String(res.headers['access-control-allow-methods'] ?? '')).not.toMatch(/POST/);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('invites', () => {
  it('lets an invited person set a name and password once, before it expires', async () => {
    const admin = await createSignedInUser(t, 'admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/invites',
      headers: admin.headers,
      payload: { email: 'New.Person@example.org', role: 'reviewer' },
    });
    expect(created.statusCode).toBe(201);
    const { token, acceptPath, email } = created.json();
    expect(email).toBe('new.person@example.org');
    expect(acceptPath).toContain(token);
    const listed = (await t.app.inject({ url: '/api/invites', headers: admin.headers })).json();
    expect(listed.map((i: { email: string }) => i.email)).toContain('new.person@example.org');
    expect(JSON.stringify(listed)).not.toContain(token);

    const body = { token, displayName: 'New Person', password: 'a-good-password' };
    const accepted = await t.app.inject({ method: 'POST', url: '/api/invites/accept', payload: body });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ email: 'new.person@example.org', displayName: 'New Person', role: 'reviewer' });
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: sessionCookieOf(accepted)! } });
    expect(me.json().role).toBe('reviewer');

    const again = await t.app.inject({ method: 'POST', url: '/api/invites/accept', payload: { ...body, password: 'another-password' } });
    expect(again.statusCode).toBe(410);
    expect((await login('new.person@example.org', 'a-good-password')).statusCode).toBe(200);

    const late = await t.app.repositories.invites.create({ email: 'late@example.org', role: 'volunteer' }, admin);
    await runSql(t, sql`update invites set expires_at = '2000-01-01T00:00:00.000Z' where id = ${late.id}`);
    const expired = await t.app.inject({ method: 'POST', url: '/api/invites/accept', payload: { ...body, token: late.token } });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error).toBe('invite-invalid');
  });

  it('refuses to invite an email that already has an account', async () => {
    const admin = await createSignedInUser(t, 'admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/invites', headers: admin.headers, payload: { email: admin.email } });
    expect(res.statusCode).toBe(409);
  });
});
