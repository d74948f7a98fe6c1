import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../db/schema/index.js';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp, type TestUser } from '../../helper.js';

let t: TestApp;
let admin: TestUser;
let volunteer: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createSignedInUser(t, 'admin');
  volunteer = await createSignedInUser(t, 'volunteer');
});
afterAll(() => t.close());

const tableNames = Object.values(schema)
  .filter((value) => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value)
  .map((table) => getTableName(table as never));

describe('the data version', () => {
  it('moves with a committed write to any table, whoever makes it', () => {
    expect(tableNames.length).toBeGreaterThan(5);
    for (const name of tableNames) {
      const before = t.app.dataVersion.value;
      // A no-op update of every row still counts as a write: this is what any repository's
      // insert, update or delete looks like to SQLite.
      const written = t.app.db.run(sql.raw(`UPDATE "${name}" SET rowid = rowid`));
      if (written.changes === 0) continue;
      expect(t.app.dataVersion.value, name).not.toBe(before);
    }
  });

  it('stays put while nothing is written, so cached answers are reused', async () => {
    await t.app.inject('/api/subjects/demo-avery-placeholder/scorecard');
    const before = t.app.dataVersion.value;
    await t.app.inject('/api/subjects/demo-avery-placeholder/scorecard');
    await t.app.inject('/api/standards');
    expect(t.app.dataVersion.value).toBe(before);
  });

  it('drops cached public answers after write routes, with no route announcing anything', async () => {
    const as = (user: TestUser, method: 'POST' | 'PATCH', url: string, payload: unknown) =>
      t.app.inject({ method, url, headers: user.headers, payload: payload as never });
    const subject = () => t.app.inject('/api/subjects/demo-jordan-sample').then((r) => r.json());
    const scorecard = () => t.app.inject('/api/subjects/demo-jordan-sample/scorecard').then((r) => r.json());

    expect((await subject()).bio).not.toBe('Edited by the data-version test.');
    expect((await as(admin, 'PATCH', '/api/subjects/demo-jordan-sample', { bio: 'Edited by the data-version test.' })).statusCode).toBe(
      200,
    );
    expect((await subject()).bio).toBe('Edited by the data-version test.');

    const countBefore = (await scorecard()).evidenceCount;
    const created = await as(volunteer, 'POST', '/api/evidence', evidenceBody({ title: 'Demo: counts once published' }));
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json();
    const review = await as(admin, 'POST', `/api/evidence/${entry.id}/review`, { decision: 'publish', revision: entry.revision });
    expect(review.statusCode, review.body).toBe(200);
    expect((await scorecard()).evidenceCount).toBe(countBefore + 1);
  });
});

describe('routes', () => {
  it('never announce changes by hand: invalidation belongs to the database layer', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    const offenders = files('server/routes').filter((file) => /dataVersion\.bump|\.bump\(\)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
