import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { quoteIdentifier, searchPathOption } from './connection.js';

// Like db/migrate.ts: this file runs from db/pg/ under tsx and from dist/db/pg/ when built.
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, here.endsWith(join('dist', 'db', 'pg')) ? '../../..' : '../..');
export const PG_MIGRATIONS_FOLDER = join(projectRoot, 'migrations', 'pg');

/**
 * Any fixed number: every instance starting at once on a schema takes the same advisory lock,
 * paired with a hash of the schema (instances on other schemas of the database need not wait).
 */
const MIGRATION_LOCK = 18_0001;

/**
 * Applies drizzle-kit's PostgreSQL migrations (migrations/pg/) to `schema`, a no-op when it is
 * up to date, then makes sure every table carries the data-version trigger.
 *
 * Several instances may start together: an advisory lock lets one migrate while the others
 * wait, then find nothing left to do. The journal (`__drizzle_migrations`) lives in the same
 * schema as the tables, so each test schema has its own. drizzle-kit writes foreign keys as
 * `REFERENCES "public"."x"`; for another schema they are pointed at it instead. Tests pass
 * `migrationsFolder` to stop short of a migration (tests/db/in-office-migration.test.ts).
 */
export async function migratePgDatabase(url: string, schema = 'public', migrationsFolder = PG_MIGRATIONS_FOLDER): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: searchPathOption(schema), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    const db = drizzle({ client });
    const migrations = readMigrationFiles({ migrationsFolder }).map((m) => ({
      ...m,
      sql: schema === 'public' ? m.sql : m.sql.map((statement) => statement.replaceAll('"public".', `${quoteIdentifier(schema)}.`)),
    }));
    const internals = db as unknown as { dialect: PgDialect; session: PgSession };
    await internals.dialect.migrate(migrations, internals.session, {
      migrationsFolder,
      migrationsSchema: schema,
    });
    await db.execute(sql`SELECT data_version_watch_all()`);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK, schema]).catch(() => undefined);
    await client.end();
  }
}
