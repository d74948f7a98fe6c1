import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from './connection.js';

// This file runs from db/ under tsx and from dist/db/ in the production build;
// migrations/ is at the project root in both cases.
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, here.endsWith(join('dist', 'db')) ? '../..' : '..');
export const MIGRATIONS_FOLDER = join(projectRoot, 'migrations');

/**
 * Applies drizzle-kit's generated migrations; a no-op on an up-to-date database. A read-only
 * database cannot be migrated, but needs not be when it is up to date: it is then served
 * as it is, and only an out-of-date one stops the start with the reason.
 */
export function migrateDatabase(db: Db): void {
  if (!db.$client.readonly) {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const pending = pendingMigrations(db);
  if (pending > 0) {
    throw new Error(`The database is read-only and ${pending} migration(s) are waiting: make it writable once so they can run`);
  }
}

/** How many migrations are newer than the last one recorded, by drizzle's own rule (their folder timestamp). */
function pendingMigrations(db: Db): number {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const table = db.$client.prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!table) return files.length;
  const last = db.$client.prepare('select max(created_at) from __drizzle_migrations').pluck().get() as number | null;
  return files.filter((m) => last === null || Number(last) < m.folderMillis).length;
}
