import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp, type TestUser } from '../../../helper.js';

/** The audit log answers questions: rows as sentences' parts, and filters. */

let t: TestApp;
let volunteer: TestUser;
let reviewer: TestUser;
let admin: TestUser;
let entryId: number;

const as = (user: TestUser, url: string, method: 'GET' | 'POST' | 'PATCH' = 'GET', payload?: unknown) =>
  t.app.inject({ method, url, headers: user.headers, payload: payload as never });

interface Row {
  action: string;
  actor: { id: number; displayName: string } | null;
  entityType: string;
  entityId: string | null;
  target: string | null;
  entryId: number | null;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  createdAt: string;
}

async function log(user: TestUser, query: string): Promise<{ items: Row[]; total: number }> {
  const res = await as(user, `/api/audit?pageSize=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer', { displayName: 'Volunteer Perpetua', email: 'perpetua@example.org' });
  reviewer = await createSignedInUser(t, 'reviewer', { displayName: 'Reviewer Isidore' });
  admin = await createSignedInUser(t, 'admin', { displayName: 'Admin Cosima' });
  const created = await as(volunteer, '/api/evidence', 'POST', evidenceBody({ title: 'Demo: the audited entry' }));
  expect(created.statusCode, created.body).toBe(201);
  entryId = created.json().id;
  const edited = await as(volunteer, `/api/evidence/${entryId}`, 'PATCH', { rating: -1 });
  expect(edited.statusCode, edited.body).toBe(200);
  const published = await as(reviewer, `/api/evidence/${entryId}/review`, 'POST', { decision: 'publish', revision: 2 });
  expect(published.statusCode, published.body).toBe(200);
  const person = await as(admin, '/api/subjects/demo-riley-example', 'PATCH', { office: 'Audited office (demo)' });
  expect(person.statusCode, person.body).toBe(200);
  const role = await as(admin, `/api/users/${volunteer.id}`, 'PATCH', { displayName: 'Volunteer Perpetua R.' });
  expect(role.statusCode, role.body).toBe(200);
});
afterAll(() => t.close());

describe('each row reads as a sentence', () => {
  it('who (display name), did what, to what (the entry title), when, with the changed fields before and after', async () => {
    const { items } = await log(admin, `entityType=evidence&entityId=${entryId}`);
    expect(items.map((r) => r.action)).toEqual(['evidence.publish', 'evidence.edit', 'evidence.create']);
    const [publish, edit] = items;
    expect(publish).toMatchObject({ actor: { displayName: 'Reviewer Isidore' }, target: 'Demo: the audited entry', entryId });
    expect(publish.changes).toContainEqual({ field: 'status', before: 'pending', after: 'published' });
    expect(edit.changes).toEqual([{ field: 'rating', before: 2, after: -1 }]);
    expect(Date.parse(edit.createdAt)).not.toBeNaN();
  });

  it("names a person by name, and an account by email for admins only; reviewers never see accounts' rows", async () => {
    const person = (await log(admin, 'subject=demo-riley-example')).items[0];
    expect(person).toMatchObject({ action: 'subject.update', target: expect.stringContaining('Riley') });
    expect(person.changes).toEqual([{ field: 'office', before: expect.any(String), after: 'Audited office (demo)' }]);
    expect((await log(reviewer, 'subject=demo-riley-example')).items[0]).toMatchObject({ action: 'subject.update' });

    const account = (await log(admin, `entityType=user&entityId=${volunteer.id}&action=user.update`)).items[0];
    expect(account.target).toBe('perpetua@example.org');
    const asReviewer = await log(reviewer, '');
    expect(asReviewer.items.every((r) => r.entityType !== 'user' && r.entityType !== 'invite')).toBe(true);
    expect(JSON.stringify(asReviewer)).not.toContain('@example.org');
    expect((await as(volunteer, '/api/audit')).statusCode).toBe(403);
    expect((await as(volunteer, '/workspace/history?subject=demo-riley-example')).statusCode).toBe(403);
    expect((await as(reviewer, '/workspace/history?subject=demo-riley-example')).statusCode).toBe(200);
  });
});

describe('filters', () => {
  it('by actor, action, entity and date; sign-ins only when asked for', async () => {
    const byReviewer = await log(admin, `actorId=${reviewer.id}`);
    expect(byReviewer.items.map((r) => r.action)).toEqual(['evidence.publish']);
    const publishes = await log(admin, 'action=evidence.publish');
    expect(publishes.items.every((r) => r.action === 'evidence.publish')).toBe(true);
    expect(publishes.items.map((r) => r.entryId)).toContain(entryId);

    const today = new Date().toISOString().slice(0, 10);
    expect((await log(admin, `from=${today}&to=${today}&actorId=${reviewer.id}`)).total).toBe(1);
    expect((await log(admin, `to=2000-01-01&actorId=${reviewer.id}`)).total).toBe(0);
    expect((await log(admin, `from=2999-01-01`)).total).toBe(0);

    // createSignedInUser opened a session for each account: a sign-in, recorded but hidden.
    expect((await log(admin, `actorId=${volunteer.id}`)).items.map((r) => r.action)).not.toContain('session.create');
    expect((await log(admin, `actorId=${volunteer.id}&signIns=true`)).items.map((r) => r.action)).toContain('session.create');
  });

  it('answers a bad filter with a 400 naming it', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'querystring.from'],
      ['subject=nobody-at-all', 'querystring.subject'],
      ['actorId=0', 'querystring.actorId'],
    ]) {
      const res = await as(admin, `/api/audit?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});
