import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, evidenceBody, type TestUser } from '../../helper.js';
import { mailTestApp, type CapturedMail, type MailTestApp, type TestMailServer } from '../../mail-server.js';

/** The raw header of a captured message (folded lines joined), or undefined. */
function header(mail: CapturedMail, name: string): string | undefined {
  const head = mail.raw.slice(0, mail.raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

describe('turning optional emails off from the email itself', () => {
  let smtp: TestMailServer;
  let t: MailTestApp;
  let reviewer: TestUser;
  let volunteer: TestUser;

  beforeAll(async () => {
    t = await mailTestApp();
    smtp = t.smtp;
    reviewer = await createSignedInUser(t, 'reviewer', { email: 'rita.reviewer@example.org' });
    volunteer = await createSignedInUser(t, 'volunteer');
    const submitted = await t.app.inject({ method: 'POST', url: '/api/evidence', headers: volunteer.headers, payload: evidenceBody() });
    expect(submitted.statusCode).toBe(201);
  });
  afterAll(() => t?.close());

  const settings = async (user: TestUser) => (await t.app.inject({ url: '/api/auth/account', headers: user.headers })).json().notifications;
  const linkIn = (mail: CapturedMail) => /http:\/\/scorecard\.test(\/unsubscribe\/[\w-]+\/[a-z-]+)/.exec(mail.text)?.[1];

  let digest: CapturedMail;
  it('gives an optional email a one-click List-Unsubscribe header and the same link in its footer', async () => {
    await t.app.mail.tick();
    digest = await smtp.waitFor((m) => m.to.includes(reviewer.email));
    const path = linkIn(digest);
    expect(path).toMatch(/^\/unsubscribe\/[\w-]{43}\/review-queue$/);
    expect(header(digest, 'List-Unsubscribe')).toBe(`<http://scorecard.test${path}>`);
    expect(header(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(digest.html).toContain(`href="http://scorecard.test${path}"`);
  });

  it('never puts one on a required email (a password reset)', async () => {
    const asked = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: volunteer.email } });
    expect(asked.statusCode).toBeLessThan(300);
    await t.app.mail.drain();
    const reset = await smtp.waitFor((m) => m.to.includes(volunteer.email));
    expect(header(reset, 'List-Unsubscribe')).toBeUndefined();
    expect(reset.text).not.toContain('/unsubscribe/');
  });

  it('only asks on GET, so a mail scanner opening the link turns nothing off', async () => {
    const page = await t.app.inject({ url: linkIn(digest)! });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Stop sending these emails to r…@example.org?');
    expect(page.body).not.toContain('rita.reviewer@example.org');
    expect(page.body).toContain('<meta name="robots" content="noindex');
    expect(page.body).toMatch(/<form method="post" action="\/unsubscribe\/[\w-]{43}\/review-queue">/);
    expect((await settings(reviewer)).reviewQueue).toBe(true);
  });

  it('turns that group off on a mail program’s one-click POST, with no cookie and no Origin, and audits it', async () => {
    const done = await t.app.inject({
      method: 'POST',
      url: linkIn(digest)!,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('We will not send these emails to r…@example.org any more.');
    expect(await settings(reviewer)).toMatchObject({ reviewQueue: false, decisions: true, changesAndReplies: true });
    const audit = await t.app.repositories.audit.list(
      { action: 'user.settings', actorId: reviewer.id },
      { page: 1, pageSize: 10 },
      { admin: true },
    );
    expect(JSON.stringify(audit)).toContain('"notifyReviewQueue":false');

    // No further digest, however much later.
    const before = smtp.messages.length;
    const again = await t.app.inject({ method: 'POST', url: '/api/evidence', headers: volunteer.headers, payload: evidenceBody() });
    expect(again.statusCode).toBe(201);
    await t.app.mail.tick(() => new Date(Date.now() + 2 * 3600_000));
    expect(smtp.messages.slice(before).filter((m) => m.to.includes(reviewer.email))).toHaveLength(0);
  });

  it('answers the page’s own form in Spanish under /es, and an odd body type still works', async () => {
    const spanish = linkIn(digest)!.replace('/unsubscribe/', '/es/unsubscribe/').replace('review-queue', 'decisions');
    const form = await t.app.inject({ url: spanish });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('¿Dejar de enviar estos correos a r…@example.org?');
    expect(form.body).toContain(`action="${spanish}"`);
    const done = await t.app.inject({
      method: 'POST',
      url: spanish,
      headers: { 'content-type': 'text/x-odd', origin: 'http://localhost:80' },
      payload: 'whatever',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Estos correos están desactivados');
    expect((await settings(reviewer)).decisions).toBe(false);
  });

  it('refuses an unknown link or group with a 404 page and changes nothing', async () => {
    const token = linkIn(digest)!.split('/')[2];
    for (const url of [
      `/unsubscribe/${'x'.repeat(43)}/review-queue`,
      `/unsubscribe/${token}/everything`,
      // Found by the fuzzer on PostgreSQL: an inherited property name, and a NUL byte.
      `/unsubscribe/${token}/toString`,
      '/es/unsubscribe/%00/decisions',
      `/unsubscribe/${'y'.repeat(300)}/decisions`,
    ]) {
      // An address too long for the router is 414; either way a page, never a 500.
      const get = await t.app.inject({ url });
      expect([404, 414], url).toContain(get.statusCode);
      const post = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'a=b',
      });
      expect([404, 414], url).toContain(post.statusCode);
      if (post.statusCode === 404) expect(post.headers['content-type']).toContain('text/html');
    }
    expect((await settings(reviewer)).changesAndReplies).toBe(true);
    const huge = await t.app.inject({
      method: 'POST',
      url: linkIn(digest)!,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a='.padEnd(10_000, 'b'),
    });
    expect(huge.statusCode).toBe(413);
  });

  it('keeps one link per account across messages', async () => {
    const token = linkIn(digest)!.split('/')[2];
    const notes = await t.app.notifications.officeReplyAwaitsReview({
      about: 'Jordan Sample (demo)',
      office: null,
      path: '/workspace/replies',
    });
    expect(notes).toBeGreaterThan(0);
    await t.app.mail.drain();
    const reply = await smtp.waitFor((m) => m.to.includes(reviewer.email) && m !== digest && /office|oficina/i.test(m.subject));
    expect(linkIn(reply)).toBe(`/unsubscribe/${token}/changes-and-replies`);
  });
});
