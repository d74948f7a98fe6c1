import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPgReachable, openPgDatabase, type PgDb } from '../../db/pg/connection.js';
import { startPgDataVersion, type PgDataVersion } from '../../db/pg/data-version.js';
import { migratePgDatabase } from '../../db/pg/migrate.js';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrateDatabase } from '../../db/migrate.js';
import { seedDemo, seedStandards } from '../../db/seed/index.js';
import * as pgSchema from '../../db/schema/pg/index.js';
import { subjects } from '../../db/schema/pg/index.js';
import { onPostgres, TEST_DATABASE_URL, testSchema, type TestSchema } from '../postgres.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function migrated(): Promise<TestSchema> {
  const s = await testSchema();
  cleanup.push(s.drop);
  await migratePgDatabase(s.url, s.schema);
  return s;
}

function open(s: TestSchema): PgDb {
  const db = openPgDatabase(s.url, { schema: s.schema, max: 2 });
  cleanup.push(() => db.$client.end());
  return db;
}

async function version(db: PgDb, s: TestSchema): Promise<PgDataVersion> {
  const v = await startPgDataVersion(db, s.url, s.schema);
  cleanup.push(() => v.close());
  return v;
}

const person = (slug: string) => ({ slug, name: 'Demo Person', role: 'candidate' as const, office: 'District Attorney', demo: true });

describe('reaching PostgreSQL', () => {
  it('stops with the reason, and no password, when the database cannot be reached', async () => {
    await expect(checkPgReachable('postgres://scorecard:secret@127.0.0.1:1/nowhere')).rejects.toThrow(
      /^PostgreSQL at postgres:\/\/scorecard:\*\*\*@127\.0\.0\.1:1\/nowhere cannot be reached: .*ECONNREFUSED/,
    );
  });

  // CI sets TEST_DATABASE_URL: a PostgreSQL that is configured but down must fail the run,
  // not quietly leave it to SQLite.
  it.runIf(TEST_DATABASE_URL)('answers at TEST_DATABASE_URL when it is set', async () => {
    await expect(checkPgReachable(TEST_DATABASE_URL!)).resolves.toBeUndefined();
  });
});

describe.skipIf(!onPostgres)('PostgreSQL (TEST_DATABASE_URL)', () => {
  it('migrates a fresh schema, idempotently, to the same tables as SQLite, with the data-version trigger on each', async () => {
    const s = await migrated();
    await migratePgDatabase(s.url, s.schema);
    const db = open(s);
    const tables = await db.$client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like '\\_\\_drizzle%' order by 1",
    );
    // The drizzle schema's tables, and the two written by hand (the data version, the search index).
    const described = Object.values(pgSchema)
      .filter((value) => is(value, PgTable))
      .map((table) => getTableConfig(table).name);
    expect(tables.rows.map((r) => r.name)).toEqual([...described, 'data_version', 'evidence_search'].sort());
    const untriggered = await db.$client.query(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and c.relkind = 'r' and c.relname not in ('data_version', '__drizzle_migrations')
       and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'data_version_bump')`,
    );
    expect(untriggered.rows).toEqual([]);
  });

  it('seeds the standards, their texts and the demo data as SQLite does, once', async () => {
    const s = await migrated();
    const db = open(s);
    await seedStandards(db as unknown as Db);
    expect(await seedDemo(db as unknown as Db)).toBe(true);
    await seedStandards(db as unknown as Db);
    expect(await seedDemo(db as unknown as Db)).toBe(false);
    const reference = openDatabase(':memory:');
    migrateDatabase(reference);
    await seedStandards(reference);
    await seedDemo(reference);
    for (const table of ['standards', 'standard_translations', 'methodology_texts', 'subjects', 'evidence', 'evidence_sources', 'events']) {
      const [{ n }] = (await db.$client.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows as [{ n: number }];
      expect([table, n]).toEqual([table, reference.$client.prepare(`select count(*) from ${table}`).pluck().get()]);
    }
    reference.$client.close();
    // The next insert gets a new id: the sequences moved past the seeded ones.
    const [added] = await db.insert(subjects).values(person('demo-after-seed')).returning();
    expect(added!.id).toBe(4);
  });

  it('gives values the shapes SQLite gives: booleans, JSON, integer ids and counts', async () => {
    const s = await migrated();
    const db = open(s);
    const [row] = await db.insert(subjects).values(person('demo-shape')).returning();
    expect(row).toMatchObject({ id: 1, slug: 'demo-shape', demo: true, bio: null });
    expect(typeof row!.createdAt).toBe('string');
    const [{ n }] = (await db.execute<{ n: number }>(sql`select count(*) as n from ${subjects}`)).rows as [{ n: number }];
    expect(n).toBe(1);
  });

  it('moves every instance’s data version when any connection commits a write, and not before', async () => {
    const s = await migrated();
    const first = open(s);
    const second = open(s);
    const here = await version(first, s);
    const there = await version(second, s);
    const before = { here: here.value, there: there.value };

    // A write not yet committed changes nobody's version.
    const client = await first.$client.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        "insert into subjects (slug, name, role, office, created_at, updated_at) values ('demo-x', 'X', 'former', 'DA', '', '')",
      );
      await here.refresh();
      expect(here.value).toBe(before.here);
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    // The other instance hears it through NOTIFY; this one by reading the number after its commit.
    await expect.poll(() => there.value, { timeout: 5000 }).not.toBe(before.there);
    await here.refresh();
    expect(here.value).not.toBe(before.here);

    // A write in another test's schema is not ours.
    const other = await migrated();
    const otherDb = open(other);
    const settled = there.value;
    await otherDb.insert(subjects).values(person('demo-elsewhere'));
    await second.insert(subjects).values(person('demo-here'));
    await expect.poll(() => there.value, { timeout: 5000 }).toBe(settled + 1);
  });
});
