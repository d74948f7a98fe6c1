import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, evidenceBody, type TestUser } from '../../helper.js';
import { mailTestApp, type MailTestApp, type TestMailServer } from '../../mail-server.js';

describe('notifications', () => {
  let smtp: TestMailServer;
  let t: MailTestApp;
  let reviewer: TestUser;
  let spanishReviewer: TestUser;
  let volunteer: TestUser;

  beforeAll(async () => {
    t = await mailTestApp();
    smtp = t.smtp;
    reviewer = await createSignedInUser(t, 'reviewer', { displayName: 'Rita Reviewer' });
    spanishReviewer = await createSignedInUser(t, 'reviewer', { displayName: 'Rosa Revisora' });
    volunteer = await createSignedInUser(t, 'volunteer', { displayName: 'Val Volunteer' });
    await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: spanishReviewer.headers, payload: { language: 'es' } });
  });
  afterAll(() => t?.close());

  const digestsTo = (user: TestUser) => smtp.messages.filter((m) => m.to.includes(user.email) && /review|revisión/.test(m.subject));
  const submit = async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/evidence', headers: volunteer.headers, payload: evidenceBody() });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };

  it('sends no digest while the queue is empty, then at most one an hour, in each reviewer’s language', async () => {
    await t.app.mail.tick();
    expect(digestsTo(reviewer)).toHaveLength(0);

    await submit();
    await t.app.mail.tick();
    const en = await smtp.waitFor((m) => m.to.includes(reviewer.email));
    expect(en.subject).toBe('1 entry awaits your review');
    expect(en.text).toContain('http://scorecard.test/workspace/review');
    expect(en.text).toMatch(/http:\/\/scorecard\.test\/unsubscribe\/[\w-]{43}\/review-queue/);
    const es = await smtp.waitFor((m) => m.to.includes(spanishReviewer.email));
    expect(es.subject).toBe('1 registro espera su revisión');

    await submit();
    await t.app.mail.tick();
    expect(digestsTo(reviewer)).toHaveLength(1);
    await t.app.mail.tick(() => new Date(Date.now() + 61 * 60_000));
    await smtp.waitFor((m) => m.to.includes(reviewer.email) && m.subject === '2 entries await your review');
  });

  /** A review of the entry as the reviewer last read it (reviews are bound to a revision). */
  const review = async (id: number, payload: { decision: 'publish' | 'reject'; note?: string }) => {
    const { revision } = (await t.app.inject({ url: `/api/evidence/${id}`, headers: reviewer.headers })).json();
    return t.app.inject({
      method: 'POST',
      url: `/api/evidence/${id}/review`,
      headers: reviewer.headers,
      payload: { ...payload, revision },
    });
  };

  it('tells the volunteer their entry was published or rejected, with the note, unless they turned it off', async () => {
    const id = await submit();
    const rejected = await review(id, { decision: 'reject', note: 'The source is a <b>blog</b>, not the record.' });
    expect(rejected.statusCode).toBe(200);
    await t.app.mail.drain();
    const mail = await smtp.waitFor((m) => m.to.includes(volunteer.email) && m.subject.startsWith('Not published'));
    expect(mail.text).toContain('The reviewer’s note: The source is a <b>blog</b>, not the record.');
    expect(mail.html).toContain('The source is a &lt;b&gt;blog&lt;/b&gt;');
    expect(mail.text).toContain(`http://scorecard.test/workspace/evidence/${id}`);

    const off = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: volunteer.headers,
      payload: { notifications: { decisions: false } },
    });
    expect(off.statusCode).toBe(200);
    const second = await submit();
    expect((await review(second, { decision: 'publish' })).statusCode).toBe(200);
    await t.app.mail.drain();
    expect(smtp.messages.filter((m) => m.to.includes(volunteer.email) && m.subject.startsWith('Published'))).toHaveLength(0);
  });

  it('offers issue 12 one call per message: a proposed change, and a reply from an office', async () => {
    const proposer = reviewer;
    const queued = await t.app.notifications.proposedChangeAwaitsSecondReviewer({
      title: 'Demo: a test entry',
      proposedBy: { id: proposer.id, displayName: proposer.displayName },
      path: '/workspace/review',
    });
    expect(queued).toBeGreaterThanOrEqual(1);
    await t.app.notifications.officeReplyAwaitsReview({
      about: 'Jordan Sample (demo)',
      office: 'Office of the District Attorney',
      path: '/workspace/review',
    });
    await t.app.mail.drain();
    const second = await smtp.waitFor((m) => m.to.includes(spanishReviewer.email) && m.subject.startsWith('Un cambio propuesto'));
    expect(second.text).toContain('Rita Reviewer propuso un cambio');
    expect(smtp.messages.some((m) => m.to.includes(proposer.email) && m.subject.startsWith('A proposed change'))).toBe(false);
    await smtp.waitFor((m) => m.to.includes(proposer.email) && m.subject.startsWith('A reply from an office'));
  });
});
