import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrateDatabase } from '../../db/migrate.js';
import { expectDigestSentOnce, expectFlyerSharedAcrossInstances, prepareInstancesDatabase, REVIEWER } from '../instances.js';
import { startMailServer, type TestMailServer } from '../mail-server.js';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../server-process.js';

// Two server processes on one database file, as two instances behind a proxy would run
// (issue 18): state one instance writes is what the other serves, and scheduled work runs once.
// The checks are shared with the PostgreSQL twin (tests/server/postgres-instances.test.ts).
let dir: string;
let databasePath: string;
let mail: TestMailServer;
let adminCookie: string;
const instances: ServerProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'scorecard-instances-'));
  databasePath = join(dir, 'scorecard.db');
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  ({ adminCookie } = await prepareInstancesDatabase(db));
  db.$client.close();

  mail = await startMailServer();
  // Started together, so both run their first scheduled mail tick at about the same time.
  const env = { DATABASE_PATH: databasePath, SMTP_URL: mail.url, SEED_DEMO: '0' };
  instances.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
});

afterAll(async () => {
  await Promise.all(instances.map((s) => s.stop()));
  await mail?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('two instances on one database', () => {
  it('send the reviewer digest once, through the mail server, whichever instance holds the lease', () =>
    expectDigestSentOnce(mail, instances));

  it('keep a session made on one instance working on the other', async () => {
    const [first, second] = instances;
    const login = await fetch(`${first.origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first.origin },
      body: JSON.stringify(REVIEWER),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const me = await fetch(`${second.origin}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).email).toBe(REVIEWER.email);
  });

  it('serve a flyer uploaded on one instance from the other, and drop it with its event', () =>
    expectFlyerSharedAcrossInstances(instances[0]!, instances[1]!, adminCookie));
});
