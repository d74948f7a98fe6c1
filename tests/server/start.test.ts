import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { ensureBuilt, startServer, type RunningServer } from '../server-process.js';

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
