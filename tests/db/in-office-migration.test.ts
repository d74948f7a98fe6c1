import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { MIGRATIONS_FOLDER } from '../../db/migrate.js';
import { quoteIdentifier } from '../../db/pg/connection.js';
import { migratePgDatabase, PG_MIGRATIONS_FOLDER } from '../../db/pg/migrate.js';
import pg from 'pg';
import { onPostgres, testSchema } from '../postgres.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of a migrations folder whose journal stops before the migration that marks who is in office. */
function migrationsBeforeTheMark(folder: string) {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-in-office-'));
  dirs.push(dir);
  const older = join(dir, 'migrations');
  cpSync(folder, older, { recursive: true });
  const journalPath = join(older, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const mark = journal.entries.findIndex((e) => e.tag.endsWith('_mark_in_office'));
  expect(mark).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, mark) }));
  return { dir, older };
}

/** A database migrated up to, not including, the migration that marks who is in office (issue 14). */
function databaseBeforeTheMark() {
  const { dir, older } = migrationsBeforeTheMark(MIGRATIONS_FOLDER);
  const db = openDatabase(join(dir, 'scorecard.db'));
  migrate(db, { migrationsFolder: older });
  return db;
}

const person = (slug: string, role: string, demo: boolean) => [slug, slug, role, 'Office', demo ? 1 : 0] as const;

describe('the in-office mark on an existing database', () => {
  const insert = 'insert into subjects (slug, name, role, office, demo, created_at, updated_at) values (?, ?, ?, ?, ?, 0, 0)';
  const marked = (db: ReturnType<typeof openDatabase>) => db.$client.prepare('select slug from subjects where in_office = 1').pluck().all();

  it('marks the demo incumbent when it is the only incumbent, so the home page does not change', () => {
    const db = databaseBeforeTheMark();
    for (const p of [person('demo-avery', 'incumbent', true), person('demo-jordan', 'candidate', true)])
      db.$client.prepare(insert).run(...p);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(marked(db)).toEqual(['demo-avery']);
    db.$client.close();
  });

  it('marks a real incumbent rather than a demo one, and nobody when there is no incumbent', () => {
    const db = databaseBeforeTheMark();
    for (const p of [person('demo-avery', 'incumbent', true), person('real-robin', 'incumbent', false)])
      db.$client.prepare(insert).run(...p);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(marked(db)).toEqual(['real-robin']);
    db.$client.close();

    const empty = databaseBeforeTheMark();
    empty.$client.prepare(insert).run(...person('some-candidate', 'candidate', false));
    migrate(empty, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(marked(empty)).toEqual([]);
    empty.$client.close();
  });
});

describe.skipIf(!onPostgres)('the in-office mark on an existing PostgreSQL database', () => {
  /** Runs `body` with a client on a fresh schema migrated up to, not including, the mark. */
  async function beforeTheMark(body: (client: pg.Client, migrateTheRest: () => Promise<void>) => Promise<void>) {
    const s = await testSchema();
    const client = new pg.Client({ connectionString: s.url });
    try {
      await migratePgDatabase(s.url, s.schema, migrationsBeforeTheMark(PG_MIGRATIONS_FOLDER).older);
      await client.connect();
      await client.query(`SET search_path TO ${quoteIdentifier(s.schema)}`);
      await body(client, () => migratePgDatabase(s.url, s.schema));
    } finally {
      await client.end();
      await s.drop();
    }
  }
  const insert =
    "insert into subjects (slug, name, role, office, demo, created_at, updated_at) values ($1, $1, $2, 'Office', $3, '0', '0')";
  const marked = async (client: pg.Client) =>
    (await client.query<{ slug: string }>('select slug from subjects where in_office')).rows.map((r) => r.slug);

  it('marks a real incumbent rather than a demo one', async () => {
    await beforeTheMark(async (client, migrateTheRest) => {
      for (const [slug, role, demo] of [
        ['demo-avery', 'incumbent', true],
        ['real-robin', 'incumbent', false],
        ['demo-jordan', 'candidate', true],
      ] as const)
        await client.query(insert, [slug, role, demo]);
      await migrateTheRest();
      expect(await marked(client)).toEqual(['real-robin']);
    });
  });

  it('marks nobody when there is no incumbent', async () => {
    await beforeTheMark(async (client, migrateTheRest) => {
      await client.query(insert, ['some-candidate', 'candidate', false]);
      await migrateTheRest();
      expect(await marked(client)).toEqual([]);
    });
  });
});
