import { existsSync } from 'node:fs';
import { asc, count, eq, is, sql, type SQL, type Table } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { computeScorecard, type ComputedScorecard, type Kind } from '../core/scoring/method.js';
import { openDatabase, type Db } from './connection.js';
import { migrateDatabase } from './migrate.js';
import { inTransaction } from './unit-of-work.js';
import { checkPgReachable, isPostgresUrl, openPgDatabase, quoteIdentifier, redactUrl, splitSchema, type PgDb } from './pg/connection.js';
import { migratePgDatabase } from './pg/migrate.js';
import * as pgSchema from './schema/pg/index.js';
import * as sqliteSchema from './schema/sqlite/index.js';

/**
 * Copies a whole scorecard from one engine to the other (`npm run db:copy`, cli/db-copy.ts):
 * an SQLite file to a PostgreSQL database, or back.
 *
 * The target is brought up to date with its own migrations and must hold nothing yet. Every
 * table is copied in dependency order (a row's foreign keys exist before it) inside one
 * transaction on the target; PostgreSQL's identity sequences are then moved past the copied
 * ids. Before committing, the copy is checked: every table's row count, and every person's
 * scorecard computed with core/scoring from the evidence read back from each side, must be
 * equal. Anything different rolls the whole copy back. Tables written by hand (the search
 * index, PostgreSQL's data version) are filled by their own triggers, not copied.
 */

export type Endpoint = { engine: 'sqlite'; db: Db; label: string } | { engine: 'postgres'; db: PgDb; label: string };

/** What the copy did, for the command to print. */
export interface CopyReport {
  tables: Array<{ name: string; rows: number }>;
  scorecards: number;
}

/** An SQLite path or a postgres:// URL, opened (and for a target, migrated). */
export async function openEndpoint(where: string, role: 'source' | 'target'): Promise<Endpoint> {
  if (isPostgresUrl(where)) {
    const { url, schema } = splitSchema(where);
    // First, so a mistyped or unreachable URL is refused saying which database and why (with the
    // password hidden), before anything is opened or written on either side.
    await checkPgReachable(url);
    if (role === 'target') await migratePgDatabase(url, schema);
    return { engine: 'postgres', db: openPgDatabase(url, { schema, max: 2 }), label: redactUrl(where) };
  }
  if (role === 'source' && !existsSync(where)) throw new Error(`there is no SQLite database at ${where}`);
  const db = openDatabase(where);
  if (role === 'target') migrateDatabase(db);
  return { engine: 'sqlite', db, label: where };
}

export async function closeEndpoint(end: Endpoint): Promise<void> {
  if (end.engine === 'postgres') await end.db.$client.end();
  else end.db.$client.close();
}

/** The tables both schemas describe, parents before children (by their foreign keys). */
export function tablesInDependencyOrder(): Array<{ name: string; sqlite: SQLiteTable; pg: PgTable }> {
  const pgByName = new Map<string, PgTable>();
  for (const value of Object.values(pgSchema)) if (is(value, PgTable)) pgByName.set(pgTableConfig(value).name, value);
  const sqliteByName = new Map<string, SQLiteTable>();
  for (const value of Object.values(sqliteSchema)) if (is(value, SQLiteTable)) sqliteByName.set(sqliteTableConfig(value).name, value);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const fk of sqliteTableConfig(sqliteByName.get(name)!).foreignKeys) {
      const parent = sqliteTableConfig(fk.reference().foreignTable).name;
      if (parent !== name) visit(parent);
    }
    visiting.delete(name);
    ordered.push(name);
  };
  [...sqliteByName.keys()].sort().forEach(visit);
  return ordered.map((name) => {
    const pg = pgByName.get(name);
    if (!pg) throw new Error(`table ${name} has no PostgreSQL twin (tests/db/schema-drift.test.ts should have said so)`);
    return { name, sqlite: sqliteByName.get(name)!, pg };
  });
}

// Both engines' drizzle objects answer the same calls here; their types do not unify, so the
// few calls this module makes go through this one loose type.
interface AnyQuery extends PromiseLike<Array<Record<string, unknown>>> {
  innerJoin(table: Table, on: SQL): AnyQuery;
  where(condition: SQL): AnyQuery;
  orderBy(...order: SQL[]): AnyQuery;
}
export type AnyDb = {
  select(fields?: unknown): { from(table: Table): AnyQuery };
  insert(table: Table): { values(rows: unknown[]): Promise<unknown> };
};

function tableOn(end: Endpoint, t: { sqlite: SQLiteTable; pg: PgTable }): Table {
  return end.engine === 'sqlite' ? t.sqlite : t.pg;
}

