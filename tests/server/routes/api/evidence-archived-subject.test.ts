import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp, type TestUser } from '../../../helper.js';

// No evidence about an archived person (issue 11): an API client posting by slug, an import row
// naming them, or an edit moving an entry onto them is refused, naming the person field, and
// nothing is stored. An entry already about them when they were archived can still be edited.

let t: TestApp;
let volunteer: TestUser;
let admin: TestUser;
let before: number;

const as = (user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: user.headers, payload: payload as never });
const count = async () => (await as(volunteer, 'GET', '/api/evidence?mine=true&pageSize=100')).json().total as number;

beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer');
  admin = await createSignedInUser(t, 'admin');
  const created = await as(admin, 'POST', '/api/subjects', {
    slug: 'ari-archived',
    name: 'Ari Archived',
    role: 'candidate',
    office: 'Candidate',
  });
  expect(created.statusCode, created.body).toBe(201);
  // An entry logged while Ari was on the scorecard, still pending when they are archived.
  const pending = await as(volunteer, 'POST', '/api/evidence', evidenceBody({ subject: 'ari-archived', title: 'Demo: before archiving' }));
  expect(pending.statusCode, pending.body).toBe(201);
  const archived = await as(admin, 'POST', '/api/subjects/ari-archived/archive');
  expect(archived.statusCode, archived.body).toBe(200);
  before = await count();
});
afterAll(() => t.close());

describe('evidence about an archived person', () => {
  it('is refused on POST /api/evidence with a 409 naming the subject field, storing nothing', async () => {
    const res = await as(volunteer, 'POST', '/api/evidence', evidenceBody({ subject: 'ari-archived' }));
    expect(res.statusCode, res.body).toBe(409);
    const message = 'Ari Archived is archived, so no evidence can be logged about them; an admin can restore them first';
    expect(res.json()).toEqual({ error: 'archived', message: `body.subject: ${message}`, details: [{ field: 'body.subject', message }] });
    expect(await count()).toBe(before);
  });

  it('is a row problem in the import, in the subject column, whether named by slug or by name', async () => {
    const header = 'subject,standard,rating,kind,title,summary,occurred_on,source_url,source_title';
    const csv = [
      header,
      'ari-archived,kids,1,action,Demo: by slug,Fictional.,2025-02-01,https://example.org/a,A',
      'Ari Archived,kids,1,action,Demo: by name,Fictional.,2025-02-01,https://example.org/b,B',
    ].join('\n');
    for (const dryRun of [true, false]) {
      const res = await as(volunteer, 'POST', `/api/evidence/import?dryRun=${dryRun}`, { csv });
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      expect(report).toMatchObject({ valid: 0, invalid: 2, created: 0 });
      for (const row of report.rows) {
        expect(row.ok).toBe(false);
        expect(row.problems).toEqual([
          {
            column: 'subject',
            message: 'Ari Archived is archived, so no evidence can be logged about them; an admin can restore them first',
          },
        ]);
      }
    }
    expect(await count()).toBe(before);
  });

  it('refuses moving an entry onto an archived person, and still lets an entry already about them be edited', async () => {
    const other = await as(volunteer, 'POST', '/api/evidence', evidenceBody({ title: 'Demo: about someone else' }));
    const moved = await as(volunteer, 'PATCH', `/api/evidence/${other.json().id}`, { subject: 'ari-archived' });
    expect(moved.statusCode, moved.body).toBe(409);
    expect(moved.json().details).toEqual([{ field: 'body.subject', message: expect.stringContaining('Ari Archived is archived') }]);
    expect((await as(volunteer, 'GET', `/api/evidence/${other.json().id}`)).json().subject).toBe('demo-jordan-sample');

    const mine = (await as(volunteer, 'GET', '/api/evidence?mine=true&pageSize=100')).json().items as Array<{ id: number; title: string }>;
    const old = mine.find((e) => e.title === 'Demo: before archiving')!;
    const edited = await as(volunteer, 'PATCH', `/api/evidence/${old.id}`, {
      subject: 'ari-archived',
      title: 'Demo: before archiving, edited',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ subject: 'ari-archived', title: 'Demo: before archiving, edited' });
  });

  it('refuses a correction moving a published entry onto an archived person, proposing nothing', async () => {
    const reviewer = await createSignedInUser(t, 'reviewer');
    const entry = (await as(volunteer, 'POST', '/api/evidence', evidenceBody({ title: 'Demo: published, then corrected' }))).json();
    const published = await as(admin, 'POST', `/api/evidence/${entry.id}/review`, { decision: 'publish', revision: entry.revision });
    expect(published.statusCode, published.body).toBe(200);
    const proposed = await as(reviewer, 'POST', `/api/evidence/${entry.id}/correct`, { note: 'Wrong person', subject: 'ari-archived' });
    expect(proposed.statusCode, proposed.body).toBe(409);
    expect(proposed.json()).toMatchObject({ error: 'archived', details: [{ field: 'body.subject' }] });
    // Nothing is left open: a correction of another field can still be proposed.
    const other = await as(reviewer, 'POST', `/api/evidence/${entry.id}/correct`, { note: 'Typo', title: 'Demo: corrected title' });
    expect(other.statusCode, other.body).toBe(202);
  });

  it('is accepted again once the person is restored', async () => {
    expect((await as(admin, 'POST', '/api/subjects/ari-archived/restore')).statusCode).toBe(200);
    const res = await as(volunteer, 'POST', '/api/evidence', evidenceBody({ subject: 'ari-archived', title: 'Demo: after restoring' }));
    expect(res.statusCode, res.body).toBe(201);
  });
});
