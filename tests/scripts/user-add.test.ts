import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helper.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ seedDemo: false });
});
afterAll(() => t.close());

/** Runs the documented command, `npm run user:add -- ...`, against the test app's database file. */
function userAdd(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', 'user:add', '--', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: t.databasePath },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('npm run user:add', () => {
  it('creates an admin with the password read from standard input, while the server holds the database open', async () => {
    const res = await userAdd(['--email', 'First.Admin@example.org', '--role', 'admin'], 'a-long-admin-password\nignored second line\n');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Created admin first\.admin@example\.org/);
    expect(res.stdout).not.toContain('a-long-admin-password');
    const signedIn = await login('first.admin@example.org', 'a-long-admin-password');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ role: 'admin', displayName: 'first.admin' });
    const audit = t.app.db.$client.prepare("select actor_id, after from audit_log where action = 'user.create'").get() as {
      actor_id: null;
      after: string;
    };
    expect(audit.actor_id).toBeNull();
    expect(JSON.parse(audit.after)).toMatchObject({ email: 'first.admin@example.org', via: 'cli' });
  });

  it('makes up a password with --generate and prints it once', async () => {
    const res = await userAdd(['--email', 'reviewer@example.org', '--role', 'reviewer', '--name', 'Rae Viewer', '--generate']);
    expect(res.code).toBe(0);
    const password = res.stdout.match(/Password \(shown only this once\): (\S+)/)?.[1];
    expect(password).toHaveLength(20);
    expect((await login('reviewer@example.org', password!)).json()).toMatchObject({ role: 'reviewer', displayName: 'Rae Viewer' });
  });

  it('asks for the password twice without echo on a terminal', async () => {
    // util-linux `script` gives the command a real pseudo-terminal.
    const child = spawn('script', ['-qec', 'npm run -s user:add -- --email tty@example.org --role volunteer', '/dev/null'], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: t.databasePath },
    });
    let screen = '';
    let answered = 0;
    child.stdout.on('data', (chunk) => {
      screen += chunk;
      // Answer each prompt as it appears, as a person would. The script turns echo off before
      // it shows a prompt, so answering at once is safe.
      for (const prompts = screen.match(/assword/g)?.length ?? 0; answered < prompts; answered++) {
        child.stdin.write('typed-on-a-terminal\r');
      }
    });
    const [code] = (await once(child, 'close')) as [number];
    expect(code).toBe(0);
    expect(screen).toMatch(/Password: .*Same password again: .*Created volunteer tty@example\.org/s);
    expect(screen).not.toContain('typed-on-a-terminal');
    expect((await login('tty@example.org', 'typed-on-a-terminal')).statusCode).toBe(200);
  });

  it('refuses a short password, an unknown role and a taken email, creating nothing', async () => {
    const count = () => t.app.db.$client.prepare('select count(*) from users').pluck().get();
    const before = count();
    const [short, role, taken] = await Promise.all([
      userAdd(['--email', 'short@example.org'], 'short\n'),
      userAdd(['--email', 'x@example.org', '--role', 'overlord'], 'long-enough-password\n'),
      userAdd(['--email', 'first.admin@example.org'], 'long-enough-password\n'),
    ]);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 10 characters/);
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/--role must be one of volunteer, reviewer, admin/);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
    expect(count()).toBe(before);
  });
});
