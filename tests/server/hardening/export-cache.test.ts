import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, createSignedInUser, type TestApp } from '../../helper.js';

// Issue 17: exports are built once per data version, kept on disk with a gzip copy, and
// served with a strong ETag and 304s.

let t: TestApp;
let builds: ReturnType<typeof vi.spyOn>;
beforeAll(async () => {
  t = await buildTestApp({ pressure: { maxEventLoopDelay: 0, maxHeapUsedBytes: 0 } });
  builds = vi.spyOn(t.app.repositories.evidence, 'listPublic');
});
afterAll(async () => t?.close());

const csv = (headers: Record<string, string> = {}) => t.app.inject({ url: '/api/export/evidence.csv', headers });

describe('the export files', () => {
  it('builds the CSV once for any number of concurrent and later downloads', async () => {
    const before = builds.mock.calls.length;
    const answers = await Promise.all(Array.from({ length: 16 }, () => csv()));
    for (const res of answers) {
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(answers[0].body);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="evidence.csv"');
      expect(res.headers['cache-control']).toMatch(/^public/);
    }
    expect(answers[0].body).toMatch(/^id,subject,standard,rating/);
    await csv();
    expect(builds.mock.calls.length - before).toBe(1);
  });

  it('sends the gzip copy to a client that accepts it, and a 304 for its ETag', async () => {
    const plain = await csv();
    const zipped = await csv({ 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.rawPayload.length);
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(plain.headers.etag).toMatch(/^"[\w-]+"$/);
    const again = await csv({ 'if-none-match': plain.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('builds a new file after a write, and drops the old one', async () => {
    const first = await csv();
    const admin = await createSignedInUser(t, 'admin');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/subjects/demo-avery-placeholder',
      headers: admin.headers,
      payload: { office: 'Demo office, renamed by a test' },
    });
    expect(res.statusCode).toBe(200);
    const second = await csv();
    expect(second.statusCode).toBe(200);
    const stale = await csv({ 'if-none-match': first.headers.etag as string });
    // The entries are unchanged, so the content (and its ETag) is too: still a 304.
    expect(stale.statusCode).toBe(second.headers.etag === first.headers.etag ? 304 : 200);
    const dir = join(t.dir, 'cache');
    const files = readdirSync(dir).filter((f) => f.startsWith('evidence.csv.'));
    expect(files).toHaveLength(2); // the current file and its gzip copy
  });

  it('keeps the cache folder and its files private (0700 / 0600)', async () => {
    await t.app.inject('/api/export/evidence.json');
    const dir = join(t.dir, 'cache');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
  });

  it('serves the JSON export the same way, only public fields', async () => {
    const res = await t.app.inject('/api/export/evidence.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const entries = res.json();
    expect(entries.length).toBeGreaterThan(10);
    expect(Object.keys(entries[0])).not.toContain('submittedBy');
  });
});
