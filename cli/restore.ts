// Puts a backup back in place of the server's database, with the server stopped:
//   npm run restore -- FILE [--env-file FILE] [--create]
// Checks the backup first (SQLite's integrity check; a scorecard database; a schema no newer
// than this code's migrations), refuses while any process has the database open (the server,
// a backup), keeps the current database beside it as DATABASE.before-restore-TIME, and leaves
// the restored file owned by the database folder's owner (the service user) and private to it.
// The flyers saved beside the backup (FILE.flyers/, written by `npm run backup`) replace the
// flyers/ folder beside the database the same way. The server applies any newer migrations
// when it starts.
import { chownSync, cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../db/migrate.js';
import { command } from './command.js';

const cli = command('restore', {}, 'npm run restore -- FILE [--env-file FILE] [--create]');
// Annotated, so TypeScript narrows after a call (a never-returning function must be declared so).
const fail: (message: string) => never = cli.fail;

const file = cli.positionals[0];
if (!file) fail('usage: npm run restore -- FILE');
const backupPath = resolve(file);
if (!existsSync(backupPath)) fail(`no backup at ${backupPath}`);
const target = cli.config.databasePath;
if (target === ':memory:') fail('DATABASE_PATH is :memory:, there is nothing to restore into');
if (resolve(target) === backupPath) fail('the backup is the database itself');
if (!existsSync(target) && !cli.values.create) {
  fail(`there is no database at ${target}. Check DATABASE_PATH, or pass --create to restore into a new file there`);
}

/** Why this backup cannot be restored by this version of the code, or null when it can. */
function checkBackup(path: string): string | null {
  let backup: Database.Database;
  try {
    backup = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    return `cannot open it as a SQLite database (${(err as Error).message})`;
  }
  try {
    const integrity = backup.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `it fails SQLite's integrity check: ${integrity}`;
    const hasMigrations = backup.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!hasMigrations) return 'it is not a scorecard database (it has no record of migrations)';
    const newest = backup.prepare('select max(created_at) from __drizzle_migrations').pluck().get() as number | null;
    const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
    const newestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
    if (newest !== null && Number(newest) > newestKnown) {
      return 'it was written by a newer version of the scorecard (its schema has migrations this code does not know): install that version, or an older backup';
    }
    return null;
  } catch (err) {
    return `cannot read it (${(err as Error).message})`;
  } finally {
    backup.close();
  }
}

/**
 * Whether another process has the database open. Every SQLite connection in WAL mode holds a
 * lock for as long as it is open, so an exclusive lock is only granted when none is: this
 * also catches a server that is idle, which a lock on one transaction would miss.
 */
function inUse(path: string): boolean {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw err;
  } finally {
    // Closing the last connection checkpoints the WAL into the file and removes it.
    db.close();
  }
}

const problem = checkBackup(backupPath);
if (problem) fail(`${backupPath} cannot be restored: ${problem}. Nothing was changed.`);

const folder = dirname(target);
if (existsSync(target) && inUse(target)) {
  fail(
    `${target} is open in another process (the server, or a backup): stop the server first (e.g. systemctl stop da-scorecard). Nothing was changed.`,
  );
}

// The copy is written beside the database and renamed into place, so an interrupted restore
// never leaves half a database where the server looks for one.
const incoming = `${target}.restoring-${process.pid}`;
try {
  const backup = new Database(backupPath, { readonly: true, fileMustExist: true });
  await backup.backup(incoming);
  backup.close();
  // A restored database keeps WAL mode, as the server sets it; and it is checked once more as copied.
  const copy = new Database(incoming);
  copy.pragma('journal_mode = WAL');
  const integrity = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${integrity}`);
} catch (err) {
  rmSync(incoming, { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(incoming + suffix, { force: true });
  fail(`could not copy ${backupPath} (${(err as Error).message}). Nothing was changed.`);
}

// The service user owns the database folder; when root runs this, the files are handed to it,
// or the server would find a file it may not write and refuse every write ("read-only").
const owner = statSync(folder);
const runningAsRoot = process.getuid?.() === 0;

const keptAs = existsSync(target) ? `${target}.before-restore-${new Date().toISOString().replaceAll(':', '-')}` : null;
if (keptAs) {
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(target + suffix)) renameSync(target + suffix, keptAs + suffix);
  }
}
renameSync(incoming, target);
if (runningAsRoot) chownSync(target, owner.uid, owner.gid);

const flyersBackup = `${backupPath}.flyers`;
const flyers = join(folder, 'flyers');
const restoresFlyers = existsSync(flyersBackup);
if (restoresFlyers) {
  if (existsSync(flyers)) renameSync(flyers, `${keptAs ?? flyers}${keptAs ? '.flyers' : '.before-restore'}`);
  cpSync(flyersBackup, flyers, { recursive: true });
  if (runningAsRoot) {
    chownSync(flyers, owner.uid, owner.gid);
    for (const name of readdirSync(flyers)) chownSync(join(flyers, name), owner.uid, owner.gid);
  }
}
const ownerNote =
  !runningAsRoot && owner.uid !== process.getuid?.()
    ? ` Note: ${basename(target)} is owned by you, not by the owner of ${folder}; run this as the service user (sudo -u USER npm run restore …).`
    : '';
process.stdout.write(
  `Restored ${backupPath} into ${target}; integrity ok.` +
    (keptAs ? ` The previous database is kept as ${keptAs}.` : '') +
    (restoresFlyers
      ? ` Flyers restored from ${flyersBackup}.`
      : ` No ${basename(flyersBackup)} beside the backup: the flyers/ folder was left as it is.`) +
    ` Start the server: it applies any newer migrations.${ownerNote}\n`,
);