async function rowCount(db: AnyDb, table: Table): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return Number(row!.n);
}

/** Each person's scorecard (every entry, whatever its date), by slug, from what `db` holds. */
async function scorecards(end: Endpoint, db: AnyDb): Promise<Map<string, ComputedScorecard>> {
  const schema = end.engine === 'sqlite' ? sqliteSchema : pgSchema;
  const { evidence, standards, subjects } = schema as typeof sqliteSchema;
  const refs = (await db
    .select({ slug: standards.slug, number: standards.number, title: standards.title })
    .from(standards)
    .orderBy(asc(standards.number))) as Array<{ slug: string; number: number; title: string }>;
  const people = (await db.select({ id: subjects.id, slug: subjects.slug }).from(subjects)) as Array<{ id: number; slug: string }>;
  const cards = new Map<string, ComputedScorecard>();
  for (const person of people) {
    const entries = (await db
      .select({
        standard: standards.slug,
        rating: evidence.rating,
        kind: evidence.kind,
        status: evidence.status,
        occurredOn: evidence.occurredOn,
      })
      .from(evidence)
      .innerJoin(standards, eq(standards.id, evidence.standardId))
      .where(eq(evidence.subjectId, person.id))
      .orderBy(asc(evidence.id))) as Array<{ standard: string; rating: number; kind: Kind; status: string; occurredOn: string }>;
    cards.set(person.slug, computeScorecard(refs, entries));
  }
  return cards;
}

/** Moves every identity sequence past the largest id copied, so the next insert gets a new id. */
export async function resetSequences(db: AnyDb, tables: ReturnType<typeof tablesInDependencyOrder>) {
  const tx = db as unknown as { execute(query: SQL): Promise<unknown> };
  for (const { pg } of tables) {
    const config = pgTableConfig(pg);
    for (const column of config.columns) {
      if (!(column as { generatedIdentity?: unknown }).generatedIdentity) continue;
      const table = quoteIdentifier(config.name);
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(quote_ident(current_schema()) || '.' || ${table}, ${column.name}), coalesce(max(${sql.raw(quoteIdentifier(column.name))}), 0) + 1, false) from ${sql.raw(table)}`,
      );
    }
  }
}

/** Rows per INSERT: well under both engines' limit on bound parameters (SQLite 32,766; PostgreSQL 65,535). */
export function batchSize(table: Table, engine: Endpoint['engine']): number {
  const columns =
    engine === 'sqlite' ? sqliteTableConfig(table as SQLiteTable).columns.length : pgTableConfig(table as PgTable).columns.length;
  return Math.max(1, Math.floor(30_000 / columns));
}

export async function copyDatabase(source: Endpoint, target: Endpoint): Promise<CopyReport> {
  const tables = tablesInDependencyOrder();
  const from = source.db as unknown as AnyDb;
  const occupied: string[] = [];
  for (const t of tables) {
    const n = await rowCount(target.db as unknown as AnyDb, tableOn(target, t));
    if (n > 0) occupied.push(`${t.name} (${n})`);
  }
  if (occupied.length) {
    throw new Error(
      `the target ${target.label} already holds data in ${occupied.join(', ')}: copy into a new, empty database (a server started on it adds the ten standards)`,
    );
  }
  return await inTransaction(target.db as unknown as Db, async (tx) => {
    const to = tx as unknown as AnyDb;
    const report: CopyReport = { tables: [], scorecards: 0 };
    for (const t of tables) {
      const rows = await from.select().from(tableOn(source, t));
      const size = batchSize(tableOn(target, t), target.engine);
      for (let i = 0; i < rows.length; i += size) await to.insert(tableOn(target, t)).values(rows.slice(i, i + size));
      report.tables.push({ name: t.name, rows: rows.length });
    }
    if (target.engine === 'postgres') await resetSequences(to, tables);

    const differences: string[] = [];
    for (const t of tables) {
      const [a, b] = [await rowCount(from, tableOn(source, t)), await rowCount(to, tableOn(target, t))];
      if (a !== b) differences.push(`${t.name}: ${a} rows in the source, ${b} in the target`);
    }
    const [before, after] = [await scorecards(source, from), await scorecards(target, to)];
    for (const [slug, card] of before) {
      if (JSON.stringify(card) !== JSON.stringify(after.get(slug))) differences.push(`the scorecard of ${slug} differs`);
    }
    for (const slug of after.keys()) if (!before.has(slug)) differences.push(`${slug} is only in the target`);
    if (differences.length) throw new Error(`the copy does not match its source, nothing was written: ${differences.join('; ')}`);
    report.scorecards = before.size;
    return report;
  });
}
