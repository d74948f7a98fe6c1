import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { MIGRATIONS_FOLDER } from '../../db/migrate.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A database migrated up to, not including, the migration that marks who is in office (issue 14). */
function databaseBeforeTheMark() {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-in-office-'));
  dirs.push(dir);
  const older = join(dir, 'migrations');
  cpSync(MIGRATIONS_FOLDER, older, { recursive: true });
  const journalPath = join(older, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const mark = journal.entries.findIndex((e) => e.tag.endsWith('_mark_in_office'));
  expect(mark).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, mark) }));
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
