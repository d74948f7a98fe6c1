import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp, type TestUser, runSql, selectSql } from '../../../helper.js';

let t: TestApp;
let volunteer: TestUser;
let reviewer: TestUser;
let secondReviewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer');
  reviewer = await createSignedInUser(t, 'reviewer');
  secondReviewer = await createSignedInUser(t, 'reviewer');
  admin = await createSignedInUser(t, 'admin');
});
afterAll(() => t.close());

const as = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: user.headers, payload: payload as never });
const get = (url: string) => t.app.inject({ url });

async function newSubject(slug: string) {
  const res = await as(admin, 'POST', '/api/subjects', { slug, name: `${slug} (demo)`, role: 'candidate', office: 'Candidate (demo)' });
  expect(res.statusCode, res.body).toBe(201);
}

async function submit(overrides: Record<string, unknown> = {}, user = volunteer) {
  const res = await as(user, 'POST', '/api/evidence', evidenceBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; revision: number };
}

async function publish(id: number, by = reviewer) {
  const { revision } = (await as(by, 'GET', `/api/evidence/${id}`)).json();
  const res = await as(by, 'POST', `/api/evidence/${id}/review`, { decision: 'publish', revision });
  expect(res.statusCode, res.body).toBe(200);
}

const kids = async (slug: string) =>
  (await get(`/api/subjects/${slug}/scorecard`)).json().standards.find((s: { slug: string }) => s.slug === 'kids') as {
    score: number | null;
    grade: string | null;
    evidenceCount: number;
  };

