import { is } from 'drizzle-orm';
import { PgDatabase } from 'drizzle-orm/pg-core';

/**
 * Whether `db` (the app's database, or a unit of work on it) is PostgreSQL rather than SQLite.
 * For the few places the engines differ below drizzle's query builder: prepared statements,
 * transactions, full-text search, file-level health.
 */
export function isPostgres(db: object): boolean {
  return is(db, PgDatabase);
}
