import { is, type Table } from 'drizzle-orm';
import { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';

/**
 * Whether `db` (the app's database, or a unit of work on it) is PostgreSQL rather than SQLite.
 * For the few places the engines differ below drizzle's query builder: prepared statements,
 * transactions, full-text search, file-level health. Asked as "not SQLite" (there are two
 * engines) so a SQLite install never loads drizzle's PostgreSQL side: that was part of the
 * server's start-up.
 */
export function isPostgres(db: object): boolean {
  return !is(db, BaseSQLiteDatabase);
}

/** Set by db/pg/aliases.ts, which db/pg/connection.ts loads: only PostgreSQL needs it. */
let pgAlias: (<T extends Table>(aliased: T) => T) | undefined;

export function setPgAlias(alias: <T extends Table>(aliased: T) => T): void {
  pgAlias = alias;
}

/**
 * The join target for a table under another name (drizzle's `alias()`, to join `users` twice)
 * on the engine `db` runs. The repositories use SQLite's table objects on both engines
 * (server/plugins/database-postgres.ts); drizzle's PostgreSQL dialect writes an aliased join
 * properly only for a PostgreSQL table, so there the same alias is made of the table's twin
 * in db/schema/pg/ (db/pg/aliases.ts). Select the alias's columns as usual: they render by
 * name on both.
 */
export function aliasedJoin<T extends Table>(aliased: T, db: object): T {
  if (!isPostgres(db)) return aliased;
  if (!pgAlias) throw new Error('PostgreSQL aliases are made by db/pg/aliases.ts, which db/pg/connection.ts loads');
  return pgAlias(aliased);
}
