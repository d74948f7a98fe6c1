import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, countSql, createSignedInUser, evidenceBody, runSql, type TestApp, type TestUser } from '../../../helper.js';

/** Issue 14: deleting or archiving people, elections and events; who is in office. */
let t: TestApp;
let admin: TestUser;
let volunteer: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createSignedInUser(t, 'admin');
  volunteer = await createSignedInUser(t, 'volunteer');
});
afterAll(() => t.close());

const as = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: user.headers, payload: payload as never });
const count = (table: string, where = '1 = 1') => countSql(t, sql.raw(`select count(*) from ${table} where ${where}`));

async function person(slug: string, name: string, role = 'candidate') {
  const res = await as(admin, 'POST', '/api/subjects', { slug, name, role, office: 'Candidate for District Attorney' });
  expect(res.statusCode, res.body).toBe(201);
}

async function publishedEntry(subject: string, title: string) {
  const created = await as(volunteer, 'POST', '/api/evidence', evidenceBody({ subject, title }));
  expect(created.statusCode, created.body).toBe(201);
  const review = await as(admin, 'POST', `/api/evidence/${created.json().id}/review`, {
    decision: 'publish',
    revision: created.json().revision,
  });
  expect(review.statusCode, review.body).toBe(200);
  return created.json().id as number;
}

describe('deleting a person', () => {
  it('deletes someone nothing published depends on, with their pending entries, after showing what goes', async () => {
    await person('pat-mistake', 'Pat Mistake');
    const pending = await as(volunteer, 'POST', '/api/evidence', evidenceBody({ subject: 'pat-mistake', title: 'Pending about Pat' }));
    expect(pending.statusCode).toBe(201);
    const plan = await as(admin, 'GET', '/api/subjects/pat-mistake/removal');
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json()).toEqual({
      outcome: 'delete',
      archivedAt: null,
      keptBy: { publishedEvidence: 0, publishedReplies: 0, elections: 0 },
      deletedWith: { unpublishedEvidence: 1, unpublishedReplies: 0, candidates: 0, events: 0 },
    });
    const res = await as(admin, 'DELETE', '/api/subjects/pat-mistake');
    expect(res.statusCode, res.body).toBe(204);
    expect((await t.app.inject('/api/subjects/pat-mistake')).statusCode).toBe(404);
    expect(await count('evidence', `id = ${pending.json().id}`)).toBe(0);
    expect(await count('evidence_sources', 'evidence_id not in (select id from evidence)')).toBe(0);
    const audit = (await as(admin, 'GET', '/api/audit?entityType=subject')).json();
    expect(audit.items[0]).toMatchObject({ action: 'subject.delete', actor: { id: admin.id }, before: { slug: 'pat-mistake' } });
  });

  it('refuses (409) to delete someone with published evidence, changing nothing, and archives them instead', async () => {
    await person('lee-onrecord', 'Lee Onrecord');
    const entry = await publishedEntry('lee-onrecord', 'Published about Lee');
    const plan = (await as(admin, 'GET', '/api/subjects/lee-onrecord/removal')).json();
    expect(plan).toMatchObject({ outcome: 'archive', keptBy: { publishedEvidence: 1 } });
    const before = await count('audit_log');
    const refused = await as(admin, 'DELETE', '/api/subjects/lee-onrecord');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'in-use' });
    expect(refused.json().message).toMatch(/Lee Onrecord cannot be deleted: 1 published evidence entry .*Archive them instead/);
    expect(await count('audit_log')).toBe(before);

    const archived = await as(admin, 'POST', '/api/subjects/lee-onrecord/archive');
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).toEqual(expect.any(String));
    // Hidden from the public lists and the home page…
    const listed = (await t.app.inject('/api/subjects')).json() as Array<{ slug: string }>;
    expect(listed.map((s) => s.slug)).not.toContain('lee-onrecord');
    expect((await t.app.inject('/')).body).not.toContain('/people/lee-onrecord');
    // …but kept: the admins' list, the person's URL with an "archived" note, the entry.
    const all = (await t.app.inject('/api/subjects?include=archived')).json() as Array<{ slug: string }>;
    expect(all.map((s) => s.slug)).toContain('lee-onrecord');
    expect((await t.app.inject('/api/subjects/lee-onrecord')).json().archivedAt).toEqual(expect.any(String));
    const page = await t.app.inject('/people/lee-onrecord');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/class="archived-note" role="note">Archived on .*kept for the record/);
    expect(page.body).toContain('Published about Lee');
    const es = await t.app.inject('/es/people/lee-onrecord');
    expect(es.body).toContain('Archivado el');
    expect((await t.app.inject(`/api/evidence/${entry}`)).statusCode).toBe(200);

    const restored = await as(admin, 'POST', '/api/subjects/lee-onrecord/restore');
    expect(restored.json().archivedAt).toBeNull();
    expect(((await t.app.inject('/api/subjects')).json() as Array<{ slug: string }>).map((s) => s.slug)).toContain('lee-onrecord');
    const actions = ((await as(admin, 'GET', '/api/audit?entityType=subject')).json().items as Array<{ action: string }>).map(
      (i) => i.action,
    );
    expect(actions.slice(0, 2)).toEqual(['subject.restore', 'subject.archive']);
  });

  it('counts a candidacy as depending on the person', async () => {
    await person('sam-candidate', 'Sam Candidate');
    expect(
      (
        await as(admin, 'POST', '/api/elections', {
          slug: 'test-2031',
          name: 'Test 2031',
          electionDate: '2031-11-04',
          candidates: ['sam-candidate'],
        })
      ).statusCode,
    ).toBe(201);
    expect((await as(admin, 'GET', '/api/subjects/sam-candidate/removal')).json()).toMatchObject({
      outcome: 'archive',
      keptBy: { elections: 1 },
    });
    expect((await as(admin, 'DELETE', '/api/subjects/sam-candidate')).statusCode).toBe(409);
  });

  it('is for admins only, and answers 404 for nobody', async () => {
    expect((await as(volunteer, 'DELETE', '/api/subjects/demo-riley-example')).statusCode).toBe(403);
    expect((await as(volunteer, 'POST', '/api/subjects/demo-riley-example/archive')).statusCode).toBe(403);
    expect((await as(volunteer, 'GET', '/api/subjects/demo-riley-example/removal')).statusCode).toBe(403);
    expect((await as(admin, 'DELETE', '/api/subjects/no-such-person')).statusCode).toBe(404);
    expect((await as(admin, 'POST', '/api/subjects/no-such-person/archive')).statusCode).toBe(404);
  });
});

