import { accessSync, chmodSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile, PRIVATE_FILE_MODE } from './private-files.js';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = './data/scorecard.db';

/**
 * Opens the SQLite file (creating its folder) with the settings every process uses, so the
 * server, the CLI tools and the tests behave the same: WAL so readers never wait for the
 * writer and the CLI can write while the server runs, foreign keys on, a busy timeout so a
 * second writer waits instead of failing, and synchronous=FULL so an acknowledged write
 * survives a crash or power loss.
 *
 * A file this process may not write (a read-only mount, a 0444 file during maintenance) is
 * opened read-only instead of failing: the public pages keep being served, and every write
 * is refused with a clear error (server/plugins/errors.ts).
 */
export function openDatabase(path: string = DEFAULT_DATABASE_PATH): Db {
  const writable = isWritable(path);
  if (path !== ':memory:' && writable) makePrivate(path);
  const sqlite = writable ? new Database(path) : openReadOnly(path);
  if (!sqlite.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  return drizzle({ client: sqlite, schema }) as Db;
}

/**
 * The database holds password hashes and sessions: its folder (when we create it) is 0700 and
 * the file 0600 before SQLite opens it, whatever the umask. SQLite gives the -wal and -shm files
 * it creates the database file's mode; ones left by an earlier run are tightened here too.
 */
function makePrivate(path: string): void {
  if (!existsSync(dirname(path))) ensurePrivateDir(dirname(path));
  ensurePrivateFile(path);
  for (const companion of [`${path}-wal`, `${path}-shm`]) {
    if (existsSync(companion)) chmodSync(companion, PRIVATE_FILE_MODE);
  }
}

function isWritable(path: string): boolean {
  if (path === ':memory:' || !existsSync(path)) return true;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function openReadOnly(path: string): Database.Database {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (err) {
    sqlite.close();
    // A WAL database needs its -shm file even to be read; SQLite cannot create it in a read-only folder.
    throw new Error(
      `The database ${path} is read-only and cannot be read either (${(err as Error).message}): ` +
        `keep its folder writable, or stop every writer so the -wal and -shm files exist, then start again`,
      { cause: err },
    );
  }
  return sqlite;
}
