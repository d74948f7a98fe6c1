import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../../../core/calendar.js';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp, type TestUser } from '../../../helper.js';

// An election's life cycle as voters and admins meet it (issue 15): before election day the
// pages urge registration (and, past the deadline, California's same-day registration), on
// the day they say so, after it they wait for results, and once an admin enters the results
// they show them and urge nothing. Every date is relative to Sacramento's today.

/** Today plus `days` in Sacramento, as YYYY-MM-DD. */
function day(days: number): string {
  const [y, m, d] = today().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  // No demo data: its election has a fixed date, which would be past or future depending on the day.
  t = await buildTestApp({ seedDemo: false });
  admin = await createSignedInUser(t, 'admin');
  for (const slug of ['casey-one', 'drew-two']) {
    const res = await as('POST', '/api/subjects', {
      slug,
      name: slug === 'casey-one' ? 'Casey One' : 'Drew Two',
      role: 'candidate',
      office: 'Lawyer',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

const as = (method: 'POST' | 'PATCH', url: string, payload: unknown) =>
  t.app.inject({ method, url, headers: admin.headers, payload: payload as never });
const page = async (url: string) => {
  const res = await t.app.inject(url);
  expect(res.statusCode).toBe(200);
  return res.body;
};

async function election(slug: string, electionDate: string, registrationDeadline: string | null) {
  const res = await as('POST', '/api/elections', {
    slug,
    name: `Election ${slug}`,
    electionDate,
    ...(registrationDeadline ? { registrationDeadline } : {}),
    candidates: ['casey-one', 'drew-two'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('an election page through its life cycle', () => {
  it('before the deadline: register by the deadline, with same-day registration named as the fallback', async () => {
    await election('soon', day(40), day(25));
    const html = await page('/elections/soon');
    expect(html).toContain('data-phase="registering"');
    expect(html).toContain('Register to vote by');
    expect(html).toContain('conditional voter registration');
    expect(html).toContain('href="https://registertovote.ca.gov/"');
    const es = await page('/es/elections/soon');
    expect(es).toContain('regístrese a más tardar');
    expect(es).toContain('inscripción condicional de votantes');
  });

  it('after the deadline, before the day: same-day (conditional) registration at a vote center', async () => {
    await election('closing', day(5), day(-2));
    const html = await page('/elections/closing');
    expect(html).toContain('data-phase="same-day-registration"');
    expect(html).toMatch(/The deadline to register online or by mail was .+ You can still register and vote on the same day/);
    expect(html).not.toContain('Register to vote by');
  });

  it('on election day: polls are open, same-day registration still works', async () => {
    await election('today', day(0), day(-15));
    const html = await page('/elections/today');
    expect(html).toContain('data-phase="election-day"');
    expect(html).toContain('Today is election day');
  });

  it('after the day: waits for the results, urging no registration; once an admin enters them, shows them', async () => {
    const created = await election('past', day(-3), day(-18));
    expect(created.results).toBeNull();
    let html = await page('/elections/past');
    expect(html).toContain('data-phase="counting"');
    expect(html).toContain('The results will appear here once they are known');
    expect(html).not.toContain('registertovote');

    const edited = await as('PATCH', '/api/elections/past', { results: 'Drew Two won with 52% of the vote.' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().results).toBe('Drew Two won with 52% of the vote.');
    expect((await t.app.inject('/api/elections/past')).json().results).toBe('Drew Two won with 52% of the vote.');
    html = await page('/elections/past');
    expect(html).toContain('data-phase="results"');
    expect(html).toContain('<h2 id="results-heading">Results</h2>');
    expect(html).toContain('Drew Two won with 52% of the vote.');
    expect(html).not.toContain('registertovote');
    expect(html).not.toContain('conditional voter registration');
    // In Spanish, the results (written in English) are marked as English.
    expect(await page('/es/elections/past')).toContain('<span lang="en">Drew Two won with 52% of the vote.</span>');

    // Cleared by sending null; a blank or too long text is refused naming the field, nothing changed.
    const blank = await as('PATCH', '/api/elections/past', { results: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details[0].field).toBe('body.results');
    expect((await as('PATCH', '/api/elections/past', { results: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await t.app.inject('/api/elections/past')).json().results).toBe('Drew Two won with 52% of the vote.');
    expect((await as('PATCH', '/api/elections/past', { results: null })).json().results).toBeNull();
  });
});

describe('the home page’s election', () => {
  it('is the nearest one not yet past, whatever order they were added in, and never a past one while one is coming', async () => {
    // Elections so far: soon (+40), closing (+5), today (0), past (-3).
    let home = await page('/');
    expect(home).toContain('href="/elections/today"');
    expect(home).not.toContain('href="/elections/past"');
    await election('tomorrow-ish', day(1), null);
    home = await page('/');
    expect(home).toContain('href="/elections/today"');
    expect(home).toContain('data-phase="election-day"');
  });

  it('after the last election, is the most recent past one with its results', async () => {
    const fresh = await buildTestApp({ seedDemo: false });
    try {
      const boss = await createSignedInUser(fresh, 'admin');
      const post = (payload: object) =>
        fresh.app.inject({ method: 'POST', url: '/api/elections', headers: boss.headers, payload: payload as never });
      expect((await post({ slug: 'long-ago', name: 'Long ago', electionDate: day(-800) })).statusCode).toBe(201);
      expect((await post({ slug: 'recent', name: 'Recent', electionDate: day(-10), results: 'Someone won.' })).statusCode).toBe(201);
      const home = (await fresh.app.inject('/')).body;
      expect(home).toContain('href="/elections/recent"');
      expect(home).not.toContain('href="/elections/long-ago"');
      expect(home).toContain('data-phase="results"');
      expect(home).toContain('Someone won.');
      expect(home).not.toContain('registertovote');
    } finally {
      await fresh.close();
    }
  });
});

describe('each candidate’s standing', () => {
  it('says on how many standards they lead, trail and lack evidence, in English and Spanish', async () => {
    for (const [subject, standard, rating] of [
      ['casey-one', 'kids', 2],
      ['drew-two', 'kids', -1],
      ['casey-one', 'equity', -2],
      ['drew-two', 'equity', 1],
      ['casey-one', 'bias', 0],
      ['drew-two', 'bias', 0],
      ['drew-two', 'health', 2],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/evidence',
        headers: admin.headers,
        payload: evidenceBody({ subject, standard, rating, occurredOn: day(-30) }) as never,
      });
      expect(res.statusCode, res.body).toBe(201);
      const reviewer = await createSignedInUser(t, 'reviewer');
      const review = await t.app.inject({
        method: 'POST',
        url: `/api/evidence/${res.json().id}/review`,
        headers: reviewer.headers,
        payload: { decision: 'publish', revision: res.json().revision } as never,
      });
      expect(review.statusCode, review.body).toBe(200);
    }
    const html = await page('/elections/soon');
    const standing = (slug: string, body = html) => body.match(new RegExp(`data-standing="${slug}">([^<]*)<`))![1];
    expect(standing('casey-one')).toBe('Leads on 1 standard, trails on 1, tied on 1; not enough evidence on 7.');
    expect(standing('drew-two')).toBe(
      'Leads on 1 standard, trails on 1, tied on 1; the only candidate with evidence on 1 standard; not enough evidence on 6.',
    );
    const es = await page('/es/elections/soon');
    expect(standing('casey-one', es)).toBe(
      'Tiene la puntuación más alta en 1 estándar, queda por debajo en 1, empata en 1; no hay suficiente evidencia en 7.',
    );
  });
});
