// `npm start` as a service manager or a terminal runs it: a SIGTERM sent to the npm process
// must stop the server, or the next start fails with EADDRINUSE.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuilt, freePort, PROJECT_ROOT } from '../server-process.js';
import { answering, listening, until } from './process.js';

const dir = mkdtempSync(join(tmpdir(), 'scorecard-signals-'));
beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('SIGTERM to `npm start` stops the server: the port is free within 10 s', async () => {
  const port = await freePort();
  const npm = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'scorecard.db'),
      LOG_LEVEL: 'info',
      OVERLOAD_GUARD: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout.on('data', (c) => (output += c));
  npm.stderr.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => npm.on('close', (code) => resolve(code)));
  try {
    await answering(`http://127.0.0.1:${port}`, 60_000);
    npm.kill('SIGTERM');
    const stoppedAt = Date.now();
    await until(async () => !(await listening(port)), 'the port to be free after SIGTERM', 10_000);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    await exited;
    // The server itself got the signal and closed gracefully (close-with-grace logs it).
    expect(output).toMatch(/closing: finishing in-flight requests/);
  } finally {
    if (npm.exitCode === null) npm.kill('SIGKILL');
  }
}, 120_000);
