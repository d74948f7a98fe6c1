import fp from 'fastify-plugin';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrateDatabase } from '../../db/migrate.js';
import { seedDemo, seedStandards } from '../../db/seed/index.js';
import { rollbacksOn, settled } from '../../db/unit-of-work.js';
import type { openPostgres as OpenPostgres } from './database-postgres.js';

/**
 * A number that changes with every committed write. Caches (scorecards, responses, pages) compare
 * it with the version they were built at, so a write can never leave stale data served.
 */
export interface DataVersion {
  readonly value: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dataVersion: DataVersion;
    /** Which engine `db` is: a few things only SQLite has (a file, PRAGMAs) ask. */
    dbEngine: 'sqlite' | 'postgres';
  }
}

export interface DatabaseOptions {
  databasePath: string;
  /** postgres://…: PostgreSQL (server/plugins/database-postgres.ts) instead of the SQLite file. */
  databaseUrl?: string | null;
  seedDemo: boolean;
}

/** Opens the database, brings it up to date (migrations, the ten standards, demo data) and closes it with the app. */
export default fp<DatabaseOptions>(
  async (fastify, opts) => {
    if (opts.databaseUrl) {
      // Loaded only for PostgreSQL: pg and its drizzle driver are not worth their start-up on SQLite.
      const { openPostgres } = (await import('./database-postgres.js')) as { openPostgres: typeof OpenPostgres };
      const postgres = await openPostgres(fastify, { databaseUrl: opts.databaseUrl, seedDemo: opts.seedDemo });
      fastify.decorate('db', postgres.db);
      fastify.decorate('dataVersion', postgres.dataVersion);
      fastify.decorate('dbEngine', 'postgres');
      fastify.addHook('onClose', () => postgres.close());
      return;
    }
    fastify.decorate('dbEngine', 'sqlite');
    const db = openDatabase(opts.databasePath);
    migrateDatabase(db);
    await seedStandards(db);
    if (db.$client.readonly) {
      fastify.log.warn({ databasePath: opts.databasePath }, 'The database file is read-only: serving reads, refusing writes');
    } else if (opts.seedDemo && (await seedDemo(db))) {
      fastify.log.info('Added the fictional demo data to an empty database');
    }
    // Invalidation by construction: no route or repository has to remember to announce a change.
    // total_changes() counts every row this connection has written, and SQLite's data_version changes when another connection
    // commits (the CLI, a restore, a second process). Our own count is exact on every read, so
    // a write is visible to the very next request; the other connections' count is asked at
    // most four times a second. A unit of work that rolls back after writing moves the version
    // too (db/unit-of-work.ts): a read that ran while it was open may have seen, and cached,
    // rows that no longer exist, and total_changes() does not go back down.
    const changedHere = db.$client.prepare('SELECT total_changes()').pluck();
    const committedElsewhere = db.$client.prepare('PRAGMA data_version').pluck();
    let elsewhere = 0;
    let askedAt = 0;
    fastify.decorate('db', db);
    fastify.decorate('dataVersion', {
      get value() {
        const now = Date.now();
        if (now - askedAt >= 250) {
          elsewhere = committedElsewhere.get() as number;
          askedAt = now;
        }
        return (changedHere.get() as number) + elsewhere + rollbacksOn(db);
      },
    });
    fastify.addHook('onClose', async () => {
      // A unit of work still running (a mail worker's mark, a purge) ends before the file closes.
      await settled(db);
      db.$client.close();
    });
  },
  { name: 'database' },
);
