import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, NO_PRESSURE, type TestApp, type TestUser } from '../../../helper.js';

let address = 1;
/** Each sign-in from its own address, so the per-address limit never enters these tests. */
const nextAddress = () => `10.50.${Math.floor(address / 250)}.${(address++ % 250) + 1}`;

/** A code for the secret at a given moment, computed here the way an authenticator app does. */
const codeAt = (secret: string, ms = Date.now()) => generate({ secret, epoch: Math.floor(ms / 1000) });
/** The 30-second TOTP step a moment falls in. */
const stepOf = (ms: number) => Math.floor(ms / 30_000);

describe('two-factor sign-in (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(NO_PRESSURE);
  });
  afterAll(async () => t?.close());

  const login = (user: TestUser, extra: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password, ...extra },
      remoteAddress: nextAddress(),
    });

  async function enrol(user: TestUser) {
    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: user.headers });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCode } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    // Previous step: codes from the step before are still accepted (one step of drift). The
    // server reads its own clock a moment after the code is made; if a 30-second step ends in
    // between, it may already be a step further, where this code is two steps old and rightly
    // refused (a refused code changes nothing). Only then is it tried again with a fresh code:
    // when the answer came within the step the code was made in, it must be 200.
    let enable;
    for (;;) {
      const madeAt = Date.now();
      enable = await t.app.inject({
        method: 'POST',
        url: '/api/auth/totp/enable',
        headers: user.headers,
        payload: { code: await codeAt(secret, madeAt - 30_000) },
      });
      if (enable.statusCode === 200 || stepOf(Date.now()) === stepOf(madeAt)) break;
    }
    expect(enable.statusCode).toBe(200);
    return { secret, recoveryCodes: enable.json().recoveryCodes as string[] };
  }

  it('enrols with a code computed here, then asks for a code at sign-in, each usable once', async () => {
    const user = await createSignedInUser(t, 'reviewer');
    const wrongEnable = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: user.headers });
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: user.headers, payload: { code: '000000' } });
    expect(wrongEnable.statusCode).toBe(200);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('body.code');

    const { secret, recoveryCodes } = await enrol(user);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const noCode = await login(user);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json()).toEqual({ error: 'totp-required', message: expect.any(String) });
    expect(noCode.headers['set-cookie']).toBeUndefined();

    const code = await codeAt(secret, Date.now() + 30_000);
    const ok = await login(user, { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.cookies.some((c) => c.name === 'session')).toBe(true);
    const replay = await login(user, { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error).toBe('invalid-code');
    // A wrong password with a right code reveals nothing about the code.
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'not it at all', code: await codeAt(secret) },
      remoteAddress: nextAddress(),
    });
    expect(wrongPassword.json().error).toBe('invalid-credentials');

    const settings = await t.app.inject({ url: '/api/auth/account', headers: user.headers });
    expect(settings.json().totp).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
  });

  it('signs in with a recovery code, once', async () => {
    const user = await createSignedInUser(t, 'admin');
    const { recoveryCodes } = await enrol(user);
    const first = await login(user, { code: recoveryCodes[3].toUpperCase() });
    expect(first.statusCode).toBe(200);
    expect((await login(user, { code: recoveryCodes[3] })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/auth/account', headers: user.headers })).json().totp.recoveryCodesLeft).toBe(9);
  });

  it('lets the owner in with password and code while the account is slowed down by failures', async () => {
    const user = await createSignedInUser(t, 'reviewer');
    const { secret } = await enrol(user);
    for (let i = 0; i < 12; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: `guess ${i}` },
        remoteAddress: nextAddress(),
      });
    }
    expect((await login(user)).statusCode).toBe(429);
    const ok = await login(user, { code: await codeAt(secret, Date.now() + 30_000) });
    expect(ok.statusCode).toBe(200);
  });

  it('turns off with the password', async () => {
    const user = await createSignedInUser(t, 'volunteer');
    await enrol(user);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/disable',
      headers: user.headers,
      payload: { password: 'nope nope nope' },
    });
    expect(wrong.statusCode).toBe(403);
    const off = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/disable',
      headers: user.headers,
      payload: { password: user.password },
    });
    expect(off.statusCode).toBe(204);
    expect((await login(user)).statusCode).toBe(200);
  });
});

describe('REQUIRE_2FA_FOR=reviewer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ ...NO_PRESSURE, require2faFor: 'reviewer' });
  });
  afterAll(async () => t?.close());

  it('sends a reviewer without it to set it up before any review action', async () => {
    const reviewer = await createSignedInUser(t, 'reviewer');
    const volunteer = await createSignedInUser(t, 'volunteer');
    const queue = await t.app.inject({ url: '/api/evidence?status=pending', headers: reviewer.headers });
    expect(queue.statusCode).toBe(200);
    const review = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/1/review',
      headers: reviewer.headers,
      payload: { decision: 'publish' },
    });
    expect(review.statusCode).toBe(403);
    expect(review.json().error).toBe('totp-setup-required');
    const page = await t.app.inject({ url: '/workspace/review', headers: { cookie: reviewer.cookie } });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/workspace/account?setup=two-factor');
    // Volunteers are not asked.
    expect((await t.app.inject({ url: '/workspace/evidence/new', headers: { cookie: volunteer.cookie } })).statusCode).toBe(200);

    const setup = (await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: reviewer.headers })).json();
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers: reviewer.headers,
      payload: { code: await codeAt(setup.secret) },
    });
    expect((await t.app.inject({ url: '/workspace/review', headers: { cookie: reviewer.cookie } })).statusCode).toBe(200);
    const account = await t.app.inject({ url: '/api/auth/account', headers: reviewer.headers });
    expect(account.json().totp.required).toBe(true);
    const off = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/disable',
      headers: reviewer.headers,
      payload: { password: reviewer.password },
    });
    expect(off.statusCode).toBe(409);
  });
});
