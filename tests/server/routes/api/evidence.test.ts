import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, evidenceBody, rowCounts, type TestApp, type TestUser } from '../../../helper.js';

let t: TestApp;
let volunteer: TestUser;
let reviewer: TestUser;
let secondReviewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer', { displayName: 'Zebediah Quillfeather', email: 'zebediah.q@example.org' });
  reviewer = await createSignedInUser(t, 'reviewer', { displayName: 'Reviewer Marisol' });
  secondReviewer = await createSignedInUser(t, 'reviewer');
  admin = await createSignedInUser(t, 'admin');
});
afterAll(() => t.close());

const as = (user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: user.headers, payload: payload as never });
const get = (url: string) => t.app.inject({ url });

async function submit(user: TestUser, overrides: Record<string, unknown> = {}) {
  const res = await as(user, 'POST', '/api/evidence', evidenceBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A person with no evidence yet, so every score below is exact. */
async function newSubject(slug: string) {
  const res = await as(admin, 'POST', '/api/subjects', { slug, name: `${slug} (demo)`, role: 'candidate', office: 'Candidate (demo)' });
  expect(res.statusCode, res.body).toBe(201);
}

const kidsOf = (card: { standards: Array<{ slug: string; score: number | null; evidenceCount: number }> }) =>
  card.standards.find((s) => s.slug === 'kids');

describe('acceptance: nothing counts until another person publishes it', () => {
  it('changes no scorecard while pending, counts exactly per the method once published, and a retraction takes it back out', async () => {
    await newSubject('demo-acceptance');
    const scorecard = async () => (await get('/api/subjects/demo-acceptance/scorecard')).json();
    const untouched = await scorecard();
    expect(kidsOf(untouched)).toMatchObject({ score: null, grade: null, evidenceCount: 0 });

    const action = await submit(volunteer, { subject: 'demo-acceptance', kind: 'action', rating: 2 });
    expect(action).toMatchObject({ status: 'pending', subject: 'demo-acceptance', standard: 'kids', rating: 2 });
    expect(await scorecard()).toEqual(untouched);
    expect((await get('/api/subjects/demo-acceptance/evidence')).json()).toEqual([]);
    expect((await get('/api/export/evidence.json')).json().map((e: { id: number }) => e.id)).not.toContain(action.id);

    // The reviewer's own submission cannot be published by that reviewer.
    const statement = await submit(reviewer, { subject: 'demo-acceptance', kind: 'statement', rating: -1, title: 'Demo: a pledge' });
    const ownReview = await as(reviewer, 'POST', `/api/evidence/${statement.id}/review`, { decision: 'publish', revision: 1 });
    expect(ownReview.statusCode).toBe(403);
    expect(await scorecard()).toEqual(untouched);

    const published = await as(reviewer, 'POST', `/api/evidence/${action.id}/review`, {
      decision: 'publish',
      note: 'Checked the source.',
      revision: 1,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', reviewNote: 'Checked the source.', reviewedBy: { id: reviewer.id } });
    // One action at +2: 50 + 25 × 2 = 100, an A.
    expect(kidsOf(await scorecard())).toMatchObject({ score: 100, grade: 'A', evidenceCount: 1 });

    expect(
      (await as(secondReviewer, 'POST', `/api/evidence/${statement.id}/review`, { decision: 'publish', revision: 1 })).statusCode,
    ).toBe(200);
    // The method's worked example (the /methodology page): (1 × 100 + 0.5 × 25) / 1.5 = 75, a B.
    const both = await scorecard();
    expect(kidsOf(both)).toMatchObject({ score: 75, grade: 'B', evidenceCount: 2 });
    expect(both.overall).toMatchObject({ coverage: 1, score: null, reason: 'insufficient-coverage' });

    const retracted = await as(secondReviewer, 'POST', `/api/evidence/${statement.id}/retract`, { reason: 'The pledge was misquoted.' });
    expect(retracted.statusCode).toBe(202);
    expect(kidsOf(await scorecard())).toMatchObject({ score: 75, grade: 'B', evidenceCount: 2 });
    expect((await as(admin, 'POST', `/api/changes/${retracted.json().change.id}/review`, { decision: 'approve' })).statusCode).toBe(200);
    expect(kidsOf(await scorecard())).toMatchObject({ score: 100, grade: 'A', evidenceCount: 1 });
    const listed = (await get('/api/subjects/demo-acceptance/evidence')).json();
    expect(listed.find((e: { id: number }) => e.id === statement.id)).toMatchObject({
      status: 'retracted',
      retractionReason: 'The pledge was misquoted.',
    });
    expect(listed.find((e: { id: number }) => e.id === statement.id).retractedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Retracted entries cannot be published or retracted again.
    expect((await as(reviewer, 'POST', `/api/evidence/${statement.id}/retract`, { reason: 'again' })).statusCode).toBe(409);
  });

  it('keeps a rejected entry out of everything public', async () => {
    await newSubject('demo-rejected');
    const entry = await submit(volunteer, { subject: 'demo-rejected' });
    const res = await as(reviewer, 'POST', `/api/evidence/${entry.id}/review`, {
      decision: 'reject',
      note: 'No source for the claim.',
      revision: 1,
    });
    expect(res.json()).toMatchObject({ status: 'rejected', reviewNote: 'No source for the claim.' });
    expect((await get('/api/subjects/demo-rejected/evidence')).json()).toEqual([]);
    expect(kidsOf((await get('/api/subjects/demo-rejected/scorecard')).json())!.evidenceCount).toBe(0);
  });
});

describe('edits, corrections and revisions', () => {
  it('records every change as a revision: who, when and each field before and after', async () => {
    await newSubject('demo-revisions');
    const entry = await submit(volunteer, { subject: 'demo-revisions', title: 'Demo: first title' });
    const edited = await as(volunteer, 'PATCH', `/api/evidence/${entry.id}`, {
      title: 'Demo: better title',
      sources: [{ url: 'https://example.org/other', title: 'Other source' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Demo: better title',
      sources: [{ url: 'https://example.org/other', title: 'Other source', publisher: null }],
    });

    await as(reviewer, 'POST', `/api/evidence/${entry.id}/review`, { decision: 'publish', revision: 2 });
    expect((await as(volunteer, 'PATCH', `/api/evidence/${entry.id}`, { title: 'Too late' })).statusCode).toBe(409);

    const corrected = await as(secondReviewer, 'POST', `/api/evidence/${entry.id}/correct`, {
      rating: 1,
      note: 'The policy was only partly carried out.',
    });
    expect(corrected.statusCode, corrected.body).toBe(202);
    const approved = await as(admin, 'POST', `/api/changes/${corrected.json().change.id}/review`, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(kidsOf((await get('/api/subjects/demo-revisions/scorecard')).json())).toMatchObject({ score: 75, grade: 'B' });
    const shown = (await get('/api/subjects/demo-revisions/evidence')).json()[0];
    expect(shown).toMatchObject({ rating: 1, status: 'published', correctionNote: 'The policy was only partly carried out.' });
    expect(shown.correctedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const detail = (await as(admin, 'GET', `/api/evidence/${entry.id}`)).json();
    expect(detail.revisions.map((r: { action: string }) => r.action)).toEqual(['create', 'edit', 'publish', 'correct']);
    const [create, edit, publish, correct] = detail.revisions;
    expect(create.actor).toEqual({ id: volunteer.id, displayName: 'Zebediah Quillfeather' });
    expect(create.changes.title).toEqual([null, 'Demo: first title']);
    expect(edit.changes.title).toEqual(['Demo: first title', 'Demo: better title']);
    expect(edit.changes.sources[1]).toEqual([
      { url: 'https://example.org/other', title: 'Other source', publisher: null, archiveUrl: null },
    ]);
    expect(Object.keys(edit.changes).sort()).toEqual(['sources', 'title']);
    expect(publish.changes.status).toEqual(['pending', 'published']);
    expect(publish.actor.id).toBe(reviewer.id);
    expect(correct.changes.rating).toEqual([2, 1]);
    expect(correct.changes.correctionNote).toEqual([null, 'The policy was only partly carried out.']);
    for (const r of detail.revisions) expect(r.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // And each change is in the audit log with the entry before and after.
    const audit = (await as(admin, 'GET', `/api/audit?entityType=evidence&entityId=${entry.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual([
      'evidence.correct',
      'evidence.publish',
      'evidence.edit',
      'evidence.create',
    ]);
    expect(audit.items[0].before.rating).toBe(2);
    expect(audit.items[0].after.rating).toBe(1);
    expect(audit.items[0].actor.id).toBe(admin.id);
  });

  it('serves the pending queue oldest first, in pages', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await submit(volunteer, { title: `Demo: queued ${i}` })).id);
    const page = (await as(reviewer, 'GET', '/api/evidence?status=pending&pageSize=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items.every((e: { status: string }) => e.status === 'pending')).toBe(true);
    expect(page.items[0].id).toBeLessThan(page.items[1].id);
    const all = (await as(reviewer, 'GET', `/api/evidence?status=pending&pageSize=100`)).json().items.map((e: { id: number }) => e.id);
    expect(all).toEqual(expect.arrayContaining(ids));
    const own = await submit(reviewer, { title: 'Demo: the reviewer’s own' });
    const mine = (await as(reviewer, 'GET', '/api/evidence?mine=true&pageSize=100')).json().items.map((e: { id: number }) => e.id);
    expect(mine).toContain(own.id);
    expect(mine).not.toContain(ids[0]);
  });
});

describe('text is stored and returned exactly as typed', () => {
  it('keeps markup in a title as plain characters, in the workspace and in public', async () => {
    await newSubject('demo-markup');
    const title = '<img src=x onerror=alert(1)>';
    const summary = `"Quotes" & <script>alert('x')</script> — and ünïcode`;
    const entry = await submit(volunteer, { subject: 'demo-markup', title, summary });
    expect(entry.title).toBe(title);
    expect(entry.summary).toBe(summary);
    await as(reviewer, 'POST', `/api/evidence/${entry.id}/review`, { decision: 'publish', revision: 1 });
    const res = await get('/api/subjects/demo-markup/evidence');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()[0]).toMatchObject({ title, summary });
    const csv = (await get('/api/export/evidence.csv')).body;
    expect(csv).toContain(title);
  });
});

describe('bad input gets a 4xx naming the problem and stores nothing', () => {
  const counts = () => rowCounts(t, ['evidence', 'evidence_sources', 'evidence_revisions', 'audit_log']);

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a rating given as a string', { rating: '2' }, 'body.rating'],
    ['a rating of 3', { rating: 3 }, 'body.rating'],
    ['a fractional rating', { rating: 1.5 }, 'body.rating'],
    ['a missing title', { title: undefined }, 'body.title'],
    ['a blank title', { title: '   ' }, 'body.title'],
    ['a title longer than 300 characters', { title: 'x'.repeat(301) }, 'body.title'],
    ['an unknown kind', { kind: 'rumour' }, 'body.kind'],
    ['an impossible date', { occurredOn: '2025-02-30' }, 'body.occurredOn'],
    ['a date in the future', { occurredOn: '2999-01-01' }, 'body.occurredOn'],
    ['no sources', { sources: [] }, 'body.sources'],
    ['a javascript: source URL', { sources: [{ url: 'javascript:alert(1)', title: 'x' }] }, 'body.sources.0.url'],
    [
      'a data: archive URL',
      { sources: [{ url: 'https://example.org', title: 'x', archiveUrl: 'data:text/html,hi' }] },
      'body.sources.0.archiveUrl',
    ],
    ['an unknown subject', { subject: 'nobody-at-all' }, 'body.subject'],
    ['an unknown standard', { standard: 'speed' }, 'body.standard'],
    ['a field that does not exist', { status: 'published' }, 'body'],
  ];

  for (const [what, overrides, field] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await counts();
      const res = await as(volunteer, 'POST', '/api/evidence', evidenceBody(overrides));
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json();
      expect(body.error).toBe('validation');
      expect(body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(body.message).toContain(field);
      expect(await counts()).toEqual(before);
    });
  }

  it('refuses a body that is not JSON, and one of 10 MB, as JSON errors', async () => {
    const before = await counts();
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { ...volunteer.headers, 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toBe('invalid-json');
    const huge = await as(volunteer, 'POST', '/api/evidence', evidenceBody({ summary: 'x'.repeat(10 * 1024 * 1024) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: 'body-too-large' });
    expect(await counts()).toEqual(before);
  });

  it('refuses bad edits, reviews, corrections and retractions the same way', async () => {
    const entry = await submit(volunteer);
    const before = await counts();
    const attempts: Array<[TestUser, 'PATCH' | 'POST', string, unknown, string]> = [
      [volunteer, 'PATCH', `/api/evidence/${entry.id}`, { sources: [{ url: 'javascript:alert(1)', title: 'x' }] }, 'body.sources.0.url'],
      [volunteer, 'PATCH', `/api/evidence/${entry.id}`, {}, 'body'],
      [reviewer, 'POST', `/api/evidence/${entry.id}/review`, { decision: 'maybe' }, 'body.decision'],
      [reviewer, 'POST', `/api/evidence/${entry.id}/retract`, {}, 'body.reason'],
      [reviewer, 'POST', `/api/evidence/${entry.id}/correct`, { rating: 1 }, 'body.note'],
      [reviewer, 'POST', `/api/evidence/not-a-number/review`, { decision: 'publish', revision: 1 }, 'params.id'],
    ];
    for (const [user, method, url, payload, field] of attempts) {
      const res = await as(user, method, url, payload);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('headers on workspace answers', () => {
  it('sends a Content-Security-Policy and never lets a signed-in answer be cached', async () => {
    const res = await as(volunteer, 'GET', '/api/evidence');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Cross-origin pages may never read a signed-in answer: no credentials over CORS.
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('volunteers stay private', () => {
  it('never shows a submitter’s or reviewer’s name or email in public answers or exports', async () => {
    await newSubject('demo-private');
    const entry = await submit(volunteer, { subject: 'demo-private' });
    await as(reviewer, 'POST', `/api/evidence/${entry.id}/review`, { decision: 'publish', revision: 1 });
    const publicUrls = [
      '/api/subjects/demo-private/evidence',
      '/api/subjects/demo-private/scorecard',
      '/api/subjects',
      '/api/export/evidence.json',
      '/api/export/evidence.csv',
      '/api/elections/demo-2026-district-attorney',
      '/api/events',
      '/api/openapi.json',
    ];
    for (const url of publicUrls) {
      const body = (await get(url)).body;
      for (const secret of ['Zebediah', 'zebediah.q@example.org', 'Reviewer Marisol', reviewer.email]) {
        expect(body, `${url} shows ${secret}`).not.toContain(secret);
      }
    }
  });
});
