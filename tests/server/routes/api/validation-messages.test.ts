import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, evidenceBody, rowCounts, type TestApp, type TestUser } from '../../../helper.js';

/**
 * A refusal names the field and says its problem in plain words, also where a schema gives no
 * message of its own (server/schemas/plain-messages.ts): never zod's programmer wording.
 */
let t: TestApp;
let volunteer: TestUser;
let admin: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer');
  admin = await createSignedInUser(t, 'admin');
});
afterAll(() => t.close());

type Refusal = { error: string; message: string; details: Array<{ field: string; message: string }> };
const ZOD_WORDING = /Invalid input|Invalid option|expected \w+, received|Too (small|big)|Unrecognized key|Invalid (string|email|url)/i;

/** The refusal's problem for one field, after checking it is a 400 that speaks plainly throughout. */
function problemsOf(res: { statusCode: number; json: () => unknown }): Map<string, string> {
  expect(res.statusCode).toBe(400);
  const body = res.json() as Refusal;
  expect(body.error).toBe('validation');
  expect(body.message).not.toMatch(ZOD_WORDING);
  for (const d of body.details) expect(d.message, d.field).not.toMatch(ZOD_WORDING);
  return new Map(body.details.map((d) => [d.field, d.message]));
}

describe('a refused field, in plain words', () => {
  it('says a missing field is required and a field of the wrong type what it must be', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 1 } });
    const problems = problemsOf(res);
    expect(problems.get('body.email')).toBe('must be text');
    expect(problems.get('body.password')).toBe('is required');
  });

  it('lists the values a choice may take', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/share/people/demo-avery-placeholder.png?lang=fr' });
    expect(problemsOf(res).get('querystring.lang')).toBe('must be one of "en", "es"');
  });

  it('names the fields a request does not take, and stores nothing', async () => {
    const before = await rowCounts(t, ['evidence']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: volunteer.headers,
      payload: evidenceBody({ confidence: 'high' }),
    });
    expect([...problemsOf(res).values()]).toContain('has a field this request does not take: confidence');
    expect(await rowCounts(t, ['evidence'])).toEqual(before);
  });

  it('keeps a schema’s own, more specific, message', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: volunteer.headers,
      payload: evidenceBody({ rating: 7 }),
    });
    expect(problemsOf(res).get('body.rating')).toBe('must be from -2 to 2');
  });

  it('says a value is not a list, and a number out of range, in words', async () => {
    const sources = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: volunteer.headers,
      payload: evidenceBody({ sources: 'none' }),
    });
    expect(problemsOf(sources).get('body.sources')).toBe('must be a list');
    const page = await t.app.inject({ method: 'GET', url: '/api/audit?page=0&pageSize=500', headers: admin.headers });
    const problems = problemsOf(page);
    expect(problems.get('querystring.page')).toBe('must be at least 1');
    expect(problems.get('querystring.pageSize')).toBe('must be at most 100');
  });
});
