import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { tablesInDependencyOrder } from '../../db/copy.js';
import { migrateDatabase } from '../../db/migrate.js';
import { quoteIdentifier } from '../../db/pg/connection.js';
import { seedDemo, seedStandards } from '../../db/seed/index.js';
import { dumpTables } from '../database-dump.js';
import { onPostgres, testSchema, type TestSchema } from '../postgres.js';

/**
 * `npm run db:copy` as an operator runs it: a child process through npm, judged by its exit
 * code and what it prints. tests/db/copy.test.ts covers the copy itself in-process.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let schema: TestSchema | undefined;
let target: string;

function dbCopy(from: string, to: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', 'db:copy', '--', '--from', from, '--to', to], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Rows per copied table of an SQLite file. */
function sqliteCounts(path: string): Record<string, number> {
  const db = openDatabase(path);
  try {
    const dump = dumpTables(db.$client);
    return Object.fromEntries(tablesInDependencyOrder().map((t) => [t.name, dump[t.name]!.length]));
  } finally {
    db.$client.close();
  }
}

/** Rows per copied table of the test schema on PostgreSQL (an empty object while it has no tables). */
async function pgCounts(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: schema!.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('select count(*) as n from information_schema.tables where table_schema = $1', [
      schema!.schema,
    ]);
    if (Number(rows[0]!.n) === 0) return {};
    const out: Record<string, number> = {};
    for (const { name } of tablesInDependencyOrder()) {
      const res = await client.query<{ n: string }>(
        `select count(*) as n from ${quoteIdentifier(schema!.schema)}.${quoteIdentifier(name)}`,
      );
      out[name] = Number(res.rows[0]!.n);
    }
    return out;
  } finally {
    await client.end();
  }
}

const REPORT = /^db:copy: copied (\d+) rows in (\d+) tables from .+ to .+; row counts and all (\d+) scorecards match\n$/;

describe.skipIf(!onPostgres)('npm run db:copy, as a command', () => {
  let source: string;
  let counts: Record<string, number>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scorecard-db-copy-'));
    source = join(dir, 'source.db');
    const db = openDatabase(source);
    migrateDatabase(db);
    await seedStandards(db);
    await seedDemo(db);
    db.$client.close();
    counts = sqliteCounts(source);
    schema = await testSchema();
    target = `${schema.url}?schema=${schema.schema}`;
  });
  afterAll(async () => {
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a PostgreSQL URL it cannot reach, saying so, and writes nothing on either side', async () => {
    // Port 1 on the loopback: nothing listens there. The password must not be printed.
    const res = await dbCopy(source, 'postgres://scorecard:secret-pw@127.0.0.1:1/nowhere');
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/^db:copy: PostgreSQL at postgres:\/\/scorecard:\*\*\*@127\.0\.0\.1:1\/nowhere cannot be reached: /);
    expect(res.stderr).not.toContain('secret-pw');
    expect(res.stdout).toBe('');
    expect(sqliteCounts(source)).toEqual(counts);

    const back = join(dir, 'never.db');
    const reverse = await dbCopy('postgres://scorecard@127.0.0.1:1/nowhere', back);
    expect(reverse.code).not.toBe(0);
    expect(reverse.stderr).toMatch(/cannot be reached/);
    expect(existsSync(back)).toBe(false);
  });

  it('copies an SQLite file to PostgreSQL, reporting the rows, tables and scorecards it checked', async () => {
    const res = await dbCopy(source, target);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const [, rows, tables, scorecards] = REPORT.exec(res.stdout)!.map(Number);
    expect(rows).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    expect(tables).toBe(tablesInDependencyOrder().length);
    expect(scorecards).toBe(counts.subjects);
    expect(scorecards).toBeGreaterThan(0);
    expect(await pgCounts()).toEqual(counts);
  });

  it('refuses to copy into a database that already holds data, and leaves it as it was', async () => {
    const res = await dbCopy(source, target);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/^db:copy: the target .+ already holds data in .*standards.*: copy into a new, empty database/);
    expect(await pgCounts()).toEqual(counts);
  });

  it('copies PostgreSQL back into a new SQLite file with the same rows and scorecards', async () => {
    const back = join(dir, 'from-postgres.db');
    const res = await dbCopy(target, back);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const [, rows, , scorecards] = REPORT.exec(res.stdout)!.map(Number);
    expect(rows).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    expect(scorecards).toBe(counts.subjects);
    expect(sqliteCounts(back)).toEqual(counts);
  });
});
