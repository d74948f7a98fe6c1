import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { openDatabase, type Db } from '../../db/connection.js';
import * as schema from '../../db/schema/index.js';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../db/migrate.js';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { seedDemo, seedStandards } from '../../db/seed/index.js';
import { STANDARD_SEEDS } from '../../db/seed/standards.js';

const dirs: string[] = [];

/** Copies every row of the tables both databases have, in the columns both have (foreign keys off while copying). */
function copyCommonColumns(db: Db, fromPath: string) {
  const client = db.$client;
  client.pragma('foreign_keys = OFF');
  client.prepare('attach database ? as source').run(fromPath);
  const tables = client
    .prepare("select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = (name: string) =>
      (client.prepare(`select name from pragma_table_info(?, ?)`).pluck().all(table, name) as string[]).map((c) => `"${c}"`);
    const source = new Set(columns('source'));
    const common = columns('main').filter((c) => source.has(c));
    if (common.length) client.exec(`insert into main."${table}" (${common}) select ${common} from source."${table}"`);
  }
  client.prepare('detach database source').run();
  client.pragma('foreign_keys = ON');
}
function freshPath() {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-migrate-'));
  dirs.push(dir);
  return join(dir, 'nested', 'folder', 'scorecard.db');
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migrations', () => {
  it('migrate a fresh database cleanly (creating its folder) and are idempotent', () => {
    const db = openDatabase(freshPath());
    migrateDatabase(db);
    migrateDatabase(db);
    const tables = db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
      )
      .pluck()
      .all();
    expect(tables).toEqual([
      'audit_log',
      'election_candidates',
      'election_translations',
      'elections',
      'event_flyers',
      'event_subjects',
      'event_translations',
      'events',
      'evidence',
      'evidence_changes',
      'evidence_revisions',
      'evidence_search',
      'evidence_search_config',
      'evidence_search_content',
      'evidence_search_data',
      'evidence_search_docsize',
      'evidence_search_idx',
      'evidence_sources',
      'evidence_translations',
      'import_days',
      'invites',
      'leases',
      'mail_messages',
      'methodology_texts',
      'password_resets',
      'recovery_codes',
      'replies',
      'reply_links',
      'sessions',
      'sign_in_failures',
      'site_settings',
      'standard_translations',
      'standards',
      'subject_translations',
      'subjects',
      'users',
    ]);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    db.$client.close();
  });

  it('index the evidence already stored when the search table arrives (an upgrade), and keep it in step after', async () => {
    // The migrations as they were before full-text search: the folder without its last one.
    const before = join(mkdtempSync(join(tmpdir(), 'scorecard-migrations-')), 'migrations');
    dirs.push(dirname(before));
    cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
    const journalPath = join(before, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
    const upTo = journal.entries.findIndex((e) => e.tag.endsWith('_evidence_search'));
    expect(upTo).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));

    const db = openDatabase(freshPath());
    migrate(db, { migrationsFolder: before });
    // The seed writes today's columns, which later migrations may have added after the search
    // table's: seed a current database, then copy the columns the older one has.
    const seededPath = freshPath();
    const seeded = openDatabase(seededPath);
    migrateDatabase(seeded);
    await seedStandards(seeded);
    expect(await seedDemo(seeded)).toBe(true);
    seeded.$client.close();
    copyCommonColumns(db, seededPath);
    const stored = db.$client.prepare('select count(*) from evidence').pluck().get() as number;
    expect(stored).toBeGreaterThan(10);

    migrateDatabase(db);
    const search = (words: string) =>
      db.$client.prepare('select count(*) from evidence_search where evidence_search match ?').pluck().get(words) as number;
    expect(db.$client.prepare('select count(*) from evidence_search').pluck().get()).toBe(stored);
    const [entry] = db.$client.prepare('select id, title from evidence order by id limit 1').all() as Array<{ id: number; title: string }>;
    const word = entry.title.split(/\W+/).find((w) => w.length > 4)!;
    expect(search(`"${word}"`)).toBeGreaterThan(0);
    db.$client.prepare("update evidence set title = 'Renamed Quetzalcoatl' where id = ?").run(entry.id);
    db.$client.prepare("update evidence_sources set title = 'Ptarmigan Press' where evidence_id = ?").run(entry.id);
    expect(search('quetzalcoatl')).toBe(1);
    expect(search('ptarmigan')).toBe(1);
    db.$client.prepare('delete from evidence_revisions where evidence_id = ?').run(entry.id);
    db.$client.prepare('delete from evidence_changes where evidence_id = ?').run(entry.id);
    db.$client.prepare('delete from evidence where id = ?').run(entry.id);
    expect(search('quetzalcoatl')).toBe(0);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    db.$client.close();
  });

  it('seed the ten standards once, in order, and demo data only into an empty database', async () => {
    const db = openDatabase(freshPath());
    migrateDatabase(db);
    await seedStandards(db);
    await seedStandards(db);
    const rows = db.$client.prepare('select number, slug, title, indicators from standards order by number').all() as Array<{
      number: number;
      slug: string;
      title: string;
      indicators: string;
    }>;
    expect(rows.map((r) => [r.number, r.slug, r.title])).toEqual(STANDARD_SEEDS.map((s) => [s.number, s.slug, s.title]));
    for (const r of rows) {
      const indicators = JSON.parse(r.indicators) as string[];
      expect(indicators.length).toBeGreaterThanOrEqual(3);
      expect(indicators.length).toBeLessThanOrEqual(5);
    }
    expect(await seedDemo(db)).toBe(true);
    expect(await seedDemo(db)).toBe(false);
    const count = (sql: string) => db.$client.prepare(sql).pluck().get() as number;
    expect(count('select count(*) from subjects where demo = 1')).toBe(3);
    expect(count('select count(*) from subjects where demo = 0')).toBe(0);
    expect(count("select count(*) from evidence where status = 'published'")).toBeGreaterThanOrEqual(35);
    expect(count("select count(*) from evidence where status = 'pending'")).toBeGreaterThan(0);
    expect(count("select count(*) from evidence where status = 'rejected'")).toBeGreaterThan(0);
    expect(count("select count(*) from evidence where status = 'retracted'")).toBeGreaterThan(0);
    expect(count("select count(*) from evidence_sources where url not like 'https://example.org/%'")).toBe(0);
    expect(count('select count(*) from events where demo = 1')).toBe(2);
    // Demo data creates no account that can sign in.
    expect(count('select count(*) from users')).toBe(0);
    db.$client.close();
  });

  it('start on a read-only database that is up to date, and refuse one that needs migrating, saying why', async () => {
    const path = freshPath();
    const readOnly = (file: string) => drizzle({ client: new Database(file, { readonly: true }), schema }) as Db;

    const stale = openDatabase(path);
    stale.$client.close();
    const unmigrated = readOnly(path);
    expect(() => migrateDatabase(unmigrated)).toThrow(/read-only and \d+ migration\(s\) are waiting/);
    unmigrated.$client.close();

    const db = openDatabase(path);
    migrateDatabase(db);
    await seedStandards(db);
    db.$client.close();
    const current = readOnly(path);
    migrateDatabase(current);
    await expect(seedStandards(current)).resolves.toBeUndefined();
    expect(current.$client.prepare('select count(*) from standards').pluck().get()).toBe(10);
    current.$client.close();
  });
});
