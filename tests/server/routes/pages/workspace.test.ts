import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeNext } from '../../../../server/routes/workspace/index.js';
import { buildTestApp, createSignedInUser, type TestApp, type TestUser } from '../../../helper.js';

let t: TestApp;
let volunteer: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer', { displayName: 'Vol <b>Unteer</b>' });
  reviewer = await createSignedInUser(t, 'reviewer');
});
afterAll(() => t.close());

const pageData = (body: string) => JSON.parse(/<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(body)![1]);

describe('workspace pages', () => {
  it('serve sign-in to signed-out visitors of /workspace, uncached and not indexed', async () => {
    const res = await t.app.inject('/workspace');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(pageData(res.body)).toMatchObject({ view: 'sign-in', account: null });
  });

  it('send signed-out visitors of any other screen to sign-in with the way back', async () => {
    for (const path of [
      '/workspace/evidence/new',
      '/workspace/review',
      '/workspace/import',
      '/workspace/admin/audit',
      '/workspace/evidence/5',
    ]) {
      const res = await t.app.inject(path);
      expect(res.statusCode, path).toBe(302);
      expect(res.headers.location).toBe(`/workspace?next=${encodeURIComponent(path)}`);
    }
    expect((await t.app.inject('/workspace/invite')).statusCode).toBe(200);
    const slash = await t.app.inject('/workspace/?next=%2Fworkspace%2Freview');
    expect(slash.statusCode).toBe(301);
    expect(slash.headers.location).toBe('/workspace?next=%2Fworkspace%2Freview');
  });

  it('return a signed-in visitor to `next`, but only inside the workspace', async () => {
    const res = await t.app.inject({ url: '/workspace?next=%2Fworkspace%2Fimport', headers: { cookie: volunteer.cookie } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/workspace/import');
    for (const next of ['https://evil.example/', '//evil.example', '/workspace//evil.example', '/\\evil.example', '/people/x'])
      expect(safeNext(next), next).toBeNull();
    expect(safeNext('/workspace/evidence/3?x=1')).toBe('/workspace/evidence/3?x=1');
  });

  it('name the screen and the account in the page data, with stored text escaped', async () => {
    const res = await t.app.inject({ url: '/workspace/evidence/7/edit', headers: { cookie: volunteer.cookie } });
    expect(res.statusCode).toBe(200);
    expect(pageData(res.body)).toMatchObject({ view: 'evidence-edit', id: 7, account: { id: volunteer.id, role: 'volunteer' } });
    expect(res.body).not.toContain('<b>Unteer</b>');
    // Volunteers are not offered the reviewers' and admins' screens.
    expect(res.body).not.toContain('href="/workspace/review"');
  });

  it('answer 403 below the needed role and 404 for unknown screens', async () => {
    expect((await t.app.inject({ url: '/workspace/review', headers: { cookie: volunteer.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/workspace/review', headers: { cookie: reviewer.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/workspace/admin', headers: { cookie: reviewer.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/workspace/admin/nothing', headers: { cookie: reviewer.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/workspace/evidence/abc', headers: { cookie: reviewer.cookie } })).statusCode).toBe(404);
  });
});
