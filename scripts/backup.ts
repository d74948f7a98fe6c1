// Takes a consistent copy of the live database, safe while the server runs and writes:
//   npm run backup -- FILE
// SQLite's online backup reads the database as one snapshot (WAL lets writers carry on),
// and the copy is then checked with `PRAGMA integrity_check` before this reports success.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ensurePrivateFile } from '../db/private-files.js';
import { loadConfig } from '../server/config.js';

function fail(message: string): never {
  process.stderr.write(`backup: ${message}\n`);
  process.exit(1);
}

const target = process.argv[2];
if (!target) fail('usage: npm run backup -- FILE');
if (existsSync(target)) fail(`${target} already exists; choose a new file name`);

const sourcePath = loadConfig().databasePath;
if (!existsSync(sourcePath)) fail(`no database at ${sourcePath} (set DATABASE_PATH)`);

const source = new Database(sourcePath, { fileMustExist: true });
source.pragma('busy_timeout = 5000');
const started = Date.now();
// The copy holds password hashes and sessions: created 0600 before SQLite writes into it, whatever the umask.
ensurePrivateFile(target);
// Copying every page in one step keeps the copy one snapshot: with smaller steps, each write
// by the server would restart the backup, and under steady load it might never finish.
const { totalPages } = await source.backup(target, { progress: () => 0x7fffffff });
source.close();

const copy = new Database(target, { readonly: true });
const integrity = copy.pragma('integrity_check', { simple: true });
copy.close();
if (integrity !== 'ok') fail(`the copy at ${target} failed its integrity check: ${integrity}`);
process.stdout.write(`Backed up ${sourcePath} to ${target} (${totalPages} pages, ${Date.now() - started} ms); integrity ok.\n`);
