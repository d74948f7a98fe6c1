import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { count, getTableName, is, type SQL } from 'drizzle-orm';
import { isPostgres } from '../db/engine.js';
import type { PgDb } from '../db/pg/connection.js';
import { inTransaction } from '../db/unit-of-work.js';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../db/schema/index.js';
import type { UserRole } from '../db/schema/index.js';
import { buildServer } from '../server/app.js';
import type { AppConfig } from '../server/config.js';
import { PRESSURE_OFF } from '../server/plugins/pressure.js';
import { SESSION_COOKIE } from '../server/plugins/auth.js';
import { passwordHashFor } from './accounts.js';
import { seededTestSchema } from './postgres-schema-pool.js';
import { writeTemplateDatabase } from './template-database.js';

export interface TestApp {
  app: FastifyInstance;
  dir: string;
  databasePath: string;
  /** The PostgreSQL URL (with its test schema) on the `postgres` project, null on SQLite: pass both to reopen the same database. */
  databaseUrl: string | null;
  close(): Promise<void>;
}

/**
 * The `postgres` Vitest project (vitest.config.ts, when TEST_DATABASE_URL is set) runs test
 * files again with TEST_ENGINE=postgres: every app is then built on PostgreSQL, in a schema of
 * its own on TEST_DATABASE_URL, dropped when the app closes.
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * Builds the real app on a fresh database file in its own temporary folder. `extend` may add
 * test-only routes before the app is ready (e.g. a write for the storage-failure tests).
 * The overload guard is off: on a shared machine it would measure the machine, not the app
 * (tests/server/plugins/pressure.test.ts turns it on and drives it).
 */
export async function buildTestApp(overrides: Partial<AppConfig> = {}, extend?: (app: FastifyInstance) => void): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-test-'));
  const databasePath = join(dir, 'scorecard.db');
  // On PostgreSQL, a schema already migrated and seeded as the app would (tests/postgres-schema-pool.ts).
  const schema =
    TEST_ENGINE === 'postgres' && overrides.databaseUrl === undefined ? await seededTestSchema(overrides.seedDemo ?? true) : null;
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    databasePath,
    databaseUrl: schema ? `${schema.url}?schema=${schema.schema}` : null,
    seedDemo: true,
    production: false,
    logLevel: 'silent',
    trustProxy: false,
    pressure: PRESSURE_OFF,
    // No 10 s limit on a plugin's start: under load, autoload's first import of the routes takes longer (server/config.ts).
    pluginTimeout: 0,
    ...overrides,
  };
  const close = async (app?: FastifyInstance) => {
    await app?.close();
    await schema?.release();
    rmSync(dir, { recursive: true, force: true });
  };
  let app: FastifyInstance | undefined;
  try {
    // A fresh SQLite file starts as the already migrated and seeded image (tests/template-database.ts).
    if (!config.databaseUrl && overrides.databasePath === undefined) await writeTemplateDatabase(databasePath, config.seedDemo);
    app = await buildServer(config);
    extend?.(app);
    await app.ready();
  } catch (err) {
    await close(app).catch(() => undefined);
    throw err;
  }
  return { app, dir, databasePath: config.databasePath, databaseUrl: config.databaseUrl ?? null, close: () => close(app) };
}

/** Builds the app on a fresh database and listens on a free loopback port, for browser tests. */
export async function startTestServer(overrides: Partial<AppConfig> = {}): Promise<TestApp & { origin: string }> {
  const t = await buildTestApp(overrides);
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...t, origin: address };
}

/** The origin `app.inject` requests come from (its default Host is localhost:80). */
export const INJECT_ORIGIN = 'http://localhost';

export interface TestUser {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  password: string;
  /** The session token, e.g. for a Playwright cookie named SESSION_COOKIE. */
  token: string;
  /** `session=...`, for a Cookie header. */
  cookie: string;
  /** Cookie and Origin for `app.inject`: what a signed-in page of this site would send. */
  headers: { cookie: string; origin: string };
}

