import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../../../server/schemas/evidence-import.js';
import { buildTestApp, createSignedInUser, type TestApp, type TestUser } from '../../helper.js';

// Issue 17: a volunteer's 500-row CSV is read and checked a slice at a time, yielding the event
// loop between slices, so public reads are answered while it runs.

let t: TestApp;
let volunteer: TestUser;
beforeAll(async () => {
  t = await buildTestApp({ pressure: { maxEventLoopDelay: 0, maxHeapUsedBytes: 0 } });
  volunteer = await createSignedInUser(t, 'volunteer');
});
afterAll(async () => t?.close());

const HEADER = 'subject,standard,rating,kind,title,summary,occurred_on,source_url,source_title';
const rows = (n: number) =>
  [
    HEADER,
    ...Array.from(
      { length: n },
      (_, i) => `demo-jordan-sample,kids,1,action,Demo imported ${i},"Fictional, row ${i}",2025-01-01,https://example.org/${i},Source ${i}`,
    ),
  ].join('\n');

describe('CSV import off the request’s event-loop turn', () => {
  it('lets the event loop run many times, and a public read finish, while a 500-row file is checked', async () => {
    let turns = 0;
    let importing = true;
    const tick = () => {
      if (!importing) return;
      turns++;
      setImmediate(tick);
    };
    const running = t.app.inject({
      method: 'POST',
      url: '/api/evidence/import?dryRun=true',
      headers: volunteer.headers,
      payload: { csv: rows(MAX_IMPORT_ROWS) },
    });
    setImmediate(tick);
    let readDoneWhileImporting = false;
    const read = t.app.inject('/api/standards').then((res) => {
      readDoneWhileImporting = importing;
      return res;
    });
    const res = await running;
    importing = false;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: MAX_IMPORT_ROWS, invalid: 0 });
    expect((await read).statusCode).toBe(200);
    expect(readDoneWhileImporting).toBe(true);
    // 500 rows at 25 per turn, plus the file's slices: at least 20 turns given to others.
    expect(turns).toBeGreaterThanOrEqual(20);
  });

  it('refuses a file with more rows than allowed', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/import?dryRun=true',
      headers: volunteer.headers,
      payload: { csv: rows(MAX_IMPORT_ROWS + 50) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      { field: 'body.csv', message: `has ${MAX_IMPORT_ROWS + 50} rows; import at most ${MAX_IMPORT_ROWS} at a time` },
    ]);
  });

  it('keeps a multi-byte character split across two slices intact', async () => {
    const birds = '🐦'.repeat(2000); // 4 bytes each: 8,000 bytes across the first 16 KB boundary
    const before = rows(90); // about 10 KB of ordinary rows
    let pad = '';
    // Shift the birds until the 16 KB boundary falls in the middle of one.
    while ((16 * 1024 - Buffer.byteLength(`${before}\ndemo-jordan-sample,kids,1,action,Demo${pad},"`)) % 4 !== 2) pad += 'a';
    const csv = `${before}\ndemo-jordan-sample,kids,1,action,Demo${pad},"${birds}",2025-01-01,https://example.org/a,Source`;
    const offset = Buffer.byteLength(`${before}\ndemo-jordan-sample,kids,1,action,Demo${pad},"`);
    expect(offset).toBeLessThan(16 * 1024);
    expect(offset + Buffer.byteLength(birds)).toBeGreaterThan(16 * 1024);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/import?dryRun=true',
      headers: volunteer.headers,
      payload: { csv },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().valid).toBe(91);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/import?dryRun=false',
      headers: volunteer.headers,
      payload: { csv },
    });
    const id = created.json().rows[90].id as number;
    const stored = await t.app.inject({ url: `/api/evidence/${id}`, headers: volunteer.headers });
    expect(stored.json().summary).toBe(birds);
  });
});
