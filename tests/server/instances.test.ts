import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrateDatabase } from '../../db/migrate.js';
import { seedDemo, seedStandards } from '../../db/seed/index.js';
import { hashPassword } from '../../server/auth/password.js';
import { SESSION_COOKIE } from '../../server/plugins/auth.js';
import { SessionRepository, UserRepository } from '../../server/repositories/users.js';
import { TINY_PNG } from '../helper.js';
import { startMailServer, type TestMailServer } from '../mail-server.js';
import { ensureBuilt, startServerProcess, waitFor, type ServerProcess } from '../server-process.js';

// Two server processes on one database file, as two instances behind a proxy would run
// (issue 18): state one instance writes is what the other serves, and scheduled work runs once.
let dir: string;
let databasePath: string;
let mail: TestMailServer;
let adminCookie: string;
const instances: ServerProcess[] = [];
const REVIEWER = { email: 'digest-reviewer@example.org', password: 'reviewer-password-1' };
const LEFT_TO_HOLDER = 'scheduled mail work left to the instance holding the lease';

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'scorecard-instances-'));
  databasePath = join(dir, 'scorecard.db');
  // The demo's pending entries are what the reviewer's digest announces.
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  await seedStandards(db);
  await seedDemo(db);
  const users = new UserRepository(db);
  await users.create(
    { email: REVIEWER.email, displayName: 'Digest reviewer', role: 'reviewer', passwordHash: await hashPassword(REVIEWER.password) },
    null,
    'test',
  );
  const admin = await users.create(
    { email: 'flyer-admin@example.org', displayName: 'Admin', role: 'admin', passwordHash: 'x' },
    null,
    'test',
  );
  adminCookie = `${SESSION_COOKIE}=${(await new SessionRepository(db).create(admin.id)).token}`;
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
  it('send the reviewer digest once, through the mail server, whichever instance holds the lease', async () => {
    const digest = await mail.waitFor((m) => m.to.includes(REVIEWER.email) && /await(s)? your review/.test(m.subject));
    expect(digest.subject).toMatch(/entries await your review|entry awaits your review/);
    // The other instance's first tick has run too: it found the lease taken and left the work.
    await waitFor(
      () => instances.some((s) => s.output().includes(LEFT_TO_HOLDER)),
      'one instance to leave the scheduled work to the other',
    );
    expect(instances.filter((s) => s.output().includes(LEFT_TO_HOLDER))).toHaveLength(1);
    expect(mail.messages.filter((m) => m.to.includes(REVIEWER.email))).toHaveLength(1);
  });

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

  it('serve a flyer uploaded on one instance from the other, and drop it with its event', async () => {
    const [first, second] = instances;
    const event = (await (await fetch(`${first.origin}/api/events`)).json())[0] as { id: number };
    const boundary = 'instances-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="flyer"; filename="f.png"\r\nContent-Type: image/png\r\n\r\n`;
    const upload = await fetch(`${first.origin}/api/events/${event.id}/flyer`, {
      method: 'POST',
      headers: { cookie: adminCookie, origin: first.origin, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Buffer.concat([Buffer.from(head), TINY_PNG, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    expect(upload.status).toBe(200);
    const flyerUrl = (await upload.json()).flyerUrl as string;
    const served = await fetch(`${second.origin}${flyerUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(0);

    const removed = await fetch(`${second.origin}/api/events/${event.id}`, {
      method: 'DELETE',
      headers: { cookie: adminCookie, origin: second.origin },
    });
    expect(removed.status).toBe(204);
    expect((await fetch(`${first.origin}${flyerUrl}`)).status).toBe(404);
  });
});
