import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './connection.js';

// This file runs from db/ under tsx and from dist/db/ in the production build;
// migrations/ is at the project root in both cases.
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, here.endsWith(join('dist', 'db')) ? '../..' : '..');
export const MIGRATIONS_FOLDER = join(projectRoot, 'migrations');

/** Applies drizzle-kit's generated migrations; a no-op on an up-to-date database. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
