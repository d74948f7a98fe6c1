import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../../../core/calendar.js';
import { buildTestApp, countSql, createSignedInUser, runSql, type TestApp, type TestUser } from '../../../helper.js';

/** Issue 14: at most 500 rows per file and 2,000 rows per account per calendar day. */
let t: TestApp;
let volunteer: TestUser;
let other: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer');
  other = await createSignedInUser(t, 'volunteer');
});
afterAll(() => t.close());

const HEADER = 'subject,standard,rating,kind,title,summary,occurred_on,source_url,source_title';
const csvOf = (n: number, tag: string) =>
  [
    HEADER,
    ...Array.from(
      { length: n },
      (_, i) =>
        `demo-jordan-sample,kids,1,action,Demo: ${tag} row ${i + 1},Fictional.,2025-02-01,https://example.org/${tag}/${i + 1},Source ${i + 1}`,
    ),
  ].join('\n');
const importCsv = (user: TestUser, csv: string, dryRun: boolean) =>
  t.app.inject({ method: 'POST', url: `/api/evidence/import?dryRun=${dryRun}`, headers: user.headers, payload: { csv } });
const evidenceCount = () => countSql(t, sql`select count(*) from evidence`);
/** Sets how many rows the account has imported today, as if earlier imports had happened. */
const usedToday = (user: TestUser, rows: number) =>
  runSql(
    t,
    sql`insert into import_days (user_id, day, rows) values (${user.id}, ${today()}, ${rows}) on conflict (user_id, day) do update set rows = excluded.rows`,
  );

describe('import limits', () => {
  it('refuses a file of more than 500 rows, naming the limit', async () => {
    const res = await importCsv(volunteer, csvOf(501, 'big'), true);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ field: 'body.csv', message: 'has 501 rows; import at most 500 at a time' }]);
  });

  it('counts created rows per account and day, and says on the dry run how many are left', async () => {
    const dry = await importCsv(volunteer, csvOf(3, 'count'), true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().allowance).toEqual({ limit: 2000, used: 0, left: 2000, day: today(), enough: true });
    const done = await importCsv(volunteer, csvOf(3, 'count'), false);
    expect(done.json()).toMatchObject({ created: 3, allowance: { used: 3, left: 1997 } });
    // Rows already imported are skipped and not counted again; another account has its own count.
    expect((await importCsv(volunteer, csvOf(3, 'count'), false)).json()).toMatchObject({ created: 0, skipped: 3, allowance: { used: 3 } });
    expect((await importCsv(other, csvOf(1, 'other'), true)).json().allowance).toMatchObject({ used: 0, left: 2000 });
  });

  it('answers 429 with how many rows are left once the day’s 2,000 would be passed, creating nothing', async () => {
    await usedToday(volunteer, 1990);
    const dry = await importCsv(volunteer, csvOf(20, 'over'), true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().allowance).toMatchObject({ used: 1990, left: 10, enough: false });
    const before = await evidenceCount();
    const res = await importCsv(volunteer, csvOf(20, 'over'), false);
    expect(res.statusCode, res.body).toBe(429);
    expect(res.json()).toMatchObject({ error: 'import-limit', limit: 2000, used: 1990, left: 10, day: today() });
    expect(res.json().message).toBe(
      'This file would create 20 entries, but only 10 of your 2000 rows a day are left today. Import at most 10 rows now and the rest tomorrow.',
    );
    expect(await evidenceCount()).toBe(before);
    // Ten still fit; then none.
    expect((await importCsv(volunteer, csvOf(10, 'fits'), false)).json()).toMatchObject({ created: 10, allowance: { left: 0 } });
    const full = await importCsv(volunteer, csvOf(1, 'full'), false);
    expect(full.statusCode).toBe(429);
    expect(full.json()).toMatchObject({ left: 0 });
    expect(full.json().message).toMatch(/the most one account may import in a day/);
  });
});
