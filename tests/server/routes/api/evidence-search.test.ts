import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp, type TestUser } from '../../../helper.js';

/** Finding any entry: GET /api/evidence's filters, full-text search, order and paging. */

let t: TestApp;
let volunteer: TestUser;
let otherVolunteer: TestUser;
let reviewer: TestUser;
let admin: TestUser;
const ids: Record<string, number> = {};

const as = (user: TestUser, url: string, method: 'GET' | 'POST' | 'PATCH' = 'GET', payload?: unknown) =>
  t.app.inject({ method, url, headers: user.headers, payload: payload as never });

async function submit(user: TestUser, overrides: Record<string, unknown>) {
  const res = await as(user, '/api/evidence', 'POST', evidenceBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

/** The ids a list answer holds, in order. */
async function found(user: TestUser, query: string): Promise<number[]> {
  const res = await as(user, `/api/evidence?pageSize=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((e: { id: number }) => e.id);
}

beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer', { displayName: 'Volunteer Ottoline' });
  otherVolunteer = await createSignedInUser(t, 'volunteer', { displayName: 'Volunteer Barnaby' });
  reviewer = await createSignedInUser(t, 'reviewer');
  admin = await createSignedInUser(t, 'admin');
  const person = await as(admin, '/api/subjects', 'POST', {
    slug: 'demo-finder',
    name: 'Demo Finder (demo)',
    role: 'candidate',
    office: 'Candidate (demo)',
  });
  expect(person.statusCode, person.body).toBe(201);
  ids.summaryWord = await submit(volunteer, {
    subject: 'demo-finder',
    title: 'Demo: Quillback memo',
    summary: 'The office declined to file a juvenile transfer motion in the Quixotic case.',
    occurredOn: '2024-02-10',
    sources: [{ url: 'https://example.org/finder/one', title: 'County bulletin' }],
  });
  ids.sourceWord = await submit(volunteer, {
    subject: 'demo-finder',
    standard: 'pretrial',
    title: 'Demo: release numbers',
    summary: 'Monthly figures.',
    occurredOn: '2024-06-01',
    sources: [{ url: 'https://example.org/finder/two', title: 'Marzipan Gazette report' }],
  });
  // Same source as the first (after normalising the address): a duplicate pair.
  ids.duplicate = await submit(otherVolunteer, {
    subject: 'demo-finder',
    title: 'Demo: another look at the memo',
    summary: 'A second entry on the same document.',
    occurredOn: '2024-03-05',
    sources: [{ url: 'https://EXAMPLE.org/finder/one/', title: 'County bulletin again' }],
  });
  const review = await as(reviewer, `/api/evidence/${ids.sourceWord}/review`, 'POST', { decision: 'publish', revision: 1 });
  expect(review.statusCode, review.body).toBe(200);
});
afterAll(() => t.close());

describe('full-text search (q)', () => {
  it('finds an entry by a word of its summary, of its title, and of a source title', async () => {
    expect(await found(reviewer, 'q=quixotic')).toEqual([ids.summaryWord]);
    expect(await found(reviewer, 'q=quillback')).toEqual([ids.summaryWord]);
    expect(await found(reviewer, 'q=marzipan')).toEqual([ids.sourceWord]);
  });

  it('matches word beginnings and other forms of a word, needs every word, and reads FTS syntax as plain words', async () => {
    expect(await found(reviewer, 'q=quixo')).toEqual([ids.summaryWord]);
    expect(await found(reviewer, 'subject=demo-finder&q=decline')).toEqual([ids.summaryWord]);
    expect(await found(reviewer, 'q=quixotic%20marzipan')).toEqual([]);
    for (const q of ['"quixotic', 'quixotic*', 'summary:quixotic', 'NEAR(quixotic)', 'quixotic AND', '(']) {
      const res = await as(reviewer, `/api/evidence?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    }
  });

  it('follows edits: a new title and new sources are found, the old words no longer', async () => {
    const id = await submit(volunteer, { subject: 'demo-finder', title: 'Demo: Xylophone hearing', summary: 'Plain.' });
    expect(await found(volunteer, 'q=xylophone')).toEqual([id]);
    const edit = await as(volunteer, `/api/evidence/${id}`, 'PATCH', {
      title: 'Demo: Kettledrum hearing',
      sources: [{ url: 'https://example.org/finder/three', title: 'Ocarina weekly' }],
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await found(volunteer, 'q=xylophone')).toEqual([]);
    expect(await found(volunteer, 'q=kettledrum')).toEqual([id]);
    expect(await found(volunteer, 'q=ocarina')).toEqual([id]);
    expect(await found(volunteer, 'q=test%20source')).not.toContain(id);
  });
});

