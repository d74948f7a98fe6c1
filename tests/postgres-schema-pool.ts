import pg from 'pg';
import type { Db } from '../db/connection.js';
import { openPgDatabase, quoteIdentifier, runStatement } from '../db/pg/connection.js';
import { migratePgDatabase } from '../db/pg/migrate.js';
import { seedDemo, seedStandards } from '../db/seed/index.js';
import { TEST_DATABASE_URL, testSchema, type TestSchema } from './postgres.js';

/**
 * Schemas for the PostgreSQL test apps (`buildTestApp` on the `postgres` project), kept for the
 * next app in the same worker instead of made and dropped for each.
 *
 * A new schema cost about 0.3 s idle, and several times that on a busy machine: a hundred DDL
 * statements of migrations, the seeding through the app's code, and a DROP of the lot at the
 * end, for each of about 60 apps a run. A kept schema is instead put back to what a fresh one
 * would hold in one transaction: every table emptied, then filled from a template schema that
 * this worker migrated and seeded once (one with the demo, one without), and every sequence
 * set where the template's stands. That takes tens of milliseconds. Rows are copied with
 * `session_replication_role = replica`, so no trigger fires: the templates' derived rows (the
 * search index, the data-version counter) are copied as they are, and foreign keys are not
 * checked table by table (the template satisfies them).
 *
 * The app built on it then runs its own migration and seeding at start, which find nothing left
 * to do, as on SQLite (tests/template-database.ts). A schema is reused only once its app has
 * closed. No test changes a schema's tables or functions, only rows; one that did would have to
 * build its app with its own `databaseUrl`.
 *
 * The pool's schemas are named for the run (`tests/postgres-setup.ts` gives the id and drops them
 * all when the run ends, and any an interrupted run left behind a day later). Without a run id
 * (a file run outside the `postgres` project) or where the role may not set
 * `session_replication_role` (not a superuser), each app gets a fresh schema as before.
 */

export interface PooledSchema {
  url: string;
  schema: string;
  /** Gives the schema back for the next app of this worker; the app using it must be closed. */
  release(): Promise<void>;
}

interface Template {
  /** Deletes every row of `target` and copies the template's in, in one transaction. */
  resetSql(target: string): string;
}

/** The prefix every pooled schema of every run starts with; its timestamp dates it (tests/postgres-setup.ts). */
export const POOL_PREFIX = 'tp_';

/** The run's id (tests/postgres-setup.ts) when schemas can be pooled; undefined for a fresh schema per app. */
async function poolRunId(url: string): Promise<string | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  const id = inject('pgSchemaRunId');
  return id && (await canReplicate(url)) ? id : undefined;
}

const free: string[] = [];
const templates = new Map<boolean, Promise<Template>>();
let pooling: Promise<string | undefined> | undefined;
let created = 0;

/** A schema holding what a fresh app's migration and seeding would write: the standards, and the demo with `withDemo`. */
export async function seededTestSchema(withDemo: boolean): Promise<PooledSchema> {
  const url = TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: guard PostgreSQL tests with onPostgres');
  pooling ??= poolRunId(url);
  const id = await pooling;
  if (!id) return freshSchema();

  const template = await templateFor(url, id, withDemo);
  const schema = free.pop() ?? (await newPoolSchema(url, id));
  // A schema whose reset fails is not put back; the run's teardown drops it with the rest.
  await runStatement(url, template.resetSql(schema));
  return {
    url,
    schema,
    release: async () => {
      free.push(schema);
    },
  };
}

/** The fallback: a fresh, migrated schema per app, dropped when the app closes (the app seeds it). */
async function freshSchema(): Promise<PooledSchema> {
  const schema: TestSchema = await testSchema();
  try {
    await migratePgDatabase(schema.url, schema.schema);
  } catch (err) {
    await schema.drop().catch(() => undefined);
    throw err;
  }
  return { url: schema.url, schema: schema.schema, release: schema.drop };
}

/** Whether this role may switch triggers off for a transaction (superusers may; others fall back to fresh schemas). */
async function canReplicate(url: string): Promise<boolean> {
  try {
    await runStatement(url, 'BEGIN; SET LOCAL session_replication_role = replica; COMMIT');
    return true;
  } catch {
    return false;
  }
}

async function newPoolSchema(url: string, id: string): Promise<string> {
  created += 1;
  const schema = `${POOL_PREFIX}${id}_${process.pid}_${created}`;
  await migratePgDatabase(url, schema);
  return schema;
}

function templateFor(url: string, id: string, withDemo: boolean): Promise<Template> {
  let template = templates.get(withDemo);
  if (!template) {
    template = makeTemplate(url, `${POOL_PREFIX}${id}_${process.pid}_template_${withDemo ? 'demo' : 'standards'}`, withDemo);
    templates.set(withDemo, template);
    template.catch(() => templates.delete(withDemo));
  }
  return template;
}

/** Migrates and seeds `schema` once, as an app's start would, and reads what a reset must copy. */
async function makeTemplate(url: string, schema: string, withDemo: boolean): Promise<Template> {
  await migratePgDatabase(url, schema);
  const db = openPgDatabase(url, { schema, max: 1 });
  try {
    await seedStandards(db as unknown as Db);
    if (withDemo) await seedDemo(db as unknown as Db);
  } finally {
    await db.$client.end();
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Generated columns (the search index's folded text) cannot be inserted; they are computed again.
    const tables = await client.query<{ table_name: string; columns: string }>(
      `SELECT c.table_name, string_agg(quote_ident(c.column_name), ', ' ORDER BY c.ordinal_position) AS columns
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
        GROUP BY c.table_name`,
      [schema],
    );
    const sequences = await client.query<{ name: string; last_value: string | null }>(
      'SELECT sequencename AS name, last_value FROM pg_sequences WHERE schemaname = $1',
      [schema],
    );
    const from = quoteIdentifier(schema);
    return {
      resetSql(target) {
        const to = quoteIdentifier(target);
        return [
          'BEGIN',
          'SET LOCAL session_replication_role = replica',
          ...tables.rows.map(({ table_name }) => `DELETE FROM ${to}.${quoteIdentifier(table_name)}`),
          ...tables.rows.map(
            ({ table_name, columns }) =>
              `INSERT INTO ${to}.${quoteIdentifier(table_name)} (${columns}) SELECT ${columns} FROM ${from}.${quoteIdentifier(table_name)}`,
          ),
          ...sequences.rows.map(({ name, last_value }) => {
            const sequence = `${to}.${quoteIdentifier(name)}`.replace(/'/g, "''");
            // A sequence never used has no last value: its next value is its start, 1.
            return last_value === null
              ? `SELECT setval('${sequence}', 1, false)`
              : `SELECT setval('${sequence}', ${Number(last_value)}, true)`;
          }),
          'COMMIT',
        ].join(';\n');
      },
    };
  } finally {
    await client.end();
  }
}
