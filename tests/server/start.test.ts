import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { ensureBuilt, PROJECT_ROOT, startServer, type RunningServer } from '../server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'scorecard-start-'));
let server: RunningServer | undefined;
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  rmSync(dir, { recursive: true, force: true });
});

it('resolves a relative DATABASE_PATH against the working directory', () => {
  expect(loadConfig({ DATABASE_PATH: 'data/x.db' }).databasePath).toBe(join(process.cwd(), 'data/x.db'));
  expect(loadConfig({}).databasePath).toBe(join(process.cwd(), 'data/scorecard.db'));
});

it('starts as `npm start` does: default settings, a relative database path, pages, widget and API answering', async () => {
  ensureBuilt();
  // The default database path, relative to the working directory, as a fresh clone has it.
  server = await startServer({ DATABASE_PATH: './data/scorecard.db', SEED_DEMO: '1' }, { cwd: dir });
  for (const path of [
    '/',
    '/es/',
    '/people/demo-avery-placeholder',
    '/workspace',
    '/widget.js',
    '/badge/demo-avery-placeholder.svg',
    '/api/standards',
  ]) {
    const res = await fetch(`${server.origin}${path}`);
    expect(res.status, path).toBe(200);
  }
  expect((await (await fetch(`${server.origin}/api/subjects`)).json()).length).toBe(3);
}, 60_000);

it('loads at start none of the libraries that only some requests or settings need', async () => {
  ensureBuilt();
  const loadedFile = join(dir, 'loaded-modules.txt');
  const started = await startServer(
    {
      DATABASE_PATH: join(dir, 'loads.db'),
      NODE_ENV: 'production',
      NODE_OPTIONS: `--import=${join(PROJECT_ROOT, 'tests/server/loaded-modules-hook.mjs')}`,
      LOADED_MODULES_FILE: loadedFile,
    },
    { cwd: dir },
  );
  try {
    const loaded = readFileSync(loadedFile, 'utf8').split('\n');
    // The hook sees the server's own modules and what CommonJS packages require (avvio, by
    // fastify): an empty list would pass for the wrong reason.
    expect(loaded.some((url) => url.endsWith('/dist/server/app.js'))).toBe(true);
    expect(loaded.some((path) => path.includes('/node_modules/avvio/'))).toBe(true);
    // server/lazy-modules.ts loads these on first use (ajv: Fastify's own schema compilers, which
    // the app's zod compilers replace); PostgreSQL's side only with DATABASE_URL.
    const deferred = loaded.filter((url) =>
      /\/node_modules\/(sharp|ioredis|nodemailer|otplib|qrcode|csv-parse|csv-stringify|exceljs|pg|ajv|@node-rs\/argon2)\/|\/dist\/db\/(schema\/pg\/|pg\/connection\.js)/.test(
        url,
      ),
    );
    expect(deferred).toEqual([]);
  } finally {
    started.child.kill('SIGTERM');
    await started.exited;
  }
}, 60_000);
