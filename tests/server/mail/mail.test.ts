import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, passwordResets } from '../../../db/schema/index.js';
import { buildTestApp, createSignedInUser, INJECT_ORIGIN, NO_PRESSURE, type TestApp, type TestUser } from '../../helper.js';
import { inTransaction } from '../../../db/unit-of-work.js';
import { linkIn, startMailServer, type TestMailServer } from '../../mail-server.js';

const from = 'Scorecard test <scorecard@example.org>';

describe('email through SMTP', () => {
  let smtp: TestMailServer;
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    smtp = await startMailServer();
    t = await buildTestApp({ ...NO_PRESSURE, mail: { smtpUrl: smtp.url, from, publicUrl: 'http://scorecard.test', worker: 'manual' } });
    admin = await createSignedInUser(t, 'admin', { displayName: 'Ada Admin' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const post = (url: string, payload: unknown, user?: TestUser) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: user ? user.headers : { origin: INJECT_ORIGIN } });

  it('emails an invitation in the chosen language, with a link that creates the account', async () => {
    const res = await post('/api/invites', { email: 'Nueva.Persona@example.org', role: 'volunteer', language: 'es' }, admin);
    expect(res.statusCode).toBe(201);
    // Into the Spanish workspace: the invitee has no account yet to choose it.
    expect(res.json().url).toMatch(/^http:\/\/scorecard\.test\/es\/workspace\/invite#/);
    await t.app.mail.drain();
    const mail = await smtp.waitFor((m) => m.to.includes('nueva.persona@example.org'));
    expect(mail.from).toBe('scorecard@example.org');
    expect(mail.subject).toBe('Tiene una invitación al espacio de trabajo de la boleta de calificaciones');
    expect(mail.text).toContain('Ada Admin le invitó');
    expect(mail.html).toContain('<a href="http://scorecard.test/es/workspace/invite#');
    const link = linkIn(mail, '/es/workspace/invite#');
    expect(link).toBe(res.json().url);
    const accepted = await post('/api/invites/accept', {
      token: link.split('#')[1],
      displayName: 'Nueva',
      password: 'a long new password',
    });
    expect(accepted.statusCode).toBe(201);
    // The account takes the invitation's language for its own emails.
    expect(await t.app.repositories.users.credentialsByEmail('nueva.persona@example.org')).toBeDefined();
    expect(t.app.db.$client.prepare(`select language from users where email = 'nueva.persona@example.org'`).pluck().get()).toBe('es');
  });

  it('refuses an invite for an existing email and says to send a reset instead', async () => {
    const existing = await createSignedInUser(t, 'volunteer');
    const res = await post('/api/invites', { email: existing.email.toUpperCase(), role: 'volunteer' }, admin);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'email-taken', details: [{ field: 'email' }] });
    expect(res.json().message).toMatch(/already exists.*password-reset link/);
  });

  it('retries with backoff when the mail server refuses, then sends', async () => {
    smtp.refuseNext(2);
    const before = smtp.messages.length;
    const res = await post('/api/invites', { email: 'retry@example.org', role: 'volunteer' }, admin);
    expect(res.statusCode).toBe(201);
    expect(await t.app.mail.drain()).toMatchObject({ sent: 0, retrying: 1 });
    // Not due again yet: the first wait is a minute.
    expect(await t.app.mail.drain()).toMatchObject({ sent: 0, retrying: 0 });
    const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);
    expect(await t.app.mail.drain(later(1.5))).toMatchObject({ retrying: 1 });
    // The second wait is two minutes after that attempt.
    expect(await t.app.mail.drain(later(3))).toMatchObject({ sent: 0, retrying: 0 });
    expect(await t.app.mail.drain(later(4))).toMatchObject({ sent: 1 });
    await smtp.waitFor((m) => m.to.includes('retry@example.org'));
    expect(smtp.messages.length).toBe(before + 1);
    const row = t.app.db.select().from(mailMessages).where(eq(mailMessages.toAddress, 'retry@example.org')).get();
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks a message that keeps failing as failed, and shows it in the outbox', async () => {
    smtp.refuseNext(100);
    await post('/api/invites', { email: 'never@example.org', role: 'volunteer' }, admin);
    let now = Date.now();
    for (let i = 0; i < 6; i++) {
      await t.app.mail.drain(() => new Date(now));
      now += 3 * 3600_000;
    }
    smtp.refuseNext(0);
    const outbox = await t.app.inject({ url: '/api/outbox', headers: admin.headers });
    expect(outbox.statusCode).toBe(200);
    const failed = outbox.json().items.find((m: { toAddress: string }) => m.toAddress === 'never@example.org');
    expect(failed).toMatchObject({ status: 'failed', attempts: 6 });
    expect(failed.lastError).toMatch(/Mailbox unavailable/);
    expect(outbox.json().sending).toBe(true);
  });

  describe('password reset', () => {
    it('answers an unknown email exactly like a known one, and only the known one gets mail', async () => {
      const owner = await createSignedInUser(t, 'volunteer', { displayName: 'Olga Owner' });
      const known = await post('/api/auth/password-reset', { email: owner.email });
      const unknown = await post('/api/auth/password-reset', { email: 'nobody-here@example.org' });
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(unknown.body).toBe(known.body);
      expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
      await t.app.mail.drain();
      await smtp.waitFor((m) => m.to.includes(owner.email));
      expect(smtp.messages.some((m) => m.to.includes('nobody-here@example.org'))).toBe(false);
    });

    it('answers before it looks the address up, so timing cannot tell a known email from an unknown one', async () => {
      const owner = await createSignedInUser(t, 'volunteer');
      // Hold every write: a reset that made its token or queued its email before answering would
      // wait here, and this test would fail by its timeout.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const isHolding = new Promise<void>((resolve) => (holding = resolve));
      const writer = inTransaction(t.app.db, async () => {
        holding();
        await held;
      });
      await isHolding;
      const answered = await post('/api/auth/password-reset', { email: owner.email });
      expect(answered.statusCode).toBe(202);
      expect(await t.app.repositories.passwordResets.sentSince(owner.id, new Date(0))).toBe(0);
      release();
      await writer;
      await t.app.mail.drain();
      await smtp.waitFor((m) => m.to.includes(owner.email) && m.subject === 'Choose a new password');
      expect(await t.app.repositories.passwordResets.sentSince(owner.id, new Date(0))).toBe(1);
    });

    it('takes a token once, ends every session, and signs in with the new password', async () => {
      const owner = await createSignedInUser(t, 'volunteer');
      expect((await t.app.inject({ url: '/api/auth/me', headers: owner.headers })).statusCode).toBe(200);
      await post('/api/auth/password-reset', { email: owner.email });
      await t.app.mail.drain();
      const mail = await smtp.waitFor((m) => m.to.includes(owner.email));
      expect(mail.subject).toBe('Choose a new password');
      const token = linkIn(mail, '/workspace/reset-password#').split('#')[1];
      // Only the hash is stored.
      expect(t.app.db.$client.prepare('select count(*) from password_resets where token_hash = ?').pluck().get(token)).toBe(0);

      const confirmed = await post('/api/auth/password-reset/confirm', { token, password: 'my brand new password' });
      expect(confirmed.statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/auth/me', headers: owner.headers })).statusCode).toBe(401);
      const again = await post('/api/auth/password-reset/confirm', { token, password: 'another new password' });
      expect(again.statusCode).toBe(410);
      expect(again.json().error).toBe('reset-invalid');
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: owner.email, password: 'my brand new password' },
        remoteAddress: '127.9.0.1',
      });
      expect(login.statusCode).toBe(200);
      const old = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: owner.email, password: owner.password },
        remoteAddress: '127.9.0.1',
      });
      expect(old.statusCode).toBe(401);
    });

    it('refuses an expired token and changes nothing', async () => {
      const owner = await createSignedInUser(t, 'volunteer');
      await post('/api/auth/password-reset', { email: owner.email });
      await t.app.mail.drain();
      const token = linkIn(await smtp.waitFor((m) => m.to.includes(owner.email)), '#').split('#')[1];
      t.app.db
        .update(passwordResets)
        .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
        .where(eq(passwordResets.userId, owner.id))
        .run();
      const res = await post('/api/auth/password-reset/confirm', { token, password: 'a password too late' });
      expect(res.statusCode).toBe(410);
      expect((await t.app.inject({ url: '/api/auth/me', headers: owner.headers })).statusCode).toBe(200);
    });

    it('lets an admin send a reset link, which is emailed too', async () => {
      const owner = await createSignedInUser(t, 'reviewer');
      const volunteer = await createSignedInUser(t, 'volunteer');
      expect((await post(`/api/users/${owner.id}/password-reset`, undefined, volunteer)).statusCode).toBe(403);
      const res = await post(`/api/users/${owner.id}/password-reset`, undefined, admin);
      expect(res.statusCode).toBe(201);
      const { url } = res.json();
      expect(url).toMatch(/^http:\/\/scorecard\.test\/workspace\/reset-password#/);
      await t.app.mail.drain();
      const mail = await smtp.waitFor((m) => m.to.includes(owner.email));
      expect(mail.text).toContain('An admin of the scorecard workspace sent you a link');
      expect(linkIn(mail, '/workspace/reset-password#')).toBe(url);
      expect((await post('/api/auth/password-reset/confirm', { token: url.split('#')[1], password: 'set by the owner' })).statusCode).toBe(
        204,
      );
      expect((await post('/api/users/999999/password-reset', undefined, admin)).statusCode).toBe(404);
    });
  });
});

