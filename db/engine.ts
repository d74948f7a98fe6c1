import { getTableName, is, type Table } from 'drizzle-orm';
import { alias as pgAlias, PgDatabase, PgTable } from 'drizzle-orm/pg-core';
import * as pgSchema from './schema/pg/index.js';

/**
 * Whether `db` (the app's database, or a unit of work on it) is PostgreSQL rather than SQLite.
 * For the few places the engines differ below drizzle's query builder: prepared statements,
 * transactions, full-text search, file-level health.
 */
export function isPostgres(db: object): boolean {
  return is(db, PgDatabase);
}

/**
 * The join target for a table under another name (drizzle's `alias()`, to join `users` twice)
 * on the engine `db` runs. The repositories use SQLite's table objects on both engines
 * (server/plugins/database-postgres.ts); drizzle's PostgreSQL dialect writes an aliased join
 * properly only for a PostgreSQL table, so there the same alias is made of the table's twin
 * in db/schema/pg/. Select the alias's columns as usual: they render by name on both.
 */
export function aliasedJoin<T extends Table>(aliased: T, db: object): T {
  if (!isPostgres(db)) return aliased;
  let twin = pgAliases.get(aliased);
  if (!twin) {
    // drizzle keeps the table's own name under this registered symbol (drizzle-orm/table.js).
    const original = (aliased as unknown as Record<symbol, string>)[Symbol.for('drizzle:OriginalName')];
    const table = Object.values(pgSchema).find((value) => is(value, PgTable) && getTableName(value) === original) as PgTable | undefined;
    if (!table) throw new Error(`${original} has no PostgreSQL twin in db/schema/pg/`);
    twin = pgAlias(table, getTableName(aliased));
    pgAliases.set(aliased, twin);
  }
  return twin as unknown as T;
}

const pgAliases = new WeakMap<object, PgTable>();
