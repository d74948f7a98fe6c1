import { count, eq } from 'drizzle-orm';
import { batchSize, resetSequences, tablesInDependencyOrder, type AnyDb } from '../copy.js';
import { openDatabase } from '../connection.js';
import { migrateDatabase } from '../migrate.js';
import * as pg from '../schema/pg/index.js';
import { seedDemo, seedStandards } from '../seed/index.js';
import type { PgDb } from './connection.js';

/**
 * The same seeding as SQLite's (db/seed/), on PostgreSQL: the seed code runs once, on a scratch
 * in-memory SQLite database, and what it wrote is inserted here, skipping any row already
 * present (the standards and texts a previous start added). One seed, written once, for both
 * engines. The demo data comes along only into a database with no people, elections, events
 * or evidence at all, and never after an admin removed it (audit `demo.remove`), as on SQLite.
 * Returns whether the demo data was added.
 */
export async function seedPostgres(db: PgDb, options: { demo: boolean }): Promise<boolean> {
  const scratch = openDatabase(':memory:');
  try {
    migrateDatabase(scratch);
    seedStandards(scratch);
    const demo = options.demo && (await wantsDemo(db)) && seedDemo(scratch);
    const tables = tablesInDependencyOrder();
    await db.transaction(async (tx) => {
      for (const t of tables) {
        const rows = (await scratch.select().from(t.sqlite)) as Array<Record<string, unknown>>;
        for (let i = 0; i < rows.length; i += batchSize(t.pg, 'postgres')) {
          await tx
            .insert(t.pg)
            .values(rows.slice(i, i + batchSize(t.pg, 'postgres')) as never)
            .onConflictDoNothing();
        }
      }
      await resetSequences(tx as unknown as AnyDb, tables);
    });
    return demo;
  } finally {
    scratch.$client.close();
  }
}

async function wantsDemo(db: PgDb): Promise<boolean> {
  for (const table of [pg.subjects, pg.elections, pg.events, pg.evidence]) {
    const [{ n }] = await db.select({ n: count() }).from(table);
    if (n > 0) return false;
  }
  const removed = await db.select({ id: pg.auditLog.id }).from(pg.auditLog).where(eq(pg.auditLog.action, 'demo.remove')).limit(1);
  return removed.length === 0;
}
