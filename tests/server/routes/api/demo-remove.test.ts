import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp, type TestUser, countSql } from '../../../helper.js';

let t: TestApp;
let admin: TestUser;
let volunteer: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createSignedInUser(t, 'admin', { displayName: 'Admin Ada' });
  volunteer = await createSignedInUser(t, 'volunteer');
});
afterAll(() => t.close());

const as = (user: TestUser, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: user.headers, payload: payload as never });
const count = (table: string, where = '1 = 1') => countSql(t, sql.raw(`select count(*) from ${table} where ${where}`));

describe('removing the demo', () => {
  it('deletes every demo row, keeps the real person, entry and election, and logs it', async () => {
    // A real (non-demo) record, fictional for the test: a person in office, an election that
    // also lists a demo candidate, and a published entry with its source.
    expect(
      (
        await as(admin, 'POST', '/api/subjects', {
          slug: 'morgan-testcase',
          name: 'Morgan Testcase',
          role: 'incumbent',
          office: 'District Attorney',
        })
      ).statusCode,
    ).toBe(201);
    const election = await as(admin, 'POST', '/api/elections', {
      slug: 'real-2030',
      name: 'Election 2030',
      electionDate: '2030-11-05',
      candidates: ['morgan-testcase', 'demo-jordan-sample'],
    });
    expect(election.statusCode, election.body).toBe(201);
    const created = await as(volunteer, 'POST', '/api/evidence', evidenceBody({ subject: 'morgan-testcase', title: 'A real entry kept' }));
    expect(created.statusCode, created.body).toBe(201);
    const realId = created.json().id as number;
    expect(
      (await as(admin, 'POST', `/api/evidence/${realId}/review`, { decision: 'publish', revision: created.json().revision })).statusCode,
    ).toBe(200);

    // Before: the demo incumbent is in office until an admin marks the real one, who then
    // replaces them on the home page (issue 14: the in-office mark, not the role).
    expect((await t.app.inject('/')).body).toMatch(/incumbent__name"><a href="\/people\/demo-avery-placeholder"/);
    expect((await as(admin, 'POST', '/api/subjects/morgan-testcase/in-office')).statusCode).toBe(200);
    const homeBefore = (await t.app.inject('/')).body;
    expect(homeBefore).toContain('demo-banner');
    expect(homeBefore).toMatch(/incumbent__name"><a href="\/people\/morgan-testcase"/);

    const demoEntries = await count('evidence', 'demo');
    expect(demoEntries).toBeGreaterThan(0);
    const res = await as(admin, 'POST', '/api/admin/demo/remove');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ people: 3, elections: 1, events: expect.any(Number), evidence: demoEntries });
    expect(res.json().events).toBeGreaterThan(0);

    for (const table of ['subjects', 'elections', 'events', 'evidence']) expect(await count(table, 'demo'), table).toBe(0);
    expect(await count('evidence_sources', 'evidence_id not in (select id from evidence)')).toBe(0);
    expect(await count('evidence_revisions', 'evidence_id not in (select id from evidence)')).toBe(0);

    expect((await t.app.inject('/api/subjects/morgan-testcase')).statusCode).toBe(200);
    const kept = await as(admin, 'GET', `/api/evidence/${realId}`);
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ title: 'A real entry kept', status: 'published' });
    expect(kept.json().sources).toHaveLength(1);
    const realElection = (await t.app.inject('/api/elections/real-2030')).json();
    expect(realElection.candidates.map((c: { slug: string }) => c.slug)).toEqual(['morgan-testcase']);

    const audit = (await as(admin, 'GET', '/api/audit?entityType=demo')).json();
    expect(audit.items[0]).toMatchObject({ action: 'demo.remove', actor: { id: admin.id }, after: res.json() });

    for (const page of ['/', '/people/morgan-testcase', '/elections/real-2030', '/es/']) {
      const html = (await t.app.inject(page)).body;
      expect(html, page).not.toContain('demo-banner');
    }
    // Running it again finds nothing to delete.
    expect((await as(admin, 'POST', '/api/admin/demo/remove')).json()).toEqual({ people: 0, elections: 0, events: 0, evidence: 0 });
  });

  it('says so on the home page when nobody is marked as in office', async () => {
    expect(
      (await as(admin, 'POST', '/api/subjects', { slug: 'casey-former', name: 'Casey Former', role: 'former', office: 'Former DA' }))
        .statusCode,
    ).toBe(201);
    expect((await as(admin, 'DELETE', '/api/subjects/morgan-testcase/in-office')).statusCode).toBe(204);
    const html = (await t.app.inject('/')).body;
    expect(html).toContain('No one is marked as the District Attorney in office yet.');
    expect(html).not.toContain('incumbent__name');
  });

  it('is refused to reviewers and changes nothing', async () => {
    const reviewer = await createSignedInUser(t, 'reviewer');
    const before = await count('audit_log');
    expect((await as(reviewer, 'POST', '/api/admin/demo/remove')).statusCode).toBe(403);
    expect(await count('audit_log')).toBe(before);
  });
});
