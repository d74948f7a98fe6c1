import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { closeEndpoint, copyDatabase, openEndpoint, tablesInDependencyOrder, type Endpoint } from '../../db/copy.js';
import { migrateDatabase } from '../../db/migrate.js';
import * as pgSchema from '../../db/schema/pg/index.js';
import * as sqliteSchema from '../../db/schema/sqlite/index.js';
import { seedDemo, seedStandards } from '../../db/seed/index.js';
import { dumpTables } from '../database-dump.js';
import { onPostgres, testSchema } from '../postgres.js';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-copy-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, name);
}

/** An SQLite file with the standards, the demo data, an account with a session, an audit entry and a logo. */
async function demoFile(): Promise<string> {
  const path = tempFile('source.db');
  const db = openDatabase(path);
  migrateDatabase(db);
  await seedStandards(db);
  await seedDemo(db);
  const [user] = db
    .insert(sqliteSchema.users)
    .values({ email: 'copy@example.org', displayName: 'Copy Test', role: 'admin', passwordHash: 'x', totpLastStep: 7 })
    .returning()
    .all();
  db.insert(sqliteSchema.sessions).values({ tokenHash: 'h', userId: user!.id, expiresAt: '2030-01-01T00:00:00.000Z' }).run();
  db.insert(sqliteSchema.auditLog)
    .values({ actorId: user!.id, action: 'test', entityType: 'user', after: { nested: [1, 'two'] } })
    .run();
  // Bytes too: the coalition's logo (a blob on SQLite, bytea on PostgreSQL).
  db.insert(sqliteSchema.siteSettings)
    .values({
      id: 1,
      coalitionName: 'Copy Coalition',
      logoPng: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255, 7]),
      logoEtag: '"copy"',
      logoWidth: 1,
      logoHeight: 1,
    })
    .run();
  db.$client.close();
  return path;
}

async function opened(where: string, role: 'source' | 'target'): Promise<Endpoint> {
  const end = await openEndpoint(where, role);
  cleanup.push(() => closeEndpoint(end));
  return end;
}

/** Every table the two schemas describe, as the SQLite engine stores it. */
function drizzleTables(path: string) {
  const db = openDatabase(path);
  const dump = dumpTables(db.$client);
  db.$client.close();
  const names = new Set(tablesInDependencyOrder().map((t) => t.name));
  return Object.fromEntries(Object.entries(dump).filter(([name]) => names.has(name)));
}

describe('tables in dependency order', () => {
  it('put every parent before its children', () => {
    const order = tablesInDependencyOrder().map((t) => t.name);
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('evidence'));
    expect(order.indexOf('subjects')).toBeLessThan(order.indexOf('evidence'));
    expect(order.indexOf('evidence')).toBeLessThan(order.indexOf('evidence_sources'));
    expect(order.indexOf('reply_links')).toBeLessThan(order.indexOf('replies'));
    expect(order).toHaveLength(30);
  });
});

describe.skipIf(!onPostgres)('db:copy between SQLite and PostgreSQL', () => {
  it('copies every row to PostgreSQL and back unchanged, with identity sequences moved past the copied ids', async () => {
    const sourcePath = await demoFile();
    const s = await testSchema();
    cleanup.push(s.drop);
    const pgUrl = `${s.url}?schema=${s.schema}`;

    const report = await copyDatabase(await opened(sourcePath, 'source'), await opened(pgUrl, 'target'));
    expect(report.scorecards).toBe(3);
    expect(report.tables.find((t) => t.name === 'evidence')!.rows).toBeGreaterThan(30);

    const pg = (await opened(pgUrl, 'source')) as Extract<Endpoint, { engine: 'postgres' }>;
    const [audit] = await pg.db.select().from(pgSchema.auditLog);
    expect(audit).toMatchObject({ action: 'test', after: { nested: [1, 'two'] } });
    const people = await pg.db.select().from(pgSchema.subjects).orderBy(asc(pgSchema.subjects.id));
    expect(people.every((p) => p.demo === true)).toBe(true);
    const [added] = await pg.db
      .insert(pgSchema.subjects)
      .values({ slug: 'demo-new', name: 'New', role: 'former', office: 'DA' })
      .returning();
    expect(added!.id).toBe(people.at(-1)!.id + 1);
    await pg.db.delete(pgSchema.subjects).where(eq(pgSchema.subjects.id, added!.id));

    const backPath = tempFile('back.db');
    const back = await copyDatabase(pg, await opened(backPath, 'target'));
    expect(back.tables).toEqual(report.tables);
    expect(drizzleTables(backPath)).toEqual(drizzleTables(sourcePath));
  });

  it('refuses a target that holds data, and rolls everything back when a scorecard would differ', async () => {
    const sourcePath = await demoFile();
    const s = await testSchema();
    cleanup.push(s.drop);
    const pgUrl = `${s.url}?schema=${s.schema}`;
    const target = (await opened(pgUrl, 'target')) as Extract<Endpoint, { engine: 'postgres' }>;

    // A target that changes what it is given: every rating written becomes -2.
    await target.db.$client.query(`
      create function flatten() returns trigger language plpgsql as $$ begin new.rating := -2; return new; end $$;
      create trigger flatten before insert on evidence for each row execute function flatten();`);
    await expect(copyDatabase(await opened(sourcePath, 'source'), target)).rejects.toThrow(
      /the copy does not match its source, nothing was written: the scorecard of demo-[a-z-]+ differs/,
    );
    const [{ n }] = (await target.db.$client.query<{ n: number }>('select count(*)::int as n from standards')).rows as [{ n: number }];
    expect(n).toBe(0);

    await target.db.$client.query('drop trigger flatten on evidence');
    await target.db.insert(pgSchema.standards).values({ number: 1, slug: 'kids', title: 'T', summary: 'S', daPower: 'P', indicators: [] });
    await expect(copyDatabase(await opened(sourcePath, 'source'), target)).rejects.toThrow(
      /already holds data in standards \(1\): copy into a new, empty database/,
    );
  });
});
