import { getTableName, is, type Table } from 'drizzle-orm';
import { alias, PgTable } from 'drizzle-orm/pg-core';
import { setPgAlias } from '../engine.js';
import * as pgSchema from '../schema/pg/index.js';

const twins = new WeakMap<object, PgTable>();

/**
 * `aliasedJoin` on PostgreSQL (db/engine.ts): the alias made of the table's twin in
 * db/schema/pg/, under the alias's name. Kept here, and handed to db/engine.ts when this module
 * loads, so a SQLite install never loads drizzle's PostgreSQL side.
 */
function pgTwinAlias<T extends Table>(aliased: T): T {
  let twin = twins.get(aliased);
  if (!twin) {
    // drizzle keeps the table's own name under this registered symbol (drizzle-orm/table.js).
    const original = (aliased as unknown as Record<symbol, string>)[Symbol.for('drizzle:OriginalName')];
    const table = Object.values(pgSchema).find((value) => is(value, PgTable) && getTableName(value) === original) as PgTable | undefined;
    if (!table) throw new Error(`${original} has no PostgreSQL twin in db/schema/pg/`);
    twin = alias(table, getTableName(aliased));
    twins.set(aliased, twin);
  }
  return twin as unknown as T;
}

setPgAlias(pgTwinAlias);
