import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, type TestApp, type TestUser } from '../../../helper.js';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createSignedInUser(t, 'admin', { displayName: 'Admin Ada' });
});
afterAll(() => t.close());

const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: admin.headers, payload: payload as never });
const get = (url: string) => t.app.inject({ url });

describe('subjects', () => {
  it('creates and edits a person, shown publicly at once; the slug is fixed', async () => {
    const created = await as('POST', '/api/subjects', {
      slug: 'demo-casey-new',
      name: 'Casey New (demo)',
      role: 'candidate',
      office: 'Candidate (demo)',
      website: 'https://example.org/casey',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'demo-casey-new', demo: false, bio: null });
    expect((await get('/api/subjects')).json().map((s: { slug: string }) => s.slug)).toContain('demo-casey-new');

    const edited = await as('PATCH', '/api/subjects/demo-casey-new', { bio: 'A fictional candidate.', website: null });
    expect(edited.json()).toMatchObject({ bio: 'A fictional candidate.', website: null, name: 'Casey New (demo)' });
    expect((await get('/api/subjects/demo-casey-new')).json().bio).toBe('A fictional candidate.');

    expect((await as('PATCH', '/api/subjects/demo-casey-new', { slug: 'other' })).statusCode).toBe(400);
    expect((await as('POST', '/api/subjects', { slug: 'demo-casey-new', name: 'x', role: 'candidate', office: 'x' })).statusCode).toBe(409);
    expect(
      (
        await as('POST', '/api/subjects', { slug: 'demo-bad', name: 'x', role: 'candidate', office: 'x', photoUrl: 'javascript:alert(1)' })
      ).json().details[0].field,
    ).toBe('body.photoUrl');
    expect((await as('PATCH', '/api/subjects/nobody', { name: 'x' })).statusCode).toBe(404);
  });
});

