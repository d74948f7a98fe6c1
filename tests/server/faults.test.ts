import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrateDatabase } from '../../db/migrate.js';
import { seedDemo, seedStandards } from '../../db/seed/index.js';
import { createAccount } from '../accounts.js';
import { errorShapeProblem } from '../error-shape.js';
import { startScript, startServer, waitFor, type RunningProcess } from '../server-process.js';

/**
 * Faults a real deployment meets, on the built server in a process of its own: the power
 * going out mid-write (SIGKILL), a disk or file that no longer takes writes, and a restart
 * (SIGTERM) while requests are being answered.
 */
const dirs: string[] = [];
const running: RunningProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function freshDatabasePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-faults-'));
  dirs.push(dir);
  return join(dir, 'scorecard.db');
}

function track<T extends RunningProcess>(p: T): T {
  running.push(p);
  return p;
}

/** The ids the writer acknowledged, by the status it acknowledged them in. */
function acknowledged(output: string): { pending: number[]; published: number[] } {
  const acks = [...output.matchAll(/^ack (\d+) (\w+)$/gm)];
  return {
    pending: acks.filter((m) => m[2] === 'pending').map((m) => Number(m[1])),
    published: acks.filter((m) => m[2] === 'published').map((m) => Number(m[1])),
  };
}

describe('a crash during writes (SIGKILL)', () => {
  it('loses no acknowledged write, leaves an intact database, and the server starts again on it', async () => {
    const databasePath = freshDatabasePath();
    const server = track(await startServer({ DATABASE_PATH: databasePath }));
    // A second process writing, as the CLI does; tests/durability covers writes the API
    // acknowledged with a 201.
    const writer = track(startScript('bench/evidence-writer.ts', ['--database', databasePath]));
    await waitFor(() => acknowledged(writer.output()).published.length >= 60, 'the writer to acknowledge 60 published entries');
    writer.child.kill('SIGKILL');
    server.child.kill('SIGKILL');
    expect(await writer.exited).toBe('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');

    const acks = acknowledged(writer.output());
    const sqlite = new Database(databasePath);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const stored = new Map(
      (sqlite.prepare('select id, status from evidence').all() as Array<{ id: number; status: string }>).map((r) => [r.id, r.status]),
    );
    sqlite.close();
    expect(acks.pending.filter((id) => !stored.has(id))).toEqual([]);
    expect(acks.published.filter((id) => stored.get(id) !== 'published')).toEqual([]);

    const again = track(await startServer({ DATABASE_PATH: databasePath }));
    const exported = (await (await fetch(`${again.origin}/api/export/evidence.json`)).json()) as Array<{ id: number }>;
    const publicIds = new Set(exported.map((e) => e.id));
    expect(acks.published.filter((id) => !publicIds.has(id))).toEqual([]);
    expect((await fetch(`${again.origin}/api/subjects/demo-avery-placeholder/scorecard`)).status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});

describe('a database file that cannot be written', () => {
  it('keeps serving reads and refuses writes with a clear JSON error, changing nothing', async () => {
    const databasePath = freshDatabasePath();
    const db = openDatabase(databasePath);
    migrateDatabase(db);
    await seedStandards(db);
    await seedDemo(db);
    const volunteer = await createAccount(db, {
      role: 'volunteer',
      email: 'readonly-volunteer@example.org',
      displayName: 'Read-only Volunteer',
    });
    db.$client.close();
    const fingerprint = () => createHash('sha256').update(readFileSync(databasePath)).digest('hex');
    const before = fingerprint();

    chmodSync(databasePath, 0o444);
    // The folder stays writable: SQLite keeps its shared-memory file for WAL there even to read.
    chmodSync(join(databasePath, '..'), 0o777);
    // root writes through 0444, so the server runs as nobody, as a service account would.
    const asServiceUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const server = track(await startServer({ DATABASE_PATH: databasePath }, asServiceUser));
    expect(server.output()).toMatch(/read-only: serving reads, refusing writes/);
    // Monitoring notices: the health check says so with a non-200 status.
    const health = await fetch(`${server.origin}/healthz`);
    const healthBody = await health.text();
    expect(health.status, `${healthBody}\n${server.output()}`).toBe(503);
    expect(JSON.parse(healthBody)).toEqual({ status: 'read-only', database: 'read-only' });

    for (const path of [
      '/api/subjects/demo-avery-placeholder/scorecard',
      '/api/elections/demo-2026-district-attorney',
      '/api/export/evidence.csv',
      '/people/demo-avery-placeholder',
    ]) {
      expect((await fetch(`${server.origin}${path}`)).status, path).toBe(200);
    }

    const signIn = await fetch(`${server.origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: volunteer.email, password: volunteer.password }),
    });
    // Signing in stores a session: the write that a read-only file must refuse, clearly.
    const body = await signIn.text();
    expect(signIn.status, body).toBe(503);
    expect(
      errorShapeProblem({ statusCode: signIn.status, headers: { 'content-type': signIn.headers.get('content-type') }, body }),
    ).toBeNull();
    expect(JSON.parse(body).error).toBe('read-only');
    expect((await fetch(`${server.origin}/api/standards`)).status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(fingerprint()).toBe(before);
  });
});

/** Whether the server refuses a new connection, as it must soon after SIGTERM. */
async function refuses(origin: string): Promise<boolean> {
  try {
    await (await fetch(`${origin}/healthz`, { headers: { connection: 'close' } })).arrayBuffer();
    return false;
  } catch {
    return true;
  }
}

describe('a restart (SIGTERM)', () => {
  it('finishes the request in flight, takes no new ones, and exits 0', async () => {
    // Request logging on: the "incoming request" line says the server has read the headers.
    const server = track(await startServer({ DATABASE_PATH: freshDatabasePath(), LOG_LEVEL: 'info' }));
    const { port } = new URL(server.origin);

    // Headers sent, body still on its way: the request is in flight when SIGTERM arrives.
    // Any route that reads a body would do; an unknown one keeps this independent of the API.
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    const body = '{"title":"in flight"}';
    socket.write(
      `POST /api/in-flight HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.slice(0, 5));
    await waitFor(
      () => /incoming request.*\/api\/in-flight|\/api\/in-flight.*incoming request/.test(server.output()),
      'the server to read the request headers',
    );

    server.child.kill('SIGTERM');
    await waitFor(() => refuses(server.origin), 'the server to refuse new connections');
    expect(server.child.exitCode, 'exited with a request still in flight').toBeNull();

    socket.write(body.slice(5));
    await closed;
    const [head, payload] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 404 /);
    expect(JSON.parse(payload)).toEqual({ error: 'not-found', message: 'No route for POST /api/in-flight' });
    expect(await server.exited).toBe(0);
  });
});
