import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '../db/connection.js';
import { closeEndpoint, copyDatabase, openEndpoint } from '../db/copy.js';
import { isPostgresUrl, openPgDatabase, quoteIdentifier, redactUrl, runStatement, splitSchema } from '../db/pg/connection.js';

/**
 * Which engine a benchmark runs on: PostgreSQL when DATABASE_URL is a postgres:// URL (as for
 * the server itself), else SQLite. The benchmarks always build their data in an SQLite file
 * first (fast, deterministic, the same code on both engines); on PostgreSQL that file is then
 * copied into a database of its own with `db:copy`'s copier (db/copy.ts), so both engines are
 * measured on the same rows.
 *
 * A database, not a schema on DATABASE_URL's: every write takes one transaction-scoped advisory
 * lock (db/unit-of-work.ts), and advisory locks are per database, so on a shared database the
 * copy's one long transaction would hold up every other user's writes (and theirs would slow the
 * benchmark's writer). DATABASE_URL names the server to use and the database to connect to
 * for creating and dropping the benchmark's own.
 */
export type EngineKey = 'sqlite' | 'postgres';

export const ENGINE_NAMES: Record<EngineKey, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

const DATABASE_URL = process.env.DATABASE_URL || undefined;
if (DATABASE_URL !== undefined && !isPostgresUrl(DATABASE_URL)) {
  throw new Error(`DATABASE_URL must be a postgres:// URL (unset for SQLite), not ${JSON.stringify(DATABASE_URL)}`);
}

export const benchEngine: EngineKey = DATABASE_URL ? 'postgres' : 'sqlite';
export const benchEngineName = ENGINE_NAMES[benchEngine];

export interface BenchDatabase {
  engine: EngineKey;
  /** What the server process needs in its environment to use this database. */
  env: Record<string, string>;
  /** Where the data is, for the results (the password left out). */
  label: string;
  /** Opens the database in this process, as the server would (the caller closes it with `close`). */
  open(): { db: Db; close(): Promise<void> };
  /** Removes the PostgreSQL database (a no-op on SQLite: the caller owns the file). */
  drop(): Promise<void>;
}

const created: BenchDatabase[] = [];
let counter = 0;

/**
 * The database at `sqlitePath` (built and closed by the caller) on the engine this run uses.
 * On PostgreSQL: a new database `bench_<pid>_<n>_<random>` on DATABASE_URL's server, migrated,
 * filled with a checked copy of the file and analysed (as autovacuum would have done on a
 * database that has been running), then dropped by `drop()` or `dropAll()`.
 */
export async function benchDatabase(sqlitePath: string): Promise<BenchDatabase> {
  if (!DATABASE_URL) {
    return {
      engine: 'sqlite',
      env: { DATABASE_PATH: sqlitePath },
      label: sqlitePath,
      open: () => {
        const db = openDatabase(sqlitePath);
        return {
          db,
          close: async () => {
            db.$client.close();
          },
        };
      },
      drop: async () => undefined,
    };
  }
  const { url: serverUrl } = splitSchema(DATABASE_URL);
  counter += 1;
  const name = `bench_${process.pid}_${counter}_${randomBytes(3).toString('hex')}`;
  const own = new URL(serverUrl);
  own.pathname = `/${name}`;
  const url = own.toString();
  const database: BenchDatabase = {
    engine: 'postgres',
    // DATABASE_PATH still names the data folder (the export cache lives there on both engines).
    env: { DATABASE_URL: url, DATABASE_PATH: sqlitePath },
    label: redactUrl(url),
    open: () => {
      const db = openPgDatabase(url);
      return { db: db as unknown as Db, close: () => db.$client.end() };
    },
    drop: async () => {
      created.splice(created.indexOf(database), 1);
      await runStatement(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    },
  };
  await runStatement(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);
  created.push(database);
  try {
    const source = await openEndpoint(sqlitePath, 'source');
    const target = await openEndpoint(url, 'target');
    // The search index's per-row triggers (migrations/pg/0002_evidence_search.sql) re-index an
    // entry for each of its sources: about 7 ms a row on this machine, 12 minutes for 100,000
    // entries. They are off for the copy and the index is then built in one statement, as the
    // migration builds it for existing rows; foreign keys and the data version stay on.
    await runStatement(url, SEARCH_TRIGGERS('DISABLE'));
    try {
      await copyDatabase(source, target);
    } finally {
      await closeEndpoint(source);
      await closeEndpoint(target);
    }
    await runStatement(
      url,
      `${SEARCH_TRIGGERS('ENABLE')};
       INSERT INTO evidence_search (evidence_id, title, summary, sources)
         SELECT e.id, e.title, e.summary, evidence_search_sources(e.id) FROM evidence e;
       ANALYZE`,
    );
  } catch (err) {
    // Nothing half-copied is left behind.
    await database.drop().catch(() => undefined);
    throw err;
  }
  return database;
}

const SEARCH_TRIGGERS = (what: 'ENABLE' | 'DISABLE') =>
  `ALTER TABLE evidence ${what} TRIGGER evidence_search_entry; ALTER TABLE evidence_sources ${what} TRIGGER evidence_search_source`;

/** Drops every database this process made that is still there (call on the way out, even after a failure). */
export async function dropAll(): Promise<void> {
  for (const database of [...created].reverse()) await database.drop().catch(() => undefined);
}

// A run stopped with Ctrl-C leaves no database behind.
process.once('SIGINT', () => {
  void dropAll().finally(() => process.exit(130));
});

/** The engine and its version, for the results: "SQLite 3.x" or "PostgreSQL 15.x". */
export async function engineVersion(database: BenchDatabase): Promise<string> {
  const { db, close } = database.open();
  try {
    if (database.engine === 'sqlite') {
      return `SQLite ${db.$client.prepare('select sqlite_version()').pluck().get() as string}`;
    }
    const pool = db.$client as unknown as pg.Pool;
    const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
    return `PostgreSQL ${rows[0]!.server_version.split(' ')[0]}`;
  } finally {
    await close();
  }
}