describe('email without SMTP_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(NO_PRESSURE);
  });
  afterAll(async () => t?.close());

  it('holds messages in the outbox, which only admins read', async () => {
    const admin = await createSignedInUser(t, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invites',
      payload: { email: 'held@example.org', role: 'reviewer' },
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(201);
    expect(await t.app.mail.drain()).toMatchObject({ held: 1 });
    const outbox = await t.app.inject({ url: '/api/outbox', headers: admin.headers });
    expect(outbox.json().sending).toBe(false);
    const held = outbox.json().items[0];
    expect(held).toMatchObject({ toAddress: 'held@example.org', status: 'held', kind: 'invitation' });
    expect(held.text).toContain(res.json().url);
    const reviewer = await createSignedInUser(t, 'reviewer');
    expect((await t.app.inject({ url: '/api/outbox', headers: reviewer.headers })).statusCode).toBe(403);
    const page = await t.app.inject({ url: '/workspace/admin/outbox', headers: admin.headers });
    expect(page.statusCode).toBe(200);
  });
});

describe('a misconfigured SMTP_URL', () => {
  // nodemailer is loaded for the first message (server/lazy-modules.ts), but a URL it cannot
  // read must still stop the start, not fail every message later.
  it('stops the start with nodemailer’s error', async () => {
    const smtpUrl = 'smtp://mail.example.org:not-a-port';
    await expect(
      buildTestApp({ ...NO_PRESSURE, mail: { smtpUrl, from, publicUrl: 'http://scorecard.test', worker: 'manual' } }),
    ).rejects.toThrow(/Invalid URL/);
  });
});
