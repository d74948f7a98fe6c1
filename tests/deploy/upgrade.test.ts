// An upgrade in place, as the README's "Upgrading" does it: `npm run build` while the server
// runs, then a restart. A page a reader opened before keeps loading its scripts, styles and the
// chunks it imports later (charts), from the old server during the build and from the new one
// after the restart. Works on a copy of the project, so the build under test is never the
// one other tests use.
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../browser/chromium.js';
import { ensureBuilt, freePort, PROJECT_ROOT } from '../server-process.js';
import { answering, listening, mustRun, until } from './process.js';

const dir = mkdtempSync(join(tmpdir(), 'scorecard-upgrade-'));
const copy = join(dir, 'app');
let browser: TestBrowser;
beforeAll(async () => {
  ensureBuilt();
  // The sources and the current build with their times, so the copy's build counts as fresh.
  cpSync(PROJECT_ROOT, copy, {
    recursive: true,
    preserveTimestamps: true,
    filter: (src) => !['node_modules', '.git', 'data', 'screenshots', 'coverage'].some((skip) => src === join(PROJECT_ROOT, skip)),
  });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'));
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

function startRelease(port: number) {
  const child = spawn(process.execPath, ['dist/server/server.js'], {
    cwd: copy,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      OVERLOAD_GUARD: '0',
      DATABASE_PATH: join(dir, 'scorecard.db'),
      SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('close', resolve));
  return {
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await until(async () => !(await listening(port)), 'the port to be free', 10_000);
    },
  };
}

const builtFiles = (name: string): string[][] => JSON.parse(readFileSync(join(copy, 'dist', '.kept-builds', `${name}.json`), 'utf8'));

it(
  'keeps a page opened before the upgrade loading its scripts, during the build and after the restart',
  async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    let server = startRelease(port);
    await answering(origin);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const failures: string[] = [];
    const assets: string[] = [];
    page.on('response', (res: Response) => {
      if (!res.url().startsWith(origin)) return;
      if (res.status() >= 400) failures.push(`${res.status()} ${res.url()}`);
      if (new URL(res.url()).pathname.startsWith('/assets/')) assets.push(res.url());
    });
    page.on('requestfailed', (req) => failures.push(`failed ${req.url()}`));
    await page.goto(`${origin}/people/demo-avery-placeholder`, { waitUntil: 'networkidle' });
    const oldScript = await page.locator('script[type="module"][src^="/assets/"]').first().getAttribute('src');
    expect(assets.length).toBeGreaterThan(0);
    const [oldBuild] = builtFiles('client');

    // A new release: the app's entry changes, so its hash does, and the build runs beside the live server.
    appendFileSync(join(copy, 'client', 'app', 'main.ts'), "\ndocument.documentElement.dataset.release = 'upgraded';\n");
    await mustRun('npm', ['run', 'build'], { cwd: copy, env: { ...process.env, NODE_ENV: 'development' } });
    const [newBuild, previous] = builtFiles('client');
    expect(previous).toEqual(oldBuild);
    expect(newBuild).not.toEqual(oldBuild);
    for (const file of oldBuild.filter((f) => f.startsWith('assets/'))) {
      expect((await fetch(`${origin}/${file}`)).status, `old server, ${file}`).toBe(200);
    }

    await server.stop();
    server = startRelease(port);
    await answering(origin);
    try {
      // The new release's pages load the new entry...
      const fresh = await (await fetch(`${origin}/people/demo-avery-placeholder`)).text();
      expect(fresh).not.toContain(`src="${oldScript}"`);
      // ...and the old page, still open, loads what it asks for next: its charts' chunks as
      // they scroll into view, and every file of its build.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
          window.scrollTo(0, y);
          await new Promise((r) => requestAnimationFrame(r));
        }
      });
      await page.waitForLoadState('networkidle');
      for (const file of oldBuild.filter((f) => f.startsWith('assets/'))) {
        expect((await fetch(`${origin}/${file}`)).status, `new server, ${file}`).toBe(200);
      }
      expect(failures).toEqual([]);
      await context.close();
    } finally {
      await server.stop();
    }
  },
  20 * 60_000,
);