describe('filters', () => {
  it('by status, person, standard, submitter, date range and duplicates', async () => {
    expect(await found(reviewer, 'subject=demo-finder&status=published')).toEqual([ids.sourceWord]);
    expect(await found(reviewer, 'subject=demo-finder&standard=pretrial')).toEqual([ids.sourceWord]);
    expect(await found(reviewer, `subject=demo-finder&submitter=${otherVolunteer.id}`)).toEqual([ids.duplicate]);
    expect(await found(reviewer, 'subject=demo-finder&from=2024-03-01&to=2024-06-01&sort=occurred&order=asc')).toEqual([
      ids.duplicate,
      ids.sourceWord,
    ]);
    expect(await found(reviewer, 'subject=demo-finder&duplicates=true&sort=submitted&order=asc')).toEqual([ids.summaryWord, ids.duplicate]);
    expect(await found(reviewer, 'subject=demo-finder&duplicates=false')).toContain(ids.sourceWord);
    expect(await found(reviewer, 'subject=demo-finder&duplicates=false')).not.toContain(ids.duplicate);
  });

  it('combines the search with filters', async () => {
    expect(await found(reviewer, 'q=memo&submitter=' + volunteer.id)).toEqual([ids.summaryWord]);
    expect(await found(reviewer, 'q=memo&status=published')).toEqual([]);
  });

  it('notMine leaves out your own entries; the submitters list names who submitted, without emails', async () => {
    expect(await found(otherVolunteer, 'subject=demo-finder')).toEqual([ids.duplicate]);
    expect(await found(volunteer, 'subject=demo-finder&notMine=true')).toEqual([]);
    const submitters = await as(reviewer, '/api/evidence/submitters');
    expect(submitters.statusCode).toBe(200);
    expect(submitters.json()).toContainEqual({ id: otherVolunteer.id, displayName: 'Volunteer Barnaby', entries: 1 });
    expect(submitters.body).not.toContain('@');
    expect((await as(volunteer, '/api/evidence/submitters')).statusCode).toBe(403);
  });

  it('answers bad filters with a 400 naming the parameter, never a 500', async () => {
    for (const [query, field] of [
      ['standard=nope', 'querystring.standard'],
      ['subject=nobody-here', 'querystring.subject'],
      ['from=2024-13-01', 'querystring.from'],
      ['sort=relevance', 'querystring.sort'],
      ['after=3&sort=title', 'querystring.after'],
      ['duplicates=maybe', 'querystring.duplicates'],
    ]) {
      const res = await as(reviewer, `/api/evidence?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(
        res.json().details.map((d: { field: string }) => d.field),
        query,
      ).toContain(field);
    }
  });
});

describe('volunteers see only their own', () => {
  it('whatever they search or filter for', async () => {
    expect(await found(otherVolunteer, 'q=quixotic')).toEqual([]);
    expect(await found(otherVolunteer, `submitter=${volunteer.id}`)).toEqual([]);
    expect(await found(volunteer, 'q=memo')).toEqual([ids.summaryWord]);
  });
});

describe('paging and order', () => {
  it('pages without repeating or skipping, in every order, and after= keeps its place while a queue shrinks', async () => {
    const all = await found(admin, 'sort=submitted&order=asc');
    const total = (await as(admin, '/api/evidence?pageSize=1')).json().total as number;
    expect(all.length).toBe(Math.min(total, 100));
    for (const sort of ['submitted', 'occurred', 'title', 'person', 'standard', 'status', 'updated']) {
      const seen: number[] = [];
      for (let page = 1; page <= Math.ceil(total / 7); page += 1) {
        const res = await as(admin, `/api/evidence?sort=${sort}&pageSize=7&page=${page}`);
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items.map((e: { id: number }) => e.id));
      }
      expect(new Set(seen).size, sort).toBe(total);
    }
    const titles = (await as(admin, '/api/evidence?sort=title&pageSize=100'))
      .json()
      .items.map((e: { title: string }) => e.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));

    const first = (await as(admin, '/api/evidence?sort=submitted&order=asc&pageSize=3')).json();
    const next = (await as(admin, `/api/evidence?sort=submitted&order=asc&pageSize=3&after=${first.items[2].id}`)).json();
    expect(next.items.map((e: { id: number }) => e.id)).toEqual(all.slice(3, 6));
    expect(next.total).toBe(total);
  });
});