describe('deleting or archiving elections and events', () => {
  it('deletes an election (its candidates stay), or archives it with its page still answering', async () => {
    await person('kim-stays', 'Kim Stays');
    await as(admin, 'POST', '/api/elections', {
      slug: 'typo-2032',
      name: 'Typo 2032',
      electionDate: '2032-11-02',
      candidates: ['kim-stays'],
    });
    expect((await as(admin, 'GET', '/api/elections/typo-2032/removal')).json()).toMatchObject({
      outcome: 'delete',
      deletedWith: { candidates: 1 },
    });
    expect((await as(admin, 'DELETE', '/api/elections/typo-2032')).statusCode).toBe(204);
    expect((await t.app.inject('/api/elections/typo-2032')).statusCode).toBe(404);
    expect((await t.app.inject('/api/subjects/kim-stays')).statusCode).toBe(200);

    await as(admin, 'POST', '/api/elections', {
      slug: 'held-2024',
      name: 'Held 2024',
      electionDate: '2024-11-05',
      candidates: ['kim-stays'],
    });
    expect((await as(admin, 'POST', '/api/elections/held-2024/archive')).statusCode).toBe(200);
    const listed = (await t.app.inject('/api/elections')).json() as Array<{ slug: string }>;
    expect(listed.map((e) => e.slug)).not.toContain('held-2024');
    expect(((await t.app.inject('/api/elections?include=archived')).json() as Array<{ slug: string }>).map((e) => e.slug)).toContain(
      'held-2024',
    );
    const page = await t.app.inject('/elections/held-2024');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('archived-note');
  });

  it('archives and restores an event, hidden from the public list meanwhile', async () => {
    const created = await as(admin, 'POST', '/api/events', {
      title: 'Forum kept for the record',
      startsAt: '2030-10-01T18:30:00-07:00',
      place: 'Library',
    });
    const id = created.json().id as number;
    expect((await as(admin, 'GET', `/api/events/${id}/removal`)).json()).toMatchObject({ outcome: 'delete' });
    expect((await as(admin, 'POST', `/api/events/${id}/archive`)).json().archivedAt).toEqual(expect.any(String));
    expect(((await t.app.inject('/api/events')).json() as Array<{ id: number }>).some((e) => e.id === id)).toBe(false);
    expect((await t.app.inject('/events')).body).not.toContain('Forum kept for the record');
    expect(((await t.app.inject('/api/events?include=archived')).json() as Array<{ id: number }>).some((e) => e.id === id)).toBe(true);
    expect((await as(admin, 'POST', `/api/events/${id}/restore`)).json().archivedAt).toBeNull();
    expect((await as(admin, 'DELETE', `/api/events/${id}`)).statusCode).toBe(204);
  });
});

