// Takes a consistent copy of the live database, safe while the server runs and writes:
//   npm run backup -- FILE
// SQLite's online backup reads the database as one snapshot (WAL lets writers carry on),
// and the copy is then checked with `PRAGMA integrity_check` before this reports success.
// The event flyers (`flyers/` beside the database) are copied to FILE.flyers/, which restore
// puts back with the database. The copy holds password hashes: readable by its owner only.
import { chmodSync, cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile } from '../db/private-files.js';
import { command } from './command.js';

const cli = command('backup', {}, 'npm run backup -- FILE [--env-file FILE]');
// Annotated, so TypeScript narrows after a call (a never-returning function must be declared so).
const fail: (message: string) => never = cli.fail;

const target = cli.positionals[0];
if (!target) fail('usage: npm run backup -- FILE');
if (existsSync(target)) fail(`${target} already exists; choose a new file name`);

const sourcePath = cli.config.databasePath;
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
chmodSync(target, 0o600);

const copy = new Database(target, { readonly: true });
const integrity = copy.pragma('integrity_check', { simple: true });
copy.close();
if (integrity !== 'ok') fail(`the copy at ${target} failed its integrity check: ${integrity}`);
// After the database: a flyer uploaded meanwhile is copied too, and an extra file does no harm.
const flyers = join(dirname(sourcePath), 'flyers');
if (existsSync(flyers)) cpSync(flyers, `${target}.flyers`, { recursive: true });
process.stdout.write(
  `Backed up ${sourcePath} to ${target} (${totalPages} pages, ${Date.now() - started} ms)` +
    (existsSync(flyers) ? ` and its flyers to ${target}.flyers` : '') +
    '; integrity ok.\n',
);
