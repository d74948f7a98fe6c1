import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { isPostgres } from '../db/engine.js';
import { quoteIdentifier, type PgDb } from '../db/pg/connection.js';

/**
 * Every row of every table (SQLite's own and drizzle's bookkeeping included), in a stable
 * order: two dumps are equal exactly when nothing stored has changed.
 */
export function dumpTables(sqlite: Database.Database): Record<string, unknown[]> {
  const all = sqlite
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as Array<{
    name: string;
    sql: string | null;
  }>;
  // A virtual table (the FTS5 search index) is dumped as itself; its shadow tables only
  // restate it, and some have no rowid to order by.
  const virtual = all.filter((t) => /^create virtual table/i.test(t.sql ?? '')).map((t) => `${t.name}_`);
  const tables = all.map((t) => t.name).filter((name) => !virtual.some((prefix) => name.startsWith(prefix)));
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    // Every table here has a rowid; ordering by it keeps the dump stable across calls.
    dump[table] = sqlite.prepare(`select * from "${table}" order by rowid`).raw().all();
  }
  return dump;
}

/**
 * What every table of the app's database holds, on either engine, in a form that compares
 * equal exactly when nothing stored has changed: on SQLite the full dump above (which names
 * the rows), on PostgreSQL each table's row count and an md5 of its rows in a stable order,
 * worked out by the server in one round trip (pulling every row to the test would cost far more).
 */
export async function tableContents(app: FastifyInstance): Promise<Record<string, unknown>> {
  if (!isPostgres(app.db)) return dumpTables(app.db.$client);
  const pool = (app.db as unknown as PgDb).$client;
  // The app's connections are already in its own schema (search_path), so current_schema() is it.
  const { rows: tables } = await pool.query<{ name: string }>(
    // data_version is left out: a trigger moves it with every write to another table, so what
    // it counts shows in those tables (and the fuzzer reads it as its write counter).
    "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'data_version' order by table_name",
  );
  if (!tables.length) return {};
  const query = tables
    .map(
      ({ name }) =>
        `select ${quoteLiteral(name)} as name, count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from ${quoteIdentifier(name)} t`,
    )
    .join(' union all ');
  const { rows } = await pool.query<{ name: string; rows: number; hash: string }>(query);
  return Object.fromEntries(rows.map((row) => [row.name, `${row.rows} rows, md5 ${row.hash}`]));
}

const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;