describe('elections', () => {
  it('creates an election with candidates in ballot order and edits it', async () => {
    const created = await as('POST', '/api/elections', {
      slug: 'demo-2030-da',
      name: '2030 DA election (demo)',
      electionDate: '2030-11-05',
      candidates: ['demo-riley-example', 'demo-jordan-sample'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().candidates.map((c: { slug: string }) => c.slug)).toEqual(['demo-riley-example', 'demo-jordan-sample']);

    const edited = await as('PATCH', '/api/elections/demo-2030-da', {
      candidates: ['demo-jordan-sample'],
      registrationDeadline: '2030-10-20',
    });
    expect(edited.json()).toMatchObject({ registrationDeadline: '2030-10-20', candidates: [{ slug: 'demo-jordan-sample' }] });
    const detail = (await get('/api/elections/demo-2030-da')).json();
    expect(detail.candidates.map((c: { slug: string }) => c.slug)).toEqual(['demo-jordan-sample']);
    expect(detail.candidates[0].scorecard.subject.slug).toBe('demo-jordan-sample');

    const bad = await as('PATCH', '/api/elections/demo-2030-da', { candidates: ['demo-jordan-sample', 'nobody'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('body.candidates.1');
  });
});

describe('events', () => {
  it('announces, edits and removes an event, storing its start in UTC', async () => {
    const created = await as('POST', '/api/events', {
      title: 'Candidate forum (demo)',
      startsAt: '2030-10-01T18:30:00-07:00',
      place: 'Central Library',
      subjects: ['demo-jordan-sample'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect(created.json()).toMatchObject({ startsAt: '2030-10-02T01:30:00.000Z', subjects: [{ slug: 'demo-jordan-sample' }] });
    expect((await as('PATCH', `/api/events/${id}`, { place: 'Town hall' })).json().place).toBe('Town hall');
    expect((await get('/api/events?when=upcoming')).json().map((e: { id: number }) => e.id)).toContain(id);
    expect((await as('DELETE', `/api/events/${id}`)).statusCode).toBe(204);
    expect((await get('/api/events')).json().map((e: { id: number }) => e.id)).not.toContain(id);
    expect((await as('DELETE', `/api/events/${id}`)).statusCode).toBe(404);
    expect((await as('POST', '/api/events', { title: 'x', startsAt: 'next tuesday', place: 'x' })).json().details[0].field).toBe(
      'body.startsAt',
    );
  });
});

describe('standards', () => {
  it('edits a standard’s text but never its slug or number', async () => {
    const res = await as('PATCH', '/api/standards/kids', { summary: 'A clearer summary for voters.', indicators: ['One', 'Two'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ slug: 'kids', number: 3, summary: 'A clearer summary for voters.', indicators: ['One', 'Two'] });
    expect((await get('/api/standards/kids')).json().summary).toBe('A clearer summary for voters.');
    for (const body of [{ slug: 'children' }, { number: 1 }]) {
      expect((await as('PATCH', '/api/standards/kids', body)).statusCode).toBe(400);
    }
    expect((await get('/api/standards')).json().map((s: { number: number }) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('text in other languages', () => {
  it('edits a standard’s Spanish text without touching the English', async () => {
    const english = (await get('/api/standards/bias?lang=en')).json();
    const res = await as('PATCH', '/api/standards/bias?lang=es', { summary: 'Un resumen más claro.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ lang: 'es', summary: 'Un resumen más claro.' });
    expect((await get('/api/standards/bias?lang=es')).json()).toMatchObject({
      summary: 'Un resumen más claro.',
      textLanguages: { summary: 'es' },
    });
    expect((await get('/api/standards/bias?lang=en')).json().summary).toBe(english.summary);
    expect((await as('PATCH', '/api/standards/bias?lang=fr', { summary: 'x' })).json().details[0].field).toBe('querystring.lang');
  });

  it('edits the methodology’s plain-language text per language, shown publicly at once', async () => {
    const res = await as('PATCH', '/api/methodology?lang=es', { steps: ['Primer paso.', 'Segundo paso.'] });
    expect(res.statusCode, res.body).toBe(200);
    const shown = (await get('/api/methodology?lang=es')).json();
    expect(shown.steps).toEqual(['Primer paso.', 'Segundo paso.']);
    const englishReview = (await get('/api/methodology?lang=en')).json().review;
    await as('PATCH', '/api/methodology', { review: ['Two people check every entry.'] });
    expect((await get('/api/methodology')).json().review).toEqual(['Two people check every entry.']);
    expect(englishReview).not.toEqual(['Two people check every entry.']);
    expect((await as('PATCH', '/api/methodology', {})).statusCode).toBe(400);
  });
});

describe('users and the audit log', () => {
  it('changes a role, which takes effect on the next request, and lists accounts in pages', async () => {
    const volunteer = await createSignedInUser(t, 'volunteer');
    const queue = () => t.app.inject({ url: '/api/evidence?status=pending', headers: volunteer.headers });
    expect((await queue()).json().items.every((e: { submittedBy: { id: number } | null }) => e.submittedBy?.id === volunteer.id)).toBe(
      true,
    );
    const res = await as('PATCH', `/api/users/${volunteer.id}`, { role: 'reviewer' });
    expect(res.json().role).toBe('reviewer');
    expect((await t.app.inject({ url: '/api/auth/me', headers: volunteer.headers })).json().role).toBe('reviewer');
    const page = (await as('GET', '/api/users?pageSize=1')).json();
    expect(page).toMatchObject({ page: 1, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(page)).not.toMatch(/password/i);
  });

  it('records every write with actor, action, entity, before and after, newest first, in pages', async () => {
    await as('PATCH', '/api/subjects/demo-riley-example', { bio: 'Audited bio.' });
    const first = (await as('GET', '/api/audit?pageSize=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({
      action: 'subject.update',
      entityType: 'subject',
      actor: { id: admin.id, displayName: 'Admin Ada' },
      after: { bio: 'Audited bio.' },
    });
    expect(first.items[0].before.bio).not.toBe('Audited bio.');
    const second = (await as('GET', '/api/audit?pageSize=2&page=2')).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    expect(second.total).toBe(first.total);
    // Secrets never reach the log.
    const everything = (await as('GET', '/api/audit?pageSize=100')).body;
    expect(everything).not.toMatch(/passwordHash|tokenHash|\$argon2/);
  });
});
