import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { passwordHashFor } from '../accounts.js';
import { SESSION_COOKIE } from '../../server/plugins/auth.js';
import { SessionRepository, UserRepository } from '../../server/repositories/users.js';
import { evidenceBody } from '../helper.js';
import { ensureBuilt, startServerProcess, waitFor, type ServerProcess } from '../server-process.js';

const run = promisify(execFile);
/** A few hundred concurrent submissions; the server is killed once this many were acknowledged. */
const TOTAL = 300;
const KILL_AFTER = 120;
let dir: string;
let databasePath: string;
let cookie: string;
let server: ServerProcess | undefined;
/** Stops the backup test's writers; afterAll calls it before stopping the server. */
let stopWriting = () => {};

/** A volunteer made straight in the database, from this process, while the server runs. */
async function signedInVolunteer(): Promise<string> {
  const db = openDatabase(databasePath);
  try {
    const users = new UserRepository(db);
    const account = await users.create(
      { email: 'load@example.org', displayName: 'Load test', role: 'volunteer', passwordHash: await passwordHashFor('load-test-password') },
      null,
      'test',
    );
    return `${SESSION_COOKIE}=${(await new SessionRepository(db).create(account.id)).token}`;
  } finally {
    db.$client.close();
  }
}

function submission(i: number) {
  return evidenceBody({
    title: `Demo: load entry ${i}`,
    summary: `Fictional entry number ${i} from the durability test.`,
    rating: (i % 5) - 2,
    sources: [
      { url: `https://example.org/load/${i}/a`, title: `Source A of ${i}`, publisher: 'Example (test)' },
      { url: `https://example.org/load/${i}/b`, title: `Source B of ${i}`, archiveUrl: `https://example.org/archive/${i}` },
    ],
  });
}

function post(origin: string, body: unknown) {
  return fetch(`${origin}/api/evidence`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'scorecard-durability-'));
  databasePath = join(dir, 'scorecard.db');
  server = await startServerProcess({ DATABASE_PATH: databasePath });
  cookie = await signedInVolunteer();
});
afterAll(async () => {
  stopWriting();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('durability', () => {
  it('keeps every acknowledged submission, whole, when the server is killed mid-load', async () => {
    const first = server!;
    const acknowledged = new Map<number, number>(); // id -> submission number
    let failed = 0;
    await Promise.all(
      Array.from({ length: TOTAL }, async (_, i) => {
        try {
          const res = await post(first.origin, submission(i));
          if (res.status !== 201) throw new Error(`status ${res.status}`);
          const body = (await res.json()) as { id: number; status: string };
          expect(body.status).toBe('pending');
          acknowledged.set(body.id, i);
          if (acknowledged.size === KILL_AFTER) first.child.kill('SIGKILL');
        } catch {
          failed++;
        }
      }),
    );
    await first.exited;
    console.log(`durability: ${acknowledged.size} of ${TOTAL} acknowledged before SIGKILL, ${failed} cut off`);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    // The kill really was part-way: some requests never got an answer.
    expect(failed).toBeGreaterThan(0);

    server = await startServerProcess({ DATABASE_PATH: databasePath });
    for (const [id, i] of acknowledged) {
      const res = await fetch(`${server.origin}/api/evidence/${id}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const stored = (await res.json()) as Record<string, unknown>;
      const sent = submission(i);
      expect(stored).toMatchObject({
        id,
        status: 'pending',
        title: sent.title,
        summary: sent.summary,
        rating: sent.rating,
        subject: sent.subject,
        standard: sent.standard,
        occurredOn: sent.occurredOn,
      });
      expect(stored.sources).toEqual(
        (sent.sources as Array<Record<string, string>>).map((s) => ({ publisher: null, archiveUrl: null, ...s })),
      );
    }
    // Nothing half-written either: every stored entry has both its sources and its revision.
    const db = new Database(databasePath, { readonly: true });
    try {
      const partial = db
        .prepare(
          `select e.id from evidence e where e.submitted_by is not null and (
          (select count(*) from evidence_sources s where s.evidence_id = e.id) <> 2 or
          (select count(*) from evidence_revisions r where r.evidence_id = e.id) <> 1)`,
        )
        .all();
      expect(partial).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('backs up a consistent copy while writes go on', async () => {
    const live = server!;
    let writing = true;
    let written = 0;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; writing; i++) {
        const res = await post(live.origin, submission(10_000 + w * 1_000 + i)).catch((error: unknown) => {
          // Once the test is over (or has timed out) the server is stopped under a last request.
          if (!writing) return null;
          throw error;
        });
        if (!res) return;
        expect(res.status).toBe(201);
        await res.arrayBuffer();
        written++;
      }
    });
    stopWriting = () => {
      writing = false;
    };
    await waitFor(() => written >= 50, '50 acknowledged submissions', 60_000);
    const copyPath = join(dir, 'backup.db');
    const { stdout } = await run(process.execPath, ['scripts/command.mjs', 'backup', copyPath], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, DATABASE_PATH: databasePath },
    });
    const writtenDuringBackup = written;
    writing = false;
    await Promise.all(writers);
    expect(stdout).toMatch(/integrity ok/);
    expect(writtenDuringBackup).toBeGreaterThan(50);

    const copy = new Database(copyPath, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('foreign_key_check')).toEqual([]);
      const entries = copy.prepare('select count(*) from evidence where submitted_by is not null').pluck().get() as number;
      // At least what the crash test acknowledged, plus what was written before the backup began.
      expect(entries).toBeGreaterThan(KILL_AFTER + 50);
      const torn = copy
        .prepare(
          `select count(*) from evidence e where e.submitted_by is not null
          and (select count(*) from evidence_sources s where s.evidence_id = e.id) <> 2`,
        )
        .pluck()
        .get();
      expect(torn).toBe(0);
    } finally {
      copy.close();
    }
    // A deadline for a hung run, sized for a loaded two-core machine (tests/README.md).
  }, 300_000);
});
