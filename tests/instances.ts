import { expect } from 'vitest';
import type { Db } from '../db/connection.js';
import { seedDemo, seedStandards } from '../db/seed/index.js';
import { passwordHashFor } from './accounts.js';
import { SESSION_COOKIE } from '../server/plugins/auth.js';
import { SessionRepository, UserRepository } from '../server/repositories/users.js';
import { TINY_PNG } from './helper.js';
import type { TestMailServer } from './mail-server.js';
import { waitFor, type ServerProcess } from './server-process.js';

/**
 * What two server processes on one database must agree on (issue 18), checked the same way on
 * SQLite (tests/server/instances.test.ts, one file) and PostgreSQL
 * (tests/server/postgres-instances.test.ts, one schema): the engine differs, the promises do not.
 */

/** The reviewer the digest is sent to, created before the instances start. */
export const REVIEWER = { email: 'digest-reviewer@example.org', password: 'reviewer-password-1' };
/** What the instance that did not get the mail lease logs on its first scheduled tick. */
export const LEFT_TO_HOLDER = 'scheduled mail work left to the instance holding the lease';

/**
 * Brings a migrated, empty database to what the instances start on: the standards and the
 * demo (whose pending entries the reviewer's digest announces), the reviewer, and an admin with
 * a session. Done before the instances start, so their first scheduled mail tick finds the
 * reviewer. Returns the admin's Cookie header.
 */
export async function prepareInstancesDatabase(db: Db): Promise<{ adminCookie: string }> {
  await seedStandards(db);
  await seedDemo(db);
  const users = new UserRepository(db);
  await users.create(
    { email: REVIEWER.email, displayName: 'Digest reviewer', role: 'reviewer', passwordHash: await passwordHashFor(REVIEWER.password) },
    null,
    'test',
  );
  const admin = await users.create(
    { email: 'flyer-admin@example.org', displayName: 'Admin', role: 'admin', passwordHash: 'x' },
    null,
    'test',
  );
  return { adminCookie: `${SESSION_COOKIE}=${(await new SessionRepository(db).create(admin.id)).token}` };
}

/**
 * The reviewer's digest goes out once, through the mail server, whichever instance holds the
 * lease; the other instance's first tick finds the lease taken and leaves the work.
 */
export async function expectDigestSentOnce(mail: TestMailServer, instances: ServerProcess[]): Promise<void> {
  const digest = await mail.waitFor((m) => m.to.includes(REVIEWER.email) && /await(s)? your review/.test(m.subject));
  expect(digest.subject).toMatch(/entries await your review|entry awaits your review/);
  await waitFor(() => instances.some((s) => s.output().includes(LEFT_TO_HOLDER)), 'one instance to leave the scheduled work to the other');
  expect(instances.filter((s) => s.output().includes(LEFT_TO_HOLDER))).toHaveLength(1);
  expect(mail.messages.filter((m) => m.to.includes(REVIEWER.email))).toHaveLength(1);
}

/**
 * A flyer uploaded through `first` is served by `second`, and deleting its event through
 * `second` drops it on `first` too.
 */
export async function expectFlyerSharedAcrossInstances(first: ServerProcess, second: ServerProcess, adminCookie: string): Promise<void> {
  const event = (await (await fetch(`${first.origin}/api/events`)).json())[0] as { id: number };
  const boundary = 'instances-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="flyer"; filename="f.png"\r\nContent-Type: image/png\r\n\r\n`;
  const upload = await fetch(`${first.origin}/api/events/${event.id}/flyer`, {
    method: 'POST',
    headers: { cookie: adminCookie, origin: first.origin, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat([Buffer.from(head), TINY_PNG, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  expect(upload.status, await upload.clone().text()).toBe(200);
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
}
