import { randomBytes } from 'node:crypto';
import { checkPgReachable, isPostgresUrl, quoteIdentifier, runStatement } from '../db/pg/connection.js';

/**
 * PostgreSQL for tests. `TEST_DATABASE_URL=postgres://…` (CI sets it to the machine's
 * PostgreSQL) turns on the PostgreSQL tests and runs `buildTestApp` on PostgreSQL; unset,
 * they are skipped and everything runs on SQLite. A URL that is set but unreachable fails
 * loudly (`testSchema` throws), never skips: CI must not pass on SQLite alone by accident.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

if (TEST_DATABASE_URL !== undefined && !isPostgresUrl(TEST_DATABASE_URL)) {
  throw new Error(`TEST_DATABASE_URL must be a postgres:// URL, not ${JSON.stringify(TEST_DATABASE_URL)}`);
}

/** Whether this run has a PostgreSQL to test on. */
export const onPostgres = TEST_DATABASE_URL !== undefined;

export interface TestSchema {
  url: string;
  /** A schema of its own on the shared test database: two runs, or two tests, never collide. */
  schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

let count = 0;
let reachable: Promise<void> | undefined;

/** A fresh, empty schema on TEST_DATABASE_URL; `drop()` it when done (buildTestApp does at close). */
export async function testSchema(): Promise<TestSchema> {
  const url = TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: guard PostgreSQL tests with onPostgres');
  reachable ??= checkPgReachable(url);
  await reachable;
  count += 1;
  const schema = `test_${process.pid}_${count}_${randomBytes(4).toString('hex')}`;
  await runStatement(url, `CREATE SCHEMA ${quoteIdentifier(schema)}`);
  return { url, schema, drop: () => runStatement(url, `DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`) };
}
