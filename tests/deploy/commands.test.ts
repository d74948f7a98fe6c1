// The production commands as a sysadmin runs them (`npm run user:add`, `backup`, `restore`)
// against the built dist/, and the one configuration they share with the server.
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { readEnvironment } from '../../server/environment.js';
import { ensureBuilt, PROJECT_ROOT, startServer } from '../server-process.js';
import { run } from './process.js';

const dir = mkdtempSync(join(tmpdir(), 'scorecard-commands-'));
beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run NAME -- ARGS` from the project, with only the settings given (no ENV_FILE, no DATABASE_PATH inherited). */
function npmRun(name: string, args: string[], env: Record<string, string> = {}, input?: string) {
  const { DATABASE_PATH: _d, ENV_FILE: _e, ...inherited } = process.env;
  return run('npm', ['run', '-s', name, '--', ...args], { cwd: PROJECT_ROOT, env: { ...inherited, LOG_LEVEL: 'silent', ...env }, input });
}

const PASSWORD = 'a long enough passphrase\n';
const emails = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('select email from users order by id').pluck().all() as string[]).join(',');
  } finally {
    db.close();
  }
};

describe('one configuration', () => {
  it('reads the env file, lets the environment win, and refuses a named file that is missing', () => {
    const file = join(dir, 'settings.env');
    writeFileSync(file, '# the service\nDATABASE_PATH=/var/lib/x/scorecard.db\nPORT=4100\nNODE_ENV=production\n');
    const config = loadConfig(readEnvironment(file, { PORT: '4200' }));
    expect(config).toMatchObject({ databasePath: '/var/lib/x/scorecard.db', port: 4200, production: true });
    expect(loadConfig(readEnvironment(undefined, { ENV_FILE: file })).databasePath).toBe('/var/lib/x/scorecard.db');
    expect(() => readEnvironment(join(dir, 'missing.env'), {})).toThrow(/does not exist/);
  });

  it('adds demo people only on request in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
  });
});

describe('npm run user:add', () => {
  it('refuses to create a database unless asked with --create, and reads --env-file', async () => {
    const path = join(dir, 'new', 'scorecard.db');
    const refused = await npmRun('user:add', ['--email', 'admin@example.org', '--role', 'admin'], { DATABASE_PATH: path }, PASSWORD);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no database at .*scorecard\.db.*--create/s);
    expect(existsSync(path)).toBe(false);

    const envFile = join(dir, 'new.env');
    writeFileSync(envFile, `DATABASE_PATH=${path}\n`);
    const created = await npmRun(
      'user:add',
      ['--env-file', envFile, '--create', '--email', 'admin@example.org', '--role', 'admin'],
      {},
      PASSWORD,
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/Created admin admin@example\.org/);
    expect(emails(path)).toBe('admin@example.org');
    // Private to its owner whatever the umask: it holds password hashes.
    expect(statSync(path).mode & 0o077).toBe(0);
  }, 240_000);
});

describe('npm run restore', () => {
  const data = join(dir, 'data');
  const live = join(data, 'scorecard.db');
  const backup = join(dir, 'backups', 'scorecard.db');

  beforeAll(async () => {
    mkdirSync(join(dir, 'backups'));
    const added = await npmRun(
      'user:add',
      ['--create', '--email', 'first@example.org', '--role', 'admin'],
      { DATABASE_PATH: live },
      PASSWORD,
    );
    expect(added.code, added.stderr).toBe(0);
    mkdirSync(join(data, 'flyers'));
    writeFileSync(join(data, 'flyers', '1-before.png'), 'flyer at backup time');
    const saved = await npmRun('backup', [backup], { DATABASE_PATH: live });
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toMatch(/integrity ok/);
    expect(statSync(backup).mode & 0o077).toBe(0);
    expect(readdirSync(`${backup}.flyers`)).toEqual(['1-before.png']);
  }, 240_000);

  it('refuses while the server runs, and puts the backup and its flyers back once it is stopped', async () => {
    const server = await startServer({ DATABASE_PATH: live, NODE_ENV: 'production' });
    try {
      const refused = await npmRun('restore', [backup], { DATABASE_PATH: live });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/open in another process.*stop the server/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    // Changes after the backup, which the restore takes back.
    expect((await npmRun('user:add', ['--email', 'later@example.org'], { DATABASE_PATH: live }, PASSWORD)).code).toBe(0);
    rmSync(join(data, 'flyers', '1-before.png'));
    writeFileSync(join(data, 'flyers', '2-after.png'), 'flyer uploaded later');
    expect(emails(live)).toBe('first@example.org,later@example.org');

    const restored = await npmRun('restore', [backup], { DATABASE_PATH: live });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(emails(live)).toBe('first@example.org');
    expect(statSync(live).mode & 0o077).toBe(0);
    expect(readdirSync(join(data, 'flyers'))).toEqual(['1-before.png']);
    // The replaced database is kept beside it, not lost.
    const kept = readdirSync(data).find((name) => /^scorecard\.db\.before-restore-[0-9T.-]+Z$/.test(name));
    expect(kept).toBeDefined();
    expect(emails(join(data, kept!))).toBe('first@example.org,later@example.org');

    // The server starts on it and answers ok.
    const again = await startServer({ DATABASE_PATH: live });
    try {
      expect((await fetch(`${again.origin}/healthz`)).status).toBe(200);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 240_000);

  it('refuses a backup that is damaged, not a scorecard database, or from a newer version, and changes nothing', async () => {
    const before = readFileSync(live);
    const damaged = join(dir, 'backups', 'damaged.db');
    writeFileSync(damaged, Buffer.concat([readFileSync(backup).subarray(0, 4096), Buffer.alloc(8192, 0x55)]));
    const foreign = join(dir, 'backups', 'foreign.db');
    new Database(foreign).exec('create table notes (body text)').close();
    const newer = join(dir, 'backups', 'newer.db');
    writeFileSync(newer, readFileSync(backup));
    const db = new Database(newer);
    db.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)").run(Date.now() + 365 * 86_400_000);
    db.close();

    for (const [file, why] of [
      [damaged, /cannot be restored: .*(integrity|malformed|not a database)/],
      [foreign, /not a scorecard database/],
      [newer, /newer version/],
    ] as const) {
      const res = await npmRun('restore', [file], { DATABASE_PATH: live });
      expect(res.code, file).toBe(1);
      expect(res.stderr, file).toMatch(why);
      expect(res.stderr, file).toMatch(/Nothing was changed/);
    }
    expect(readFileSync(live).equals(before)).toBe(true);
  }, 240_000);

  it.runIf(process.getuid?.() === 0)(
    'run as root, leaves the files owned by the service user who owns the data folder',
    async () => {
      const serviceData = join(dir, 'service-data');
      mkdirSync(serviceData);
      chownSync(serviceData, 65534, 65534);
      const res = await npmRun('restore', ['--create', backup], { DATABASE_PATH: join(serviceData, 'scorecard.db') });
      expect(res.code, res.stderr).toBe(0);
      for (const path of [join(serviceData, 'scorecard.db'), join(serviceData, 'flyers'), join(serviceData, 'flyers', '1-before.png')]) {
        expect(statSync(path).uid, path).toBe(65534);
      }
      expect(statSync(join(serviceData, 'scorecard.db')).mode & 0o077).toBe(0);
    },
    60_000,
  );
});

describe('npm run demo:remove', () => {
  it('deletes the demo rows from the configured database, keeps a real account, and is safe twice', async () => {
    const path = join(dir, 'demo', 'scorecard.db');
    const added = await npmRun(
      'user:add',
      ['--create', '--email', 'real@example.org', '--role', 'admin'],
      { DATABASE_PATH: path, SEED_DEMO: '1' },
      PASSWORD,
    );
    expect(added.code, added.stderr).toBe(0);
    // The server seeds the demo into an empty database when it starts; do as it does.
    const server = await startServer({ DATABASE_PATH: path, SEED_DEMO: '1' });
    server.child.kill('SIGTERM');
    await server.exited;
    const demoRows = () => {
      const db = new Database(path, { readonly: true });
      try {
        return db
          .prepare('select (select count(*) from subjects where demo = 1) + (select count(*) from evidence where demo = 1)')
          .pluck()
          .get() as number;
      } finally {
        db.close();
      }
    };
    expect(demoRows()).toBeGreaterThan(0);
    const removed = await npmRun('demo:remove', [], { DATABASE_PATH: path });
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/deleted 3 people/);
    expect(demoRows()).toBe(0);
    expect(emails(path)).toBe('real@example.org');
    const again = await npmRun('demo:remove', [], { DATABASE_PATH: path });
    expect(again.stdout).toMatch(/deleted 0 people/);
  }, 360_000);
});
