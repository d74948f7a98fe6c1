import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.js';
import { checkPgReachable, openPgDatabase, redactUrl, splitSchema } from '../../db/pg/connection.js';
import { startPgDataVersion } from '../../db/pg/data-version.js';
import { migratePgDatabase } from '../../db/pg/migrate.js';
import { seedDemo, seedStandards } from '../../db/seed/index.js';
import type { DataVersion } from './database.js';

/**
 * The PostgreSQL half of the database plugin (DATABASE_URL=postgres://…): checks the database
 * answers, migrates it, seeds it, and starts the shared data version (db/pg/data-version.ts),
 * so a write through any instance drops every instance's caches.
 *
 * The repositories are written once, against db/schema (SQLite's table objects); drizzle's
 * PostgreSQL driver builds its own SQL from them, and db/schema/pg/ describes the same tables
 * with the same JavaScript shapes (tests/db/schema-drift.test.ts), so the same code answers the
 * same JSON on both engines. `Db` stays the one type the repositories see.
 */
export async function openPostgres(
  fastify: FastifyInstance,
  opts: { databaseUrl: string; seedDemo: boolean },
): Promise<{ db: Db; dataVersion: DataVersion; close(): Promise<void> }> {
  const { url, schema } = splitSchema(opts.databaseUrl);
  await checkPgReachable(url);
  await migratePgDatabase(url, schema);
  const db = openPgDatabase(url, { schema });
  try {
    // The same seeding as SQLite's: the repositories' code runs on both engines (see above).
    await seedStandards(db as unknown as Db);
    if (opts.seedDemo && (await seedDemo(db as unknown as Db))) fastify.log.info('Added the fictional demo data to an empty database');
    const version = await startPgDataVersion(db, url, schema, (err) =>
      fastify.log.warn({ err, database: redactUrl(url) }, 'Lost the PostgreSQL change notifications: serving uncached until they are back'),
    );
    return {
      db: db as unknown as Db,
      dataVersion: version,
      async close() {
        await version.close();
        await db.$client.end();
      },
    };
  } catch (err) {
    await db.$client.end();
    throw err;
  }
}
