import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = './data/scorecard.db';

/**
 * Opens the SQLite file (creating its folder) with the settings every process uses, so the
 * server, the CLI tools and the tests behave the same: WAL so readers never wait for the
 * writer and the CLI can write while the server runs, foreign keys on, a busy timeout so a
 * second writer waits instead of failing, and synchronous=FULL so an acknowledged write
 * survives a crash or power loss.
 */
export function openDatabase(path: string = DEFAULT_DATABASE_PATH): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  return drizzle({ client: sqlite, schema }) as Db;
}
