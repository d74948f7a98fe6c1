import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { quoteIdentifier } from '../db/pg/connection.js';
import { POOL_PREFIX } from './postgres-schema-pool.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names this run's pooled schemas (`tp_<id>_…`), so the run's teardown drops exactly these. */
    pgSchemaRunId: string;
  }
}

/** An interrupted run's schemas are dropped by a later run once they are this old (no run lasts a day). */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The `postgres` project's set-up: names this run's pooled test schemas
 * (tests/postgres-schema-pool.ts) and drops them all when the run ends, with any that a run
 * interrupted more than a day ago left behind. Schemas of a run still going on the same
 * database (another checkout's `npm test`) are younger and named for that run: never touched.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  // Base-36 milliseconds first, so a later run can tell an abandoned run's schemas by their age.
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  project.provide('pgSchemaRunId', runId);
  if (!url) return async () => undefined;
  await dropSchemas(url, (name) => {
    const started = parseInt(name.slice(POOL_PREFIX.length).split('_')[0]!, 36);
    return Number.isFinite(started) && Date.now() - started > ABANDONED_AFTER_MS;
  });
  return () => dropSchemas(url, (name) => name.startsWith(`${POOL_PREFIX}${runId}_`));
}

async function dropSchemas(url: string, which: (name: string) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)`, [
      POOL_PREFIX,
    ]);
    // One at a time: a single DROP of them all would take every object's lock in one transaction.
    for (const { name } of rows.filter((r) => which(r.name))) {
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(name)} CASCADE`);
    }
  } finally {
    await client.end();
  }
}