describe('the District Attorney today', () => {
  it('starts as the demo incumbent, moves to the person an admin marks (one at a time), and says so when nobody is', async () => {
    const home = async () => (await t.app.inject('/')).body;
    expect(await home()).toMatch(/incumbent__name"><a href="\/people\/demo-avery-placeholder"/);
    // A real person whose role says incumbent is not shown until marked…
    await person('river-real', 'River Real', 'incumbent');
    expect(await home()).toMatch(/incumbent__name"><a href="\/people\/demo-avery-placeholder"/);
    // …and once marked, replaces the demo person, who is unmarked.
    const marked = await as(admin, 'POST', '/api/subjects/river-real/in-office');
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ slug: 'river-real', inOffice: true });
    expect(await home()).toMatch(/incumbent__name"><a href="\/people\/river-real"/);
    const inOffice = ((await t.app.inject('/api/subjects')).json() as Array<{ slug: string; inOffice: boolean }>).filter((s) => s.inOffice);
    expect(inOffice.map((s) => s.slug)).toEqual(['river-real']);

    // Archiving the person in office clears the mark; an archived person cannot be marked.
    expect((await as(admin, 'POST', '/api/subjects/river-real/archive')).statusCode).toBe(200);
    expect(await home()).toContain('No one is marked as the District Attorney in office yet.');
    const refused = await as(admin, 'POST', '/api/subjects/river-real/in-office');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('archived');
    await as(admin, 'POST', '/api/subjects/river-real/restore');
    await as(admin, 'POST', '/api/subjects/river-real/in-office');
    expect((await as(admin, 'DELETE', '/api/subjects/river-real/in-office')).statusCode).toBe(204);
    expect(await home()).toContain('No one is marked as the District Attorney in office yet.');
    expect((await t.app.inject('/es/')).body).toContain('Todavía no se ha marcado a nadie');
    expect((await as(volunteer, 'POST', '/api/subjects/river-real/in-office')).statusCode).toBe(403);
  });

  it('the database itself refuses a second person in office', async () => {
    // TRUE is 1 on SQLite (3.23 and later) and a boolean on PostgreSQL.
    await runSql(t, sql`update subjects set in_office = true where slug = 'demo-jordan-sample'`);
    // drizzle wraps the driver's error: SQLite's says "UNIQUE constraint failed", PostgreSQL's
    // "duplicate key value violates unique constraint".
    await expect(runSql(t, sql`update subjects set in_office = true where slug = 'demo-riley-example'`)).rejects.toHaveProperty(
      'cause.message',
      expect.stringMatching(/unique/i),
    );
  });
});