let userCount = 0;

/**
 * Creates an account of `role` and a live session for it, the way sign-in does, without
 * going through POST /api/auth/login (so tests never trip its rate limit). Use the returned
 * `headers` with `app.inject`; against a listening server, send `cookie` and that server's
 * origin instead.
 */
export async function createSignedInUser(
  t: Pick<TestApp, 'app'>,
  role: UserRole,
  overrides: { email?: string; displayName?: string; password?: string } = {},
): Promise<TestUser> {
  userCount += 1;
  const email = overrides.email ?? `${role}-${userCount}-${process.pid}@example.org`;
  const displayName = overrides.displayName ?? `Test ${role} ${userCount}`;
  // One password per role, so the hash is made once (tests/accounts.ts).
  const password = overrides.password ?? `test-password-${role}`;
  const { users, sessions } = t.app.repositories;
  const account = await users.create({ email, displayName, role, passwordHash: await passwordHashFor(password) }, null, 'test');
  const { token } = await sessions.create(account.id);
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { id: account.id, email: account.email, displayName, role, password, token, cookie, headers: { cookie, origin: INJECT_ORIGIN } };
}

/** A valid evidence body for the demo data, with any field overridden. */
export function evidenceBody(overrides: Record<string, unknown> = {}) {
  return {
    subject: 'demo-jordan-sample',
    standard: 'kids',
    rating: 2,
    kind: 'action',
    title: 'Demo: a test entry',
    summary: 'Fictional evidence written by a test.',
    occurredOn: '2025-03-01',
    sources: [{ url: 'https://example.org/test/source', title: 'Test source', publisher: 'Example (test)' }],
    ...overrides,
  };
}

/** A real 1×1 PNG: flyers are decoded and re-encoded, so a bare PNG signature no longer passes. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/**
 * Overload shedding off, for tests that do not test it: on a shared, busy machine the event
 * loop stalls and under-pressure would answer 503 (tests/server/plugins/pressure.test.ts covers it).
 */
export const NO_PRESSURE = { pressure: { maxEventLoopDelay: 0, maxHeapUsedBytes: 0 } };

/** How many rows each named table holds, on either engine (through drizzle, not SQLite's client). */
export async function rowCounts(t: Pick<TestApp, 'app'>, tables: string[]): Promise<Record<string, number>> {
  const byName = new Map(
    (Object.values(schema) as unknown[])
      .filter((value): value is SQLiteTable => is(value, SQLiteTable))
      .map((table) => [getTableName(table), table]),
  );
  const out: Record<string, number> = {};
  for (const name of tables) {
    const [row] = await t.app.db.select({ n: count() }).from(byName.get(name)!);
    out[name] = row!.n;
  }
  return out;
}

/**
 * Test set-up that reaches past the API (expiring a link, simulating a concurrent change): one
 * SQL statement on either engine, written in a unit of work as the app writes.
 */
export async function runSql(t: Pick<TestApp, 'app'>, query: SQL): Promise<void> {
  await inTransaction(t.app.db, async (tx) => {
    if (isPostgres(tx)) await (tx as unknown as PgDb).execute(query);
    // better-sqlite3 answers at once.
    else tx.run(query);
  });
}

/** The rows a query answers, on either engine. */
export async function selectSql<T = Record<string, unknown>>(t: Pick<TestApp, 'app'>, query: SQL): Promise<T[]> {
  if (isPostgres(t.app.db)) return (await (t.app.db as unknown as PgDb).execute(query)).rows as T[];
  return t.app.db.all(query);
}

/** A `select count(*) …` as a number, on either engine. */
export async function countSql(t: Pick<TestApp, 'app'>, query: SQL): Promise<number> {
  const [row] = await selectSql<Record<string, unknown>>(t, query);
  return Number(Object.values(row!)[0]);
}
