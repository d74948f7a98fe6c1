import fp from 'fastify-plugin';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrateDatabase } from '../../db/migrate.js';
import { seedDemo, seedStandards } from '../../db/seed/index.js';

/**
 * A counter bumped after every committed write. Caches (scorecards, ETags) compare it with
 * the version they were built at, so a write can never leave stale data served.
 */
export interface DataVersion {
  readonly value: number;
  bump(): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dataVersion: DataVersion;
  }
}

export interface DatabaseOptions {
  databasePath: string;
  seedDemo: boolean;
}

/** Opens the database, brings it up to date (migrations, the ten standards, demo data) and closes it with the app. */
export default fp<DatabaseOptions>(
  async (fastify, opts) => {
    const db = openDatabase(opts.databasePath);
    migrateDatabase(db);
    seedStandards(db);
    if (db.$client.readonly) {
      fastify.log.warn({ databasePath: opts.databasePath }, 'The database file is read-only: serving reads, refusing writes');
    } else if (opts.seedDemo && seedDemo(db)) {
      fastify.log.info('Added the fictional demo data to an empty database');
    }
    let value = 0;
    // SQLite's data_version changes when another connection commits (the CLI, a restore, a
    // second process): adding it makes those writes drop the caches too, not only our own.
    // Asking costs microseconds, so it is asked at most four times a second.
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
        return value + elsewhere;
      },
      bump() {
        value++;
      },
    });
    fastify.addHook('onClose', async () => {
      db.$client.close();
    });
  },
  { name: 'database' },
);
