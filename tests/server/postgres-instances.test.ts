import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import { openPgDatabase, splitSchema } from '../../db/pg/connection.js';
import { hashPassword } from '../../server/auth/password.js';
import { UserRepository } from '../../server/repositories/users.js';
import { evidenceBody } from '../helper.js';
import { onPostgres, testSchema, type TestSchema } from '../postgres.js';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../server-process.js';

/**
 * Several instances on one PostgreSQL database (issue 18): two built server processes share
 * TEST_DATABASE_URL (a schema of their own on it), each with its own data folder.
 */
let schema: TestSchema | undefined;
let first: ServerProcess | undefined;
let second: ServerProcess | undefined;
const dirs: string[] = [];

async function instance(url: string): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-instance-'));
  dirs.push(dir);
  return await startServerProcess({ DATABASE_URL: url, DATABASE_PATH: join(dir, 'scorecard.db'), SEED_DEMO: '1', LOG_LEVEL: 'warn' });
}

/** An account made straight in the database, as `npm run user:add` would. */
async function account(url: string, role: 'volunteer' | 'reviewer', email: string, password: string) {
  const { url: plain, schema: name } = splitSchema(url);
  const db = openPgDatabase(plain, { schema: name, max: 1 });
  try {
    await new UserRepository(db as unknown as Db).create(
      { email, displayName: `Test ${role}`, role, passwordHash: await hashPassword(password) },
      null,
      'test',
    );
  } finally {
    await db.$client.end();
  }
}

async function signIn(server: ServerProcess, email: string, password: string): Promise<string> {
  const res = await fetch(`${server.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function send(server: ServerProcess, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.origin}${path}`, {
    method,
    headers: { cookie, origin: server.origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function evidenceCount(server: ServerProcess): Promise<number> {
  const res = await fetch(`${server.origin}/api/subjects/demo-jordan-sample/scorecard`);
  return ((await res.json()) as { evidenceCount: number }).evidenceCount;
}

describe.skipIf(!onPostgres)('two server processes on one PostgreSQL database', () => {
  beforeAll(async () => {
    ensureBuilt();
    schema = await testSchema();
    const url = `${schema.url}?schema=${schema.schema}`;
    // One after the other: the first migrates and seeds, the second finds it done.
    first = await instance(url);
    second = await instance(url);
    await account(url, 'volunteer', 'volunteer@example.org', 'volunteer-password-1');
    await account(url, 'reviewer', 'reviewer@example.org', 'reviewer-password-1');
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await schema?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a session made on one works on the other, and a publish on the first changes what the second serves within a second', async () => {
    const volunteer = await signIn(first!, 'volunteer@example.org', 'volunteer-password-1');
    const reviewer = await signIn(first!, 'reviewer@example.org', 'reviewer-password-1');
    expect((await send(second!, reviewer, 'GET', '/api/auth/account')).json).toMatchObject({ email: 'reviewer@example.org' });

    // The second instance has computed (and cached) the scorecard before the publish.
    const before = await evidenceCount(second!);
    expect(await evidenceCount(second!)).toBe(before);

    const submitted = await send(first!, volunteer, 'POST', '/api/evidence', evidenceBody({ title: 'Demo: published across instances' }));
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(201);
    expect(await evidenceCount(second!)).toBe(before);
    const published = await send(first!, reviewer, 'POST', `/api/evidence/${submitted.json.id}/review`, {
      decision: 'publish',
      revision: 1,
    });
    expect(published.status, JSON.stringify(published.json)).toBe(200);

    await expect.poll(() => evidenceCount(second!), { timeout: 1000, interval: 50 }).toBe(before + 1);
  });
});
