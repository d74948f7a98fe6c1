import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp, type TestUser } from '../../helper.js';

// Issue 17: names and other text refuse control characters (C0 and DEL; a multi-line field
// keeps tab and line breaks), once, in the shared schema building blocks, with a 400 that
// names the field. Nothing is stored.

let t: TestApp;
let admin: TestUser;
let volunteer: TestUser;
beforeAll(async () => {
  t = await buildTestApp({ pressure: { maxEventLoopDelay: 0, maxHeapUsedBytes: 0 } });
  admin = await createSignedInUser(t, 'admin');
  volunteer = await createSignedInUser(t, 'volunteer');
});
afterAll(async () => t?.close());

const person = (name: string) => ({
  slug: `demo-control-${Math.random().toString(36).slice(2, 8)}`,
  name,
  role: 'candidate',
  office: 'Demo office (test)',
});

describe('control characters', () => {
  it('refuses a person’s name with \\u0001, naming the field, and stores nothing', async () => {
    const before = (await t.app.inject('/api/subjects')).json().length;
    const res = await t.app.inject({ method: 'POST', url: '/api/subjects', headers: admin.headers, payload: person('Demo\u0001 Person') });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('validation');
    expect(body.details).toContainEqual({ field: 'body.name', message: expect.stringMatching(/control characters.*U\+0001/) });
    expect((await t.app.inject('/api/subjects')).json().length).toBe(before);
  });

  it.each([
    ['title', { title: 'Demo\u0001' }, 'body.title'],
    ['title with a tab', { title: 'Demo\ttitle' }, 'body.title'],
    ['summary with an escape', { summary: 'Line\u001b[31m red' }, 'body.summary'],
    ['source publisher', { sources: [{ url: 'https://example.org/x', title: 'T', publisher: 'P\u0000' }] }, 'body.sources.0.publisher'],
    ['source url', { sources: [{ url: 'https://example.org/\u0007', title: 'T' }] }, 'body.sources.0.url'],
  ])('refuses evidence whose %s has a control character', async (_name, fields, field) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/evidence', headers: volunteer.headers, payload: evidenceBody(fields) });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('keeps tabs and line breaks in a multi-line field', async () => {
    const summary = 'First paragraph.\n\n\tIndented second,\r\nwith Windows line ends.';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: volunteer.headers,
      payload: evidenceBody({ summary }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().summary).toBe(summary);
  });

  it('refuses a display name with a line break', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: volunteer.headers,
      payload: { displayName: 'Two\nlines' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('body.displayName');
  });

  it('reports the row and column of a CSV import row with a control character', async () => {
    const csv = [
      'subject,standard,rating,kind,title,summary,occurred_on,source_url,source_title',
      'demo-jordan-sample,kids,1,action,Demo\u0001 title,Summary,2025-01-01,https://example.org/a,Source',
    ].join('\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/import?dryRun=true',
      headers: volunteer.headers,
      payload: { csv },
    });
    expect(res.statusCode).toBe(200);
    const row = res.json().rows[0];
    expect(row.ok).toBe(false);
    expect(row.problems).toContainEqual({ column: 'title', message: expect.stringMatching(/control characters/) });
  });
});
