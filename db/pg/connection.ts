import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from '../schema/pg/index.js';
// Gives db/engine.ts its aliasedJoin for PostgreSQL, which only a PostgreSQL database needs.
import './aliases.js';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** Whether DATABASE_URL names a PostgreSQL database (otherwise the SQLite file at DATABASE_PATH is used). */
export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(?:ql)?:\/\//i.test(url);
}

// Values come back in the shapes the SQLite engine gives, so the same repository code answers
// the same JSON on both: a count(*) (int8) is a number, not a string (no count here nears 2^53),
// and JSON columns come back as their text, which both dialects' JSON columns parse themselves.
// drizzle's node-postgres driver falls back to these process-wide parsers for every type it
// does not handle itself (it handles only dates and intervals, which this schema never uses).
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.JSON, (value: string) => value);
pg.types.setTypeParser(pg.types.builtins.JSONB, (value: string) => value);

export interface PgOptions {
  /**
   * The schema every table lives in (`search_path`): `public` unless said otherwise. Tests give
   * each app its own schema on one database so runs never collide (tests/postgres.ts).
   */
  schema?: string;
  /** Connections kept open at most; PostgreSQL's default max_connections is 100, shared by every instance. */
  max?: number;
}

/** The `-c search_path=…` start-up option that puts a connection in `schema`. */
export function searchPathOption(schema: string): string {
  return `-c search_path=${quoteIdentifier(schema)}`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A pool of connections to the PostgreSQL database at `url`, through drizzle's node-postgres
 * driver. Connections are opened on demand; a database that cannot be reached fails the first
 * query (`checkPgReachable` asks at start-up so a misconfigured URL stops the start).
 */
export function openPgDatabase(url: string, options: PgOptions = {}): PgDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(options.schema ? { options: searchPathOption(options.schema) } : {}),
  });
  // An idle connection that the server closes (a restart, a failover) must not crash the process:
  // the pool drops it and opens another for the next query.
  pool.on('error', () => undefined);
  return drizzle({ client: pool, schema }) as PgDb;
}

/**
 * Connects once and asks for nothing but an answer, so a wrong URL, a stopped server or refused
 * credentials stop the start (and CI) with the reason instead of failing every request later.
 */
export async function checkPgReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new Error(`PostgreSQL at ${redactUrl(url)} cannot be reached: ${(err as Error).message}`, { cause: err });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs one statement (or several, `;`-separated) on a connection of its own, closed after it:
 * the set-up and tear-down outside any app's pool (tests/postgres.ts creates and drops test
 * schemas; bench/engine.ts creates and drops its databases and turns the search triggers off).
 */
export async function runStatement(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

/**
 * DATABASE_URL may name the schema to use with `?schema=name` (default `public`), so one
 * PostgreSQL database can hold several scorecards. The parameter is ours, not libpq's: it is
 * taken off the URL before node-postgres sees it.
 */
export function splitSchema(url: string): { url: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') || 'public';
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), schema };
}
