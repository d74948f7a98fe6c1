import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import { openPgDatabase } from '../../db/pg/connection.js';
import { migratePgDatabase } from '../../db/pg/migrate.js';
import { passwordHashFor } from '../accounts.js';
import { UserRepository } from '../../server/repositories/users.js';
import { evidenceBody } from '../helper.js';
import { expectDigestSentOnce, expectFlyerSharedAcrossInstances, prepareInstancesDatabase, REVIEWER } from '../instances.js';
import { startMailServer, type TestMailServer } from '../mail-server.js';
import { onPostgres, testSchema, type TestSchema } from '../postgres.js';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../server-process.js';

/**
 * Several instances on one PostgreSQL database (issue 18): two built server processes share
 * TEST_DATABASE_URL (a schema of their own on it), each with its own data folder. The checks
 * they share with the SQLite twin (tests/server/instances.test.ts) live in tests/instances.ts.
 */
let schema: TestSchema | undefined;
let mail: TestMailServer | undefined;
let adminCookie: string;
const instances: ServerProcess[] = [];
const dirs: string[] = [];
const VOLUNTEER = { email: 'volunteer@example.org', password: 'volunteer-password-1' };

async function instance(url: string, smtpUrl: string): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-instance-'));
  dirs.push(dir);
  return await startServerProcess({ DATABASE_URL: url, DATABASE_PATH: join(dir, 'scorecard.db'), SEED_DEMO: '0', SMTP_URL: smtpUrl });
}

/**
 * Migrated, seeded and given its accounts before either instance starts, as `npm run db:migrate`
 * and `npm run user:add` would: the first scheduled mail tick of each then finds the reviewer.
 */
async function prepare(url: string, name: string): Promise<void> {
  await migratePgDatabase(url, name);
  const db = openPgDatabase(url, { schema: name, max: 1 });
  try {
    ({ adminCookie } = await prepareInstancesDatabase(db as unknown as Db));
    await new UserRepository(db as unknown as Db).create(
      { email: VOLUNTEER.email, displayName: 'Test volunteer', role: 'volunteer', passwordHash: await passwordHashFor(VOLUNTEER.password) },
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
    await prepare(schema.url, schema.schema);
    mail = await startMailServer();
    // One after the other (two PostgreSQL starts at once overran Fastify's 10 s plugin deadline
    // on a loaded two-core machine): the second's first scheduled mail tick then finds the lease
    // the first took still held.
    const url = `${schema.url}?schema=${schema.schema}`;
    instances.push(await instance(url, mail.url));
    instances.push(await instance(url, mail.url));
  });
  afterAll(async () => {
    await Promise.all(instances.map((s) => s.stop()));
    await mail?.close();
    await schema?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('send the reviewer digest once, through the mail server, whichever instance holds the lease', () =>
    expectDigestSentOnce(mail!, instances));

  it('a session made on one works on the other, and a publish on the first changes what the second serves within a second', async () => {
    const [first, second] = instances as [ServerProcess, ServerProcess];
    const volunteer = await signIn(first, VOLUNTEER.email, VOLUNTEER.password);
    const reviewer = await signIn(first, REVIEWER.email, REVIEWER.password);
    expect((await send(second, reviewer, 'GET', '/api/auth/account')).json).toMatchObject({ email: REVIEWER.email });

    // The second instance has computed (and cached) the scorecard before the publish.
    const before = await evidenceCount(second);
    expect(await evidenceCount(second)).toBe(before);

    const submitted = await send(first, volunteer, 'POST', '/api/evidence', evidenceBody({ title: 'Demo: published across instances' }));
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(201);
    expect(await evidenceCount(second)).toBe(before);
    const published = await send(first, reviewer, 'POST', `/api/evidence/${submitted.json.id}/review`, {
      decision: 'publish',
      revision: 1,
    });
    expect(published.status, JSON.stringify(published.json)).toBe(200);

    await expect.poll(() => evidenceCount(second), { timeout: 1000, interval: 50 }).toBe(before + 1);
  });

  it('serve a flyer uploaded on one from the other, and drop it with its event', () =>
    expectFlyerSharedAcrossInstances(instances[0]!, instances[1]!, adminCookie));
});