describe('a review decides on the revision that was read', () => {
  it('carries a revision that grows with every change, and refuses a review of an older one with 409 stale', async () => {
    await newSubject('demo-stale');
    const entry = await submit({ subject: 'demo-stale', rating: 2 });
    expect(entry.revision).toBe(1);
    const queue = (await as(reviewer, 'GET', '/api/evidence?status=pending&pageSize=100')).json();
    expect(queue.items.find((e: { id: number }) => e.id === entry.id).revision).toBe(1);

    // The volunteer changes the rating while the reviewer reads revision 1.
    const edited = await as(volunteer, 'PATCH', `/api/evidence/${entry.id}`, { rating: -2 });
    expect(edited.json().revision).toBe(2);
    const stale = await as(reviewer, 'POST', `/api/evidence/${entry.id}/review`, { decision: 'publish', revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('stale');
    expect((await as(reviewer, 'GET', `/api/evidence/${entry.id}`)).json()).toMatchObject({ status: 'pending', revision: 2 });
    expect(await kids('demo-stale')).toMatchObject({ score: null, evidenceCount: 0 });

    // Without a revision the review is refused as bad input.
    const missing = await as(reviewer, 'POST', `/api/evidence/${entry.id}/review`, { decision: 'publish' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details[0].field).toBe('body.revision');

    const current = await as(reviewer, 'POST', `/api/evidence/${entry.id}/review`, { decision: 'publish', revision: 2 });
    expect(current.statusCode).toBe(200);
    expect(current.json().revision).toBe(3);
    expect(await kids('demo-stale')).toMatchObject({ score: 0, grade: 'F', evidenceCount: 1 });
  });
});

describe('changes to published evidence need a second person', () => {
  it('a correction changes no public score until a different reviewer approves, then exactly as the method says', async () => {
    await newSubject('demo-correction');
    const entry = await submit({ subject: 'demo-correction', rating: 2, kind: 'action' });
    await publish(entry.id);
    expect(await kids('demo-correction')).toMatchObject({ score: 100, grade: 'A' });

    const proposed = await as(secondReviewer, 'POST', `/api/evidence/${entry.id}/correct`, {
      rating: -1,
      kind: 'statement',
      note: 'Demo: the pledge was only a statement.',
    });
    expect(proposed.statusCode, proposed.body).toBe(202);
    expect(proposed.json()).toEqual({ change: { id: expect.any(Number), kind: 'correction', status: 'pending' } });
    const changeId = proposed.json().change.id;
    expect(await kids('demo-correction')).toMatchObject({ score: 100, grade: 'A' });
    expect((await get(`/api/subjects/demo-correction/evidence`)).json()[0]).toMatchObject({ rating: 2, correctionNote: null });

    // A second proposal on the same entry waits for the first.
    expect((await as(admin, 'POST', `/api/evidence/${entry.id}/retract`, { reason: 'x' })).json().error).toBe('change-pending');

    const list = (await as(admin, 'GET', '/api/changes?status=pending')).json();
    const shown = list.items.find((c: { id: number }) => c.id === changeId);
    expect(shown).toMatchObject({
      kind: 'correction',
      status: 'pending',
      note: 'Demo: the pledge was only a statement.',
      proposedBy: { id: secondReviewer.id },
      stale: false,
    });
    expect(shown.fields.find((f: { field: string }) => f.field === 'rating')).toEqual({
      field: 'rating',
      before: 2,
      after: -1,
      changed: true,
    });
    expect(shown.fields.find((f: { field: string }) => f.field === 'title').changed).toBe(false);
    // One statement at -1: 50 - 25 = 25, a D.
    expect(shown.grades).toEqual([
      { subject: 'demo-correction', standard: 'kids', now: { score: 100, grade: 'A' }, after: { score: 25, grade: 'D' } },
    ]);

    // The proposer and the submitter may not approve.
    const self = await as(secondReviewer, 'POST', `/api/changes/${changeId}/review`, { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    const volunteerReviewer = await createSignedInUser(t, 'reviewer');
    const byTheirOwn = await submit({ subject: 'demo-correction', standard: 'bias' }, volunteerReviewer);
    await publish(byTheirOwn.id);
    const other = await as(reviewer, 'POST', `/api/evidence/${byTheirOwn.id}/retract`, { reason: 'Demo: misread the source.' });
    const bySubmitter = await as(volunteerReviewer, 'POST', `/api/changes/${other.json().change.id}/review`, { decision: 'approve' });
    expect(bySubmitter.statusCode).toBe(403);
    expect(bySubmitter.json().error).toBe('own-submission');
    expect(await kids('demo-correction')).toMatchObject({ score: 100, grade: 'A' });

    const approved = await as(reviewer, 'POST', `/api/changes/${changeId}/review`, { decision: 'approve', note: 'Checked.' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().change.status).toBe('approved');
    expect(await kids('demo-correction')).toMatchObject({ score: 25, grade: 'D' });
    const after = (await get(`/api/subjects/demo-correction/evidence?standard=kids`)).json()[0];
    expect(after).toMatchObject({ rating: -1, kind: 'statement', correctionNote: 'Demo: the pledge was only a statement.' });
    // Deciding twice is a conflict, not a second change.
    expect((await as(admin, 'POST', `/api/changes/${changeId}/review`, { decision: 'approve' })).statusCode).toBe(409);
  });

  it('a retraction takes an entry out of the score only once approved, and a rejected one changes nothing', async () => {
    await newSubject('demo-retraction');
    const a = await submit({ subject: 'demo-retraction', rating: 2, kind: 'action' });
    const b = await submit({ subject: 'demo-retraction', rating: -2, kind: 'action' });
    await publish(a.id);
    await publish(b.id);
    expect(await kids('demo-retraction')).toMatchObject({ score: 50, evidenceCount: 2 });

    // A reviewer may propose retracting even their own review's entry, but never alone.
    const proposed = await as(reviewer, 'POST', `/api/evidence/${b.id}/retract`, { reason: 'Demo: the source was withdrawn.' });
    expect(proposed.statusCode).toBe(202);
    expect(proposed.json().change.kind).toBe('retraction');
    expect(await kids('demo-retraction')).toMatchObject({ score: 50, evidenceCount: 2 });

    const rejected = await as(secondReviewer, 'POST', `/api/changes/${proposed.json().change.id}/review`, {
      decision: 'reject',
      note: 'The source is still online.',
    });
    expect(rejected.json().change.status).toBe('rejected');
    expect(await kids('demo-retraction')).toMatchObject({ score: 50, evidenceCount: 2 });

    const again = await as(reviewer, 'POST', `/api/evidence/${b.id}/retract`, { reason: 'Demo: the source was withdrawn.' });
    expect((await as(admin, 'POST', `/api/changes/${again.json().change.id}/review`, { decision: 'approve' })).statusCode).toBe(200);
    expect(await kids('demo-retraction')).toMatchObject({ score: 100, grade: 'A', evidenceCount: 1 });
    const listed = (await get('/api/subjects/demo-retraction/evidence')).json();
    expect(listed.find((e: { id: number }) => e.id === b.id)).toMatchObject({
      status: 'retracted',
      retractionReason: 'Demo: the source was withdrawn.',
    });
    const audit = (await as(admin, 'GET', `/api/audit?entityType=evidence-change`)).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(
      expect.arrayContaining(['change.propose', 'change.approve', 'change.reject']),
    );
  });

  it('refuses an approval after the entry moved on since the proposal', async () => {
    await newSubject('demo-moved');
    const entry = await submit({ subject: 'demo-moved', rating: 1 });
    await publish(entry.id);
    const first = (await as(reviewer, 'POST', `/api/evidence/${entry.id}/correct`, { rating: 2, note: 'Demo: first.' })).json().change.id;
    // Simulate a change that landed meanwhile by approving another proposal's effect directly.
    await runSql(t, sql`update evidence set revision = revision + 1 where id = ${entry.id}`);
    const res = await as(secondReviewer, 'POST', `/api/changes/${first}/review`, { decision: 'approve' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('stale');
    expect((await as(admin, 'GET', '/api/changes?status=pending')).json().items.find((c: { id: number }) => c.id === first).stale).toBe(
      true,
    );
  });
});

describe('withdraw', () => {
  it('lets a volunteer withdraw their own pending entry: kept, never public, no longer reviewable', async () => {
    const entry = await submit();
    const other = await createSignedInUser(t, 'volunteer');
    expect((await as(other, 'POST', `/api/evidence/${entry.id}/withdraw`)).statusCode).toBe(403);
    const res = await as(volunteer, 'POST', `/api/evidence/${entry.id}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', revision: 2 });
    expect((await as(volunteer, 'POST', `/api/evidence/${entry.id}/withdraw`)).statusCode).toBe(409);
    expect((await as(reviewer, 'POST', `/api/evidence/${entry.id}/review`, { decision: 'publish', revision: 2 })).statusCode).toBe(409);
    const queue = (await as(reviewer, 'GET', '/api/evidence?status=pending&pageSize=100')).json();
    expect(queue.items.map((e: { id: number }) => e.id)).not.toContain(entry.id);
    expect((await as(volunteer, 'GET', '/api/evidence?status=withdrawn')).json().items.map((e: { id: number }) => e.id)).toContain(
      entry.id,
    );
    expect((await get(`/api/evidence/${entry.id}`)).statusCode).not.toBe(200);
  });
});

describe('a public page for every claim', () => {
  it('serves /evidence/:id and the public GET /api/evidence/:id with the dated history, in English and Spanish; non-public entries are 404', async () => {
    await newSubject('demo-claim');
    const entry = await submit({ subject: 'demo-claim', rating: 2, kind: 'action', title: 'Demo: a public claim' });
    expect((await get(`/evidence/${entry.id}`)).statusCode).toBe(404);
    expect((await get(`/api/evidence/${entry.id}`)).statusCode).toBe(404);
    // A volunteer who did not submit it gets the same 404, not a hint that it exists.
    const other = await createSignedInUser(t, 'volunteer');
    expect((await as(other, 'GET', `/api/evidence/${entry.id}`)).statusCode).toBe(404);

    await publish(entry.id);
    const change = (
      await as(secondReviewer, 'POST', `/api/evidence/${entry.id}/correct`, { rating: 1, note: 'Demo: only partly done.' })
    ).json().change.id;
    await as(admin, 'POST', `/api/changes/${change}/review`, { decision: 'approve' });

    const api = await get(`/api/evidence/${entry.id}`);
    expect(api.statusCode, api.body).toBe(200);
    const body = api.json();
    expect(body).toMatchObject({
      id: entry.id,
      status: 'published',
      rating: 1,
      url: expect.stringMatching(new RegExp(`^http://localhost(:80)?/evidence/${entry.id}$`)),
      replies: [],
    });
    expect(body.history.map((h: { action: string }) => h.action)).toEqual(['submitted', 'published', 'corrected']);
    expect(body.history[2]).toMatchObject({
      by: 'reviewer',
      note: 'Demo: only partly done.',
      changes: [{ field: 'rating', before: 2, after: 1 }],
    });
    expect(body.submittedBy).toBeUndefined();
    expect(body.revisions).toBeUndefined();
    for (const name of [volunteer.email, reviewer.email, secondReviewer.email, admin.email]) expect(api.body).not.toContain(name);

    const page = await get(`/evidence/${entry.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Demo: a public claim');
    expect(page.body).toMatch(/Corrected, approved by a second reviewer[\s\S]*Demo: only partly done\./);
    expect(page.body).toContain('Rating: +2');
    const es = await get(`/es/evidence/${entry.id}`);
    expect(es.statusCode).toBe(200);
    expect(es.body).toContain('Historial público');

    // The lists, the person's page and the exports link to it.
    expect((await get('/api/subjects/demo-claim/evidence')).json()[0].url).toMatch(new RegExp(`/evidence/${entry.id}$`));
    expect((await get('/people/demo-claim')).body).toContain(`href="/evidence/${entry.id}"`);
    expect((await get('/api/export/evidence.csv')).body).toMatch(new RegExp(`http://localhost(:80)?/evidence/${entry.id}\\b`));
    expect((await get('/api/export/evidence.json')).json().find((e: { id: number }) => e.id === entry.id).url).toMatch(
      new RegExp(`/evidence/${entry.id}$`),
    );

    // Retracted: still public, with the reason, and no longer counted.
    const retraction = (await as(reviewer, 'POST', `/api/evidence/${entry.id}/retract`, { reason: 'Demo: the source was wrong.' })).json()
      .change.id;
    await as(secondReviewer, 'POST', `/api/changes/${retraction}/review`, { decision: 'approve' });
    const retracted = await get(`/evidence/${entry.id}`);
    expect(retracted.body).toContain('Demo: the source was wrong.');
    expect(retracted.body).toContain('no longer counts');
  });
});

describe('right of reply', () => {
  it('goes from an admin’s link to a published reply beside the entry and the standard, changing no score', async () => {
    await newSubject('demo-replier');
    await newSubject('demo-other-person');
    const entry = await submit({ subject: 'demo-replier', rating: -2, title: 'Demo: a claim to answer' });
    await publish(entry.id);
    const elsewhere = await submit({ subject: 'demo-other-person' });
    await publish(elsewhere.id);
    const before = (await get('/api/subjects/demo-replier/scorecard')).json();

    expect((await as(reviewer, 'POST', '/api/subjects/demo-replier/reply-links', {})).statusCode).toBe(403);
    const created = await as(admin, 'POST', '/api/subjects/demo-replier/reply-links', {});
    expect(created.statusCode, created.body).toBe(201);
    const { url, expiresAt } = created.json();
    expect(url).toMatch(/\/reply\/[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const token = url.split('/reply/')[1];
    // Only the hash is stored.
    expect(JSON.stringify(await selectSql(t, sql`select * from reply_links`))).not.toContain(token);
    expect((await get('/people/demo-replier')).body).toMatch(/Invited to reply on [^<]+; no reply yet\./);

    const page = await get(`/reply/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<meta name="robots" content="noindex">');
    expect(page.body).toContain('Demo: a claim to answer');
    expect((await get(`/es/reply/${token}`)).body).toContain('Su respuesta');

    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/replies',
      payload: { token, evidenceId: entry.id, body: 'Demo: our office disputes this reading.', url: 'https://example.org/statement' },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const toStandard = await t.app.inject({
      method: 'POST',
      url: '/api/replies',
      payload: { token, standard: 'kids', body: 'Demo: our plan for young people.' },
    });
    expect(toStandard.statusCode).toBe(201);
    // Not public until checked.
    expect((await get(`/api/evidence/${entry.id}`)).json().replies).toEqual([]);

    // The same link cannot speak about someone else, nor be used without exactly one target.
    const otherPerson = await t.app.inject({
      method: 'POST',
      url: '/api/replies',
      payload: { token, evidenceId: elsewhere.id, body: 'x' },
    });
    expect(otherPerson.statusCode).toBe(403);
    expect(otherPerson.json().error).toBe('other-person');
    expect((await t.app.inject({ method: 'POST', url: '/api/replies', payload: { token, body: 'x' } })).statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/replies', payload: { token, standard: 'kids', body: 'x'.repeat(2001) } })).json()
        .details[0].field,
    ).toBe('body.body');

    const pending = (await as(reviewer, 'GET', '/api/replies?status=pending')).json();
    expect(pending.items.map((r: { body: string }) => r.body)).toEqual([
      'Demo: our office disputes this reading.',
      'Demo: our plan for young people.',
    ]);
    for (const r of pending.items) {
      const res = await as(reviewer, 'POST', `/api/replies/${r.id}/review`, { decision: 'publish' });
      expect(res.statusCode, res.body).toBe(200);
    }

    const shown = (await get(`/api/evidence/${entry.id}`)).json();
    expect(shown.replies).toEqual([
      {
        body: 'Demo: our office disputes this reading.',
        url: 'https://example.org/statement',
        publishedAt: expect.stringMatching(/^\d{4}-/),
      },
    ]);
    const person = (await get('/people/demo-replier')).body;
    expect(person).toContain('Reply from the office of demo-replier (demo)');
    expect(person).toContain('Demo: our plan for young people.');
    expect(person).toMatch(/Invited to reply on [^<]+; the office has replied\./);
    expect((await get(`/evidence/${entry.id}`)).body).toContain('Demo: our office disputes this reading.');
    const exported = (await get('/api/export/evidence.json')).json().find((e: { id: number }) => e.id === entry.id);
    expect(exported.replies).toHaveLength(1);
    expect((await get('/api/export/evidence.csv')).body).toContain('Demo: our office disputes this reading.');
    expect((await get('/api/subjects/demo-replier/scorecard')).json().standards).toEqual(before.standards);
  });

  it('refuses an expired, a revoked or an unknown link', async () => {
    await newSubject('demo-expired');
    const entry = await submit({ subject: 'demo-expired' });
    await publish(entry.id);
    const send = (token: string) =>
      t.app.inject({ method: 'POST', url: '/api/replies', payload: { token, evidenceId: entry.id, body: 'Demo reply.' } });

    const expired = (await as(admin, 'POST', '/api/subjects/demo-expired/reply-links', { days: 1 })).json();
    await runSql(t, sql`update reply_links set expires_at = '2000-01-01T00:00:00.000Z' where id = ${expired.id}`);
    const expiredRes = await send(expired.url.split('/reply/')[1]);
    expect(expiredRes.statusCode).toBe(410);
    expect(expiredRes.json().error).toBe('reply-link-invalid');
    expect((await get(`/reply/${expired.url.split('/reply/')[1]}`)).statusCode).toBe(410);

    const revoked = (await as(admin, 'POST', '/api/subjects/demo-expired/reply-links', {})).json();
    expect((await as(admin, 'DELETE', `/api/subjects/demo-expired/reply-links/${revoked.id}`)).statusCode).toBe(204);
    expect((await send(revoked.url.split('/reply/')[1])).statusCode).toBe(410);
    expect((await as(admin, 'GET', '/api/subjects/demo-expired/reply-links')).json()[0].revokedAt).toMatch(/^\d{4}-/);

    expect((await send('not-a-real-token')).statusCode).toBe(410);
    expect(
      (await as(reviewer, 'GET', '/api/replies?status=pending'))
        .json()
        .items.some((r: { subject: string }) => r.subject === 'demo-expired'),
    ).toBe(false);
  });
});

describe('duplicates', () => {
  it('flags an entry whose source is a tracking-parameter variant of an existing entry’s, for the same person only', async () => {
    await newSubject('demo-dupes');
    await newSubject('demo-dupes-other');
    const first = await submit({ subject: 'demo-dupes', sources: [{ url: 'https://www.example.org/news/dupe-story/', title: 'Story' }] });
    expect((first as unknown as { duplicates: number[] }).duplicates).toEqual([]);
    const variant = 'http://EXAMPLE.org/news/dupe-story?utm_source=newsletter&utm_medium=email&fbclid=abc';
    const second = await as(
      volunteer,
      'POST',
      '/api/evidence',
      evidenceBody({ subject: 'demo-dupes', title: 'Demo: the same story again', sources: [{ url: variant, title: 'Story' }] }),
    );
    expect(second.statusCode).toBe(201);
    expect(second.json().duplicates).toEqual([first.id]);
    // Another person's entry with the same source is not a duplicate.
    const other = await as(
      volunteer,
      'POST',
      '/api/evidence',
      evidenceBody({ subject: 'demo-dupes-other', sources: [{ url: variant, title: 'Story' }] }),
    );
    expect(other.json().duplicates).toEqual([]);
    // The queue shows the flag both ways.
    const queue = (await as(reviewer, 'GET', '/api/evidence?status=pending&subject=demo-dupes')).json();
    expect(queue.items.find((e: { id: number }) => e.id === first.id).duplicates).toEqual([second.json().id]);
  });

  it('marks rows of a file that was already imported, and creates nothing twice', async () => {
    await newSubject('demo-reimport');
    const csv = [
      'subject,standard,rating,kind,title,summary,occurred_on,source_url,source_title',
      'demo-reimport,kids,1,action,Demo: imported once,Summary,2025-01-01,https://example.org/reimport/a?utm_campaign=x,A',
      'demo-reimport,bias,-1,data,Demo: imported twice?,Summary,2025-01-02,https://example.org/reimport/b,B',
    ].join('\n');
    const run = async (dryRun: boolean) => (await as(volunteer, 'POST', `/api/evidence/import?dryRun=${dryRun}`, { csv })).json();
    const firstRun = await run(false);
    expect(firstRun).toMatchObject({ created: 2, skipped: 0 });
    const [a, b] = firstRun.rows.map((r: { id: number }) => r.id);

    const dry = await run(true);
    expect(dry).toMatchObject({ dryRun: true, valid: 2, created: 0, skipped: 2 });
    expect(dry.rows.map((r: { alreadyImported: number | null }) => r.alreadyImported)).toEqual([a, b]);

    const again = await run(false);
    expect(again).toMatchObject({ created: 0, skipped: 2 });
    const mine = (await as(volunteer, 'GET', '/api/evidence?subject=demo-reimport&pageSize=100')).json();
    expect(mine.total).toBe(2);
  });
});
