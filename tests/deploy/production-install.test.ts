// A production install, as the README's "Production" section does it: a clean clone, its
// dependencies, `npm run build`, `npm prune --omit=dev`, then everything a sysadmin runs with
// NODE_ENV=production and no dev dependencies (no tsx, no tsc, no vite). It tests the committed
// code (a clone).
//
// The dependencies are this checkout's node_modules, copied, not installed again with `npm ci`:
// that was over a tenth of the whole suite's CPU (about 35 s on two cores), and it is what CI
// does itself, from the same lock file on a clean clone, right before it runs the suite. What
// only this test checks stays: the build in a fresh clone, the prune, and a production tree that
// `npm ls` finds complete and that runs, builds nothing and needs nothing it removed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort, PROJECT_ROOT } from '../server-process.js';
import { answering, listening, mustRun, run, until } from './process.js';

const dir = mkdtempSync(join(tmpdir(), 'scorecard-production-'));
const app = join(dir, 'app');
const running: Array<ReturnType<typeof spawn>> = [];
afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

// The overload guard is off, as in every server process the tests start (tests/README.md): on a
// busy machine it measures the machine, and /healthz would answer 503 for it.
const production: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', OVERLOAD_GUARD: '0' };
delete production.DATABASE_PATH;
delete production.ENV_FILE;
const npm = (args: string[], input?: string) => run('npm', args, { cwd: app, env: production, input });

function npmStart(port: number) {
  const child = spawn('npm', ['start'], { cwd: app, env: { ...production, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exited, output: () => output };
}

async function stop(server: ReturnType<typeof npmStart>, port: number) {
  server.child.kill('SIGTERM');
  await server.exited;
  await until(async () => !(await listening(port)), 'the port to be free', 10_000);
}

async function signIn(origin: string, email: string, password: string) {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, cookie: res.headers.get('set-cookie') ?? '', body: await res.text() };
}

it(
  'installs without dev dependencies, starts, creates an admin who signs in, backs up and restores',
  async () => {
    const head = (await mustRun('git', ['rev-parse', 'HEAD'], { cwd: PROJECT_ROOT })).stdout.trim();
    await mustRun('git', ['clone', '--quiet', PROJECT_ROOT, app]);
    await mustRun('git', ['checkout', '--quiet', head], { cwd: app });
    // Copied, not hard-linked: the build and the prune write under node_modules. By `cp -a`, which
    // keeps symbolic links as they are: Node's cpSync took 8.8 s of CPU for its 25,000 files, cp 3 s.
    await mustRun('cp', ['-a', join(PROJECT_ROOT, 'node_modules'), join(app, 'node_modules')]);
    await mustRun('npm', ['run', 'build'], { cwd: app, env: { ...process.env, NODE_ENV: 'development' } });
    await mustRun('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], { cwd: app });
    for (const devOnly of ['typescript', 'tsx', 'vite', 'vitest'])
      expect(existsSync(join(app, 'node_modules', devOnly)), devOnly).toBe(false);
    // What is left is the production tree the lock file describes, nothing missing or invalid.
    await mustRun('npm', ['ls', '--omit=dev', '--all'], { cwd: app });

    // One env file beside the app, read by the server and every command.
    const port = await freePort();
    const data = join(dir, 'data');
    mkdirSync(data, { mode: 0o700 });
    writeFileSync(join(app, '.env'), `HOST=127.0.0.1\nDATABASE_PATH=${join(data, 'scorecard.db')}\nTRUST_PROXY=1\n`);
    const origin = `http://127.0.0.1:${port}`;

    const server = npmStart(port);
    await answering(origin, 120_000);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    // No demo people unless asked for in production.
    expect(await (await fetch(`${origin}/api/subjects`)).json()).toEqual([]);
    expect((await fetch(`${origin}/`)).status).toBe(200);

    const added = await npm(
      ['run', '-s', 'user:add', '--', '--email', 'admin@example.org', '--role', 'admin'],
      'a long admin passphrase\n',
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/Created admin admin@example\.org/);
    const session = await signIn(origin, 'admin@example.org', 'a long admin passphrase');
    expect(session.status, session.body).toBe(200);
    expect(session.cookie).toMatch(/; Secure/i);

    const backupFile = join(dir, 'backups', 'scorecard.db');
    mkdirSync(join(dir, 'backups'));
    const backup = await npm(['run', '-s', 'backup', '--', backupFile]);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/integrity ok/);

    // A later account, which the restore takes back.
    expect((await npm(['run', '-s', 'user:add', '--', '--email', 'later@example.org'], 'a long later passphrase\n')).code).toBe(0);
    const refused = await npm(['run', '-s', 'restore', '--', backupFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/stop the server/);

    await stop(server, port);
    const restored = await npm(['run', '-s', 'restore', '--', backupFile]);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/Restored .* integrity ok/);

    const again = npmStart(port);
    await answering(origin, 120_000);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    expect((await signIn(origin, 'admin@example.org', 'a long admin passphrase')).status).toBe(200);
    expect((await signIn(origin, 'later@example.org', 'a long later passphrase')).status).toBe(401);
    await stop(again, port);

    // A command without the database it should use is an error, not a second database.
    const lost = await run('npm', ['run', '-s', 'user:add', '--', '--email', 'x@example.org'], {
      cwd: app,
      env: { ...production, DATABASE_PATH: join(dir, 'typo', 'scorecard.db') },
      input: 'a long enough passphrase\n',
    });
    expect(lost.code).toBe(1);
    expect(existsSync(join(dir, 'typo', 'scorecard.db'))).toBe(false);

    // Production never builds: a source newer than the build, or no build, is refused with the way out.
    utimesSync(join(app, 'server', 'app.ts'), new Date(), new Date(Date.now() + 60_000));
    const stale = await npm(['start']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/Cannot start: the build in dist\/ is older than the sources.*npm run build/s);
    rmSync(join(app, 'dist'), { recursive: true });
    const missing = await npm(['start']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot start: there is no build/);
    expect(existsSync(join(app, 'dist'))).toBe(false);
  },
  40 * 60_000,
);
