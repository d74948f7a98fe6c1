import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, TINY_PNG, type TestApp } from '../../helper.js';

// Issue 17, "Files and data at rest": the database, its -wal and -shm files, backups, uploads
// and caches are readable by the server's user only, even under a permissive umask.

const mode = (path: string) => statSync(path).mode & 0o777;

let t: TestApp;
let root: string;
let dataDir: string;
let previousUmask: number;
beforeAll(async () => {
  // The most permissive umask there is: every file would otherwise be 0666 and folder 0777.
  previousUmask = process.umask(0o000);
  root = mkdtempSync(join(tmpdir(), 'scorecard-modes-'));
  dataDir = join(root, 'data'); // not there yet: the server creates it
  t = await buildTestApp({ databasePath: join(dataDir, 'scorecard.db'), pressure: { maxEventLoopDelay: 0, maxHeapUsedBytes: 0 } });
});
afterAll(async () => {
  await t?.close();
  process.umask(previousUmask);
  rmSync(root, { recursive: true, force: true });
});

describe('files at rest under umask 0000', () => {
  it('creates the data folder 0700 and the database, -wal and -shm 0600', async () => {
    const admin = await createSignedInUser(t, 'admin'); // a write, so the WAL has content
    expect(admin.id).toBeGreaterThan(0);
    expect(mode(dataDir)).toBe(0o700);
    for (const f of ['scorecard.db', 'scorecard.db-wal', 'scorecard.db-shm']) {
      expect(existsSync(join(dataDir, f)), f).toBe(true);
      expect(mode(join(dataDir, f)), f).toBe(0o600);
    }
  });

  it('keeps the export cache 0700 / 0600, and uploads off the disk', async () => {
    expect((await t.app.inject('/api/export/evidence.csv')).statusCode).toBe(200);
    const cache = join(dataDir, 'cache');
    expect(mode(cache)).toBe(0o700);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    for (const f of readdirSync(cache)) expect(mode(join(cache, f)), f).toBe(0o600);

    const admin = await createSignedInUser(t, 'admin');
    const eventId = (await t.app.inject('/api/events')).json()[0].id;
    const boundary = 'modes-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="flyer"; filename="f.png"\r\nContent-Type: image/png\r\n\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/flyer`,
      payload: Buffer.concat([Buffer.from(head), TINY_PNG, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { ...admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    // Flyers live in the database (0600 like it), never as files beside it.
    expect(existsSync(join(dataDir, 'flyers'))).toBe(false);
  });

  it('writes a backup 0600 (it holds password hashes)', () => {
    const target = join(root, 'backup.db');
    // The child inherits this process's umask of 0000.
    execFileSync(process.execPath, ['--import', 'tsx', 'cli/backup.ts', target], {
      env: { ...process.env, DATABASE_PATH: t.databasePath },
      stdio: 'pipe',
    });
    expect(mode(target)).toBe(0o600);
  });
});
